// A worker thread that reads and checks a share of a programme's files while the main thread
// checks the rest (src/store/parallel.ts). It writes nothing; it posts the results back, then
// raises the shared flag the main thread waits on.
import { workerData, type MessagePort } from 'node:worker_threads';
import { raiseFlag } from './worker-threads.js';
import { withoutUnchecked } from '../core/checks/index.js';
import type { FileResult } from '../core/folder.js';
import { readRecordFile } from '../core/read-record.js';
import type { RecordKind } from '../core/schema/index.js';
import { parseFileWith, type BytesSeen } from './parse-file.js';

export interface WorkerInput {
  dir: string;
  /** Every file to check; the threads take chunks of `chunk` files by the shared counter `next`. */
  files: { rel: string; kind: RecordKind }[];
  next: Int32Array;
  chunk: number;
  port: MessagePort;
  /** [done flag, files checked so far] */
  signal: Int32Array;
  /** Only problems are wanted: a match's lists are dropped once checked (withoutUnchecked). */
  problemsOnly: boolean;
}

/** One chunk's results, posted as soon as it is done; or what went wrong. */
export type WorkerOutput = { ok: true; chunk: number; results: FileResult[] } | { ok: false; error: string };

/** A record file read and checked whole: its value, or its problems with their lines. */
export function parseFile(dir: string, rel: string, kind: RecordKind, seen?: BytesSeen): FileResult {
  return parseFileWith(readRecordFile, dir, rel, kind, seen);
}

if (workerData && (workerData as Partial<WorkerInput>).signal) {
  const { dir, files, next, chunk, port, signal, problemsOnly } = workerData as WorkerInput;
  try {
    for (;;) {
      const c = Atomics.add(next, 0, 1);
      if (c * chunk >= files.length) break;
      const results: FileResult[] = [];
      for (let i = c * chunk; i < Math.min(files.length, (c + 1) * chunk); i++) {
        const result = parseFile(dir, files[i]!.rel, files[i]!.kind);
        results.push(problemsOnly ? withoutUnchecked(files[i]!.kind, result) : result);
        Atomics.add(signal, 1, 1);
      }
      port.postMessage({ ok: true, chunk: c, results } satisfies WorkerOutput);
      // For the tests: a worker that fails after its first chunk (its other chunks are lost).
      if (process.env.MENTOR_COORD_FAULT === 'worker-fails') throw new Error('worker-fails');
    }
  } catch (error) {
    port.postMessage({ ok: false, error: String(error) } satisfies WorkerOutput);
  }
  raiseFlag(port, signal);
}
