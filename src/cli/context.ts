// Everything a command needs from the outside world, decided once: the folder, `today`, colour,
// and where output goes. Commands take a Context; the core never sees process or the clock.
// The outside world itself comes in as an IO (./io.ts), so tests can run a command in-process.
import type { ChalkInstance } from 'chalk';
import { isIsoDate, isoDateOf, type IsoDate } from '../core/dates.js';
import { colorLevel, makeChalk } from '../render/color.js';
import { UserError } from '../errors.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROGRAMME_FILE } from '../core/schema/plain.js';
import { programmeTimezone } from '../store/timezone.js';
import { processIO, type IO } from './io.js';

export interface GlobalOptions {
  dir?: string;
  today?: string;
  json?: boolean;
  color?: boolean;
  cache?: boolean;
}

export interface Context {
  dir: string;
  today: IsoDate;
  json: boolean;
  cache: boolean;
  /** For stdout (data). */
  chalk: ChalkInstance;
  /** For stderr (messages and problems). */
  errChalk: ChalkInstance;
  stdout: (text: string) => void;
  /** Resolves once stdout has taken what was written (see IO). */
  stdoutReady: () => Promise<void>;
  stderr: (text: string) => void;
  stdinIsTTY: boolean;
  columns: number | undefined;
  now: () => Date;
  /** Where prompts read and write; tests pass their own streams. */
  promptStreams?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
}

export function makeContext(options: GlobalOptions, io: IO = processIO(), findProgramme = false): Context {
  const { env } = io;
  const today = options.today ?? env.MENTOR_COORD_TODAY;
  if (today !== undefined && !isIsoDate(today)) {
    throw new UserError(`--today "${today}" is not a date`, 'Write it as YYYY-MM-DD, e.g. --today 2026-11-22 (MENTOR_COORD_TODAY likewise).');
  }
  const noColorFlag = options.color === false || options.json === true;
  const dir = options.dir ?? (env.MENTOR_COORD_DIR || (findProgramme ? programmeAbove(io) : '.'));
  return {
    dir,
    // Without --today, today is the date where the programme is (its timezone: in programme.yaml),
    // not where this machine happens to be.
    today: today ?? isoDateOf(io.now(), programmeTimezone(dir)),
    json: options.json === true,
    cache: options.cache !== false && !env.MENTOR_COORD_NO_CACHE,
    chalk: makeChalk(colorLevel({ isTTY: io.stdoutIsTTY, env, noColorFlag })),
    errChalk: makeChalk(colorLevel({ isTTY: io.stderrIsTTY, env, noColorFlag: options.color === false })),
    stdout: io.stdout,
    stdoutReady: io.stdoutReady ?? (() => Promise.resolve()),
    stderr: io.stderr,
    stdinIsTTY: io.stdinIsTTY,
    columns: io.columns,
    now: io.now,
    ...(io.promptStreams ? { promptStreams: io.promptStreams } : {}),
  };
}

/**
 * The programme folder when none is named: the current folder, or the nearest one above it that
 * holds programme.yaml (as git finds its repository), said in one line when it is not this one.
 */
function programmeAbove(io: IO): string {
  const here = io.cwd();
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, PROGRAMME_FILE))) {
      if (dir !== here) io.stderr(`mentor-coord: using the programme folder ${dir}\n`);
      return dir;
    }
    if (dirname(dir) === dir) return '.';
  }
}
