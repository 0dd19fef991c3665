import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkPlanOptions, planCalls, type PlannedCall } from '../../core/calls.js';
import { isIsoDate, isTimeOfDay, parseClockLength } from '../../core/dates.js';
import type { Edit } from '../../core/yaml-edit.js';
import { renderPlan } from '../../render/calls.js';
import { localInstant, renderIcs } from '../../render/ics.js';
import { loadProgramme } from '../../store/load.js';
import { editFile, openFile, writeNewOrReplace } from '../../store/write.js';
import type { Context } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { personName } from '../../core/model.js';
import { requireNoProblems } from './shared.js';

export interface PlanFlags {
  days?: string;
  perDay?: string;
  from?: string;
  slot?: string;
  ics?: string;
  apply?: boolean;
}

export async function run(ctx: Context, _args: unknown[], flags: PlanFlags): Promise<number> {
  const days = (flags.days ?? '').split(',').map((d) => d.trim()).filter((d) => d !== '');
  for (const day of days) {
    if (!isIsoDate(day)) throw new UserError(`--days: "${day}" is not a date`, 'Give the phone days as dates separated by commas: --days 2026-11-24,2026-11-26.');
    if (day < ctx.today) throw new UserError(`--days: ${day} is in the past (today is ${ctx.today})`, 'Plan calls for today or later.');
  }
  const loaded = loadProgramme(ctx.dir, { cache: ctx.cache });
  if (flags.apply) requireNoProblems(ctx, loaded);
  const { model } = loaded;
  const defaults = model.settings.phone_days;
  const perDay = flags.perDay === undefined ? defaults.per_day : Number(flags.perDay);
  const from = flags.from ?? defaults.from;
  if (!isTimeOfDay(from)) throw new UserError(`--from "${from}" is not a time`, 'Give a 24-hour time such as 09:30.');
  const slotMinutes = parseClockLength(flags.slot ?? defaults.slot);
  if (slotMinutes === undefined) throw new UserError(`--slot "${flags.slot}" is not a length of time`, 'Give it as 15min, 20m, 30min or 1h.');
  const options = { days, perDay, from, slotMinutes };
  const check = checkPlanOptions(options);
  if (!check.ok) throw new UserError(check.message, check.hint);

  // Check the calendar file can be written before anything is written.
  const icsPath = flags.ics === undefined ? undefined : resolve(flags.ics);
  if (icsPath !== undefined) assertWritable(icsPath, flags.ics!);

  const plan = planCalls(model, options);
  const tz = model.settings.timezone;
  const iso = (call: PlannedCall, time: string) => localInstant(call.date, time, tz).toISOString().replace('.000', '');

  // Prepare every match file's edit first, so that a file that cannot be edited stops the lot.
  const edits: { file: string; opened: ReturnType<typeof openFile>; edit: Edit }[] = [];
  if (flags.apply) {
    const firstDay = [...days].sort()[0]!;
    const byMatch = new Map<string, PlannedCall[]>();
    for (const call of plan.planned) byMatch.set(call.match, [...(byMatch.get(call.match) ?? []), call]);
    for (const [id, calls] of byMatch) {
      const match = model.matches.get(id)!;
      const sides = new Set(calls.map((c) => c.with));
      // A new plan replaces the earlier plan for the same calls from its first day on.
      const kept = match.data.planned_calls.filter((p) => !(sides.has(p.with) && p.date >= firstDay));
      const value = [...kept, ...calls.map((c) => ({ with: c.with, date: c.date, time: c.start, due: c.due }))];
      edits.push({ file: match.file, opened: openFile(resolve(loaded.dir, match.file)), edit: { op: 'set', path: ['planned_calls'], value } });
    }
  }

  if (icsPath !== undefined) {
    const calls = plan.planned.map((c) => {
      const m = model.matches.get(c.match)!.data;
      const partner = c.with === 'mentor' ? m.mentee : m.mentor;
      const person = (c.with === 'mentor' ? model.mentors.get(c.person) : model.mentees.get(c.person))?.data;
      return { ...c, email: person?.email ?? null, partner: personName(model, partner), questions: model.settings.checkins.questions };
    });
    writeNewOrReplace(icsPath, renderIcs({ programme: model.settings.name, timezone: tz, calls, stamp: new Date() }));
    ctx.stderr(`wrote ${flags.ics} (${calls.length} call${calls.length === 1 ? '' : 's'})\n`);
  }
  for (const e of edits) {
    editFile(e.opened, [e.edit], e.file);
    ctx.stderr(`wrote ${e.file}\n`);
  }

  if (ctx.json) {
    const planned = plan.planned.map((c) => ({ match: c.match, with: c.with, person: c.person, start: iso(c, c.start), end: iso(c, c.end), due: c.due, name: c.name, phone: c.phone, date: c.date }));
    ctx.stdout(`${JSON.stringify({ planned, unplanned: plan.unplanned }, null, 2)}\n`);
  } else {
    ctx.stdout(renderPlan(plan, ctx.chalk));
  }
  return EXIT.ok;
}

function assertWritable(path: string, shown: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new UserError(`--ics ${shown} is a folder`, 'Give a file name, e.g. --ics calls.ics.');
  const folder = dirname(path);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UserError(`--ics ${shown}: cannot write in ${folder}`, 'Check the folder exists and that you may write in it. Nothing was written.');
  }
  if (existsSync(path)) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new UserError(`--ics ${shown} cannot be overwritten`, 'Check its permissions, or give another file name. Nothing was written.');
    }
  }
}
