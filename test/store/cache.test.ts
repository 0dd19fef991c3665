import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bucketCount } from '../../src/store/cache.js';
import { cli, mc, exampleCopy } from '../helpers.js';

const shardsOf = (dir: string) => join(dir, '.mentor-coord', 'records');

/** Every cached entry, by file, across the shards. */
function entries(dir: string): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of readdirSync(shardsOf(dir)))
    Object.assign(out, (JSON.parse(readFileSync(join(shardsOf(dir), name), 'utf8')) as { entries: Record<string, unknown[]> }).entries);
  return out;
}

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

function rmSyncQuiet(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

describe('the record cache', () => {
  it('is kept inside the programme folder, private, ignored by git, and never hides a change', async () => {
    const dir = exampleCopy();
    age(dir, 3600);
    expect((await mc(['validate', '--no-cache', '--dir', dir])).code).toBe(0);
    expect(existsSync(join(dir, '.mentor-coord'))).toBe(false);

    expect((await mc(['validate', '--dir', dir])).code).toBe(0);
    expect(statSync(shardsOf(dir)).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(shardsOf(dir))) expect(statSync(join(shardsOf(dir), name)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, '.mentor-coord', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(Object.keys(entries(dir))).toHaveLength(1 + 44 + 64 + 32);

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
    const shard = join(
      shardsOf(dir),
      readdirSync(shardsOf(dir)).find((n) => n.startsWith('matches.'))!,
    );
    writeFileSync(shard, '{"format": 4, "fingerprint": "x", "entr');
    expect(await mc(['validate', '--dir', dir])).toMatchObject({ code: 0, stderr: '' });
    expect(() => JSON.parse(readFileSync(shard, 'utf8'))).not.toThrow();
    expect(Object.keys(entries(dir))).toHaveLength(1 + 44 + 64 + 32);
  });

  it('rewrites only the shard of a changed file, and removes the one-file cache of earlier versions', async () => {
    const dir = exampleCopy();
    mkdirSync(join(dir, 'mentees', 'extra'), { recursive: true });
    // 300 more mentees: the folder gets two shards.
    const mentee = readFileSync(
      join(
        dir,
        'mentees',
        readdirSync(join(dir, 'mentees')).find((n) => n.endsWith('.yaml'))!,
      ),
      'utf8',
    );
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, 'mentees', `extra-mentee-${i}.yaml`), mentee);
    rmSyncQuiet(join(dir, 'mentees', 'extra'));
    age(dir, 3600);
    mkdirSync(join(dir, '.mentor-coord'), { mode: 0o700 });
    writeFileSync(join(dir, '.mentor-coord', 'records.json'), '{}', { mode: 0o600 });
    await mc(['validate', '--dir', dir]);
    expect(existsSync(join(dir, '.mentor-coord', 'records.json'))).toBe(false);
    const names = readdirSync(shardsOf(dir)).sort();
    expect(names.filter((n) => n.startsWith('mentees.'))).toEqual(['mentees.2.0.json', 'mentees.2.1.json']);
    expect(Object.keys(entries(dir))).toHaveLength(1 + 44 + 64 + 300 + 32);
    const before = new Map(names.map((n) => [n, statSync(join(shardsOf(dir), n)).ino]));

    // One file changes (and is old enough to be cached): one shard is written anew, by rename.
    const one = join(dir, 'mentees', 'extra-mentee-7.yaml');
    writeFileSync(one, `${mentee}# edited\n`);
    utimesSync(one, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    await mc(['validate', '--dir', dir]);
    const after = readdirSync(shardsOf(dir)).sort();
    expect(after).toEqual(names);
    const rewritten = after.filter((n) => statSync(join(shardsOf(dir), n)).ino !== before.get(n));
    expect(rewritten).toHaveLength(1);
    expect(rewritten[0]).toMatch(/^mentees\.2\.[01]\.json$/);

    // Nothing changed: nothing is written.
    const inodes = after.map((n) => statSync(join(shardsOf(dir), n)).ino);
    await mc(['overdue', '--dir', dir]);
    expect(
      readdirSync(shardsOf(dir))
        .sort()
        .map((n) => statSync(join(shardsOf(dir), n)).ino),
    ).toEqual(inodes);
  });

  it('spreads a folder over buckets of a few hundred files, and keeps its count near a boundary', () => {
    expect([0, 1, 256, 257, 512, 513, 10_000, 25_000, 50_000].map((n) => bucketCount(n, undefined))).toEqual([1, 1, 1, 2, 2, 4, 64, 128, 256]);
    expect(bucketCount(260, 1)).toBe(1);
    expect(bucketCount(1025, 1)).toBe(8);
    expect(bucketCount(250, 2)).toBe(2);
    expect(bucketCount(130, 2)).toBe(2);
    expect(bucketCount(100, 2)).toBe(1);
    expect(bucketCount(10, 2)).toBe(1);
  });

  it('is written by the built tool with the fingerprint fixed at build time, and shards of another build are not used', () => {
    const dir = exampleCopy();
    age(dir, 3600);
    expect(cli(['validate', '--dir', dir]).code).toBe(0);
    const name = readdirSync(shardsOf(dir)).find((n) => n.startsWith('matches.'))!;
    const shard = JSON.parse(readFileSync(join(shardsOf(dir), name), 'utf8')) as {
      fingerprint: string;
      entries: Record<string, [number, number, number, number, number, { ok: boolean; value?: { status?: string } }]>;
    };
    expect(shard.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // A shard from another build that says every match is closed: not believed.
    for (const entry of Object.values(shard.entries)) if (entry[5].value) entry[5].value.status = 'closed';
    shard.fingerprint = '0000000000000000';
    writeFileSync(join(shardsOf(dir), name), JSON.stringify(shard));
    const report = JSON.parse(cli(['overdue', '--json', '--dir', dir, '--today', '2026-11-23']).stdout) as { items: unknown[] };
    expect(report.items.length).toBeGreaterThan(20);
  });
});
