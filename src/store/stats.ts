// lstat of many files on a worker thread while the main thread does something else (reads the
// cache): see src/store/stat-worker.ts. The results are the same numbers lstat gives here; a file
// the worker could not look at, or a worker that fails or stalls, is looked at here instead, so
// what the loader decides never depends on the worker.
import { constants, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { FIELDS, type StatWorkerInput } from './stat-worker.js';
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
}

/**
 * Starts looking at `files` (relative to `dir`) on a worker, when there are many and workers are
 * allowed (MENTOR_COORD_WORKERS, as for parsing); otherwise looks at them here, when asked.
 */
export function statMany(dir: string, files: string[], env: Record<string, string | undefined> = process.env): StatsJob {
  const here = (): FileStat[] => files.map((f) => lstatSync(join(dir, f)));
  const set = workersSetting(env);
  const allowed = set === undefined ? files.length >= MIN_FILES : set > 0 && files.length > 0;
  const url = allowed ? builtWorker('stat-worker') : undefined;
  if (url === undefined) return { results: here };
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const input: StatWorkerInput = { dir, files, port: port2, signal };
    worker = new Worker(url, { workerData: input, transferList: [port2] });
    worker.unref();
    worker.on('error', () => {
      // Seen only after the wait; the files are looked at here.
    });
  } catch {
    port1.close();
    return { results: here };
  }
  return {
    results() {
      const got = waitForFlag(signal) ? receiveMessageOnPort(port1)?.message : undefined;
      const packed = got instanceof Float64Array ? got : undefined;
      port1.close();
      if (packed === undefined || packed.length !== files.length * FIELDS) {
        void worker.terminate();
        return here();
      }
      if (env.MENTOR_COORD_DEBUG?.includes('workers')) process.stderr.write(`mentor-coord: looked at ${files.length} files on a worker thread\n`);
      return files.map((f, i) => {
        const o = i * FIELDS;
        // A file the worker could not look at: look again here, which throws as lstat does.
        if (Number.isNaN(packed[o]!)) return lstatSync(join(dir, f));
        return new PackedStat(packed[o]!, packed[o + 1]!, packed[o + 2]!, packed[o + 3]!, packed[o + 4]!, packed[o + 5]!);
      });
    },
  };
}
