// The overdue report as text: a table for the terminal, Markdown for an email, CSV for a
// spreadsheet, JSON for scripts. Each returns a string; printing happens in the command.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { IsoDate } from '../core/dates.js';
import type { Group, OverdueItem } from '../core/overdue/engine.js';
import { publicProblem, type Problem } from '../core/problems.js';

export interface ReportInput {
  programme: string;
  today: IsoDate;
  items: OverdueItem[];
  groups: Group[];
  problems: Problem[];
}

export function renderJson(input: ReportInput): string {
  return `${JSON.stringify({ today: input.today, items: input.items, problems: input.problems.map(publicProblem) }, null, 2)}\n`;
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

function when(item: OverdueItem): string {
  if (item.upcoming) return item.days_overdue === 0 ? 'due today' : `due in ${-item.days_overdue} d`;
  if (item.days_overdue === 0) return 'today';
  return `${item.days_overdue} d`;
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

export function renderTable(input: ReportInput, chalk: ChalkInstance, width: number): string {
  const out: string[] = [];
  const problems = problemLines(input.problems);
  if (problems.length > 0) out.push(chalk.red.bold(`! ${problems[0]}`), ...problems.slice(1).map((l) => chalk.red(l)), '');
  out.push(chalk.bold(`${input.programme}: overdue on ${input.today}`), summary(input), '');
  if (input.items.length === 0) out.push('Nothing is overdue.');
  for (const group of input.groups) {
    out.push(chalk.bold(`${group.title} (${group.items.length})`));
    const whoLines = group.items.map((item) =>
      [item.name, item.phone, item.email, item.match ? `match ${item.match}` : undefined].filter((x): x is string => Boolean(x)),
    );
    // Contact details are never cut short: the message column takes what is left.
    const whoWidth = Math.min(44, Math.max(12, ...whoLines.flat().map((l) => l.length))) + 2;
    const messageWidth = Math.max(30, width - whoWidth - 10 - 4);
    const table = new Table({
      head: ['when', 'who', 'what to do'],
      style: { head: chalk.level > 0 ? ['cyan'] : [], border: chalk.level > 0 ? ['grey'] : [] },
      colWidths: [10, whoWidth, messageWidth],
      wordWrap: true,
      wrapOnWordBoundary: true,
    });
    group.items.forEach((item, i) => {
      const whenText = when(item);
      // A safeguarding message already starts with SAFEGUARDING; other high items get a tag.
      const severity = !item.safeguarding && item.severity === 'high' ? chalk.red('high\n') : '';
      const message = item.safeguarding ? chalk.red.bold(item.message) : item.message;
      table.push([
        item.upcoming ? chalk.dim(whenText) : item.severity === 'high' ? chalk.red(whenText) : whenText,
        whoLines[i]!.join('\n') || '-',
        severity + message,
      ]);
    });
    out.push(table.toString(), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderMarkdown(input: ReportInput): string {
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
  if (input.items.length === 0) out.push('Nothing is overdue.', '');
  for (const group of input.groups) {
    out.push(`## ${escape(group.title)} (${group.items.length})`, '');
    for (const item of group.items) {
      const tags = [
        item.safeguarding ? '**SAFEGUARDING**' : item.severity === 'high' ? '**high**' : '',
        item.upcoming ? `_${when(item)}_` : `**${when(item)} overdue**`,
      ].filter(Boolean);
      const who = [item.name, item.phone, item.email]
        .filter(Boolean)
        .map((x) => escape(x!))
        .join(', ');
      const where = [who, item.match ? `match \`${item.match}\`` : ''].filter(Boolean).join(' · ');
      out.push(`- ${tags.join(' · ')}${where ? ` · ${where}` : ''}  `, `  ${escape(item.message)}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
