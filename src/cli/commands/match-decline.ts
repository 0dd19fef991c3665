import { isIsoDate } from '../../core/dates.js';
import { declineEdits } from '../../core/match/records.js';
import { EXIT } from '../../errors.js';
import { findMatch, RESOLVED_BY_CLOSING, whileWriting, writeChanges } from '../../ops/workflow.js';
import { defineCommand, option } from '../command.js';
import { dateOption, inputError } from '../flags.js';

export const command = defineCommand({
  name: 'match decline',
  writes: true,
  description: 'the proposal was turned down: it is closed as declined, and the pair is never proposed again',
  arguments: [{ name: '<match>', description: 'the match id (its file name in matches/)' }],
  options: {
    reason: option.value('--reason <text>', 'who declined, and why'),
    date: option.value('--date <date>', 'when (default: today)'),
  },
  run: (ctx, args, flags) =>
    whileWriting(ctx, 'match decline', (loaded) => {
      const match = findMatch(ctx, loaded, args[0]!);
      const built = declineEdits(match, flags.reason, dateOption('--date', flags.date, ctx.today, isIsoDate), ctx.today);
      if (!built.ok) throw inputError(built, 'Nothing was written.');
      writeChanges(ctx, loaded, [{ file: match.file, edits: built.edits }], RESOLVED_BY_CLOSING);
      ctx.stderr(`Declined ${match.id}: closed, and ${match.data.mentee} is waiting for a mentor again (this pair will not be proposed again).\n`);
      return EXIT.ok;
    }),
});
