import { publicProblem } from '../../core/problems.js';
import { renderProblems } from '../../render/problems.js';
import { loadProgramme } from '../../store/load.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';

export async function run(ctx: Context): Promise<number> {
  const loaded = loadProgramme(ctx.dir, { cache: ctx.cache });
  if (ctx.json) {
    ctx.stdout(`${JSON.stringify({ problems: loaded.problems.map(publicProblem) }, null, 2)}\n`);
  } else if (loaded.problems.length > 0) {
    ctx.stderr(renderProblems(loaded.problems, loaded.textOf, ctx.errChalk));
  }
  return loaded.problems.length > 0 ? EXIT.findings : EXIT.ok;
}
