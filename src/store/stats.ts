// lstat of many files on a worker thread while the main thread does something else (reads the
// cache): see src/store/stat-worker.ts. The results are the same numbers lstat gives here; a file
// the worker could not look at, or a worker that fails or stalls, is looked at here instead, so
// what the loader decides never depends on the worker.
import { constants, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { FileResult } from '../core/folder.js';
import type { RecordKind } from '../core/schema/plain.js';
import { FIELDS, type StatWorkerInput, type StatWorkerReadOutput, type StatWorkerRequest } from './stat-worker.js';
import { builtWorker, waitForFlag, workersSetting } from './worker-threads.js';

/** What the loader needs to know of a file. */
export interface FileStat {
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
  isFile(): boolean;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

/** The numbers of a file's status that say whether it changed (the cache's and the outline's). */
export type StatNumbers = Pick<FileStat, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino' | 'dev'>;

class PackedStat implements FileStat {
  constructor(
    private readonly mode: number,
    readonly size: number,
    readonly mtimeMs: number,
    readonly ctimeMs: number,
    readonly ino: number,
    readonly dev: number,
  ) {}
  isSymbolicLink(): boolean {
    return (this.mode & constants.S_IFMT) === constants.S_IFLNK;
  }
  isDirectory(): boolean {
    return (this.mode & constants.S_IFMT) === constants.S_IFDIR;
  }
  isFile(): boolean {
    return (this.mode & constants.S_IFMT) === constants.S_IFREG;
  }
}

/** A file's status with only what the loader needs: lighter to keep than node's (which makes four Dates). */
export function packStat(s: FileStat & { mode: number }): FileStat {
  return new PackedStat(s.mode, s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev);
}

/** Fewer files than this are looked at here: starting a worker costs more than it saves. */
const MIN_FILES = 2000;

export interface StatsJob {
  /** Each file's status, in the order given (waits for the worker). */
  results(): FileStat[];
  /** Files will be read: the worker may start loading the parser (see src/store/stat-worker.ts). */
  prepare(): void;
  /**
   * These files read and checked on the worker, with the hash of the bytes each was read from;
   * undefined when there is no worker or it could not (the caller reads them itself). Once.
   */
  read(files: { rel: string; kind: RecordKind }[]): { results: FileResult[]; hashes: (string | null)[] } | undefined;
  /** Done with the worker. */
  close(): void;
}

/**
 * Starts looking at `files` (relative to `dir`) on a worker, when there are many and workers are
 * allowed (MENTOR_COORD_WORKERS, as for parsing); otherwise looks at them here, when asked. With
 * the cache's folder, the worker reads ahead the few files changed since the cache was written.
 */
export function statMany(dir: string, files: string[], env: Record<string, string | undefined> = process.env, cacheFolder?: string): StatsJob {
  const here = (): FileStat[] => files.map((f) => lstatSync(join(dir, f)));
  const none: StatsJob = { results: here, prepare: () => undefined, read: () => undefined, close: () => undefined };
  const set = workersSetting(env);
  const allowed = set === undefined ? files.length >= MIN_FILES : set > 0 && files.length > 0;
  const url = allowed ? builtWorker('stat-worker') : undefined;
  if (url === undefined) return none;
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const reading = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const input: StatWorkerInput = { dir, files, port: port2, signal, reading, ...(cacheFolder !== undefined ? { cacheFolder } : {}) };
    worker = new Worker(url, { workerData: input, transferList: [port2] });
    worker.unref();
    worker.on('error', () => {
      // Seen only after the wait; the files are looked at (or read) here.
    });
  } catch {
    port1.close();
    return none;
  }
  let open = true;
  let prepared = false;
  const close = (): void => {
    if (!open) return;
    open = false;
    // (The worker then has nothing left to wait for, and ends.)
    port1.close();
  };
  const debug = env.MENTOR_COORD_DEBUG?.includes('workers');
  return {
    results() {
      const got = waitForFlag(signal) ? receiveMessageOnPort(port1)?.message : undefined;
      const packed = got instanceof Float64Array ? got : undefined;
      if (packed === undefined || packed.length !== files.length * FIELDS) {
        close();
        void worker.terminate();
        return here();
      }
      if (debug) process.stderr.write(`mentor-coord: looked at ${files.length} files on a worker thread\n`);
      return files.map((f, i) => {
        const o = i * FIELDS;
        // A file the worker could not look at: look again here, which throws as lstat does.
        if (Number.isNaN(packed[o]!)) return lstatSync(join(dir, f));
        return new PackedStat(packed[o]!, packed[o + 1]!, packed[o + 2]!, packed[o + 3]!, packed[o + 4]!, packed[o + 5]!);
      });
    },
    prepare() {
      if (!open || prepared) return;
      prepared = true;
      port1.postMessage({ prepare: true } satisfies StatWorkerRequest);
    },
    read(list) {
      if (!open) return undefined;
      port1.postMessage({ read: list } satisfies StatWorkerRequest);
      const finished = waitForFlag(reading);
      const got = finished ? (receiveMessageOnPort(port1)?.message as StatWorkerReadOutput | undefined) : undefined;
      close();
      if (!finished) void worker.terminate();
      if (!got?.ok || got.results.length !== list.length || got.hashes.length !== list.length) return undefined;
      if (debug) process.stderr.write(`mentor-coord: read and checked ${list.length} changed file(s) on the worker thread (${got.readAhead} before asked)\n`);
      return { results: got.results, hashes: got.hashes };
    },
    close,
  };
}
