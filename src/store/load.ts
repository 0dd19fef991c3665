// Loading a programme in one synchronous step, the parsers at hand: for the commands that write
// (they edit with the YAML library and check what they write with the schemas anyway). Read-only
// commands use loadProgrammeLazily (src/store/load-lazy.ts). The steps are in src/store/scan.ts.
import { locateProblems } from '../core/locate.js';
import { compareProblems } from '../core/problems.js';
import { defaultSettings } from '../core/read-record.js';
import { hashesOfNew, knownProblems, outlineOfLoad } from './outline.js';
import { parseAll } from './parallel.js';
import { parseFile } from './parse-worker.js';
import { scanProgramme, finishScan, helperResults, type LoadedProgramme, type LoadOptions } from './scan.js';

export { assertProgrammeFolder, type LoadedProgramme, type LoadOptions } from './scan.js';

export function loadProgramme(dirArg: string, options: LoadOptions = {}): LoadedProgramme {
  // A command that writes changes a record or two: the others' calls are read only if used (and
  // a record whose cached calls prove damaged is read from its file again).
  const scan = scanProgramme(dirArg, { onDemand: true, reread: parseFile, ...options });
  // Files too new to trust their status are trusted by the hash of the bytes read (src/store/outline.ts).
  const { hashes, seen, hashed } = hashesOfNew(scan, Date.now());
  // A few changed files: the worker that looked at the files has read them meanwhile (as for a
  // read-only command, src/store/load-lazy.ts); otherwise, or should it fail, they are read here.
  const parsed = helperResults(scan, hashed) ?? parseAll(scan.dir, scan.pending, (dir, rel, kind) => parseFile(dir, rel, kind, seen));
  const known = knownProblems(scan, parsed, Date.now());
  const { loaded, crossFile } = finishScan(scan, parsed, defaultSettings, known?.problems);
  loaded.problems.push(...locateProblems(crossFile, scan.textOf));
  loaded.problems.sort(compareProblems);
  const outline = outlineOfLoad(scan, loaded.problems, Date.now(), known, hashes);
  if (outline) loaded.outline = outline;
  return loaded;
}
