// What the two kinds of worker thread share (src/store/parallel.ts parses files, src/store/stats.ts
// looks at them with lstat): finding the built script, the MENTOR_COORD_WORKERS setting, and the
// flag a worker raises when it is done, which the main thread waits on synchronously so that
// loading stays one synchronous step.
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';

/** A worker that makes no progress for this long is given up on (its work is done here). */
const STALL_MS = 10_000;

/** The built worker script (dist/<name>.js), or undefined when running from source. */
export function builtWorker(name: 'parse-worker' | 'stat-worker'): URL | undefined {
  for (const rel of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(rel, import.meta.url);
    const path = fileURLToPath(url);
    if (path.endsWith(`${sep}dist${sep}${name}.js`) && existsSync(path)) return url;
  }
  return undefined;
}

/** MENTOR_COORD_WORKERS as a number when it is set to one (0 turns workers off). */
export function workersSetting(env: Record<string, string | undefined>): number | undefined {
  const set = env.MENTOR_COORD_WORKERS?.trim();
  return set !== undefined && /^\d+$/.test(set) ? Number(set) : undefined;
}

/**
 * Waits until the worker's flag (signal[0]) is up: true; false when its progress count
 * (signal[1]) has not moved for ten seconds.
 */
export function waitForFlag(signal: Int32Array): boolean {
  let progress = -1;
  let since = Date.now();
  while (Atomics.load(signal, 0) === 0) {
    Atomics.wait(signal, 0, 0, 200);
    const done = Atomics.load(signal, 1);
    if (done !== progress) {
      progress = done;
      since = Date.now();
    } else if (Date.now() - since > STALL_MS) return false;
  }
  return true;
}

/** In a worker: closes its port and raises the flag the main thread waits on. */
export function raiseFlag(port: MessagePort, signal: Int32Array): void {
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
