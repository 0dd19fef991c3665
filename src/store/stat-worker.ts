// A worker thread that looks at many files with lstat while the main thread reads the cache
// (src/store/stats.ts): the two took turns before, and lstat of 15,000 files is 10% of a warm run.
// It posts [mode, size, mtimeMs, ctimeMs, ino, dev] per file (mode NaN when lstat failed), then
// raises the flag the main thread waits on.
//
// Then it stays, for the few files the cache cannot answer for (one edited, a few brought by
// `git pull`), so that the main thread need not load the parser and the schemas for them (about
// 40 ms) nor wait while they load. Files whose status changed after the cache's folder last did
// are, most likely, those: it reads and checks them at once (quickly, as the main thread would),
// while the main thread goes through the cache; a file it is then asked for and has not read (it
// is told as soon as the main thread meets the first) it reads when asked. It posts each result
// and the hash of the bytes it was read from (src/store/outline.ts trusts new files by it).
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { workerData, type MessagePort } from 'node:worker_threads';
import type { FileResult } from '../core/folder.js';
import { FOLDERS, type RecordKind } from '../core/schema/plain.js';
import { raiseFlag } from './worker-threads.js';

export interface StatWorkerInput {
  dir: string;
  files: string[];
  port: MessagePort;
  /** [done flag, files looked at so far] */
  signal: Int32Array;
  /** [done flag, files read so far] of the files it is then given to read and check. */
  reading: Int32Array;
  /**
   * The cache's folder: a few files changed after it was last written are read and checked
   * before they are asked for (the main thread asks for the files the cache could not answer for).
   */
  cacheFolder?: string;
}

/** What the main thread may then ask. */
export type StatWorkerRequest = { prepare: true } | { read: { rel: string; kind: RecordKind }[] };

/** The answer to `read`: each file's result and the SHA-256 of the bytes it was read from. */
export type StatWorkerReadOutput = { ok: true; results: FileResult[]; hashes: (string | null)[]; readAhead: number } | { ok: false };

export const FIELDS = 6;

/** At most this many files changed since the cache was written are read before they are asked for. */
const AHEAD = 64;
/** The record kind of each record folder. */
const KINDS: Record<string, RecordKind> = Object.fromEntries(Object.entries(FOLDERS).map(([kind, folder]) => [folder, kind as RecordKind]));

type Reader = (rel: string, kind: RecordKind) => Promise<{ result: FileResult; hash: string | null }>;

if (workerData && (workerData as Partial<StatWorkerInput>).files) {
  const { dir, files, port, signal, reading, cacheFolder } = workerData as StatWorkerInput;
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
  // (Before the numbers are handed over.)
  const changed = cacheFolder === undefined ? [] : changedSince(cacheFolder, files, out);
  // For the tests: a worker whose answer is unusable (the files are looked at on the main thread).
  if (process.env.MENTOR_COORD_FAULT === 'stat-worker-fails') port.postMessage(new Float64Array(0));
  else port.postMessage(out, [out.buffer]);
  // (The port stays open for what follows.)
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);

  // Quickly first, without the `yaml` library, as on the main thread; whole (and with it) only a
  // file with something to report (src/core/read-record-quick.ts).
  let reader: Promise<Reader> | undefined;
  const load = (): Promise<Reader> =>
    (reader ??= Promise.all([import('./parse-file.js'), import('../core/read-record-quick.js'), import('./write.js')]).then(
      ([{ parseFileWith }, { readRecordQuickly }, { hashOf }]) => {
        return async (rel: string, kind: RecordKind) => {
          let hash: string | null = null;
          // (Read twice, the hash is of the second reading, which gives the result.)
          const seen = (_rel: string, bytes: Uint8Array) => void (hash = hashOf(bytes));
          let result = parseFileWith(readRecordQuickly, dir, rel, kind, seen);
          if (result === undefined) {
            const { readRecordFile } = await import('../core/read-record.js');
            result = parseFileWith(readRecordFile, dir, rel, kind, seen);
          }
          return { result, hash };
        };
      },
    ));

  // The files changed since the cache was last written are, most likely, the ones it cannot
  // answer for: read now (after looking at them, as when asked), while the main thread reads the cache.
  const ahead = new Map<string, { kind: RecordKind; result: FileResult; hash: string | null }>();
  // (Reading ahead is done before any request is answered: each waits for `ready`.)
  let ready: Promise<unknown> = Promise.resolve();
  if (changed.length > 0 && changed.length <= AHEAD) {
    ready = load()
      .then(async (read) => {
        for (const rel of changed) {
          // (Records only, as far as a name tells: no hidden file, such as an editor's.)
          const slash = rel.indexOf('/');
          const kind = KINDS[rel.slice(0, slash)];
          if (kind !== undefined && rel.endsWith('.yaml') && !rel.startsWith('.', slash + 1)) ahead.set(rel, { kind, ...(await read(rel, kind)) });
        }
      })
      .catch(() => undefined);
  }

  port.on('message', (message: StatWorkerRequest) => {
    if ('prepare' in message) {
      // Errors are met again, and answered, when files are given.
      load().catch(() => undefined);
      return;
    }
    Promise.all([load(), ready])
      .then(async ([read]) => {
        // For the tests: a worker that fails while reading (the files are read on the main thread).
        if (process.env.MENTOR_COORD_FAULT === 'stat-worker-read-fails') throw new Error('stat-worker-read-fails');
        const results: FileResult[] = [];
        const hashes: (string | null)[] = [];
        let readAhead = 0;
        for (const { rel, kind } of message.read) {
          const early = ahead.get(rel);
          if (early?.kind === kind) readAhead++;
          const { result, hash } = early?.kind === kind ? early : await read(rel, kind);
          results.push(result);
          hashes.push(hash);
          Atomics.add(reading, 1, 1);
        }
        port.postMessage({ ok: true, results, hashes, readAhead } satisfies StatWorkerReadOutput);
      })
      .catch(() => port.postMessage({ ok: false } satisfies StatWorkerReadOutput))
      .finally(() => raiseFlag(port, reading));
  });
}

/** The files (of those looked at, `stats`) whose status changed after `folder` last did; none when it cannot be looked at. */
function changedSince(folder: string, files: string[], stats: Float64Array): string[] {
  let since: number;
  try {
    since = lstatSync(folder).mtimeMs;
  } catch {
    return [];
  }
  const changed: string[] = [];
  for (let i = 0; i < files.length && changed.length <= AHEAD; i++) if (stats[i * FIELDS + 3]! > since) changed.push(files[i]!);
  return changed;
}
