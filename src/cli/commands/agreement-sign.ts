import { signEdits, SIGNERS, type Signer } from '../../core/agreement/sign.js';
import { EXIT } from '../../errors.js';
import { findMatch, whileWriting, writeChanges } from '../../ops/workflow.js';
import { defineCommand, option } from '../command.js';
import { inputError } from '../flags.js';

export const command = defineCommand({
  name: 'agreement sign',
  writes: true,
  description: 'record who signed the agreement of a match, and when (today when no date is given)',
  arguments: [{ name: '<match>', description: 'the match id (its file name in matches/)' }],
  options: {
    mentor: option.value('--mentor [date]', 'the mentor signed (on this date)'),
    mentee: option.value('--mentee [date]', 'the mentee signed'),
    coordinator: option.value('--coordinator [date]', 'the coordinator signed'),
    guardian: option.value('--guardian [date]', "the mentee's parent or carer gave consent"),
  },
  run: (ctx, args, flags) =>
    whileWriting(ctx, 'agreement sign', (loaded) => {
      const match = findMatch(ctx, loaded, args[0]!);
      const dates: Partial<Record<Signer, string>> = {};
      for (const who of SIGNERS) {
        const value = flags[who] as string | boolean | undefined;
        if (value !== undefined) dates[who] = value === true ? ctx.today : String(value);
      }
      const hasGuardian = loaded.model.mentees.get(match.data.mentee)?.data.guardian !== undefined;
      const built = signEdits(match, dates, ctx.today, hasGuardian);
      if (!built.ok) throw inputError(built, 'Nothing was written.');
      writeChanges(ctx, loaded, [{ file: match.file, edits: built.edits }]);
      ctx.stderr(`Recorded the signature${Object.keys(dates).length === 1 ? '' : 's'} of the ${Object.keys(dates).join(', ')} in ${match.file}.\n`);
      return EXIT.ok;
    }),
});
