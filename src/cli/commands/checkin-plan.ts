import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkPlanOptions, planCalls, planEdits, type PlannedCall } from '../../core/checkin/index.js';
import { isIsoDate, isTimeOfDay, parseClockLength } from '../../core/dates.js';
import { personName, whoIs } from '../../core/people.js';
import { EXIT, UserError } from '../../errors.js';
import { prepareChanges, requireNoProblems } from '../../ops/workflow.js';
import { renderPlan } from '../../render/calls.js';
import { localInstant, renderIcs } from '../../render/ics.js';
import { loadProgramme } from '../../store/load.js';
import { writeNewOrReplace } from '../../store/write.js';
import { defineCommand, option } from '../command.js';
import { inputError } from '../flags.js';

export const command = defineCommand({
  name: 'checkin plan',
  description: 'put the calls due by the last of the given days into time slots on those days',
  options: {
    days: option.value('--days <dates>', 'the phone days, comma-separated: 2026-11-24,2026-11-26'),
    perDay: option.value('--per-day <n>', 'calls per day (default: phone_days.per_day)'),
    from: option.value('--from <HH:MM>', 'the first slot (default: phone_days.from)'),
    slot: option.value('--slot <length>', 'the length of a slot, e.g. 20min (default: phone_days.slot)'),
    ics: option.value('--ics <file>', 'also write the plan as an iCalendar file for your calendar'),
    apply: option.flag('--apply', 'record the planned slots on each match (planned_calls)'),
  },
  async run(ctx, _args, flags) {
    const days = (flags.days ?? '')
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d !== '');
    for (const day of days) {
      if (!isIsoDate(day))
        throw new UserError(`--days: "${day}" is not a date`, 'Give the phone days as dates separated by commas: --days 2026-11-24,2026-11-26.');
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
    if (!check.ok) throw inputError(check);

    // Check the calendar file can be written before anything is written.
    const icsPath = flags.ics === undefined ? undefined : resolve(flags.ics);
    if (icsPath !== undefined) assertWritable(icsPath, flags.ics!);

    const plan = planCalls(model, options);
    const tz = model.settings.timezone;
    const iso = (call: PlannedCall, time: string) => localInstant(call.date, time, tz).toISOString().replace('.000', '');

    // Every match file's edit is prepared first, so that a file that cannot be edited stops the lot.
    const changes = flags.apply ? prepareChanges(loaded.dir, planEdits(model, plan, days)) : undefined;

    if (icsPath !== undefined) {
      const calls = plan.planned.map((c) => {
        const m = model.matches.get(c.match)!.data;
        const partner = c.with === 'mentor' ? m.mentee : m.mentor;
        const person = whoIs(model, c.person);
        return { ...c, email: person?.email ?? null, partner: personName(model, partner), questions: model.settings.checkins.questions };
      });
      writeNewOrReplace(icsPath, renderIcs({ programme: model.settings.name, timezone: tz, calls, stamp: ctx.now() }));
      ctx.stderr(`wrote ${flags.ics} (${calls.length} call${calls.length === 1 ? '' : 's'})\n`);
    }
    if (changes) {
      changes.commit();
      for (const { file } of changes.texts) ctx.stderr(`wrote ${file}\n`);
    }

    if (ctx.json) {
      const planned = plan.planned.map((c) => ({
        match: c.match,
        with: c.with,
        person: c.person,
        start: iso(c, c.start),
        end: iso(c, c.end),
        due: c.due,
        name: c.name,
        phone: c.phone,
        date: c.date,
      }));
      ctx.stdout(`${JSON.stringify({ planned, unplanned: plan.unplanned }, null, 2)}\n`);
    } else {
      ctx.stdout(renderPlan(plan, ctx.chalk));
    }
    return EXIT.ok;
  },
});

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
