import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mc, exampleCopy } from '../helpers.js';

/** Files the cache may trust: not changed in the last few seconds. */
function age(dir: string, seconds: number): void {
  const when = new Date(Date.now() - seconds * 1000);
  for (const folder of ['', 'mentors', 'mentees', 'matches']) {
    for (const name of readdirSync(join(dir, folder))) {
      const path = join(dir, folder, name);
      if (statSync(path).isFile()) utimesSync(path, when, when);
    }
  }
}

describe('the record cache', () => {
  it('is kept inside the programme folder, private, ignored by git, and never hides a change', async () => {
    const dir = exampleCopy();
    age(dir, 3600);
    expect((await mc(['validate', '--no-cache', '--dir', dir])).code).toBe(0);
    expect(existsSync(join(dir, '.mentor-coord'))).toBe(false);

    expect((await mc(['validate', '--dir', dir])).code).toBe(0);
    const cache = join(dir, '.mentor-coord', 'records.json');
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, '.mentor-coord', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    const entries = Object.keys((JSON.parse(readFileSync(cache, 'utf8')) as { entries: object }).entries);
    expect(entries).toHaveLength(1 + 44 + 64 + 32);

    // The same size, a different content: status active becomes closed (no closure: a problem).
    const match = join(dir, 'matches', '2026-10-emeka-obi.yaml');
    const text = readFileSync(match, 'utf8');
    writeFileSync(match, text.replace('status: active', 'status: closed'));
    expect(statSync(match).size).toBe(Buffer.byteLength(text));
    utimesSync(match, new Date(Date.now() - 1800_000), new Date(Date.now() - 1800_000));
    const run = await mc(['validate', '--json', '--dir', dir]);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(['missing-field']);

    // And back.
    writeFileSync(match, text);
    expect((await mc(['validate', '--dir', dir])).code).toBe(0);
  });

  it('is rebuilt when it is damaged', async () => {
    const dir = exampleCopy();
    age(dir, 3600);
    await mc(['validate', '--dir', dir]);
    writeFileSync(join(dir, '.mentor-coord', 'records.json'), '{"format": 2, "fingerprint": "x", "entr');
    expect(await mc(['validate', '--dir', dir])).toMatchObject({ code: 0, stderr: '' });
    expect(() => JSON.parse(readFileSync(join(dir, '.mentor-coord', 'records.json'), 'utf8'))).not.toThrow();
  });
});
