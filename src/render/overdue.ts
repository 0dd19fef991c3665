// The overdue report as text: a table for the terminal, Markdown for an email, CSV for a
// spreadsheet, JSON for scripts. Each is a string, or pieces of one to write as they are made;
// printing happens in the command.
import type { ChalkInstance } from 'chalk';
import { stringify } from 'csv-stringify/sync';
import type { IsoDate } from '../core/dates.js';
import { mailMessage, type Group, type OverdueItem } from '../core/overdue/engine.js';
import { publicProblem, type Problem } from '../core/problems.js';
import { boxTableLines, isSpace } from './table.js';

export interface ReportInput {
  programme: string;
  today: IsoDate;
  items: OverdueItem[];
  groups: Group[];
  problems: Problem[];
  /** Open safeguarding concerns a filter left out: one line says so. */
  safeguardingElsewhere?: number;
  /** Reports meant for mail (Markdown, text) show a concern's words only when asked. */
  includeConcernText?: boolean;
  /** How the items are grouped (the table suggests another grouping when it is long). */
  by?: string;
}

/** More rows than this and the table says how to see fewer. */
export const LONG_TABLE = 300;

/** The line at the top of a long table: how to see less of it. */
function longLine(input: ReportInput): string | undefined {
  const n = input.items.length;
  if (n <= LONG_TABLE) return undefined;
  const ways = ['--severity high', '--rule <id>', '--person <id>'];
  return `A long report (${thousands(n)} rows). To see fewer: ${ways.join(', ')}${input.by === 'person' ? '' : "; or --by person to keep each person's items together"}.`;
}

/** 7278 as 7,278 (as toLocaleString('en-GB') writes it, without loading the locale data). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The one line that stands for safeguarding concerns a filter left out. */
function elsewhereLine(input: ReportInput): string | undefined {
  const n = input.safeguardingElsewhere ?? 0;
  if (n === 0) return undefined;
  return `${n} safeguarding concern${n === 1 ? '' : 's'} open on ${n === 1 ? 'another match' : 'other matches'}: mentor-coord overdue --rule concern-open`;
}

export function renderJson(input: ReportInput): string {
  return [...jsonChunks(input)].join('');
}

/**
 * `JSON.stringify(report, null, 2)` in pieces, a batch of items at a time (the same characters: a
 * test compares them), so that a report of 100,000 items is never one string.
 */
export function* jsonChunks(input: ReportInput): Generator<string> {
  const at = (text: string, indent: string) => text.replace(/\n/g, `\n${indent}`);
  yield `{\n  "today": ${JSON.stringify(input.today)},\n  "items": `;
  if (input.items.length === 0) yield '[]';
  else {
    yield '[';
    // A few hundred items at a time, stringified where they sit (in "items", two levels in), so
    // they come out indented as in the whole: `{\n  "items": [` ... `\n  ]\n}` is cut off.
    const BATCH = 256;
    for (let i = 0; i < input.items.length; i += BATCH) {
      const text = JSON.stringify({ items: input.items.slice(i, i + BATCH) }, null, 2);
      yield `${i === 0 ? '' : ','}${text.slice('{\n  "items": ['.length, -'\n  ]\n}'.length)}`;
    }
    yield '\n  ]';
  }
  yield `,\n  "problems": ${at(JSON.stringify(input.problems.map(publicProblem), null, 2), '  ')}`;
  yield `,\n  "safeguarding_elsewhere": ${JSON.stringify(input.safeguardingElsewhere ?? 0)}\n}\n`;
}

const CSV_COLUMNS = [
  'rule',
  'severity',
  'match',
  'person',
  'due',
  'days_overdue',
  'message',
  'upcoming',
  'safeguarding',
  'mentor',
  'mentee',
  'name',
  'phone',
  'email',
  'file',
] as const;

export function renderCsv(input: ReportInput): string {
  // The byte-order mark makes spreadsheet programs read the names as UTF-8.
  return stringify(
    input.items.map((item) => CSV_COLUMNS.map((c) => item[c])),
    { header: true, columns: [...CSV_COLUMNS], bom: true, cast: { boolean: (b) => (b ? 'yes' : 'no') } },
  );
}

function summary(input: ReportInput): string {
  const overdue = input.items.filter((i) => !i.upcoming);
  const upcoming = input.items.length - overdue.length;
  const high = overdue.filter((i) => i.severity === 'high').length;
  const safeguarding = overdue.filter((i) => i.safeguarding).length;
  const parts = [`${overdue.length} overdue`];
  if (high > 0) parts.push(`${high} high`);
  if (safeguarding > 0) parts.push(`${safeguarding} SAFEGUARDING`);
  if (upcoming > 0) parts.push(`${upcoming} coming up`);
  return parts.join(', ');
}

function problemLines(problems: Problem[]): string[] {
  if (problems.length === 0) return [];
  const files = new Set(problems.map((p) => p.file));
  return [
    `${files.size} file${files.size === 1 ? '' : 's'} could not be read or ${files.size === 1 ? 'has' : 'have'} problems; this report leaves out what could not be read:`,
    ...problems.slice(0, 20).map((p) => `  ${p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file}: ${p.message}`),
    ...(problems.length > 20 ? [`  ... and ${problems.length - 20} more`] : []),
    'Run `mentor-coord validate` to see each problem with how to fix it.',
  ];
}

/**
 * Who to call, one line each: the person the item is about with phone and email, anyone else of
 * the match with their phone, then the match.
 */
function whoLinesOf(item: OverdueItem): string[] {
  const [first, ...others] = item.people;
  const flag = (p: { file_has_problems: boolean }) => (p.file_has_problems ? ' (file has a problem)' : '');
  const lines = first ? [`${first.name}${flag(first)}`, first.phone, first.email] : [item.name, item.phone, item.email];
  for (const other of others) lines.push(`${other.name} (${other.role})${flag(other)}`, other.phone);
  if (item.match) lines.push(`match ${item.match}`);
  return lines.filter((x): x is string => Boolean(x));
}

/** About the width at which a line of text is still easy to read; and the least it may have. */
const MAX_TEXT = 100;
const MIN_TEXT = 26;

/**
 * Puts line breaks into any word longer than `width` (an email, a path), after an @, a dot, a
 * slash or a hyphen where possible, so that a table wraps it instead of cutting it with "...".
 */
export function breakLong(text: string, width: number): string {
  if (width < 8 || !hasWordLongerThan(text, width)) return text;
  return text
    .split('\n')
    .map((line) =>
      line
        .split(' ')
        .map((word) => {
          const pieces: string[] = [];
          let rest = word;
          while (visible(rest) > width) {
            const head = rest.slice(0, width);
            const cut = Math.max(head.lastIndexOf('@'), head.lastIndexOf('.'), head.lastIndexOf('/'), head.lastIndexOf('-'));
            const at = cut >= width / 3 ? cut + 1 : width;
            pieces.push(rest.slice(0, at));
            rest = rest.slice(at);
          }
          pieces.push(rest);
          return pieces.join('\n');
        })
        .join(' '),
    )
    .join('\n');
}

/** Whether some word (counting colour codes, so never less than what shows) is longer than `width`. */
function hasWordLongerThan(text: string, width: number): boolean {
  // A regular expression per width (a report uses a few), much faster than a loop over every
  // character of every cell in a run that ends before the loop is compiled.
  if (text.length <= width) return false;
  let longer = LONGER.get(width);
  if (longer === undefined) LONGER.set(width, (longer = new RegExp(`(?<![^ \\n])[^ \\n]{${width + 1}}`)));
  return longer.test(text);
}
const LONGER = new Map<number, RegExp>();

function visible(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

export function renderTable(input: ReportInput, chalk: ChalkInstance, width: number): string {
  return [...tableChunks(input, chalk, width)].join('');
}

/**
 * The table report in pieces, for writing as it is made: at 50,000 people it is 240,000 lines, and
 * one string of them (with the array it was joined from) was the largest thing in memory.
 */
export function tableChunks(input: ReportInput, chalk: ChalkInstance, width: number): Generator<string> {
  return joinLines(tableLines(input, chalk, width));
}

function* tableLines(input: ReportInput, chalk: ChalkInstance, width: number): Generator<string> {
  const out: string[] = [];
  const problems = problemLines(input.problems);
  if (problems.length > 0) out.push(chalk.red.bold(`! ${problems[0]}`), ...problems.slice(1).map((l) => chalk.red(l)), '');
  out.push(chalk.bold(`${input.programme}: overdue on ${input.today}`), summary(input), '');
  const long = longLine(input);
  if (long) out.push(long, '');
  const elsewhere = elsewhereLine(input);
  if (elsewhere) out.push(chalk.red.bold(elsewhere), '');
  if (input.items.length === 0) out.push('Nothing is overdue.');
  for (const group of input.groups) {
    yield* out.splice(0);
    yield chalk.bold(`${group.title} (${group.items.length})`);
    const whoLines = group.items.map((item) => whoLinesOf(item));
    // Nothing is ever cut short (a phone number, an email, an id, a path): what is too long for
    // its column is broken onto the next line. The text column stays readable on a wide screen.
    // (Loops, not Math.max(...spread): a group can have more rows than a call may have arguments.)
    let longestWho = 12;
    for (const lines of whoLines) for (const line of lines) longestWho = Math.max(longestWho, line.length);
    let longestWhen = 8;
    for (const item of group.items) longestWhen = Math.max(longestWhen, item.when.length);
    let whoWidth = Math.min(44, longestWho) + 2;
    let whenWidth = Math.min(18, longestWhen) + 2;
    let messageWidth = Math.min(MAX_TEXT, width - whoWidth - whenWidth - 4);
    // On a narrow terminal the other columns give way (their words wrap) before the text does.
    if (messageWidth < MIN_TEXT) {
      messageWidth = MIN_TEXT;
      whoWidth = Math.max(16, width - whenWidth - messageWidth - 4);
      whenWidth = Math.max(10, width - whoWidth - messageWidth - 4);
    }
    const rows = group.items.map((item, i) => {
      const whenText = breakLong(item.when, whenWidth - 2);
      // A safeguarding message already starts with SAFEGUARDING; other high items get a tag.
      const severity = !item.safeguarding && item.severity === 'high' ? chalk.red('high\n') : '';
      return [
        item.upcoming ? chalk.dim(whenText) : item.severity === 'high' ? chalk.red(whenText) : whenText,
        whoLines[i]!.map((l) => breakLong(l, whoWidth - 2)).join('\n') || '-',
        severity + (item.safeguarding ? chalk.red.bold(breakLong(item.message, messageWidth - 2)) : breakLong(item.message, messageWidth - 2)),
      ];
    });
    yield* boxTableLines({
      head: ['when', 'who', 'what to do'],
      style: { head: chalk.level > 0 ? ['cyan'] : [], border: chalk.level > 0 ? ['grey'] : [] },
      colWidths: [whenWidth, whoWidth, messageWidth],
      rows,
    });
    yield '';
  }
  yield* out;
}

/**
 * Lines joined with line breaks exactly as `lines.join('\n').trimEnd() + '\n'` would (the blank
 * lines at the end dropped, the last line's trailing spaces trimmed), but piece by piece.
 */
export function* joinLines(lines: Iterable<string>): Generator<string> {
  let started = false;
  /** Lines of only whitespace since the last line with text: kept only if text follows. */
  let held: string[] = [];
  /** The last line with text, not yet written (it is trimmed if it is the last). */
  let last: string | undefined;
  for (const line of lines) {
    // (Most lines start with a letter or a border: no need to test the whole line.)
    if (line.length === 0 || (isSpace(line.charCodeAt(0)) && BLANK.test(line))) {
      held.push(line);
      continue;
    }
    if (last !== undefined) {
      yield `${started ? '\n' : ''}${last}`;
      started = true;
    }
    for (const h of held) {
      yield `${started ? '\n' : ''}${h}`;
      started = true;
    }
    held = [];
    last = line;
  }
  if (last !== undefined) yield `${started ? '\n' : ''}${last.trimEnd()}`;
  yield '\n';
}

const BLANK = /^\s*$/;

export function renderMarkdown(input: ReportInput): string {
  return [...markdownChunks(input)].join('');
}

/** The Markdown report in pieces, for writing as it is made. */
export function markdownChunks(input: ReportInput): Generator<string> {
  return joinLines(markdownLines(input));
}

function* markdownLines(input: ReportInput): Generator<string> {
  const out: string[] = [`# ${escape(input.programme)}: overdue on ${input.today}`, ''];
  const problems = problemLines(input.problems);
  if (problems.length > 0) {
    out.push(
      `> **Warning:** ${escape(problems[0]!)}`,
      '>',
      ...problems.slice(1, -1).map((l) => `> - ${escape(l.trim())}`),
      '>',
      `> ${escape(problems.at(-1)!)}`,
      '',
    );
  }
  out.push(`**${summary(input)}**`, '');
  const elsewhere = elsewhereLine(input);
  if (elsewhere) out.push(`**${escape(elsewhere)}**`, '');
  if (input.items.length === 0) out.push('Nothing is overdue.', '');
  for (const group of input.groups) {
    yield* out.splice(0);
    out.push(`## ${escape(group.title)} (${group.items.length})`, '');
    for (const item of group.items) {
      const tags = [
        item.safeguarding ? '**SAFEGUARDING**' : item.severity === 'high' ? '**high**' : '',
        item.upcoming ? `_${item.when}_` : `**${item.when}**`,
      ].filter(Boolean);
      const who = peopleText(item, escape);
      const where = [who, item.match ? `match \`${item.match}\`` : ''].filter(Boolean).join(' · ');
      out.push(`- ${tags.join(' · ')}${where ? ` · ${where}` : ''}  `, `  ${escape(mailMessage(item, input.includeConcernText === true))}`);
      if (out.length > 512) yield* out.splice(0);
    }
    out.push('');
  }
  yield* out;
}

/**
 * Plain text for a cron mail: no Markdown, no colour, lines of at most 78 characters (long words,
 * such as an email address, are broken rather than cut).
 */
export function renderText(input: ReportInput): string {
  return [...textChunks(input)].join('');
}

/** The plain-text report in pieces, for writing as it is made. */
export function textChunks(input: ReportInput): Generator<string> {
  return joinLines(textLines(input));
}

function* textLines(input: ReportInput): Generator<string> {
  const out: string[] = [];
  const wrap = (text: string, indent = '') => wrapText(text, 78 - indent.length).map((l) => indent + l);
  out.push(...wrap(`${input.programme}: overdue on ${input.today}`), ...wrap(summary(input)), '');
  const problems = problemLines(input.problems);
  if (problems.length > 0) out.push(...wrap(`WARNING: ${problems[0]}`), ...problems.slice(1).flatMap((l) => wrap(l.trim(), '  ')), '');
  const elsewhere = elsewhereLine(input);
  if (elsewhere) out.push(...wrap(elsewhere), '');
  if (input.items.length === 0) out.push('Nothing is overdue.', '');
  for (const group of input.groups) {
    const title = `${group.title} (${group.items.length})`;
    yield* out.splice(0);
    out.push(title, '='.repeat(Math.min(78, title.length)), '');
    for (const item of group.items) {
      const tags = [item.safeguarding ? 'SAFEGUARDING' : item.severity === 'high' ? 'HIGH' : '', item.when].filter(Boolean);
      const who = [peopleText(item, (x) => x), item.match ? `match ${item.match}` : ''].filter(Boolean).join('; ');
      const [first, ...rest] = wrapText(`${[...tags, who].filter(Boolean).join(' - ')}`, 76);
      out.push(`* ${first}`, ...rest.map((l) => `  ${l}`), ...wrap(mailMessage(item, input.includeConcernText === true), '  '), '');
      if (out.length > 512) yield* out.splice(0);
    }
  }
  yield* out;
}

/** Words into lines of at most `width` characters; a longer word is broken, never cut. */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  const broken = breakLong(text, width);
  let line = '';
  // Words are what lies between spaces and line breaks (a run of them is one gap).
  for (let i = 0; i < broken.length;) {
    let c = broken.charCodeAt(i);
    if (c === 32 || c === 10) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < broken.length && (c = broken.charCodeAt(j)) !== 32 && c !== 10) j++;
    const word = broken.slice(i, j);
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    i = j;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** "Bea Santos, +44 ..., bea@...; Siobhán Ó Ceallaigh (mentor), +44 ...". */
function peopleText(item: OverdueItem, esc: (text: string) => string): string {
  const people = item.people.length > 0 ? item.people : [{ name: item.name, phone: item.phone, email: item.email, role: null }];
  return people
    .map((p, i) =>
      [i === 0 ? p.name : `${p.name} (${p.role})`, p.phone, i === 0 ? p.email : null]
        .filter((x): x is string => Boolean(x))
        .map(esc)
        .join(', '),
    )
    .filter(Boolean)
    .join('; ');
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
