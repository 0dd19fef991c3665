// Text to plain data. Two YAML parsers, on purpose: js-yaml is about three times faster than
// `yaml` on large folders (see ../docs/architecture.md), so it reads every file
// (src/core/parse-quick.ts, which a clean file needs alone); `yaml` keeps positions and comments,
// so it is used for a file that has a problem (to cite its line) and for any file a command
// edits. Both read YAML 1.2's core schema, so dates stay text.
import { LineCounter, parseDocument } from 'yaml';
import { decode, fileTooLarge, MAX_FILE_BYTES, mergeConflict, parseQuickly } from './parse-quick.js';
import { problem, type Problem } from './problems.js';

export { decode, fileTooLarge, MAX_FILE_BYTES, mergeConflict };

export type Parsed = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/** Text to data, through the fast parser; falls back to `yaml` for errors and for aliases. */
export function parseYaml(file: string, text: string): Parsed {
  const quick = parseQuickly(file, text);
  return quick.ok ? quick : parseCarefully(file, text, quick.fastError);
}

/** The slow, careful parse: `yaml` with positions and an alias limit. */
export function parseCarefully(file: string, text: string, fastError?: unknown): Parsed {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    // logLevel error: yaml's warnings (an unknown tag) become problems below, not Node warnings.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core', logLevel: 'error' });
  } catch (error) {
    return fail(tooDeep(file, error, fastError));
  }
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  const errors = doc.errors.length > 0 || tag === undefined ? doc.errors : [tag];
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors.slice(0, 5).map((e) => {
        let pos = lineCounter.linePos(e.pos[0]);
        let message = yamlMessage(e.message);
        const unclosed = /end with an? ([\]}])/.exec(message);
        if (unclosed) {
          // yaml notices a missing ] or } on a later line; point at the bracket left open.
          const opener = unclosed[1] === ']' ? '[' : '{';
          const open = findUnclosed(text, e.pos[0], opener, unclosed[1]!);
          if (open !== undefined) {
            pos = lineCounter.linePos(open);
            message = `a ${opener === '[' ? 'list' : 'set of fields'} opened with "${opener}" is not closed with "${unclosed[1]}"`;
          }
        }
        if (e.code === 'DUPLICATE_KEY') {
          const key = /^\s*([^:#]+?)\s*:/.exec(text.split('\n')[pos.line - 1] ?? '')?.[1];
          message = key ? `"${key}" appears more than once in this record` : 'a field appears more than once in this record';
        }
        if (e.code === 'TAG_RESOLVE_FAILED') message = `${message.replace(/^Unresolved tag: /, 'unknown tag ')}: records do not use YAML tags`;
        if (/call stack/i.test(message)) return tooDeep(file, new RangeError(message), fastError);
        return problem(file, e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', message, yamlHint(e.code), pos);
      }),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      return fail(
        problem(
          file,
          'yaml-aliases',
          'this file uses too many YAML aliases (*name) to be a record',
          'Write the values out in full instead of using &anchors and *aliases.',
          { line: 1, col: 1 },
        ),
      );
    }
    if (error instanceof RangeError) return fail(tooDeep(file, error, fastError));
    const mark = markOf(fastError);
    return fail(problem(file, 'yaml-syntax', message, yamlHint(undefined), mark));
  }
}

/** Nesting so deep that parsing it exhausts the stack: no record is shaped like that. */
function tooDeep(file: string, error: unknown, fastError: unknown): Problem {
  if (!(error instanceof RangeError)) throw error;
  return problem(
    file,
    'yaml-syntax',
    'this file nests lists or fields far too deeply to be a record',
    'A record is a few levels deep: restore the file from git (git checkout -- <file>) or rewrite it.',
    markOf(fastError),
  );
}

/** The offset of the last bracket opened and not closed before `before`. */
function findUnclosed(text: string, before: number, opener: string, closer: string): number | undefined {
  let depth = 0;
  for (let i = Math.min(before, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (c === closer) depth++;
    else if (c === opener) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function yamlMessage(message: string): string {
  // `yaml` appends " at line L, column C:" and a snippet; we print our own.
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function yamlHint(code: string | undefined): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'A field may appear only once in a record: remove or rename one of them.';
    case 'TAG_RESOLVE_FAILED':
      return 'Remove the tag (the word starting with !), or put the value in quotes.';
    case 'TAB_AS_INDENT':
      return 'Indent with spaces, not tabs.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'Check the indentation: fields of the same record line up, nested fields are indented by two more spaces.';
    default:
      return 'Check this line: every field is "name: value" with a space after the colon; put text that contains ": " or starts with a special character (* & ! % @ ` # { [) in quotes.';
  }
}

function markOf(error: unknown): { line: number; col: number } {
  const mark = (error as { mark?: { line?: number; column?: number } } | undefined)?.mark;
  if (mark && typeof mark.line === 'number') return { line: mark.line + 1, col: (mark.column ?? 0) + 1 };
  return { line: 1, col: 1 };
}

function fail(p: Problem): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [p] };
}
