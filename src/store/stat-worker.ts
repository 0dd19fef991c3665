// A worker thread that looks at many files with lstat while the main thread reads the cache
// (src/store/stats.ts): the two took turns before, and lstat of 15,000 files is 10% of a warm run.
// It only looks; it posts [mode, size, mtimeMs, ctimeMs, ino, dev] per file (mode NaN when lstat
// failed), then raises the flag the main thread waits on.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { workerData, type MessagePort } from 'node:worker_threads';
import { raiseFlag } from './worker-threads.js';

export interface StatWorkerInput {
  dir: string;
  files: string[];
  port: MessagePort;
  /** [done flag, files looked at so far] */
  signal: Int32Array;
}

export const FIELDS = 6;

if (workerData && (workerData as Partial<StatWorkerInput>).files) {
  const { dir, files, port, signal } = workerData as StatWorkerInput;
  const out = new Float64Array(files.length * FIELDS);
  for (let i = 0; i < files.length; i++) {
    // Progress, so that a slow disk is not taken for a stalled worker.
    if ((i & 255) === 0) Atomics.store(signal, 1, i);
    try {
      const s = lstatSync(join(dir, files[i]!));
      out.set([s.mode, s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev], i * FIELDS);
    } catch {
      out[i * FIELDS] = Number.NaN;
    }
  }
  // For the tests: a worker whose answer is unusable (the files are looked at on the main thread).
  if (process.env.MENTOR_COORD_FAULT === 'stat-worker-fails') port.postMessage(new Float64Array(0));
  else port.postMessage(out, [out.buffer]);
  raiseFlag(port, signal);
}
