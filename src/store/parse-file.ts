// A record file read from disk and handed to a reader (the quick one, or the whole one of
// src/core/read-record.ts): one buffer per thread that every file is read into, and a file that
// cannot be read becomes its problem.
import { join } from 'node:path';
import type { FileResult } from '../core/folder.js';
import { MAX_FILE_BYTES } from '../core/limits.js';
import type { RecordKind } from '../core/schema/index.js';
import { readPlainInto } from './read.js';
import { unreadable } from './unreadable.js';

/** What reads a record file's bytes (undefined: it cannot say, another reader must). */
export type RecordReader<R extends FileResult | undefined> = (kind: RecordKind, file: string, bytes: Uint8Array) => R;

/** One buffer per thread that every file is read into (see readPlainInto). */
let scratch: Buffer | undefined;

/** Told the bytes a record is read from, before the reader has them (src/store/outline.ts hashes some). */
export type BytesSeen = (rel: string, bytes: Uint8Array) => void;

export function parseFileWith<R extends FileResult | undefined>(
  reader: RecordReader<R>,
  dir: string,
  rel: string,
  kind: RecordKind,
  seen?: BytesSeen,
): FileResult | R {
  scratch ??= Buffer.alloc(MAX_FILE_BYTES + 1);
  const read = readPlainInto(join(dir, rel), MAX_FILE_BYTES + 1, scratch);
  if (typeof read === 'string') return unreadable(rel, read);
  seen?.(rel, read.bytes);
  return reader(kind, rel, read.bytes);
}
