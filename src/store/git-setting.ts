// The programme's `git.commit` setting, apart from src/store/git.ts so that reading it (with the
// YAML library) is paid only by commands that write.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The programme's `git.commit` setting, read without loading the programme (false when unreadable). */
export function commitSettingOn(dir: string): boolean {
  try {
    const settings = parse(readFileSync(join(dir, 'programme.yaml'), 'utf8')) as { git?: { commit?: unknown } } | null;
    return settings?.git?.commit === true;
  } catch {
    return false;
  }
}
