// Our linear-time table must be cli-table3's table, character for character, for every kind of
// content the reports put in it (colours, long words, wide characters, empty cells, line breaks).
import colors from '@colors/colors/safe.js';
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { afterAll, describe, expect, it } from 'vitest';
import { groupItems, overdueReport } from '../../src/core/overdue/engine.js';
import utils from 'cli-table3/src/utils.js';
import { breakLong, joinLines, jsonChunks, renderJson, renderTable, renderText, thousands } from '../../src/render/overdue.js';
import { isSpace, renderBoxTable, wordWrap } from '../../src/render/table.js';
import { model } from '../fixtures/model.js';
import { rng } from '../fixtures/random.js';

const chalk = new Chalk({ level: 3 });
const WORDS = [
  'call',
  'Siobhán',
  'Ó',
  'Ceallaigh',
  '+44 7700 900123',
  'bea.santos@example.org',
  '中文名字',
  '😀',
  'x'.repeat(45),
  '-',
  '',
  'ả',
  '\t',
  'Adébáyọ̀',
  'Nguyễn',
  'Анна',
  'Ωμέγα',
  'Þórsson',
  '©',
  '®',
  '™',
  'a\u00adb',
  'a\u00a0b',
  '\u0301',
  'ǅ',
  'ʼn',
  '\u1100',
  'Ḁ',
  '\u2329',
  '\u3000',
  '\u2003x',
  ' lead',
  '\r',
  '\ufeff',
];

function randomCell(next: () => number): string {
  const words = Array.from({ length: Math.floor(next() * 14) }, () => {
    const word = WORDS[Math.floor(next() * WORDS.length)]!;
    const r = next();
    return r < 0.1 ? chalk.red(word) : r < 0.15 ? chalk.red.bold(word) : r < 0.2 ? chalk.dim(word) : word;
  });
  let text = '';
  for (const word of words) text += word + (next() < 0.15 ? '\n' : next() < 0.1 ? '  ' : ' ');
  return next() < 0.2 ? chalk.red(text) : next() < 0.05 ? '' : text.trimEnd();
}

function compare(seed: number, colour: boolean): string {
  const next = rng(seed);
  const columns = 1 + Math.floor(next() * 4);
  const colWidths = Array.from({ length: columns }, () => 3 + Math.floor(next() * 40));
  const head = next() < 0.8 ? Array.from({ length: columns }, (_, i) => (i === 0 ? 'when' : `column ${i} heading`)) : [];
  const rows = Array.from({ length: Math.floor(next() * 8) }, () => Array.from({ length: columns }, () => randomCell(next)));
  const style = colour ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] };
  const reference = new Table({ head, style, colWidths, wordWrap: true, wrapOnWordBoundary: true });
  reference.push(...rows);
  const ours = renderBoxTable({ head, colWidths, rows, style });
  expect(ours, JSON.stringify({ seed, colWidths, head, rows })).toBe(reference.toString());
  return ours;
}

describe('the report table', () => {
  afterAll(() => colors.disable());

  it('draws 200 generated tables exactly as cli-table3 does, without colour', () => {
    colors.disable();
    for (let seed = 1; seed <= 200; seed++) compare(seed, false);
  });

  it('and with coloured borders and headings', () => {
    colors.enable();
    let grey = 0;
    for (let seed = 1001; seed <= 1200; seed++) if (compare(seed, true).includes('\u001b[90m│')) grey++;
    expect(grey).toBeGreaterThan(100);
  });

  it('fits the columns to their widest cell as cli-table3 does when no widths are given', () => {
    for (const colour of [false, true]) {
      if (colour) colors.enable();
      else colors.disable();
      for (let seed = 2001; seed <= 2100; seed++) {
        const next = rng(seed);
        const columns = 1 + Math.floor(next() * 5);
        const head = Array.from({ length: columns }, (_, i) => `field_${i}`);
        const rows = Array.from({ length: Math.floor(next() * 6) }, () => Array.from({ length: columns }, () => randomCell(next)));
        const style = colour ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] };
        const reference = new Table({ head, style });
        reference.push(...rows);
        expect(renderBoxTable({ head, rows, style }), JSON.stringify({ seed, rows })).toBe(reference.toString());
      }
    }
  });

  it('draws a table of 3,000 rows (cli-table3 takes seconds; the result is the same)', () => {
    colors.disable();
    const rows = Array.from({ length: 3000 }, (_, i) => [`${i} days`, `Person ${i}\n+44 7700 ${String(i).padStart(6, '0')}`, `Call them about row ${i}`]);
    const reference = new Table({
      head: ['when', 'who', 'what to do'],
      colWidths: [10, 24, 40],
      wordWrap: true,
      wrapOnWordBoundary: true,
      style: { head: [], border: [] },
    });
    reference.push(...rows);
    expect(renderBoxTable({ head: ['when', 'who', 'what to do'], colWidths: [10, 24, 40], rows, style: { head: [], border: [] } })).toBe(reference.toString());
  });
});

describe('wrapping a cell', () => {
  it('knows white space exactly as a regular expression does', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it("wraps text into the same lines as cli-table3's word wrap", () => {
    const pieces = [...WORDS, ' ', '  ', '\t ', '\u00a0', 'x'.repeat(12), chalk.red('red'), '\u0301\u0301'];
    let compared = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const next = rng(seed);
      let text = '';
      const count = Math.floor(next() * 12);
      for (let i = 0; i < count; i++) text += pieces[Math.floor(next() * pieces.length)]! + (next() < 0.5 ? ' ' : '');
      const width = 1 + Math.floor(next() * 30);
      expect(wordWrap(width, text), JSON.stringify({ width, text })).toEqual(utils.wordWrap(width, text));
      compared++;
    }
    expect(compared).toBe(3000);
    // Leading, trailing and only white space; a word that is too long; empty paragraphs.
    for (const text of ['', ' ', '   x', 'x   ', 'a  b', '\n\n', ' \n x', 'abcdefghij k', 'ab \u0301 cd', '\u3000\u3000']) {
      for (const width of [1, 2, 3, 5, 9]) {
        expect(wordWrap(width, text), JSON.stringify({ width, text })).toEqual(utils.wordWrap(width, text));
      }
    }
  });

  it('breaks a word too long for its column (an email, a path) rather than letting it be cut', () => {
    expect(breakLong('bea.santos@example.org', 12)).toBe('bea.santos@\nexample.org');
    expect(breakLong('call bea.santos@example.org today', 12)).toBe('call bea.santos@\nexample.org today');
    expect(breakLong('x'.repeat(25), 10)).toBe(`${'x'.repeat(10)}\n${'x'.repeat(10)}\n${'x'.repeat(5)}`);
    // Words that fit, however long the text, are left as they are.
    const fits = 'call the mentee about the meeting they missed last week and agree a date';
    expect(breakLong(fits, 12)).toBe(fits);
    expect(breakLong('abcdefghijkl', 12)).toBe('abcdefghijkl');
    expect(breakLong('abcdefghijklm', 12)).toBe('abcdefghijkl\nm');
  });

  it('writes counts of rows as en-GB does', () => {
    for (const n of [0, 7, 301, 999, 1000, 7278, 12345, 999999, 1000000, 123456789]) expect(thousands(n)).toBe(n.toLocaleString('en-GB'));
  });
});

describe('a long report', () => {
  const MET = { status: 'active', started: '2026-03-02', first_meeting: '2026-03-05', meetings: [{ date: '2026-03-05' }] };
  const report = (matches: number, by?: string) => {
    const people = Array.from({ length: matches }, () => ({}));
    const m = model({
      mentors: people,
      mentees: people,
      matches: Array.from({ length: matches }, (_, i) => ({ ...MET, mentor: `mentor-${i}`, mentee: `mentee-${i}` })),
    });
    const { items } = overdueReport(m, { today: '2026-11-23', rules: ['checkin-overdue'] });
    return renderTable(
      { programme: 'P', today: '2026-11-23', items, groups: groupItems(m, items, by === 'person' ? 'person' : 'rule'), problems: [], by },
      new Chalk({ level: 0 }),
      100,
    );
  };

  it('says so at the top, with ways to see fewer rows', () => {
    const text = report(151);
    expect(text.split('\n').slice(0, 4).join('\n')).toMatch(
      /A long report \(302 rows\)\. To see fewer: --severity high, --rule <id>, --person <id>; or --by person/,
    );
    expect(report(151, 'person')).not.toMatch(/or --by person/);
    expect(report(150)).not.toMatch(/A long report/);
  });
});

describe('the plain-text report', () => {
  /** The words of a text filled into lines of at most `width`, as a reference to compare with. */
  const fill = (text: string, width: number): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of breakLong(text, width)
      .split(/[ \n]+/)
      .filter(Boolean)) {
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line !== '') lines.push(line);
    return lines.length > 0 ? lines : [''];
  };

  it('fills each message into lines of at most 78 characters, line breaks and runs of spaces made one space', () => {
    const m = model({
      mentors: [{}],
      mentees: [{}],
      matches: [{ status: 'active', started: '2026-03-02', first_meeting: '2026-03-05', meetings: [{ date: '2026-03-05' }] }],
    });
    const { items } = overdueReport(m, { today: '2026-11-23' });
    const next = rng(7);
    const words = ['call', 'the', 'mentee', '\n', '  ', 'bea.santos@example.org', 'x'.repeat(90), 'about', '\n\n', 'Siobhán', ' '];
    const messages = Array.from({ length: 60 }, (_, n) => {
      let text = `Call-${n}`;
      for (let i = Math.floor(next() * 40); i > 0; i--) text += words[Math.floor(next() * words.length)]! + (next() < 0.7 ? ' ' : '');
      return text;
    });
    const many = messages.map((message, i) => ({ ...items[0]!, match: `m-${i}`, message }));
    const text = renderText({ programme: 'P', today: '2026-11-23', items: many, groups: [{ key: 'calls', title: 'Calls', items: many }], problems: [] });
    const lines = text.split('\n');
    expect(lines.every((l) => l.length <= 78)).toBe(true);
    // Each message comes out as the reference fills it, indented by two spaces.
    messages.forEach((message) => {
      const want = fill(message, 76).map((l) => `  ${l}`);
      expect(`${text}\n`, JSON.stringify(message)).toContain(`\n${want.join('\n')}\n\n`);
    });
  });
});

describe('the report written in pieces', () => {
  it('is the same JSON as one JSON.stringify, and the same table as one join', () => {
    const m = model({
      mentors: [{}, {}],
      mentees: [{}, {}],
      matches: [{ status: 'active', started: '2026-03-02', first_meeting: '2026-03-05', meetings: [{ date: '2026-03-05' }] }],
    });
    for (const today of ['2026-11-23', '2026-03-01']) {
      const { items, safeguardingElsewhere } = overdueReport(m, { today });
      const input = { programme: 'P', today, items, groups: groupItems(m, items, 'rule'), problems: [], safeguardingElsewhere };
      const json = renderJson(input);
      expect(json).toBe(`${JSON.stringify({ today, items, problems: [], safeguarding_elsewhere: safeguardingElsewhere }, null, 2)}\n`);
      expect([...jsonChunks(input)].length).toBeGreaterThan(items.length > 0 ? 3 : 2);
    }
    // Hundreds of items, taken a batch at a time: still the same text.
    const { items } = overdueReport(m, { today: '2026-11-23' });
    for (const count of [255, 256, 257, 700]) {
      const many = Array.from({ length: count }, (_, i) => ({ ...items[i % items.length]!, match: `m-${i}`, message: `line\n${i} "q"` }));
      const input = { programme: 'P', today: '2026-11-23', items: many, groups: [], problems: [], safeguardingElsewhere: 0 };
      expect(renderJson(input)).toBe(`${JSON.stringify({ today: '2026-11-23', items: many, problems: [], safeguarding_elsewhere: 0 }, null, 2)}\n`);
    }
  });

  it('joins lines as join and trimEnd would', () => {
    for (const lines of [
      [],
      [''],
      ['a'],
      ['', 'a', '', '', 'b', '', ''],
      ['a', 'b', ''],
      ['', '', 'x'],
      ['a  ', '  ', ''],
      ['a', '  ', 'b  ', ' \t'],
      ['  x', '', '   '],
    ]) {
      expect([...joinLines(lines)].join('')).toBe(`${lines.join('\n').trimEnd()}\n`);
    }
  });
});
