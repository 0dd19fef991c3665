// Edits to a YAML file's text that leave every other byte alone: comments, blank lines, quoting,
// key order and the layout of untouched fields survive exactly, so `git diff` shows only the
// change. Each edit splices new text into the old at the positions `yaml` reports, then parses
// the result and checks it holds exactly the intended data; if a layout defeats the splice (flow
// collections, say), it falls back to yaml's Document API, which keeps comments but may re-indent.
import { isDeepStrictEqual } from 'node:util';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  stringify,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { PathSegment } from './problems.js';

export type Edit = { op: 'set'; path: PathSegment[]; value: unknown } | { op: 'append'; path: PathSegment[]; value: unknown };

/** Edits to one record file (its path relative to the programme folder). */
export interface FileEdits {
  file: string;
  edits: Edit[];
}

export class EditError extends Error {}

/**
 * Applies edits in order; returns the new text. Throws EditError for an edit that cannot apply.
 * A file with Windows line endings (CRLF) keeps them on every line, old and new.
 */
export function applyEdits(text: string, edits: Edit[]): string {
  const crlf = text.includes('\r\n');
  let current = crlf ? text.replace(/\r\n/g, '\n') : text;
  if (current.includes('\r') || (crlf && /(?<!\r)\n/.test(text)))
    throw new EditError('the file mixes line endings or uses old Mac (CR) line endings; save it again with one kind');
  for (const edit of edits) current = applyEdit(current, edit);
  return crlf ? current.replace(/\n/g, '\r\n') : current;
}

export function applyEdit(text: string, edit: Edit): string {
  const before = parse(text);
  if (before.doc.errors.length > 0) throw new EditError(`the file does not parse: ${before.doc.errors[0]!.message}`);
  const expected = applyToData(toData(before.doc), edit);
  const spliced = splice(text, before, edit);
  if (spliced !== undefined && sameData(spliced, expected)) return spliced;
  const viaDocument = withDocumentApi(before.doc, edit);
  if (sameData(viaDocument, expected)) return viaDocument;
  throw new EditError(`could not apply the edit at ${edit.path.join('.')}`);
}

interface Parsed {
  doc: Document.Parsed;
  lines: LineCounter;
}

function parse(text: string): Parsed {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, schema: 'core', logLevel: 'error' }), lines };
}

function sameData(text: string, expected: unknown): boolean {
  const doc = parseDocument(text, { schema: 'core', logLevel: 'error' });
  return doc.errors.length === 0 && isDeepStrictEqual(toData(doc), expected);
}

/**
 * The document's data. The loader has already refused alias bombs (aliases of lists and maps);
 * aliases of plain values cost nothing to expand, so the limit here only stops the absurd.
 */
function toData(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: 10_000 });
  } catch (error) {
    throw new EditError(
      `the file uses YAML aliases (*name) in a way the tool cannot edit safely (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
  }
}

/** The edit applied to plain data: what the file must hold afterwards. */
export function applyToData(data: unknown, edit: Edit): unknown {
  const root = structuredClone(data ?? {}) as Record<PathSegment, unknown>;
  let node: Record<PathSegment, unknown> = root;
  edit.path.forEach((segment, i) => {
    const last = i === edit.path.length - 1;
    if (last) {
      if (edit.op === 'set') node[segment] = edit.value;
      else {
        const list = node[segment];
        node[segment] = Array.isArray(list) ? [...list, edit.value] : [edit.value];
      }
      return;
    }
    const next = node[segment];
    if (next === null || typeof next !== 'object') node[segment] = typeof edit.path[i + 1] === 'number' ? [] : {};
    node = node[segment] as Record<PathSegment, unknown>;
  });
  return root;
}

function splice(text: string, parsed: Parsed, edit: Edit): string | undefined {
  const { doc } = parsed;
  if (!isMap(doc.contents)) return undefined;
  // Walk down the existing block maps and lists as far as the path goes.
  let node: YAMLMap | YAMLSeq = doc.contents;
  let i = 0;
  for (; i < edit.path.length - 1; i++) {
    const segment = edit.path[i]!;
    const child = isMap(node) ? findPair(node, segment)?.value : typeof segment === 'number' ? node.items[segment] : undefined;
    if (!(isMap(child) || isSeq(child)) || child.flow) break;
    if (isSeq(child) && typeof edit.path[i + 1] !== 'number') break;
    node = child;
  }
  if (!isMap(node)) return undefined;
  const map: YAMLMap = node;
  const key = edit.path[i]!;
  const rest = edit.path.slice(i + 1);
  const pair = findPair(map, key);
  if (typeof key === 'number') return undefined;

  if (rest.length === 0 && edit.op === 'append' && pair && isSeq(pair.value) && !pair.value.flow && pair.value.items.length > 0) {
    const seq = pair.value;
    const dashCol = columnOf(parsed, seq.range![0]);
    const at = endOfLine(text, seq.range![1]);
    return insertAt(text, at, blockItem(edit.value, dashCol));
  }

  // The new value for `key`: the rest of the path nested inside it.
  let value: unknown;
  if (pair && rest.length === 0 && edit.op === 'append') {
    const old = pair.value && (pair.value as Node).toJS ? (pair.value as Node).toJS(doc) : [];
    value = [...(Array.isArray(old) ? old : []), edit.value];
  } else if (pair && rest.length > 0) {
    const old = pair.value && (pair.value as Node).toJS ? (pair.value as Node).toJS(doc) : {};
    value = applyToData(old, { ...edit, path: rest });
  } else {
    value = nest(rest, edit.op === 'append' ? [edit.value] : edit.value);
  }

  if (pair) {
    if (!isScalar(pair.key) || !pair.key.range) return undefined;
    const keyStart = pair.key.range[0];
    const valueEnd = pair.value && (pair.value as Node).range ? (pair.value as Node).range![1] : pair.key.range[1];
    const col = columnOf(parsed, keyStart);
    const replaced = pairText(String(key), value, col).trimEnd();
    // Keep whatever followed the old value on its line (a comment, say).
    const end = isScalar(pair.value) || pair.value === null ? valueEnd : trimBack(text, valueEnd);
    return text.slice(0, keyStart) + replaced.slice(col) + text.slice(end);
  }
  if (map.flow || map.items.length === 0 || !map.range) return undefined;
  const col = columnOf(parsed, map.range[0]);
  const at = endOfLine(text, map.range[1]);
  return insertAt(text, at, pairText(String(key), value, col));
}

function findPair(map: YAMLMap, key: PathSegment): Pair | undefined {
  return map.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(key)) as Pair | undefined;
}

function nest(path: PathSegment[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, segment) => ({ [segment]: inner }), value);
}

function columnOf(parsed: Parsed, offset: number): number {
  return parsed.lines.linePos(offset).col - 1;
}

/** The offset just past the end of the line holding `offset - 1` (the line a node ends on). */
function endOfLine(text: string, offset: number): number {
  const from = Math.max(0, offset - 1);
  if (text[from] === '\n') return from + 1;
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl + 1;
}

function trimBack(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function insertAt(text: string, at: number, insertion: string): string {
  const before = text.slice(0, at);
  const needsNewline = before.length > 0 && !before.endsWith('\n');
  return `${before}${needsNewline ? '\n' : ''}${insertion}${text.slice(at)}`;
}

const STRINGIFY = { lineWidth: 0, indent: 2, indentSeq: true } as const;

function indentLines(block: string, col: number): string {
  const pad = ' '.repeat(col);
  return block
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/**
 * A time of day ("10:30") is written in quotes: YAML 1.2 reads it as text either way, but a YAML
 * 1.1 reader (older tools, some editors) would read 10:30 as a number of minutes.
 */
function quoteTimes(_key: unknown, value: unknown): unknown {
  if (typeof value === 'string' && /^\d{1,2}:\d{2}$/.test(value)) {
    const scalar = new Scalar(value);
    scalar.type = 'QUOTE_DOUBLE';
    return scalar;
  }
  return value;
}

/** `key: value` as block YAML starting at column `col`, ending with a newline. */
function pairText(key: string, value: unknown, col: number): string {
  return indentLines(stringify({ [key]: value }, quoteTimes, STRINGIFY), col);
}

/** `- item` as block YAML with its dash at column `col`, ending with a newline. */
function blockItem(value: unknown, col: number): string {
  return indentLines(stringify([value], quoteTimes, STRINGIFY), col);
}

function withDocumentApi(doc: Document.Parsed, edit: Edit): string {
  const copy = doc.clone();
  if (edit.op === 'set') copy.setIn(edit.path, copy.createNode(edit.value));
  else {
    const list = copy.getIn(edit.path, true);
    if (isSeq(list)) list.items.push(copy.createNode(edit.value));
    else copy.setIn(edit.path, copy.createNode([edit.value]));
  }
  return copy.toString(STRINGIFY);
}
