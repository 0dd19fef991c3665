import { callSheet } from '../../core/calls.js';
import { isIsoDate } from '../../core/dates.js';
import { publicProblem } from '../../core/problems.js';
import { renderSheet, renderSheetMarkdown } from '../../render/calls.js';
import { loadProgramme } from '../../store/load.js';
import type { Context } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { dateOption } from './shared.js';

export async function run(ctx: Context, _args: unknown[], flags: { on?: string; format?: string }): Promise<number> {
  const on = dateOption('--on', flags.on, ctx.today, isIsoDate);
  const format = ctx.json ? 'json' : (flags.format ?? 'table');
  if (!['table', 'markdown', 'json'].includes(format)) throw new UserError(`--format "${format}" is not one of: table, markdown, json`);
  const loaded = loadProgramme(ctx.dir, { cache: ctx.cache });
  const entries = callSheet(loaded.model, on);
  if (loaded.problems.length > 0) {
    ctx.stderr(`mentor-coord: ${loaded.problems.length} problem(s) in the programme folder; calls in files that could not be read are missing. Run mentor-coord validate.\n`);
  }
  if (format === 'json') ctx.stdout(`${JSON.stringify({ on, calls: entries, problems: loaded.problems.map(publicProblem) }, null, 2)}\n`);
  else if (format === 'markdown') ctx.stdout(renderSheetMarkdown(loaded.model.settings.name, on, entries));
  else ctx.stdout(renderSheet(loaded.model.settings.name, on, entries, ctx.chalk));
  return loaded.problems.length > 0 ? EXIT.usage : EXIT.ok;
}
