// A command describes itself: its name, arguments, options (typed once, here) and run function.
// src/cli/program.ts turns these into commander commands; each command's module, and what it
// imports, loads only when that command runs (or when help lists every command).
import type { Context } from './context.js';
import { UserError } from '../errors.js';
import { didYouMean } from '../core/suggest.js';

export type OptionKind = 'value' | 'flag' | 'list' | 'repeat';

export interface OptionSpec<T> {
  kind: OptionKind;
  /** Commander's flags, e.g. "--per-day <n>". */
  flags: string;
  description: string;
  defaultValue?: string;
  /** Only for the type of the parsed value. */
  readonly type?: T;
}

/** Option builders: the type each gives the run function follows from the builder used. */
export const option = {
  /** --name <value>: a string, or undefined when not given. */
  value: (flags: string, description: string): OptionSpec<string | undefined> => ({ kind: 'value', flags, description }),
  /** --name <value> with a default shown in help: always a string. */
  withDefault: (flags: string, description: string, defaultValue: string): OptionSpec<string> => ({ kind: 'value', flags, description, defaultValue }),
  /** --name: true when given. */
  flag: (flags: string, description: string): OptionSpec<boolean | undefined> => ({ kind: 'flag', flags, description }),
  /** --name <id...>: one or more values after the flag. */
  list: (flags: string, description: string): OptionSpec<string[] | undefined> => ({ kind: 'list', flags, description }),
  /** --name <text>, repeatable: every value given, in order ([] when none). */
  repeat: (flags: string, description: string): OptionSpec<string[]> => ({ kind: 'repeat', flags, description }),
};

export type OptionSpecs = Record<string, OptionSpec<unknown>>;
type ValueOf<S> = S extends OptionSpec<infer T> ? T : never;
/** The parsed options: those that may be absent are optional, the rest always present. */
export type OptionValues<O extends OptionSpecs> = { [K in keyof O as undefined extends ValueOf<O[K]> ? K : never]?: ValueOf<O[K]> } & {
  [K in keyof O as undefined extends ValueOf<O[K]> ? never : K]: ValueOf<O[K]>;
};

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  /** "validate", or "checkin plan" for a subcommand of a group. */
  name: string;
  description: string;
  arguments?: { name: string; description: string }[];
  options: O;
  /** Extra help printed after the options. */
  helpAfter?: string;
  /** False for commands that do not work on a programme folder (init): no search upward for one. */
  programme?: boolean;
  /** True for commands that change the programme's files: they gain --commit. */
  writes?: boolean;
  run(ctx: Context, args: string[], options: OptionValues<O>): Promise<number>;
}

export function defineCommand<O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/** The one output-format option: --format, with the global --json as its alias. */
export function formatOption(description: string, defaultFormat: string): OptionSpec<string> {
  return { kind: 'value', flags: '--format <format>', description, defaultValue: defaultFormat };
}

/** The format asked for: json whenever --json was given, else --format checked against the allowed ones. */
export function outputFormat<F extends string>(ctx: Context, value: string | undefined, formats: readonly F[], defaultFormat: F): F {
  if (ctx.json && (formats as readonly string[]).includes('json')) return 'json' as F;
  return oneOf('--format', value ?? defaultFormat, formats);
}

/** The value if it is one of those allowed; otherwise a usage error naming them, with "did you mean". */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(
    `${flag} "${value}" is not one of: ${allowed.join(', ')}`,
    `${didYouMean(value, allowed).trim() || `Use one of: ${allowed.join(', ')}.`}`,
  );
}
