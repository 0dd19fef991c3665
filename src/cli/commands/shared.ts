// Small pieces the commands share.
import type { Loaded, ProgrammeModel } from '../../core/model.js';
import type { Match } from '../../core/schema/index.js';
import { didYouMean } from '../../core/suggest.js';
import { renderProblems } from '../../render/problems.js';
import type { LoadedProgramme } from '../../store/load.js';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';

/** Commands that write refuse to while the folder has problems: they could make things worse. */
export function requireNoProblems(ctx: Context, loaded: LoadedProgramme): void {
  if (loaded.problems.length === 0) return;
  ctx.stderr(renderProblems(loaded.problems, loaded.textOf, ctx.errChalk));
  throw new UserError('the programme folder has problems, so nothing was written', 'Fix the problems above (mentor-coord validate lists them), then run the command again.');
}

export function findMatch(model: ProgrammeModel, id: string): Loaded<Match> {
  const match = model.matches.get(id);
  if (match) return match;
  throw new UserError(`there is no match "${id}"`, `Give a file name from matches/ without .yaml.${didYouMean(id, model.matches.keys())}`);
}

/** A date option: YYYY-MM-DD, or "today" / the context's today when absent. */
export function dateOption(flag: string, value: string | undefined, today: string, isIsoDate: (t: string) => boolean): string {
  if (value === undefined || value === 'today') return today;
  if (!isIsoDate(value)) throw new UserError(`${flag} "${value}" is not a date`, 'Write it as YYYY-MM-DD, e.g. 2026-11-24.');
  return value;
}
