// Parsed records, kept between runs in <programme>/.mentor-coord/records.json so that a file
// that has not changed is not parsed and validated again (a programme of 15,000 files takes
// seconds to parse; see docs/architecture.md). The cache sits inside the programme folder, so no
// copy of personal data lands anywhere else, and ignores itself for git. A cache that is
// missing, stale, from another version of the tool, or unreadable is simply rebuilt.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import type { FileResult } from '../core/folder.js';
import { SCHEMAS } from '../core/schema/index.js';

export const CACHE_DIR = '.mentor-coord';
const CACHE_FILE = 'records.json';
const FORMAT = 2;

interface Entry {
  size: number;
  mtimeMs: number;
  ino: number;
  result: FileResult;
}

interface CacheFile {
  format: number;
  fingerprint: string;
  entries: Record<string, Entry>;
}

export interface RecordCache {
  get(file: string, stat: Stats): FileResult | undefined;
  set(file: string, stat: Stats, result: FileResult): void;
  /** Writes the cache if anything changed; failures are ignored (it is only a cache). */
  save(): void;
}

let fingerprintMemo: string | undefined;
/** Changes with the tool's version and its schemas, so records checked by another version are checked again. */
function fingerprint(): string {
  if (fingerprintMemo === undefined) {
    const schemas = Object.values(SCHEMAS).map((s) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }));
    fingerprintMemo = createHash('sha256').update(pkg.version).update(JSON.stringify(schemas)).digest('hex').slice(0, 16);
  }
  return fingerprintMemo;
}

export function openCache(dir: string): RecordCache {
  const folder = join(dir, CACHE_DIR);
  const path = join(folder, CACHE_FILE);
  const print = fingerprint();
  let old: Record<string, Entry> = {};
  try {
    // JSON, not v8.serialize: it reads back faster for this shape of data (measured).
    const loaded = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    if (loaded.format === FORMAT && loaded.fingerprint === print) old = loaded.entries;
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  const fresh: Record<string, Entry> = {};
  let changed = false;
  const same = (e: Entry, stat: Stats) => e.size === stat.size && e.mtimeMs === stat.mtimeMs && e.ino === stat.ino;
  return {
    get(file, stat) {
      const entry = old[file];
      if (entry && same(entry, stat)) {
        fresh[file] = entry;
        return entry.result;
      }
      return undefined;
    },
    set(file, stat, result) {
      // A file written in the last two seconds might change again within the clock's resolution
      // without its size changing; don't trust a cache entry for it.
      if (Date.now() - stat.mtimeMs < 2000) return;
      fresh[file] = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, result };
      changed = true;
    },
    save() {
      if (!changed && Object.keys(fresh).length === Object.keys(old).length) return;
      try {
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, '.gitignore'), '# Made by mentor-coord: a cache of this folder, never committed.\n*\n');
        // Atomic, but not flushed to disk: losing a cache to a power cut costs one slow run.
        writeFileAtomic.sync(path, JSON.stringify({ format: FORMAT, fingerprint: print, entries: fresh } satisfies CacheFile), { mode: 0o600, fsync: false });
      } catch {
        // A read-only folder, a full disk: the next run parses again, nothing is lost.
      }
    },
  };
}
