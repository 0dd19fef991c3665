// The fast half of reading a record's text: bytes to text (refusing binary files, other
// encodings, stray carriage returns and git's conflict markers, each with its line), and js-yaml's
// parse. It does not load the `yaml` library: src/core/parse.ts adds that, for a file js-yaml
// cannot read (to say where and why) and for files that are edited.
import jsYaml from 'js-yaml';
import { fileTooLarge, MAX_FILE_BYTES } from './limits.js';
import { problem, type Problem } from './problems.js';

export { fileTooLarge, MAX_FILE_BYTES };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text: refuses binary files and text that is not UTF-8, citing where. */
export function decode(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  if (bytes.length > MAX_FILE_BYTES) return fail(fileTooLarge(file, bytes.length));
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return atByte(
      file,
      bytes,
      nul,
      'binary-file',
      'this is not a text file (it contains binary data)',
      'Record files are plain YAML text. Move this file out of the programme folder, or restore it from git (git checkout -- <file>).',
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return atByte(
      file,
      bytes,
      firstInvalidUtf8(bytes),
      'not-utf8',
      'this file is not UTF-8 text',
      'Save the file as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252), then check names with accents.',
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

/**
 * js-yaml's reading of the text, or why the careful parser (src/core/parse.ts) must read it
 * instead: js-yaml's error, or none when the text shares objects through aliases.
 */
export function parseQuickly(file: string, text: string): { ok: true; value: unknown } | { ok: false; fastError: unknown } {
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    return { ok: false, fastError: error };
  }
  // An alias makes two places share one object; expanding them is how an "alias bomb" exhausts
  // memory. `yaml` counts and limits aliases, so let it decide.
  if (text.includes('*') && sharesObjects(value)) return { ok: false, fastError: undefined };
  return { ok: true, value };
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

/** A problem with the file's bytes, at the line and column of the byte at `index`. */
function atByte(
  file: string,
  bytes: Uint8Array,
  index: number,
  code: 'binary-file' | 'not-utf8',
  message: string,
  hint: string,
): { ok: false; problems: Problem[] } {
  return fail(problem(file, code, message, hint, positionOfByte(bytes, index)));
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
