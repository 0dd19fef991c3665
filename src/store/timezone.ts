// The programme's time zone, read cheaply before anything else (to know what day it is there):
// the `timezone:` line of programme.yaml. Undefined when there is none or it cannot be read.
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function programmeTimezone(dir: string): string | undefined {
  try {
    const path = join(dir, 'programme.yaml');
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > 1024 * 1024) return undefined;
    return /^timezone:[ \t]*["']?([A-Za-z0-9_+\-/]+)["']?[ \t]*(?:#.*)?\r?$/m.exec(readFileSync(path, 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}
