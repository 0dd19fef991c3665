// A boxed table in linear time, drawn exactly as cli-table3 0.6 draws one without spanning cells
// (the only kind the reports and lists use): fixed widths with word wrap, or widths to fit.
//
// Why not cli-table3 itself: its layout step looks for spanning cells by comparing every cell
// with every row above it (quadratic in rows), and every cell line it draws first builds a
// debug-only preview of the cell's whole content. A report of 20,000 rows took 40 s. Here each
// row is wrapped and drawn on its own, with cli-table3's own wrapping, padding and truncating
// rules and the same colour library for borders and headings, so the output is byte for byte
// what cli-table3 prints (test/core/table.test.ts compares the two on generated tables). Its
// measuring of text (string-width, for wide characters and emoji) was most of the time left, so
// the letters of most names are counted directly and only other text goes through its `strlen`.
import colors from '@colors/colors/safe.js';
import utils from 'cli-table3/src/utils.js';

export interface TableSpec {
  head: string[];
  /** Each column's width including its one space of padding either side; fitted to the widest cell when left out. */
  colWidths?: number[];
  /** Wrap text to the column widths (the default with colWidths); otherwise only line breaks split a cell. */
  wordWrap?: boolean;
  rows: string[][];
  /** Colour names for the heading and the borders (cli-table3's `style.head` and `style.border`). */
  style?: { head?: string[]; border?: string[] };
}

const CHARS = {
  top: '─',
  topMid: '┬',
  topLeft: '┌',
  topRight: '┐',
  bottom: '─',
  bottomMid: '┴',
  bottomLeft: '└',
  bottomRight: '┘',
  left: '│',
  leftMid: '├',
  mid: '─',
  midMid: '┼',
  right: '│',
  rightMid: '┤',
  middle: '│',
} as const;

type Paint = (text: string) => string;

/** cli-table3's `wrapWithStyleColors`: the colour functions applied last to first. */
function painter(names: string[] | undefined): Paint {
  if (!names || names.length === 0) return (text) => text;
  const table = colors as unknown as Record<string, Paint | undefined>;
  return (text) => {
    let out = text;
    for (let i = names.length - 1; i >= 0; i--) {
      const paint = table[names[i]!];
      if (!paint) return text;
      out = paint(out);
    }
    return out;
  };
}

export function renderBoxTable(spec: TableSpec): string {
  return [...boxTableLines(spec)].join('\n');
}

/**
 * The table's rows one by one (each its lines joined with line breaks, the last with the bottom
 * border), so that a table of 100,000 rows need never be one string.
 */
export function* boxTableLines(spec: TableSpec): Generator<string> {
  const border = painter(spec.style?.border);
  const head = painter(spec.style?.head);
  const rows = spec.head.length > 0 ? [spec.head, ...spec.rows] : spec.rows;
  const paintHead = spec.head.length > 0;
  const wrap = spec.wordWrap ?? spec.colWidths !== undefined;
  const widths = spec.colWidths ?? fitted(rows);
  const last = widths.length - 1;
  if (rows.length === 0) return;

  // Every piece of border is the same for every row (cli-table3 colours each segment on its own),
  // so each is drawn once: the top of the first row, the top of the others, the sides.
  const topOf = (first: boolean): string => {
    let top = '';
    for (let x = 0; x <= last; x++) {
      const left = first ? (x === 0 ? CHARS.topLeft : CHARS.topMid) : x === 0 ? CHARS.leftMid : CHARS.midMid;
      const right = x === last ? (first ? CHARS.topRight : CHARS.rightMid) : '';
      top += border(left + (first ? CHARS.top : CHARS.mid).repeat(widths[x]!) + right);
    }
    return top;
  };
  const firstTop = topOf(true);
  const otherTop = topOf(false);
  const sides = widths.map((_, x) => border(x === 0 ? CHARS.left : CHARS.middle));
  const ends = widths.map((_, x) => border(x === last ? CHARS.right : ''));
  const blank = widths.map((width) => ' '.repeat(width));
  let bottom = '';
  for (let x = 0; x <= last; x++) {
    bottom += border((x === 0 ? CHARS.bottomLeft : CHARS.bottomMid) + CHARS.bottom.repeat(widths[x]!) + (x === last ? CHARS.bottomRight : ''));
  }

  const lines: string[][] = widths.map(() => []);
  for (let y = 0; y < rows.length; y++) {
    const row = rows[y]!;
    let out = y === 0 ? firstTop : otherTop;
    let height = 1;
    for (let x = 0; x <= last; x++) {
      const text = String(row[x] ?? '');
      const split = wrap ? wordWrap(widths[x]! - 2, text) : text.split('\n');
      // colorizeLines carries colours across line breaks; without escape codes it changes nothing.
      lines[x] = text.includes('\u001b') ? utils.colorizeLines(split) : split;
      if (lines[x]!.length > height) height = lines[x]!.length;
    }
    for (let n = 0; n < height; n++) {
      out += '\n';
      for (let x = 0; x <= last; x++) {
        const text = lines[x]![n];
        let content = text === undefined ? blank[x]! : ` ${fit(text, widths[x]! - 2)} `;
        if (y === 0 && paintHead) content = head(content);
        out += sides[x]! + content + ends[x]!;
      }
    }
    if (y === rows.length - 1) out += `\n${bottom}`;
    yield out;
  }
}

/** Is this code unit white space to a regular expression (`\s`)? */
export function isSpace(c: number): boolean {
  if (c === 32) return true;
  if (c < 0xa0) return c >= 9 && c <= 13;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Counted here: letters one column wide, as most names are (see strlen). */
function isNarrow(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xc0 && c <= 0x2ff) || (c >= 0x370 && c <= 0x52f) || (c >= 0x1e00 && c <= 0x1eff);
}

/**
 * cli-table3's `strlen` (the widest line's width on screen). Text of letters that are one column
 * wide, as most names are (ASCII, accented Latin, Vietnamese, Greek, Cyrillic, with combining
 * accents of none), is counted here; anything else (colour codes, line breaks, symbols that may be
 * emoji, wide East Asian characters) goes to cli-table3's own, which uses string-width.
 */
function strlen(text: string): number {
  return widthOf(text, 0, text.length);
}

/** strlen of text.slice(start, end), without the slice when the text is all narrow letters. */
function widthOf(text: string, start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isNarrow(c)) width++;
    else if (c < 0x300 || c > 0x36f) return utils.strlen(text.slice(start, end));
  }
  return width;
}

/**
 * cli-table3's `wordWrap` with `wrapOnWordBoundary` (utils.js), measuring with our `strlen`. It
 * splits each paragraph into words and runs of white space and joins them again; a line is always
 * one stretch of its paragraph, so here it is cut out of it instead, without the arrays.
 */
export function wordWrap(maxLength: number, input: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const newline = input.indexOf('\n', from);
    wrapParagraph(input, from, newline < 0 ? input.length : newline, maxLength, out);
    if (newline < 0) return out;
    from = newline + 1;
  }
}

function wrapParagraph(text: string, start: number, end: number, maxLength: number, out: string[]): void {
  let lineStart = start;
  let lineEnd = start;
  let lineLength = 0;
  /** The white space before the word, as cli-table3 counts it (its length); 0 before the first. */
  let space = 0;
  let i = start;
  for (;;) {
    // The word, measured as it is scanned (strlen's count; other text goes to cli-table3's).
    let j = i;
    let width = 0;
    let counted = true;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 32 || isSpace(c)) break;
      if (isNarrow(c)) width++;
      else if (c < 0x300 || c > 0x36f) counted = false;
    }
    if (!counted) width = utils.strlen(text.slice(i, j));
    let newLength = lineLength + width;
    if (lineLength > 0 && space > 0) newLength += space;
    if (newLength > maxLength) {
      if (lineLength !== 0) out.push(text.slice(lineStart, lineEnd));
      lineStart = i;
      lineLength = width;
    } else lineLength = newLength;
    lineEnd = j;
    if (j >= end) break;
    i = j;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    space = i - j;
  }
  if (lineLength) out.push(text.slice(lineStart, lineEnd));
}

/** A cell's line padded (or, too wide, truncated) to `length`, as cli-table3 does. */
function fit(text: string, length: number): string {
  const width = strlen(text);
  if (width <= length) return width === length ? text : text + spaces(length - width);
  return pad(truncate(text, length), length);
}

const SPACES = ' '.repeat(128);
function spaces(n: number): string {
  return n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n);
}

/** cli-table3's `pad` to the left-aligned width. */
function pad(text: string, length: number): string {
  const width = strlen(text);
  return length + 1 >= width ? text + ' '.repeat(Math.max(0, length - width)) : text;
}

/** cli-table3's `truncate`, which it calls on every line; only a line too wide changes. */
function truncate(text: string, length: number): string {
  return strlen(text) <= length ? text : utils.truncate(text, length, '…');
}

/** cli-table3's widths when none are given: the widest cell of each column plus its padding. */
function fitted(rows: string[][]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, x) => {
      widths[x] = Math.max(widths[x] ?? 1, strlen(String(cell)) + 2);
    });
  }
  return widths;
}
