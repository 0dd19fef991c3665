// Loading a programme for a read-only command: the scan takes what it can from the cache, and
// the parsers and the schemas are imported only if a file must be parsed, the YAML library (which
// keeps positions) only if a problem must be given its line. A run that finds every file
// unchanged loads none of them (about 40 ms of start-up on every command); one that finds a few
// files changed, and nothing wrong with them, loads js-yaml and the schemas only.
import type { FileResult } from '../core/folder.js';
import { compareProblems } from '../core/problems.js';
import type { Programme } from '../core/schema/index.js';
import { hashesOfNew, knownProblems, outlineOfLoad } from './outline.js';
import { parseAll, startParsers } from './parallel.js';
import { finishScan, helperResults, needsParser, scanProgramme, type LoadedProgramme, type LoadOptions, type Scan } from './scan.js';

export async function loadProgrammeLazily(dirArg: string, options: LoadOptions = {}): Promise<LoadedProgramme> {
  const scan = scanProgramme(dirArg, options);
  let parsed: FileResult[] = [];
  // Files too new to trust their status are trusted by the hash of the bytes read (src/store/outline.ts).
  const { hashes, seen, hashed } = hashesOfNew(scan, Date.now());
  let fallback = (): Programme => {
    throw new Error('the settings were not read');
  };
  // A few changed files: read and checked on the worker that looked at the files, which has been
  // loading the parser meanwhile (src/store/stat-worker.ts), so this thread need not load it.
  const helped = helperResults(scan, hashed);
  if (helped !== undefined) parsed = helped;
  if (helped === undefined && needsParser(scan)) {
    // Many files: the workers start loading their parsers while this thread loads its own.
    // Only problems, and no cache to keep records in: a match's lists go once it is checked.
    const problemsOnly = options.problemsOnly === true && options.cache === false;
    const parsers = startParsers(scan.dir, scan.pending, problemsOnly);
    const [{ defaultSettings, readRecordQuickly }, { parseFileWith }, { withoutUnchecked }] = await Promise.all([
      import('../core/read-record-quick.js'),
      import('./parse-file.js'),
      import('../core/checks/index.js'),
    ]);
    const kept = <R extends FileResult | undefined>(kind: string, result: R): R => (problemsOnly && result ? withoutUnchecked(kind, result) : result);
    // Quickly, without the `yaml` library; the files with something to report are read again
    // whole, with it (src/core/read-record-quick.ts).
    const quick = parseAll(scan.dir, scan.pending, (dir, rel, kind) => kept(kind, parseFileWith(readRecordQuickly, dir, rel, kind, seen)), parsers);
    if (quick.includes(undefined)) {
      const { parseFile } = await import('./parse-worker.js');
      parsed = quick.map((result, i) => result ?? kept(scan.pending[i]!.kind, parseFile(scan.dir, scan.pending[i]!.rel, scan.pending[i]!.kind, seen)));
    } else parsed = quick as FileResult[];
    fallback = defaultSettings;
  } else if (helped !== undefined && !settingsRead(scan, parsed)) {
    fallback = (await import('../core/read-record-quick.js')).defaultSettings;
  }
  const known = knownProblems(scan, parsed, Date.now());
  const { loaded, crossFile } = finishScan(scan, parsed, fallback, known?.problems);
  if (crossFile.length > 0) {
    const { locateProblems } = await import('../core/locate.js');
    loaded.problems.push(...locateProblems(crossFile, scan.textOf));
  }
  loaded.problems.sort(compareProblems);
  const outline = outlineOfLoad(scan, loaded.problems, Date.now(), known, hashes);
  if (outline) loaded.outline = outline;
  return loaded;
}

/** Whether programme.yaml was read (from the cache, or now): else the default settings are used. */
function settingsRead(scan: Scan, parsed: readonly FileResult[]): boolean {
  const at = scan.pending.findIndex((p) => p.kind === 'programme');
  return at >= 0 ? parsed[at]!.ok : scan.records.some((r) => r.kind === 'programme' && r.result.ok);
}
