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

/** The table's lines one by one, so that a table of 100,000 rows need never be one string. */
export function* boxTableLines(spec: TableSpec): Generator<string> {
  const border = painter(spec.style?.border);
  const head = painter(spec.style?.head);
  const rows = spec.head.length > 0 ? [spec.head, ...spec.rows] : spec.rows;
  const paintHead = spec.head.length > 0;
  const wrap = spec.wordWrap ?? spec.colWidths !== undefined;
  const widths = spec.colWidths ?? fitted(rows);
  const last = widths.length - 1;

  for (let y = 0; y < rows.length; y++) {
    const row = rows[y]!;
    // The top of each row: its own border segment per cell, as cli-table3 colours them.
    let top = '';
    for (let x = 0; x <= last; x++) {
      const left = y === 0 ? (x === 0 ? CHARS.topLeft : CHARS.topMid) : x === 0 ? CHARS.leftMid : CHARS.midMid;
      const right = x === last ? (y === 0 ? CHARS.topRight : CHARS.rightMid) : '';
      top += border(left + (y === 0 ? CHARS.top : CHARS.mid).repeat(widths[x]!) + right);
    }
    yield top;

    const lines = widths.map((width, x) => {
      const text = String(row[x] ?? '');
      const split = wrap ? wordWrap(width - 2, text) : text.split('\n');
      // colorizeLines carries colours across line breaks; without escape codes it changes nothing.
      return text.includes('\u001b') ? utils.colorizeLines(split) : split;
    });
    const height = Math.max(1, ...lines.map((l) => l.length));
    for (let n = 0; n < height; n++) {
      let line = '';
      for (let x = 0; x <= last; x++) {
        const width = widths[x]!;
        const text = lines[x]![n];
        let content = text === undefined ? ' '.repeat(width) : ` ${pad(truncate(text, width - 2), width - 2)} `;
        if (y === 0 && paintHead) content = head(content);
        line += border(x === 0 ? CHARS.left : CHARS.middle) + content + border(x === last ? CHARS.right : '');
      }
      yield line;
    }
  }

  let bottom = '';
  for (let x = 0; x <= last; x++) {
    bottom += border((x === 0 ? CHARS.bottomLeft : CHARS.bottomMid) + CHARS.bottom.repeat(widths[x]!) + (x === last ? CHARS.bottomRight : ''));
  }
  if (rows.length > 0) yield bottom;
}

/**
 * cli-table3's `strlen` (the widest line's width on screen). Text of letters that are one column
 * wide, as most names are (ASCII, accented Latin, Vietnamese, Greek, Cyrillic, with combining
 * accents of none), is counted here; anything else (colour codes, line breaks, symbols that may be
 * emoji, wide East Asian characters) goes to cli-table3's own, which uses string-width.
 */
function strlen(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xc0 && c <= 0x2ff) || (c >= 0x370 && c <= 0x52f) || (c >= 0x1e00 && c <= 0x1eff)) width++;
    else if (c < 0x300 || c > 0x36f) return utils.strlen(text);
  }
  return width;
}

/** cli-table3's `wordWrap` with `wrapOnWordBoundary` (utils.js), measuring with our `strlen`. */
function wordWrap(maxLength: number, input: string): string[] {
  const out: string[] = [];
  for (const paragraph of input.split('\n')) {
    const split = paragraph.split(/(\s+)/g);
    let line: string[] = [];
    let lineLength = 0;
    let whitespace: string | undefined;
    for (let i = 0; i < split.length; i += 2) {
      const word = split[i]!;
      let newLength = lineLength + strlen(word);
      if (lineLength > 0 && whitespace) newLength += whitespace.length;
      if (newLength > maxLength) {
        if (lineLength !== 0) out.push(line.join(''));
        line = [word];
        lineLength = strlen(word);
      } else {
        line.push(whitespace || '', word);
        lineLength = newLength;
      }
      whitespace = split[i + 1];
    }
    if (lineLength) out.push(line.join(''));
  }
  return out;
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
