import { alternatives, propose, type Proposal } from '../../core/match/propose.js';
import { newMatchId, proposedMatchText } from '../../core/match/records.js';
import { EXIT, UserError } from '../../errors.js';
import { createRecords, whileWriting } from '../../ops/workflow.js';
import { proposalJsonChunks, renderProposal } from '../../render/match.js';
import { loadProgrammeLazily } from '../../store/load-lazy.js';
import { loadProgramme, type LoadedProgramme } from '../../store/load.js';
import { defineCommand, option, type OptionValues } from '../command.js';
import { writeChunks } from '../output.js';
import type { Context } from '../context.js';
import { didYouMean } from '../../core/suggest.js';

const OPTIONS = {
  mentee: option.list('--mentee <id...>', 'propose for these mentees only (the rest of the places count as they are)'),
  minScore: option.value('--min-score <score>', 'never propose a pair scoring below this'),
  fair: option.flag('--fair', "first make the worst pair's score as high as it can be without matching fewer, then the total"),
  apply: option.flag('--apply', 'accept the whole proposal: write each pair as a proposed match'),
  interactive: option.flag('--interactive', 'go through the proposal pair by pair: accept, choose another mentor, or skip (on a terminal)'),
};

export const command = defineCommand({
  name: 'match propose',
  writes: true,
  description: 'the best mentor for each waiting mentee: exactly optimal, every pair and every mentee left waiting explained',
  options: OPTIONS,
  helpAfter:
    '\nThe proposal matches as many mentees as possible, then has the highest total score. --json adds every possible pair (candidates) so the optimum can be checked.',
  async run(ctx, _args, flags): Promise<number> {
    const minScore = flags.minScore === undefined ? undefined : Number(flags.minScore);
    if (minScore !== undefined && !Number.isFinite(minScore))
      throw new UserError(`--min-score "${flags.minScore}" is not a number`, 'Give a score, e.g. --min-score 3.');
    if (flags.interactive) return review(ctx, flags, minScore);
    // (Shown once the folder's lock is let go: a slow reader of --json must not hold it.)
    if (flags.apply) return show(ctx, await whileWriting(ctx, 'match --apply', (loaded) => run(ctx, loaded, flags, minScore)), true);
    // (A match's meetings and calls are read only if used: matching needs none of them.)
    return show(ctx, run(ctx, await loadProgrammeLazily(ctx.dir, { cache: ctx.cache, onDemand: true }), flags, minScore), false);
  },
});

/** The proposal written out (--json at the pace of its reader: millions of pairs in a large programme). */
async function show(ctx: Context, { proposal, name }: { proposal: Proposal; name: (id: string) => string }, applied: boolean): Promise<number> {
  if (ctx.json) await writeChunks(ctx, proposalJsonChunks(proposal));
  else ctx.stdout(renderProposal(proposal, name, ctx.chalk));
  if (!applied && proposal.pairs.length > 0) ctx.stderr('Nothing was written: add --apply to write these pairs as proposed matches.\n');
  return EXIT.ok;
}

function run(
  ctx: Context,
  loaded: LoadedProgramme,
  flags: OptionValues<typeof OPTIONS>,
  minScore: number | undefined,
): { proposal: Proposal; name: (id: string) => string } {
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
    // Every allowed pair only for --json (15 million objects at 50,000 people).
    candidates: ctx.json,
    ...(mentees ? { mentees } : {}),
    ...(minScore !== undefined ? { minScore } : {}),
    ...(flags.fair ? { fair: true } : {}),
  });
  const name = (id: string) => (model.mentees.get(id) ?? model.mentors.get(id))?.data.name ?? id;
  if (flags.apply) apply(ctx, loaded, proposal);
  return { proposal, name };
}

/**
 * Pair by pair: accept, choose one of the next-best mentors (each shown with what it does to the
 * number matched and the total), or skip. Each decision is kept and the rest solved again; the
 * accepted pairs are written at the end. Ctrl-C writes nothing.
 */
async function review(ctx: Context, flags: OptionValues<typeof OPTIONS>, minScore: number | undefined): Promise<number> {
  if (!ctx.stdinIsTTY)
    throw new UserError(
      'match --interactive asks questions, so it needs a terminal',
      'In a script, use mentor-coord match --apply, or --json to decide yourself.',
    );
  const loaded = loadProgramme(ctx.dir, { cache: ctx.cache });
  const { model } = loaded;
  const prompts = await import('@inquirer/prompts');
  const io = ctx.promptStreams;
  const say = (text: string) => (io ? io.output.write(`${text}\n`) : ctx.stderr(`${text}\n`));
  const name = (id: string) => (model.mentees.get(id) ?? model.mentors.get(id))?.data.name ?? id;
  const mentees = flags.mentee?.flatMap((m) => m.split(',')).map((m) => m.trim());
  const base = {
    today: ctx.today,
    candidates: false,
    ...(mentees ? { mentees } : {}),
    ...(minScore !== undefined ? { minScore } : {}),
    ...(flags.fair ? { fair: true } : {}),
  };
  const fixed = new Map<string, string>();
  const skipped = new Set<string>();
  const decided = new Set<string>();
  const sign = (d: number) => (d > 0 ? `+${d}` : d < 0 ? `${d}` : '±0');
  for (;;) {
    const proposal = propose(model, { ...base, fixed, skipped });
    const next = proposal.pairs.find((p) => !decided.has(p.mentee));
    if (!next) break;
    say('');
    say(`${name(next.mentee)} with ${name(next.mentor)}: score ${next.score} (proposal: ${proposal.matched} matched, total ${proposal.total})`);
    for (const r of next.results.filter((x) => x.contribution > 0)) say(`  ${r.name} (+${r.contribution}): ${r.detail}`);
    for (const w of next.warnings) say(`  warning: ${w}`);
    const others = alternatives(model, { ...base, fixed, skipped }, next.mentee, next.mentor);
    const choice = await prompts.select(
      {
        message: `Propose ${name(next.mentor)} for ${name(next.mentee)}?`,
        choices: [
          { name: 'Accept', value: 'accept' },
          ...others.map((o) => ({
            name: `${name(o.mentor)} instead (score ${o.score}): ${o.matched} matched (${sign(o.matched - proposal.matched)}), total ${o.total} (${sign(o.total - proposal.total)})`,
            value: `mentor:${o.mentor}`,
          })),
          { name: `Skip: leave ${name(next.mentee)} waiting`, value: 'skip' },
          { name: 'Stop here (accepted pairs are written)', value: 'stop' },
        ],
      },
      io,
    );
    if (choice === 'stop') break;
    decided.add(next.mentee);
    if (choice === 'skip') skipped.add(next.mentee);
    else fixed.set(next.mentee, choice === 'accept' ? next.mentor : choice.slice('mentor:'.length));
  }
  if (fixed.size === 0) {
    say('Nothing accepted, nothing written.');
    return EXIT.ok;
  }
  return whileWriting(ctx, 'match --interactive', (now) => {
    const chosen = propose(now.model, { ...base, fixed, skipped: new Set([...now.model.mentees.keys()].filter((id) => !fixed.has(id))) });
    apply(ctx, now, chosen);
    say(`Wrote ${chosen.pairs.length} proposed match${chosen.pairs.length === 1 ? '' : 'es'}.`);
    return EXIT.ok;
  });
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
