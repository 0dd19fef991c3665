import type { CallInput } from '../../core/checkin/index.js';
import type { ProgrammeModel } from '../../core/model.js';
import { EXIT, UserError } from '../../errors.js';
import { recordCall, warnUnsavedConcern } from '../../ops/record-call.js';
import { findMatch, whileWriting } from '../../ops/workflow.js';
import type { LoadedProgramme } from '../../store/load.js';
import { defineCommand, option, type OptionValues } from '../command.js';
import type { Context } from '../context.js';

const OPTIONS = {
  with: option.value('--with <side>', 'mentor or mentee'),
  outcome: option.value('--outcome <outcome>', 'reached, no-answer, message (left one) or emailed'),
  date: option.value('--date <date>', 'when (default: today; never in the future)'),
  rating: option.value('--rating <1-5>', 'how it is going'),
  goodMatch: option.value('--good-match <yes|no>', 'is it a good match?'),
  prepared: option.value('--prepared <yes|no>', 'was the mentee prepared?'),
  action: option.repeat('--action <text>', 'an action agreed for the next meeting (repeat for more)'),
  concern: option.value('--concern <text>', 'a concern raised on the call; stays on the overdue report until followed up'),
  safeguarding: option.flag('--safeguarding', 'the concern is a safeguarding concern'),
  note: option.value('--note <text>', 'notes from the call'),
  next: option.value('--next <date>', 'the next contact agreed'),
  by: option.value('--by <name>', 'who made the call'),
};

export const command = defineCommand({
  name: 'checkin record',
  writes: true,
  description: 'record one call (or email) with the mentor or the mentee of a match',
  arguments: [{ name: '<match>', description: 'the match id (its file name in matches/)' }],
  options: OPTIONS,
  async run(ctx, args, flags): Promise<number> {
    let model: ProgrammeModel | undefined;
    try {
      return await whileWriting(
        ctx,
        'checkin record',
        (loaded) => {
          model = loaded.model;
          return record(ctx, loaded, args, flags);
        },
        // One match changes: when the folder is as its outline says, only that match, its
        // people and the settings are read (src/store/load-outline.ts).
        { match: args[0]! },
      );
    } catch (error) {
      // Whatever stopped the write (a problem in the file, a busy folder, a full disk), a
      // safeguarding concern must still reach the lead today.
      if (flags.safeguarding && error instanceof UserError) warnUnsavedConcern(ctx, model);
      throw error;
    }
  },
});

function record(ctx: Context, loaded: LoadedProgramme, args: string[], flags: OptionValues<typeof OPTIONS>): number {
  const match = findMatch(ctx, loaded, args[0]!);
  if (flags.with === undefined || flags.outcome === undefined) {
    throw new UserError('say who the call was with and how it went', 'Give --with mentor|mentee and --outcome reached|no-answer|message|emailed.');
  }
  const input: CallInput = {
    with: flags.with,
    outcome: flags.outcome,
    date: flags.date ?? ctx.today,
    ...(flags.rating !== undefined ? { rating: flags.rating } : {}),
    ...(flags.goodMatch !== undefined ? { good_match: flags.goodMatch } : {}),
    ...(flags.prepared !== undefined ? { prepared: flags.prepared } : {}),
    actions: flags.action,
    ...(flags.concern !== undefined ? { concern: flags.concern } : {}),
    ...(flags.safeguarding ? { safeguarding: true } : {}),
    ...(flags.note !== undefined ? { note: flags.note } : {}),
    ...(flags.next !== undefined ? { next: flags.next } : {}),
    ...(flags.by !== undefined ? { by: flags.by } : {}),
  };
  const after = recordCall(ctx, loaded, match.id, input);
  if (ctx.json)
    ctx.stdout(`${JSON.stringify({ recorded: { match: match.id, file: match.file, checkin: after.checkin }, next_due: after.nextDue }, null, 2)}\n`);
  return EXIT.ok;
}
