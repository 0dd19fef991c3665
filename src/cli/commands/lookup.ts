// Looking things up: `show` a person or a match, `list` mentors, mentees or matches.
import { stringify } from 'csv-stringify/sync';
import { matchRows, matchStory, menteeRows, mentorRows, personView } from '../../core/lifecycle/story.js';
import { didYouMean } from '../../core/suggest.js';
import { EXIT, UserError } from '../../errors.js';
import { loadProgrammeLazily } from '../../store/load-lazy.js';
import { renderBoxTable } from '../../render/table.js';
import { defineCommand, formatOption, oneOf, option, outputFormat } from '../command.js';

export const show = defineCommand({
  name: 'show',
  description: 'a person (contacts, onboarding, matches) or a match (its whole story in date order)',
  arguments: [{ name: '<id>', description: 'a mentor, mentee or match id' }],
  options: {},
  async run(ctx, args) {
    const { model } = await loadProgrammeLazily(ctx.dir, { cache: ctx.cache, onDemand: true });
    const id = args[0]!;
    const match = model.matches.get(id);
    if (match) {
      const m = match.data;
      const story = matchStory(model, match);
      if (ctx.json) {
        ctx.stdout(
          `${JSON.stringify({ match: id, file: match.file, mentor: m.mentor, mentee: m.mentee, status: m.status, planned_end: m.planned_end ?? null, story }, null, 2)}\n`,
        );
      } else {
        const name = (p: string) => (model.mentors.get(p) ?? model.mentees.get(p))?.data.name ?? p;
        ctx.stdout(
          `${ctx.chalk.bold(`${id}: ${name(m.mentor)} and ${name(m.mentee)}`)} (${m.status})\n${story.map((e) => `  ${e.date}  ${e.what}`).join('\n')}\n`,
        );
      }
      return EXIT.ok;
    }
    const mentor = model.mentors.get(id);
    const mentee = model.mentees.get(id);
    const person = mentor ?? mentee;
    if (!person) {
      throw new UserError(
        `there is no person or match "${id}"`,
        `Give a file name from mentors/, mentees/ or matches/.${didYouMean(id, [...model.mentors.keys(), ...model.mentees.keys(), ...model.matches.keys()])}`,
      );
    }
    const view = personView(model, person, mentor ? 'mentor' : 'mentee');
    if (ctx.json) ctx.stdout(`${JSON.stringify(view, null, 2)}\n`);
    else {
      const lines = [
        ctx.chalk.bold(`${view.name} (${view.role}, ${view.status})`),
        `  ${[view.phone, view.email].filter(Boolean).join('  ') || 'no phone or email'}`,
        '  Onboarding:',
      ];
      for (const o of view.onboarding) lines.push(`    ${o.step}: ${o.completed ?? 'not done'}${o.expires ? `, expires ${o.expires}` : ''}`);
      lines.push(view.matches.length ? '  Matches:' : '  No matches yet.');
      for (const m of view.matches) lines.push(`    ${m.id} with ${m.with} (${m.status})`);
      ctx.stdout(`${lines.join('\n')}\n`);
    }
    return EXIT.ok;
  },
});

const KINDS = ['mentors', 'mentees', 'matches'] as const;
const FORMATS = ['table', 'csv', 'json'] as const;

export const list = defineCommand({
  name: 'list',
  description: 'mentors (who can take a mentee), mentees (who is waiting, and how long) or matches',
  arguments: [{ name: '<what>', description: 'mentors, mentees or matches' }],
  options: {
    status: option.value('--status <status>', 'only those with this status'),
    free: option.flag('--free', 'mentors: only those who can be matched now (active, onboarded, check valid, a free place)'),
    waiting: option.flag('--waiting', 'mentees: only those waiting for a mentor, longest first'),
    format: formatOption('table, csv or json', 'table'),
  },
  async run(ctx, args, flags) {
    const what = oneOf('list', args[0]!, KINDS);
    const format = outputFormat(ctx, flags.format, FORMATS, 'table');
    const { model } = await loadProgrammeLazily(ctx.dir, { cache: ctx.cache });
    let rows: Record<string, unknown>[];
    const asRows = <T extends object>(xs: T[]) => xs as unknown as Record<string, unknown>[];
    if (what === 'mentors') rows = asRows(mentorRows(model, ctx.today)).filter((r) => !flags.free || r.can_be_matched === true);
    else if (what === 'mentees') {
      rows = asRows(menteeRows(model, ctx.today)).filter((r) => !flags.waiting || r.waiting_since !== null);
      if (flags.waiting) rows.sort((a, b) => Number(b.waiting_days) - Number(a.waiting_days));
    } else rows = asRows(matchRows(model));
    if (flags.status) rows = rows.filter((r) => r.status === flags.status);
    if (format === 'json') ctx.stdout(`${JSON.stringify({ [what]: rows }, null, 2)}\n`);
    else if (format === 'csv') ctx.stdout(stringify(rows, { header: true, bom: true, cast: { boolean: (b) => (b ? 'yes' : 'no') } }));
    else {
      const columns = rows[0] ? Object.keys(rows[0]) : [];
      const table = renderBoxTable({
        head: columns,
        style: { head: ctx.chalk.level > 0 ? ['cyan'] : [], border: ctx.chalk.level > 0 ? ['grey'] : [] },
        rows: rows.map((r) => columns.map((c) => (r[c] === null ? '-' : typeof r[c] === 'boolean' ? (r[c] ? 'yes' : 'no') : String(r[c])))),
      });
      ctx.stdout(`${rows.length} ${what}\n${rows.length ? `${table}\n` : ''}`);
    }
    return EXIT.ok;
  },
});
