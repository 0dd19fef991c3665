// Writers of this tool take turns: one lock per programme folder, held from reading the files a
// command changes until they are written, so two coordinators (or a coordinator and cron) never
// lose each other's update. proper-lockfile makes the lock a directory inside .mentor-coord/ and
// keeps its time fresh while held; a lock whose holder was killed goes stale and is taken over
// after STALE_MS. Who holds it is written beside it, so a command that gives up can say who.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { UserError } from '../errors.js';
import { ensurePrivateFolder } from './private.js';
import { isRunning } from './read.js';
import { fsCall, fsError } from './write.js';

export const STALE_MS = 10_000;
/** How long a command waits for another writer before it gives up: a few seconds. */
const WAIT = { retries: 25, minTimeout: 100, maxTimeout: 250, factor: 1.2 };

export interface Holder {
  pid: number;
  host: string;
  user: string;
  command: string;
  since: string;
}

/** Runs `work` while holding the programme's write lock; waits a few seconds for it. */
export async function withWriteLock<T>(
  dir: string,
  command: string,
  work: () => T | Promise<T>,
  /** Told when the command waits for a stopped command's lock to free itself (seconds, not a moment). */
  waiting: (message: string) => void = () => undefined,
): Promise<T> {
  const folder = fsCall(dir, 'write', () => ensurePrivateFolder(dir));
  const lockPath = join(folder, 'write.lock');
  const holderPath = join(folder, 'write.lock.json');
  let compromised: Error | undefined;
  const take = (retries: typeof WAIT | number) =>
    lockfile.lock(dir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      retries,
      onCompromised: (error) => {
        compromised = error;
      },
    });
  let release: (() => Promise<void>) | undefined;
  let waited: Holder[] = [];
  for (;;) {
    try {
      release = await take(waited.length === 0 ? WAIT : STALE_WAIT);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw fsError(error, dir, 'write');
      // A holder on this machine that no longer runs (killed, power cut) cannot finish: its lock
      // goes stale within STALE_MS, so wait for that rather than send the coordinator away (a
      // safeguarding concern may be waiting to be written). Another command may take it over
      // first and be stopped in turn: each stopped holder is waited for, a few at most.
      const holder = readHolder(holderPath);
      waited = afterWaiting(waited, holder, (pid) => isRunning(pid));
      if (waited.length === 0) throw busy(holder);
      waiting(
        `mentor-coord: waiting for the programme folder: process ${holder!.pid} ("${holder!.command}") was stopped while writing, and its lock frees itself within ${STALE_MS / 1000} seconds\n`,
      );
    }
  }
  try {
    writeFileSync(holderPath, `${JSON.stringify(holderNow(command))}\n`, { mode: 0o600 });
    const result = await work();
    if (compromised)
      throw new UserError(
        'another command took over the programme folder while this one was writing',
        'Run mentor-coord validate, then run the command again.',
      );
    return result;
  } finally {
    rmSync(holderPath, { force: true });
    await release().catch(() => undefined);
  }
}

/** Waiting for a stopped holder's lock to go stale: retried for a little longer than STALE_MS. */
const STALE_WAIT = { retries: Math.ceil(STALE_MS / 250) + 8, minTimeout: 250, maxTimeout: 250, factor: 1 };
/** Stopped holders waited for, one after another, before giving up (each a crash). */
const MAX_STOPPED = 3;

/**
 * The stopped holders waited for so far, after a wait for the lock ended with `holder` holding
 * it; empty when the command should give up and say who is busy: a holder that runs, is on
 * another machine or unknown, the same stopped holder again, or too many of them.
 */
export function afterWaiting(waited: readonly Holder[], holder: Holder | undefined, running: (pid: number) => boolean): Holder[] {
  if (!holder || holder.host !== hostname() || running(holder.pid)) return [];
  if (waited.some((w) => w.pid === holder.pid && w.since === holder.since) || waited.length >= MAX_STOPPED) return [];
  return [...waited, holder];
}

function holderNow(command: string): Holder {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No name for this user id (a container, say): the pid still says who.
  }
  return { pid: process.pid, host: hostname(), user, command, since: new Date().toISOString() };
}

function readHolder(holderPath: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(holderPath, 'utf8')) as Holder;
  } catch {
    return undefined; // Not written yet, or already gone.
  }
}

function busy(holder: Holder | undefined): UserError {
  const who = holder
    ? `${holder.user} on ${holder.host} (process ${holder.pid}, "${holder.command}", since ${holder.since.slice(11, 19)} UTC)`
    : 'another mentor-coord command';
  return new UserError(
    `the programme folder is busy: ${who} is writing to it`,
    `Nothing was written. Run the command again in a moment. If that command was stopped, the folder frees itself within ${STALE_MS / 1000} seconds.`,
  );
}
