// Loading a programme for a read-only command: the scan takes what it can from the cache, and
// the parsers, the schemas and the YAML library are imported only if a file must be parsed or a
// problem given its line. A run that finds every file unchanged loads none of them (about 40 ms
// of start-up on every command).
import { compareProblems } from '../core/problems.js';
import type { Programme } from '../core/schema/index.js';
import { finishScan, needsParser, scanProgramme, type LoadedProgramme, type LoadOptions } from './scan.js';

export async function loadProgrammeLazily(dirArg: string, options: LoadOptions = {}): Promise<LoadedProgramme> {
  const scan = scanProgramme(dirArg, options);
  let parsed: ReturnType<typeof import('./parallel.js').parseAll> = [];
  let fallback = (): Programme => {
    throw new Error('the settings were not read');
  };
  if (needsParser(scan)) {
    const [{ parseAll }, { defaultSettings }] = await Promise.all([import('./parallel.js'), import('../core/read-record.js')]);
    parsed = parseAll(scan.dir, scan.pending);
    fallback = defaultSettings;
  }
  const { loaded, crossFile } = finishScan(scan, parsed, fallback);
  if (crossFile.length > 0) {
    const { locateProblems } = await import('../core/locate.js');
    loaded.problems.push(...locateProblems(crossFile, scan.textOf));
  }
  loaded.problems.sort(compareProblems);
  return loaded;
}
