import { isIsoDate } from '../../core/dates.js';
import { confirmEdits } from '../../core/match/records.js';
import { EXIT } from '../../errors.js';
import { findMatch, whileWriting, writeChanges } from '../../ops/workflow.js';
import { defineCommand, option } from '../command.js';
import { dateOption, inputError } from '../flags.js';

export const command = defineCommand({
  name: 'match confirm',
  writes: true,
  description: 'both sides agreed: the proposed match becomes active',
  arguments: [{ name: '<match>', description: 'the match id (its file name in matches/)' }],
  options: { date: option.value('--date <date>', 'when they agreed (default: today)') },
  run: (ctx, args, flags) =>
    whileWriting(ctx, 'match confirm', (loaded) => {
      const match = findMatch(ctx, loaded, args[0]!);
      const built = confirmEdits(match, dateOption('--date', flags.date, ctx.today, isIsoDate), ctx.today);
      if (!built.ok) throw inputError(built, 'Nothing was written.');
      writeChanges(ctx, loaded, [{ file: match.file, edits: built.edits }]);
      ctx.stderr(
        `Confirmed ${match.id}: active from ${dateOption('--date', flags.date, ctx.today, isIsoDate)}. Next: the first meeting within the programme's first_meeting_within.\n`,
      );
      return EXIT.ok;
    }),
});
