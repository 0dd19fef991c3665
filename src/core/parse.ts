// Text to plain data. Two YAML parsers, on purpose: js-yaml is about three times faster than
// `yaml` on large folders (see ../docs/architecture.md), so it reads every file; `yaml` keeps
// positions and comments, so it is used for a file that has a problem (to cite its line) and
// for any file a command edits. Both read YAML 1.2's core schema, so dates stay text.
import jsYaml from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { fileTooLarge, MAX_FILE_BYTES } from './limits.js';
import { problem, type Problem } from './problems.js';

export { fileTooLarge, MAX_FILE_BYTES };

export type Parsed = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text: refuses binary files and text that is not UTF-8, citing where. */
export function decode(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  if (bytes.length > MAX_FILE_BYTES) return fail(fileTooLarge(file, bytes.length));
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, col } = positionOfByte(bytes, nul);
    return fail(
      problem(
        file,
        'binary-file',
        'this is not a text file (it contains binary data)',
        'Record files are plain YAML text. Move this file out of the programme folder, or restore it from git (git checkout -- <file>).',
        { line, col },
      ),
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, col } = positionOfByte(bytes, bad);
    return fail(
      problem(
        file,
        'not-utf8',
        'this file is not UTF-8 text',
        'Save the file as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252), then check names with accents.',
        { line, col },
      ),
    );
  }
  // The decoder has already dropped one byte-order mark; a second is one too many.
  if (text.charCodeAt(0) === 0xfeff) {
    return fail(
      problem(file, 'byte-order-mark', 'this file starts with two byte-order marks', 'Save the file again as UTF-8 (without BOM) in your editor.', {
        line: 1,
        col: 1,
      }),
    );
  }
  const endings = lineEndingProblem(file, text);
  if (endings) return fail(endings);
  const conflict = mergeConflict(file, text);
  if (conflict) return fail(conflict);
  return { ok: true, text };
}

/**
 * Lines must end in LF or CRLF, one or the other: the two YAML parsers disagree on a lone CR
 * (one reads it as a line break, the other as part of a line), so a write could lose fields.
 */
function lineEndingProblem(file: string, text: string): Problem | undefined {
  const cr = text.indexOf('\r');
  if (cr === -1) return undefined;
  const lone = /\r(?!\n)/.exec(text);
  if (lone) {
    const line = text.slice(0, lone.index).split(/\r\n|\r|\n/).length;
    return problem(
      file,
      'line-endings',
      'this file ends its lines with a lone carriage return (CR), an old Mac format',
      'Save it again with Unix (LF) or Windows (CRLF) line endings: most editors show the choice in the status bar.',
      { line, col: 1 },
    );
  }
  const bare = /(?<!\r)\n/.exec(text);
  if (bare) {
    const line = text.slice(0, bare.index).split('\n').length;
    return problem(
      file,
      'line-endings',
      'this file mixes Windows (CRLF) and Unix (LF) line endings',
      'Save it again with one kind of line ending: most editors show the choice in the status bar.',
      { line, col: 1 },
    );
  }
  return undefined;
}

/**
 * git's conflict markers: one plain problem naming the lines, instead of the YAML syntax errors
 * the markers would cause (and a hint a coordinator can follow).
 */
export function mergeConflict(file: string, text: string): Problem | undefined {
  // The common case without splitting the file into lines: no line starts with the marker.
  if (!text.startsWith('<<<<<<<') && !text.includes('\n<<<<<<<')) return undefined;
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith('<<<<<<<'));
  if (start === -1) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('>>>>>>>'));
  const last = end === -1 ? lines.length : end + 1;
  return problem(
    file,
    'merge-conflict',
    `unresolved git merge conflict between lines ${start + 1} and ${last}`,
    `Both versions are between the markers. Run \`mentor-coord git setup\` so that git merges records itself next time; for this file keep what both sides added (calls, meetings, concerns: keep every entry) and choose one value where they differ, then delete the marker lines.`,
    { line: start + 1, col: 1 },
  );
}

/** Text to data, through the fast parser; falls back to `yaml` for errors and for aliases. */
export function parseYaml(file: string, text: string): Parsed {
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    return parseCarefully(file, text, error);
  }
  // An alias makes two places share one object; expanding them is how an "alias bomb" exhausts
  // memory. `yaml` counts and limits aliases, so let it decide.
  if (text.includes('*') && sharesObjects(value)) return parseCarefully(file, text, undefined);
  return { ok: true, value };
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

function sharesObjects(root: unknown): boolean {
  const seen = new WeakSet<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v)) return true;
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
  }
  return false;
}

function fail(p: Problem): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [p] };
}

function positionOfByte(bytes: Uint8Array, index: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: index - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Only called once the decoder has refused the file: find the first byte that breaks UTF-8.
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    const extra = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) {
      const d = bytes[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return 0;
}
