// Reading and checking many files on more than one core. A first run on a large programme, a run
// with --no-cache, or one after `git pull` changed thousands of files parses every file: on a
// machine with two cores, a worker thread checks half while the main thread checks the rest.
//
// The main thread waits synchronously (Atomics.wait on a shared flag, then receiveMessageOnPort),
// so loading stays one synchronous step for every command. A worker that cannot start, fails, or
// stops making progress for ten seconds is given up on and its share checked here, so the result
// never depends on the workers: only the time does.
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { FileResult } from '../core/folder.js';
import type { RecordKind } from '../core/schema/index.js';
import type { PendingFile } from './scan.js';
import type { WorkerInput, WorkerOutput } from './parse-worker.js';
import { builtWorker, waitForFlag, workersSetting } from './worker-threads.js';

/** Fewer files than this are checked on the main thread: a worker takes ~0.1 s to start. */
const MIN_FILES = 400;

/**
 * How many workers: MENTOR_COORD_WORKERS when set (0 turns them off; any other number is used
 * even for a few files, which is how the tests run them); otherwise one fewer than the cores, at
 * most three, and none for fewer than MIN_FILES files.
 */
export function workerCount(files: number, env: Record<string, string | undefined> = process.env, cores = availableParallelism()): number {
  const set = workersSetting(env);
  if (set !== undefined) return Math.min(set, Math.max(0, files - 1), 16);
  if (files < MIN_FILES) return 0;
  return Math.max(0, Math.min(cores - 1, 3));
}

/** Files taken at a time: small enough to even out, large enough that taking them costs nothing. */
export const CHUNK = 32;

/** Workers started on a list of files, with the counter that every thread takes chunks from. */
export interface Parsers {
  next: Int32Array;
  started: { worker: Worker; port: MessagePort; signal: Int32Array }[];
}

/**
 * Starts the workers for these files (null for a few files, or when they are turned off), so that
 * they can load their code while this thread loads its own (about 70 ms each, at once).
 */
export function startParsers(dir: string, files: PendingFile[], problemsOnly = false): Parsers | null {
  const workers = workerCount(files.length);
  const script = workers > 0 ? builtWorker('parse-worker') : undefined;
  if (script === undefined) return null;
  // Every thread, this one included, takes the next chunk of files from a shared counter until
  // none are left, so a worker that starts late or gets heavy files simply takes fewer chunks.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const list = files.map(({ rel, kind }) => ({ rel, kind }));
  const started: Parsers['started'] = [];
  for (let i = 0; i < workers; i++) {
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    try {
      const input: WorkerInput = { dir, files: list, next, chunk: CHUNK, port: port2, signal, problemsOnly };
      const worker = new Worker(script, { workerData: input, transferList: [port2] });
      worker.unref();
      worker.on('error', () => {
        // Seen only after the wait; chunks without results are checked here.
      });
      started.push({ worker, port: port1, signal });
    } catch {
      port1.close();
    }
  }
  return { next, started };
}

/**
 * Every file read and checked: by `parse` on this thread (which may leave a file undefined for
 * another reader: see src/store/load-lazy.ts), and whole (src/core/read-record.ts) on the workers
 * (started here, or already by startParsers for the same files).
 */
export function parseAll<R extends FileResult | undefined>(
  dir: string,
  files: PendingFile[],
  parse: (dir: string, rel: string, kind: RecordKind) => R,
  parsers: Parsers | null = startParsers(dir, files),
): (FileResult | R)[] {
  if (parsers === null) return files.map((f) => parse(dir, f.rel, f.kind));
  const { next, started } = parsers;

  const results: (FileResult | R | undefined)[] = new Array<FileResult | R | undefined>(files.length);
  /** Files this thread has read (its result may be undefined, unlike a missing worker's). */
  const here = new Uint8Array(files.length);
  // Workers post each chunk as it is done; taking them in between our own chunks spreads the
  // cost of copying them over, instead of paying it all at the end.
  const failed = new Set<(typeof started)[number]>();
  let fromWorkers = 0;
  const drain = (share: (typeof started)[number]): void => {
    for (let got = receiveMessageOnPort(share.port); got; got = receiveMessageOnPort(share.port)) {
      const message = got.message as WorkerOutput;
      if (!message.ok) failed.add(share);
      else {
        for (let j = 0; j < message.results.length; j++) results[message.chunk * CHUNK + j] = message.results[j];
        fromWorkers += message.results.length;
      }
    }
  };
  // MENTOR_COORD_DEBUG=workers-only leaves every chunk to the workers (for the tests).
  const mainTakes = !(process.env.MENTOR_COORD_DEBUG?.includes('workers-only') && started.length > 0);
  while (mainTakes) {
    const from = Atomics.add(next, 0, 1) * CHUNK;
    if (from >= files.length) break;
    for (let i = from; i < Math.min(files.length, from + CHUNK); i++) {
      results[i] = parse(dir, files[i]!.rel, files[i]!.kind);
      here[i] = 1;
    }
    for (const share of started) drain(share);
  }
  for (const share of started) {
    if (waitForFlag(share.signal)) drain(share);
    else failed.add(share);
    if (failed.has(share)) void share.worker.terminate();
    share.port.close();
  }
  // A diagnostic for the tests and for anyone wondering whether the workers ran.
  if (process.env.MENTOR_COORD_DEBUG?.includes('workers')) {
    process.stderr.write(
      `mentor-coord: checked ${files.length} files, ${fromWorkers} of them on worker threads (${started.length} started, ${failed.size} failed)\n`,
    );
  }
  // Whatever a worker took and did not deliver is checked here.
  for (let i = 0; i < files.length; i++) if (results[i] === undefined && here[i] === 0) results[i] = parse(dir, files[i]!.rel, files[i]!.kind);
  return results as (FileResult | R)[];
}
