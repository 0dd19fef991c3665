import { buildFollowUp } from '../../core/checkin/index.js';
import { isIsoDate } from '../../core/dates.js';
import { EXIT } from '../../errors.js';
import { findMatch, whileWriting, writeChanges } from '../../ops/workflow.js';
import { defineCommand, option } from '../command.js';
import { dateOption, inputError } from '../flags.js';

export const command = defineCommand({
  name: 'checkin follow-up',
  writes: true,
  description: 'record what was done about a concern, which takes it off the overdue report',
  arguments: [{ name: '<match>', description: 'the match id' }],
  options: {
    note: option.value('--note <text>', 'what was done: who was told, what was decided'),
    date: option.value('--date <date>', 'when (default: today)'),
    by: option.value('--by <name>', 'who followed it up'),
    concern: option.value('--concern <n>', 'which open concern, when the match has several'),
  },
  run: (ctx, args, flags) =>
    whileWriting(ctx, 'checkin follow-up', (loaded) => {
      const match = findMatch(ctx, loaded, args[0]!);
      const date = flags.note?.trim() ? dateOption('--date', flags.date, ctx.today, isIsoDate) : ctx.today;
      const built = buildFollowUp(match, { note: flags.note, date, by: flags.by, concern: flags.concern }, ctx.today);
      if (!built.ok) throw inputError(built);
      writeChanges(ctx, loaded, [{ file: match.file, edits: built.edits }]);
      ctx.stderr(`Recorded the follow-up of the concern raised ${built.concern.raised} in ${match.file}.\n`);
      if (ctx.json) ctx.stdout(`${JSON.stringify({ match: match.id, file: match.file, concern: built.concern.text, follow_up: built.followUp }, null, 2)}\n`);
      return EXIT.ok;
    }),
});
