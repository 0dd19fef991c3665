import { explainMentee } from '../../core/match/propose.js';
import { didYouMean } from '../../core/suggest.js';
import { EXIT, UserError } from '../../errors.js';
import { renderExplain } from '../../render/match.js';
import { loadProgrammeLazily } from '../../store/load-lazy.js';
import { defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'match explain',
  description: "every mentor for one mentee, best first: each criterion's part of the score, or what rules the mentor out",
  arguments: [{ name: '<mentee>', description: 'the mentee id (file name in mentees/)' }],
  options: {},
  async run(ctx, args) {
    const loaded = await loadProgrammeLazily(ctx.dir, { cache: ctx.cache, onDemand: true });
    const id = args[0]!;
    if (!loaded.model.mentees.has(id))
      throw new UserError(`there is no mentee "${id}"`, `Give a file name from mentees/ without .yaml.${didYouMean(id, loaded.model.mentees.keys())}`);
    const explained = explainMentee(loaded.model, id, ctx.today);
    const name = (x: string) => (loaded.model.mentees.get(x) ?? loaded.model.mentors.get(x))?.data.name ?? x;
    if (ctx.json) {
      const candidates = explained.candidates.map((c) => ({
        mentor: c.mentor,
        score: c.excluded.length === 0 ? c.score : null,
        criteria: Object.fromEntries(c.results.map((r) => [r.name, r.contribution])),
        details: Object.fromEntries(c.results.map((r) => [r.name, r.detail])),
        excluded: c.excluded,
        warnings: c.warnings,
      }));
      ctx.stdout(`${JSON.stringify({ mentee: id, waiting: explained.waiting.length === 0, not_waiting: explained.waiting, candidates }, null, 2)}\n`);
    } else ctx.stdout(renderExplain(id, explained.waiting, explained.candidates, name, ctx.chalk));
    return EXIT.ok;
  },
});
