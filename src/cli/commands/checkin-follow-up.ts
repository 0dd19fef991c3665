import { resolve } from 'node:path';
import { openConcerns } from '../../core/calls.js';
import { isIsoDate } from '../../core/dates.js';
import { loadProgramme } from '../../store/load.js';
import { editFile, openFile } from '../../store/write.js';
import type { Context } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { dateOption, findMatch, requireNoProblems } from './shared.js';

export async function run(ctx: Context, args: unknown[], flags: { note?: string; date?: string; by?: string; concern?: string }): Promise<number> {
  const loaded = loadProgramme(ctx.dir, { cache: ctx.cache });
  requireNoProblems(ctx, loaded);
  const match = findMatch(loaded.model, String(args[0]));
  const note = flags.note?.trim();
  if (!note) throw new UserError('say what was done', 'Give --note "..." : who was told, what was decided, what happens next.');
  const date = dateOption('--date', flags.date, ctx.today, isIsoDate);
  if (date > ctx.today) throw new UserError(`--date ${date} is in the future`, 'Record a follow-up once it has happened.');
  const open = openConcerns(match.data);
  if (open.length === 0) throw new UserError(`match ${match.id} has no open concern`, 'Every concern in it already has a follow-up. Nothing was written.');
  const list = open.map((c, i) => `  ${i + 1}. ${c.raised}${c.safeguarding ? ' SAFEGUARDING' : ''}: ${c.text}`).join('\n');
  let chosen = open[0]!;
  if (flags.concern !== undefined) {
    const n = Number(flags.concern);
    if (!Number.isInteger(n) || n < 1 || n > open.length) throw new UserError(`--concern ${flags.concern} is not one of the open concerns`, `Choose a number:\n${list}`);
    chosen = open[n - 1]!;
  } else if (open.length > 1) {
    throw new UserError(`match ${match.id} has ${open.length} open concerns: say which one`, `Add --concern <number>:\n${list}`);
  }
  if (date < chosen.raised) throw new UserError(`--date ${date} is before the concern was raised (${chosen.raised})`, 'Check the date.');
  const followUp = { date, note, ...(flags.by?.trim() ? { by: flags.by.trim() } : {}) };
  editFile(openFile(resolve(loaded.dir, match.file)), [{ op: 'set', path: [...chosen.path, 'follow_up'], value: followUp }], match.file);
  ctx.stderr(`Recorded the follow-up of the concern raised ${chosen.raised} in ${match.file}.\n`);
  if (ctx.json) ctx.stdout(`${JSON.stringify({ match: match.id, file: match.file, concern: chosen.text, follow_up: followUp }, null, 2)}\n`);
  return EXIT.ok;
}
