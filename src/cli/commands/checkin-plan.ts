import { accessSync, constants, existsSync, lstatSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { checkPlanOptions, planCalls, planEdits, weekdayOf, type PlannedCall } from '../../core/checkin/index.js';
import { isIsoDate, isTimeOfDay, parseClockLength } from '../../core/dates.js';
import { personName, whoIs } from '../../core/people.js';
import { EXIT, UserError } from '../../errors.js';
import { prepareChanges, whileWriting } from '../../ops/workflow.js';
import { renderPlan } from '../../render/calls.js';
import { localInstant, renderIcs } from '../../render/ics.js';
import { loadProgrammeLazily } from '../../store/load-lazy.js';
import type { LoadedProgramme } from '../../store/load.js';
import { PROGRAMME_FILE } from '../../core/model.js';
import { writeBatch, type BatchEntry } from '../../store/write.js';
import { defineCommand, option, type OptionValues } from '../command.js';
import type { Context } from '../context.js';
import { inputError } from '../flags.js';

const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;

const OPTIONS = {
  days: option.value('--days <dates>', 'the phone days, comma-separated: 2026-11-24,2026-11-26'),
  perDay: option.value('--per-day <n>', 'calls per day (default: phone_days.per_day)'),
  from: option.value('--from <HH:MM>', 'the first slot (default: phone_days.from)'),
  slot: option.value('--slot <length>', 'the length of a slot, e.g. 20min (default: phone_days.slot)'),
  ics: option.value('--ics <file>', 'also write the plan as an iCalendar file for your calendar'),
  apply: option.flag('--apply', 'record the planned slots on each match (planned_calls)'),
  includeNonWorking: option.flag('--include-non-working', "plan on days that are not the programme's working days (phone_days.working_days)"),
};

export const command = defineCommand({
  name: 'checkin plan',
  writes: true,
  description: 'put the calls due by the last of the given days into time slots on those days',
  options: OPTIONS,
  async run(ctx, _args, flags): Promise<number> {
    const days = (flags.days ?? '')
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d !== '');
    for (const day of days) {
      if (!isIsoDate(day))
        throw new UserError(`--days: "${day}" is not a date`, 'Give the phone days as dates separated by commas: --days 2026-11-24,2026-11-26.');
      if (day < ctx.today) throw new UserError(`--days: ${day} is in the past (today is ${ctx.today})`, 'Plan calls for today or later.');
    }
    // With --apply the plan is recorded on the match files, so it is made under the write lock.
    return flags.apply
      ? whileWriting(ctx, 'checkin plan --apply', (loaded) => plan(ctx, loaded, days, flags))
      : plan(ctx, await loadProgrammeLazily(ctx.dir, { cache: ctx.cache }), days, flags);
  },
});

function plan(ctx: Context, loaded: LoadedProgramme, days: string[], flags: OptionValues<typeof OPTIONS>): number {
  const { model } = loaded;
  const defaults = model.settings.phone_days;
  const offDays = defaults.working_days.length === 0 ? [] : days.filter((d) => !defaults.working_days.includes(weekdayOf(d)));
  if (offDays.length > 0 && !flags.includeNonWorking) {
    throw new UserError(
      `--days: ${offDays.map((d) => `${d} is a ${DAY_NAMES[weekdayOf(d)]}`).join(', ')}, not one of the programme's working days (${defaults.working_days.join(', ')})`,
      'Choose working days, or add --include-non-working to plan calls on those days all the same.',
    );
  }
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
  if (icsPath !== undefined) assertCalendarPath(icsPath, flags.ics!, loaded.dir);

  const planned = planCalls(model, options);
  const tz = model.settings.timezone;
  const iso = (call: PlannedCall, time: string) => localInstant(call.date, time, tz).toISOString().replace('.000', '');

  // Every match file's edit is prepared and checked first, so a file that cannot be edited stops
  // the lot; then the calendar and the match files are written as one batch.
  const changes = flags.apply ? prepareChanges(ctx, loaded, planEdits(model, planned, days)) : undefined;
  const outputs: BatchEntry[] = [];
  if (icsPath !== undefined) {
    const calls = planned.planned.map((c) => {
      const m = model.matches.get(c.match)!.data;
      const partner = c.with === 'mentor' ? m.mentee : m.mentor;
      const person = whoIs(model, c.person);
      return { ...c, email: person?.email ?? null, partner: personName(model, partner), questions: model.settings.checkins.questions };
    });
    // It holds names and phone numbers: readable only by its owner.
    outputs.push({
      path: icsPath,
      text: renderIcs({ programme: model.settings.name, timezone: tz, calls, stamp: ctx.now() }),
      shownAs: flags.ics!,
      mode: 0o600,
    });
  }
  const written = changes ? changes.commit(outputs) : writeBatch(outputs);
  for (const file of written) {
    ctx.stderr(file === flags.ics ? `wrote ${flags.ics} (${planned.planned.length} call${planned.planned.length === 1 ? '' : 's'})\n` : `wrote ${file}\n`);
  }

  if (!flags.apply && planned.planned.length > 0) ctx.stderr('This plan is not recorded in the match files: add --apply to record it.\n');
  if (ctx.json) {
    const out = planned.planned.map((c) => ({
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
    ctx.stdout(`${JSON.stringify({ planned: out, unplanned: planned.unplanned }, null, 2)}\n`);
  } else {
    ctx.stdout(renderPlan(planned, ctx.chalk));
  }
  return EXIT.ok;
}

/** The calendar goes to a new file or over an old calendar: never over a record or another file. */
function assertCalendarPath(path: string, shown: string, dir: string): void {
  if (existsSync(path) && lstatSync(path).isDirectory()) throw new UserError(`--ics ${shown} is a folder`, 'Give a file name, e.g. --ics calls.ics.');
  const inside = relative(dir, path).split(sep);
  if (
    inside[0] !== '..' &&
    !isAbsolute(relative(dir, path)) &&
    (inside.length === 1 ? inside[0] === PROGRAMME_FILE || /\.ya?ml$/i.test(inside[0]!) : ['mentors', 'mentees', 'matches'].includes(inside[0]!))
  ) {
    throw new UserError(`--ics ${shown} is a programme record`, 'Write the calendar outside the record folders, e.g. --ics calls.ics. Nothing was written.');
  }
  if (existsSync(path) && !/\.ics$/i.test(path)) {
    throw new UserError(
      `--ics ${shown} already exists and is not a calendar (.ics) file`,
      'Give a new file name ending in .ics, or an old calendar file to replace. Nothing was written.',
    );
  }
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
