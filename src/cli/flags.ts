// The shell's names for the fields the core checks: «rating» in a core message is --rating here.
import { fillFields, type Invalid } from '../core/input.js';
import { UserError } from '../errors.js';

const FLAG_OF: Record<string, string> = { actions: '--action' };

export function flagName(field: string): string {
  return FLAG_OF[field] ?? `--${field.replaceAll('_', '-')}`;
}

/** A usage error from what the core found wrong with the input, in flag names. */
export function inputError(problem: Invalid, after = ''): UserError {
  const hint = fillFields(problem.hint, flagName);
  return new UserError(fillFields(problem.message, flagName), after ? `${hint} ${after}` : hint);
}

/** A date option: YYYY-MM-DD, or "today" / the context's today when absent. */
export function dateOption(flag: string, value: string | undefined, today: string, isIsoDate: (t: string) => boolean): string {
  if (value === undefined || value === 'today') return today;
  if (!isIsoDate(value)) throw new UserError(`${flag} "${value}" is not a date`, 'Write it as YYYY-MM-DD, e.g. 2026-11-24.');
  return value;
}

/** A path or word as it must be typed in a shell: quoted when it has spaces or special characters. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
