// A worker thread that reads and checks a share of a programme's files while the main thread
// checks the rest (src/store/parallel.ts). It writes nothing; it posts the results back, then
// raises the shared flag the main thread waits on.
import { join } from 'node:path';
import { workerData, type MessagePort } from 'node:worker_threads';
import { raiseFlag } from './worker-threads.js';
import type { FileResult } from '../core/folder.js';
import { readRecordFile } from '../core/read-record.js';
import type { RecordKind } from '../core/schema/index.js';
import { MAX_FILE_BYTES } from '../core/limits.js';
import { readPlainInto } from './read.js';
import { unreadable } from './unreadable.js';

export interface WorkerInput {
  dir: string;
  /** Every file to check; the threads take chunks of `chunk` files by the shared counter `next`. */
  files: { rel: string; kind: RecordKind }[];
  next: Int32Array;
  chunk: number;
  port: MessagePort;
  /** [done flag, files checked so far] */
  signal: Int32Array;
}

/** One chunk's results, posted as soon as it is done; or what went wrong. */
export type WorkerOutput = { ok: true; chunk: number; results: FileResult[] } | { ok: false; error: string };

/** One buffer per thread that every file is read into (see readPlainInto). */
let scratch: Buffer | undefined;

export function parseFile(dir: string, rel: string, kind: RecordKind): FileResult {
  scratch ??= Buffer.alloc(MAX_FILE_BYTES + 1);
  const read = readPlainInto(join(dir, rel), MAX_FILE_BYTES + 1, scratch);
  if (typeof read === 'string') return unreadable(rel, read);
  return readRecordFile(kind, rel, read.bytes);
}

if (workerData && (workerData as Partial<WorkerInput>).signal) {
  const { dir, files, next, chunk, port, signal } = workerData as WorkerInput;
  try {
    for (;;) {
      const c = Atomics.add(next, 0, 1);
      if (c * chunk >= files.length) break;
      const results: FileResult[] = [];
      for (let i = c * chunk; i < Math.min(files.length, (c + 1) * chunk); i++) {
        results.push(parseFile(dir, files[i]!.rel, files[i]!.kind));
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
