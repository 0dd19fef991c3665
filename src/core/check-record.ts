// One record's data against its schema: every issue becomes a Problem with a path, and an
// unknown field gets a "did you mean" from the fields the schema knows at that place.
import type { z } from 'zod';
import { problem, type PathSegment, type Problem } from './problems.js';
import { SCHEMAS, type RecordKind } from './schema/index.js';
import { didYouMean } from './suggest.js';

const KIND_HINT: Record<RecordKind, string> = {
  programme: 'programme.yaml holds the programme settings as "field: value" lines, starting with name:, coordinator: and safeguarding_lead:.',
  mentor: 'A mentor file holds one mentor as "field: value" lines, at least name:.',
  mentee: 'A mentee file holds one mentee as "field: value" lines, at least name:.',
  match: 'A match file holds one match as "field: value" lines, at least mentor:, mentee: and status:.',
};

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function checkRecord<T = unknown>(kind: RecordKind, file: string, value: unknown): Checked<T> {
  if (value === null || value === undefined) {
    return { ok: false, problems: [problem(file, 'empty-file', 'this file is empty', KIND_HINT[kind], { line: 1, col: 1 })] };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'a list' : `a single value (${JSON.stringify(value).slice(0, 40)})`;
    return {
      ok: false,
      problems: [problem(file, 'not-a-record', `this file holds ${what}, not a record`, KIND_HINT[kind], { line: 1, col: 1 })],
    };
  }
  const poisoned = hasProtoKey(value) ? protoKeys(value) : [];
  if (poisoned.length > 0) {
    // JavaScript treats this name specially; a record that used it could change how others read.
    return {
      ok: false,
      problems: poisoned.map((path) =>
        problem(file, 'unknown-field', '"__proto__" cannot be the name of a field', 'Remove this field, or rename it.', { path, atKey: true }),
      ),
    };
  }
  const schema = SCHEMAS[kind];
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data as T };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) problems.push(...issueToProblems(schema, file, value, issue));
  return { ok: false, problems };
}

function issueToProblems(schema: z.ZodType, file: string, root: unknown, issue: z.core.$ZodIssue): Problem[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const field = describePath(path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    return issue.keys.map((key) =>
      problem(
        file,
        'unknown-field',
        `unknown field "${key}"${path.length > 0 ? ` in ${field}` : ''}`,
        `${didYouMean(key, known).trim() || 'Remove it or check its spelling.'} Fields allowed here: ${known.join(', ')}.`,
        { path: [...path, key], atKey: true },
      ),
    );
  }
  const input = valueAt(root, path);
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value' || issue.code === 'custom')) {
    return [
      problem(file, 'missing-field', `${field} is missing`, `Add a line "${String(path[path.length - 1])}: ..." to this record.`, {
        path: path.slice(0, -1),
        atKey: true,
      }),
    ];
  }
  if (input === null && issue.code !== 'custom') {
    return [problem(file, 'empty-value', `${field} has no value`, `Give ${field} a value, or delete the line.`, { path })];
  }
  const synonym = stepSynonym(path, input);
  if (synonym) {
    return [
      problem(
        file,
        'invalid-value',
        `${field} has "${synonym}:" where the date it was completed goes`,
        `Did you mean "completed:"? Write completed: YYYY-MM-DD (and expires: for a step that expires).`,
        { path: [...path, synonym], atKey: true },
      ),
    ];
  }
  const shown = describeValue(input);
  return [problem(file, 'invalid-value', `${field} ${messageOf(issue)}${shown ? `, not ${shown}` : ''}`, hintOf(issue, field), { path })];
}

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return 'should not be empty';
      if (issue.origin === 'array') return `should have at least ${String(issue.minimum)} item(s)`;
      return `should be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `should have at most ${String(issue.maximum)} item(s)`;
      return `should be at most ${String(issue.maximum)}`;
    case 'invalid_type':
      if (issue.expected === 'int') return 'should be a whole number';
      // Zod's own wording for a plain type mismatch; ours is set on the field when it matters.
      return issue.message.startsWith('Invalid input') ? `should be ${article(issue.expected)}` : issue.message;
    default:
      return issue.message.startsWith('Invalid') ? 'is not valid here' : issue.message;
  }
}

function hintOf(issue: z.core.$ZodIssue, field: string): string {
  if (issue.code === 'invalid_type' && issue.expected === 'array') return `Write ${field} as a list: one "- item" per line, indented under it.`;
  if (issue.code === 'invalid_type' && issue.expected === 'object') return `Write ${field} as indented "field: value" lines under it.`;
  return `Correct the value of ${field}.`;
}

function article(type: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a set of fields' };
  return names[type] ?? type;
}

function describeValue(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a set of fields';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}..."` : text;
}

/** "checkins[2].outcome" reads better to a coordinator as "outcome (check-in 3)". */
export function describePath(path: PathSegment[]): string {
  if (path.length === 0) return 'the record';
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''}[${segment + 1}]`;
    else parts.push(segment);
  }
  return `"${parts.join('.')}"`;
}

function valueAt(root: unknown, path: PathSegment[]): unknown {
  let v: unknown = root;
  for (const s of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
};

/** The field names an object schema accepts at `path` (for "did you mean"). */
export function knownKeys(schema: z.ZodType, path: PathSegment[]): string[] {
  const at = walk(schema, path);
  const keys = new Set<string>();
  for (const s of at) {
    const def = unwrap(s);
    if (def.type === 'object' && def.shape) for (const k of Object.keys(def.shape)) keys.add(k);
  }
  return [...keys];
}

function unwrap(schema: z.ZodType): Def {
  let def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  for (let guard = 0; guard < 10; guard++) {
    if (def.innerType) def = (def.innerType as unknown as { _zod: { def: Def } })._zod.def;
    else if (def.type === 'pipe' && def.in) def = (def.in as unknown as { _zod: { def: Def } })._zod.def;
    else break;
  }
  return def;
}

function walk(schema: z.ZodType, path: PathSegment[]): z.ZodType[] {
  let current: z.ZodType[] = [schema];
  for (const segment of path) {
    const next: z.ZodType[] = [];
    for (const s of current) {
      const def = unwrap(s);
      const candidates = def.type === 'union' && def.options ? def.options.map(unwrap) : [def];
      for (const d of candidates) {
        if (d.type === 'object' && d.shape && typeof segment === 'string' && d.shape[segment]) next.push(d.shape[segment]);
        else if (d.type === 'array' && d.element && typeof segment === 'number') next.push(d.element);
        else if (d.type === 'record' && d.valueType) next.push(d.valueType);
      }
    }
    current = next;
  }
  return current.flatMap((s) => {
    const d = unwrap(s);
    return d.type === 'union' && d.options ? d.options : [s];
  });
}

/** Whether any key in parsed data is named __proto__: a walk that allocates nothing, run on every file. */
function hasProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const child of value) if (hasProtoKey(child)) return true;
    return false;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || hasProtoKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Paths of every key named __proto__ in parsed data (own keys: a parser may define them). */
function protoKeys(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (value === null || typeof value !== 'object') return [];
  const out: PathSegment[][] = [];
  const entries: [PathSegment, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
  for (const [key, child] of entries) {
    if (key === '__proto__') out.push([...path, key]);
    else out.push(...protoKeys(child, [...path, key]));
  }
  return out;
}

/** An onboarding step written with another word for "completed" (done:, date:, on: ...). */
function stepSynonym(path: PathSegment[], input: unknown): string | undefined {
  if (path[0] !== 'onboarding' || path.length !== 2 || input === null || typeof input !== 'object' || 'completed' in input) return undefined;
  return ['done', 'date', 'on', 'complete', 'completed_on', 'passed', 'cleared'].find((k) => k in input);
}
