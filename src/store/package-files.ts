// Files shipped with mentor-coord itself (templates, the example programme), found from wherever
// the built code runs: dist/, dist/chunks/ or src/ under tests.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'mentor-coord') {
      root = dir;
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error('mentor-coord: cannot find its own package folder');
}

export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

export const EXAMPLE_NAME = 'riverside';
