// Parsed records, kept between runs in <programme>/.mentor-coord/records.json so that a file
// that has not changed is not parsed and validated again (a programme of 15,000 files takes
// seconds to parse; see docs/architecture.md). The cache sits inside the programme folder, so no
// copy of personal data lands anywhere else, and ignores itself for git.
// Trust: an entry is used only while the file's size, modification time, change time (which no
// one can set back), inode and device are all as they were; the cache is ignored, and rebuilt,
// when it is not a plain file owned by this user and closed to others. A cache that is missing,
// stale, from another version of the tool, or unreadable is simply rebuilt.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import type { FileResult } from '../core/folder.js';
import { SCHEMAS } from '../core/schema/index.js';
import { ensurePrivateFolder, isMine, PRIVATE_DIR } from './private.js';
import { writeBatch } from './write.js';

export const CACHE_DIR = PRIVATE_DIR;
const CACHE_FILE = 'records.json';
const FORMAT = 3;

interface Entry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
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

/** A file or folder of the cache may be trusted: ours, of the right kind, and closed to others. */
function trusted(path: string, kind: 'file' | 'folder'): boolean {
  try {
    const stat = lstatSync(path);
    const rightKind = kind === 'file' ? stat.isFile() : stat.isDirectory();
    return rightKind && isMine(stat.uid) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

export function openCache(dir: string): RecordCache {
  const folder = join(dir, CACHE_DIR);
  const path = join(folder, CACHE_FILE);
  const print = fingerprint();
  let old: Record<string, Entry> = {};
  if (trusted(folder, 'folder') && trusted(path, 'file')) {
    try {
      // JSON, not v8.serialize: it reads back faster for this shape of data (measured).
      const loaded = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (loaded.format === FORMAT && loaded.fingerprint === print) old = loaded.entries;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }
  const fresh: Record<string, Entry> = {};
  let changed = false;
  const same = (e: Entry, stat: Stats) =>
    e.size === stat.size && e.mtimeMs === stat.mtimeMs && e.ctimeMs === stat.ctimeMs && e.ino === stat.ino && e.dev === stat.dev;
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
      fresh[file] = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, dev: stat.dev, result };
      changed = true;
    },
    save() {
      if (!changed && Object.keys(fresh).length === Object.keys(old).length) return;
      try {
        ensurePrivateFolder(dir);
        if (!trusted(folder, 'folder')) return;
        // Atomic, owner-only; a new file each time, so one planted by someone else is replaced.
        writeBatch([
          { path, text: JSON.stringify({ format: FORMAT, fingerprint: print, entries: fresh } satisfies CacheFile), shownAs: path, mode: 0o600, flush: false },
        ]);
      } catch {
        // A read-only folder, a full disk: the next run parses again, nothing is lost.
      }
    },
  };
}
