import { propose, type Proposal } from '../../core/match/propose.js';
import { newMatchId, proposedMatchText } from '../../core/match/records.js';
import { EXIT, UserError } from '../../errors.js';
import { createRecords, whileWriting } from '../../ops/workflow.js';
import { renderProposal, renderProposalJson } from '../../render/match.js';
import { loadProgramme, type LoadedProgramme } from '../../store/load.js';
import { defineCommand, option, type OptionValues } from '../command.js';
import type { Context } from '../context.js';
import { didYouMean } from '../../core/suggest.js';

const OPTIONS = {
  mentee: option.list('--mentee <id...>', 'propose for these mentees only (the rest of the places count as they are)'),
  minScore: option.value('--min-score <score>', 'never propose a pair scoring below this'),
  fair: option.flag('--fair', "first make the worst pair's score as high as it can be without matching fewer, then the total"),
  apply: option.flag('--apply', 'accept the whole proposal: write each pair as a proposed match'),
};

export const command = defineCommand({
  name: 'match propose',
  description: 'the best mentor for each waiting mentee: exactly optimal, every pair and every mentee left waiting explained',
  options: OPTIONS,
  helpAfter:
    '\nThe proposal matches as many mentees as possible, then has the highest total score. --json adds every possible pair (candidates) so the optimum can be checked.',
  async run(ctx, _args, flags): Promise<number> {
    const minScore = flags.minScore === undefined ? undefined : Number(flags.minScore);
    if (minScore !== undefined && !Number.isFinite(minScore))
      throw new UserError(`--min-score "${flags.minScore}" is not a number`, 'Give a score, e.g. --min-score 3.');
    if (flags.apply) return whileWriting(ctx, 'match --apply', (loaded) => run(ctx, loaded, flags, minScore));
    return run(ctx, loadProgramme(ctx.dir, { cache: ctx.cache }), flags, minScore);
  },
});

function run(ctx: Context, loaded: LoadedProgramme, flags: OptionValues<typeof OPTIONS>, minScore: number | undefined): number {
  const { model } = loaded;
  const mentees = flags.mentee?.flatMap((m) => m.split(',')).map((m) => m.trim());
  for (const id of mentees ?? []) {
    if (!model.mentees.has(id))
      throw new UserError(`there is no mentee "${id}"`, `Give a file name from mentees/ without .yaml.${didYouMean(id, model.mentees.keys())}`);
  }
  if (!flags.apply && loaded.problems.length > 0) {
    ctx.stderr(
      `mentor-coord: warning: ${loaded.problems.length} problem(s) in the programme folder; people in files that could not be read are left out. Run mentor-coord validate.\n`,
    );
  }
  const proposal = propose(model, {
    today: ctx.today,
    ...(mentees ? { mentees } : {}),
    ...(minScore !== undefined ? { minScore } : {}),
    ...(flags.fair ? { fair: true } : {}),
  });
  const name = (id: string) => (model.mentees.get(id) ?? model.mentors.get(id))?.data.name ?? id;
  if (flags.apply) apply(ctx, loaded, proposal);
  if (ctx.json) ctx.stdout(renderProposalJson(proposal));
  else ctx.stdout(renderProposal(proposal, name, ctx.chalk));
  if (!flags.apply && proposal.pairs.length > 0) ctx.stderr('Nothing was written: add --apply to write these pairs as proposed matches.\n');
  return EXIT.ok;
}

function apply(ctx: Context, loaded: LoadedProgramme, proposal: Proposal): void {
  const taken = new Set(loaded.model.matches.keys());
  const records = proposal.pairs.map((pair) => {
    const id = newMatchId(pair.mentee, ctx.today, (x) => taken.has(x) || loaded.problems.some((p) => p.file === `matches/${x}.yaml`));
    taken.add(id);
    return {
      file: `matches/${id}.yaml`,
      text: proposedMatchText(loaded.model, pair, ctx.today),
      touches: [`mentors/${pair.mentor}.yaml`, `mentees/${pair.mentee}.yaml`],
    };
  });
  for (const file of createRecords(ctx, loaded, records)) ctx.stderr(`wrote ${file}\n`);
}
