import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bucketCount, openCache } from '../../src/store/cache.js';
import { loadProgrammeLazily } from '../../src/store/load-lazy.js';
import { overdueReport } from '../../src/core/overdue/engine.js';
import { digestOf, hasRememberedDigest } from '../../src/core/match-digest.js';
import type { Match } from '../../src/core/schema/index.js';
import { cli, mc, exampleCopy, readShard, writeShard } from '../helpers.js';

const shardsOf = (dir: string) => join(dir, '.mentor-coord', 'records');

/** The shards (the folder also keeps the outline, src/store/outline.ts). */
const shardNames = (dir: string) => readdirSync(shardsOf(dir)).filter((name) => /^[a-z_]+\.\d+\.\d+\.json$/.test(name));

/** Every cached entry, by file, across the shards. */
function entries(dir: string): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of shardNames(dir)) Object.assign(out, readShard(join(shardsOf(dir), name)).entries);
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
    expect(() => readShard(shard)).not.toThrow();
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
    const names = shardNames(dir).sort();
    expect(names.filter((n) => n.startsWith('mentees.'))).toEqual(['mentees.2.0.json', 'mentees.2.1.json']);
    expect(Object.keys(entries(dir))).toHaveLength(1 + 44 + 64 + 300 + 32);
    const before = new Map(names.map((n) => [n, statSync(join(shardsOf(dir), n)).ino]));

    // One file changes (and is old enough to be cached): one shard is written anew, by rename.
    const one = join(dir, 'mentees', 'extra-mentee-7.yaml');
    writeFileSync(one, `${mentee}# edited\n`);
    utimesSync(one, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    await mc(['validate', '--dir', dir]);
    const after = shardNames(dir).sort();
    expect(after).toEqual(names);
    const rewritten = after.filter((n) => statSync(join(shardsOf(dir), n)).ino !== before.get(n));
    expect(rewritten).toHaveLength(1);
    expect(rewritten[0]).toMatch(/^mentees\.2\.[01]\.json$/);

    // Nothing changed: nothing is written.
    // (The shards and the outline, src/store/outline.ts.)
    const inodes = readdirSync(shardsOf(dir))
      .sort()
      .map((n) => statSync(join(shardsOf(dir), n)).ino);
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
    const shard = readShard(join(shardsOf(dir), name));
    expect(shard.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // A shard from another build that says every match is closed: not believed.
    for (const entry of Object.values(shard.entries)) if (entry[5].value) entry[5].value.status = 'closed';
    shard.fingerprint = '0000000000000000';
    writeShard(join(shardsOf(dir), name), shard);
    const report = JSON.parse(cli(['overdue', '--json', '--dir', dir, '--today', '2026-11-23']).stdout) as { items: unknown[] };
    expect(report.items.length).toBeGreaterThan(20);
  });
});

describe("a match's meetings, calls, reviews and concerns in the cache", () => {
  const old = Date.now() - 3600_000;
  const stat = (ino: number) => ({
    isSymbolicLink: () => false,
    isDirectory: () => false,
    isFile: () => true,
    size: 100,
    mtimeMs: old,
    ctimeMs: old,
    ino,
    dev: 1,
  });
  const record = (n: number) => ({
    mentor: `mentor-${n}`,
    mentee: `mentee-${n}`,
    status: 'active',
    meetings: [{ date: '2026-01-05', note: `Ünïcode “quotes” ${n}` }],
    checkins: [{ with: 'mentor', date: '2026-01-10', outcome: 'reached', actions: [] }],
    planned_calls: [],
    concerns: n === 1 ? [{ id: 'c1', raised: '2026-01-10', safeguarding: true }] : [],
    reviews: [],
    extensions: [],
  });
  /** A match with a long history: three of them are far more than a shard's first read. */
  const long = (n: number) => ({
    ...record(n),
    first_meeting: '2026-01-05',
    checkins: Array.from({ length: 1500 }, (_, i) => ({
      with: i % 2 ? 'mentor' : 'mentee',
      date: '2026-01-10',
      outcome: 'reached',
      actions: [],
      note: `call ${i} ${'·'.repeat(60)}`,
    })),
  });
  /** A folder with one shard of three matches, written by the cache itself. */
  function written(make: (n: number) => Record<string, unknown> = record): { dir: string; shard: string } {
    const dir = exampleCopy();
    const cache = openCache(dir);
    cache.folder('matches', 3);
    for (const n of [1, 2, 3]) cache.set(`matches/m-${n}.yaml`, stat(n), { ok: true, value: make(n) });
    cache.save();
    return { dir, shard: join(shardsOf(dir), 'matches.1.0.json') };
  }
  const lookUp = (dir: string, onDemand: boolean) => {
    const cache = openCache(dir, { onDemand });
    cache.folder('matches', 3);
    return { cache, get: (n: number) => cache.get(`matches/m-${n}.yaml`, stat(n)) as { ok: true; value: Record<string, unknown> } | undefined };
  };

  it('are kept after the entries, and read back as the same record whether read at once or on first use', () => {
    const { dir, shard } = written();
    const text = readFileSync(shard, 'utf8');
    const [head, apart] = [text.slice(0, text.indexOf('\n')), text.slice(text.indexOf('\n') + 1)];
    expect(head).toContain('"meetings":null,"checkins":null,"planned_calls":[],"concerns":null,"reviews":null');
    expect(head).not.toContain('Ünïcode');
    expect(apart).toContain('Ünïcode “quotes” 2');
    // The digests first, together, then the lists.
    const { digests } = JSON.parse(head) as { digests: number };
    expect(JSON.parse(head)).toMatchObject({ format: 6, apart: Buffer.byteLength(apart) });
    expect(digests).toBeGreaterThan(0);
    const digestText = Buffer.from(apart).subarray(0, digests).toString('utf8');
    expect(digestText.match(/"reviewMilestones"/g)).toHaveLength(3);
    expect(digestText).not.toContain('Ünïcode');
    // Only a match's: the programme's own checkins: and reviews: settings stay in their entry.
    const other = exampleCopy();
    const settings = openCache(other);
    settings.folder('', 1);
    settings.set('programme.yaml', stat(9), { ok: true, value: { name: 'P', checkins: { first_within: '1w' }, reviews: { at: ['3m'] } } });
    settings.save();
    expect(readFileSync(join(shardsOf(other), '_.1.0.json'), 'utf8')).toMatch(/"checkins":\{"first_within":"1w"\},"reviews":\{"at":\["3m"\]\}\}\}\]\}\}\n$/);

    for (const onDemand of [false, true]) {
      const { get } = lookUp(dir, onDemand);
      const value = get(1)!.value;
      // Not read until used, on demand; the fields are where they were, either way.
      expect(typeof Object.getOwnPropertyDescriptor(value, 'checkins')!.get).toBe(onDemand ? 'function' : 'undefined');
      expect(Object.keys(value)).toEqual(Object.keys(record(1)));
      expect(JSON.stringify(value)).toBe(JSON.stringify(record(1)));
      expect(Object.getOwnPropertyDescriptor(value, 'checkins')).toMatchObject({ writable: true, enumerable: true });
      // Changed like any record, before or after its fields are read.
      const other = get(2)!.value;
      other.reviews = [{ date: '2026-02-01', milestone: '3m' }];
      expect(other.meetings).toEqual(record(2).meetings);
      expect(other.reviews).toEqual([{ date: '2026-02-01', milestone: '3m' }]);
      (value.checkins as unknown[]).push({ with: 'mentee' });
      expect((value.checkins as unknown[]).length).toBe(2);
    }
  });

  it('are written out as they were when a shard is rewritten before they are read', () => {
    const { dir, shard } = written();
    const before = readFileSync(shard, 'utf8');
    const { cache, get } = lookUp(dir, true);
    expect(get(1)).toBeDefined();
    expect(get(2)).toBeDefined();
    // The third changed: the shard is written again, the first two never read.
    cache.set('matches/m-3.yaml', { ...stat(3), size: 101 }, { ok: true, value: record(3) });
    cache.save();
    expect(readFileSync(shard, 'utf8')).not.toBe(before);
    const again = lookUp(dir, false);
    for (const n of [1, 2]) expect(JSON.stringify(again.get(n)!.value)).toBe(JSON.stringify(record(n)));
    expect(again.cache.get('matches/m-3.yaml', { ...stat(3), size: 101 })).toMatchObject({ ok: true, value: record(3) });
  });

  it('are read from a large shard only when asked for, its digests with its entries', () => {
    const { dir, shard } = written(long);
    expect(statSync(shard).size).toBeGreaterThan(600_000);
    for (const onDemand of [true, false]) {
      const { get } = lookUp(dir, onDemand);
      // The last first: its piece is at the far end of the file.
      for (const n of [3, 1, 2]) {
        const value = get(n)!.value;
        expect(digestOf(value as unknown as Match).sides?.mentor.contacts).toBe(750);
        expect(JSON.stringify(value)).toBe(JSON.stringify(long(n)));
      }
    }
    // This run rewrites the shard (one record changed) before the others' lists are read: they
    // are copied into the new shard, and still read as they were.
    const { cache: again, get } = lookUp(dir, true);
    const [one, two] = [get(1)!.value, get(2)!.value];
    again.set('matches/m-3.yaml', { ...stat(3), size: 101 }, { ok: true, value: record(3) });
    again.save();
    expect(JSON.stringify(one)).toBe(JSON.stringify(long(1)));
    expect(digestOf(two as unknown as Match).sides?.mentor.contacts).toBe(750);
    expect(JSON.stringify(two)).toBe(JSON.stringify(long(2)));
    const after = lookUp(dir, true);
    expect(JSON.stringify(after.get(2)!.value)).toBe(JSON.stringify(long(2)));
  });

  it('are read whatever the size of the line of entries (more than the first read)', () => {
    const dir = exampleCopy();
    const big = (n: number) => ({ name: `Mentor ${n}`, notes: `${'ö'.repeat(200_000)} ${n}` });
    const cache = openCache(dir);
    cache.folder('mentors', 2);
    for (const n of [1, 2]) cache.set(`mentors/m-${n}.yaml`, stat(n), { ok: true, value: big(n) });
    cache.save();
    expect(readFileSync(join(shardsOf(dir), 'mentors.1.0.json')).indexOf(10)).toBeGreaterThan(600_000);
    for (const onDemand of [true, false]) {
      const again = openCache(dir, { onDemand });
      again.folder('mentors', 2);
      for (const n of [2, 1]) expect(again.get(`mentors/m-${n}.yaml`, stat(n))).toEqual({ ok: true, value: big(n) });
    }
  });

  it('are never read from a shard that another run has replaced since: the file instead, or a plain error', () => {
    const { dir, shard } = written(long);
    const { get } = lookUp(dir, true);
    const value = get(1)!.value;
    // Another run writes the shard again (a new file, renamed over it), with other records.
    const other = openCache(dirname(dirname(dirname(shard))));
    other.folder('matches', 3);
    for (const n of [1, 2, 3]) other.set(`matches/m-${n}.yaml`, { ...stat(n), size: 200 }, { ok: true, value: { ...long(n), meetings: [] } });
    rmSync(shard);
    other.save();
    const replaced = readFileSync(shard, 'utf8');
    expect(() => value.meetings).toThrow(/the cache of matches\/m-1\.yaml \(\.mentor-coord\/records\/matches\.1\.0\.json\) was replaced while it was read/);
    // Not removed: it is the other run's, and good.
    expect(readFileSync(shard, 'utf8')).toBe(replaced);
    // A command that writes reads the record's file again instead.
    const writer = openCache(dir, {
      onDemand: true,
      reread: (file) => (file === 'matches/m-3.yaml' ? { ok: true, value: { ...long(3), meetings: [] } } : undefined),
    });
    writer.folder('matches', 3);
    const three = (writer.get('matches/m-3.yaml', { ...stat(3), size: 200 }) as { value: Record<string, unknown> }).value;
    const fresh = openCache(dir);
    fresh.folder('matches', 3);
    rmSync(shard);
    for (const n of [1, 2, 3]) fresh.set(`matches/m-${n}.yaml`, { ...stat(n), size: 300 }, { ok: true, value: record(n) });
    fresh.save();
    // (The file as it is: what that run cached, not what the shard says now.)
    expect(three.meetings).toEqual([]);
    expect(JSON.stringify(three)).toBe(JSON.stringify({ ...long(3), meetings: [] }));
  });

  it('damaged: read from the file again, or (already in use) a plain error that removes the shard', () => {
    const { dir, shard } = written();
    const text = readFileSync(shard, 'utf8');
    // Same length, no longer JSON.
    const broken = text.slice(0, text.indexOf('\n') + 1) + text.slice(text.indexOf('\n') + 1).replace('{"meetings"', '{"meetings"'.replace('{', '['));
    writeFileSync(shard, broken);
    expect(lookUp(dir, false).get(1)).toBeUndefined();
    const value = lookUp(dir, true).get(1)!.value;
    expect(() => value.checkins).toThrow(/the cache of matches\/m-1\.yaml \(\.mentor-coord\/records\/matches\.1\.0\.json\) is damaged/);
    expect(existsSync(shard)).toBe(false);
    expect(() => value.meetings).toThrow(/damaged/);

    // A command that writes reads the record's file again instead.
    writeFileSync(shard, broken);
    const cache = openCache(dir, { onDemand: true, reread: (file) => (file === 'matches/m-1.yaml' ? { ok: true, value: record(1) } : undefined) });
    cache.folder('matches', 3);
    const reread = (cache.get('matches/m-1.yaml', stat(1)) as { value: Record<string, unknown> }).value;
    expect(reread.concerns).toEqual(record(1).concerns);
    expect(JSON.stringify(reread)).toBe(JSON.stringify(record(1)));

    // Cut short or added to: not used at all.
    const { shard: again } = written();
    writeFileSync(again, `${readFileSync(again, 'utf8')} `);
    expect(lookUp(dirname(dirname(dirname(again))), true).get(1)).toBeUndefined();
  });

  it('damaged by hand, never stop a safeguarding concern being recorded', async () => {
    const dir = exampleCopy();
    age(dir, 3600);
    await mc(['validate', '--dir', dir]);
    const match = 'matches/2026-10-emeka-obi.yaml';
    for (const name of readdirSync(shardsOf(dir))) {
      const path = join(shardsOf(dir), name);
      const text = readFileSync(path, 'utf8');
      const start = text.indexOf('\n') + 1;
      // Every record's calls in every shard: same length, not JSON.
      writeFileSync(path, text.slice(0, start) + text.slice(start).replaceAll('{"meetings"', '["meetings"'));
    }
    const run = await mc([
      'checkin',
      'record',
      '2026-10-emeka-obi',
      '--with',
      'mentee',
      '--outcome',
      'reached',
      '--date',
      '2026-11-23',
      '--concern',
      'Said something worrying',
      '--safeguarding',
      '--today',
      '2026-11-23',
      '--dir',
      dir,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('SAFEGUARDING CONCERN RECORDED');
    expect(readFileSync(join(dir, match), 'utf8')).toContain('Said something worrying');
    const report = await mc(['overdue', '--json', '--rule', 'concern-open', '--today', '2026-11-23', '--dir', dir]);
    expect(report.stdout).toContain('Said something worrying');
  });

  it("are read by overdue only for the matches that have had a concern: the rest is in each match's digest", async () => {
    const dir = exampleCopy();
    age(dir, 3600);
    await mc(['validate', '--dir', dir]);
    const loaded = await loadProgrammeLazily(dir, { onDemand: true });
    const report = overdueReport(loaded.model, { today: '2026-11-23' });
    expect(report.items.filter((i) => i.rule === 'concern-open').length).toBeGreaterThan(0);
    const unread = (m: { data: object }) => typeof Object.getOwnPropertyDescriptor(m.data, 'checkins')!.get === 'function';
    const matches = [...loaded.model.matches.values()];
    const withConcerns = matches.filter((m) => /concern/.test(readFileSync(join(dir, m.file), 'utf8')));
    expect(withConcerns.length).toBeGreaterThan(0);
    for (const m of matches) {
      expect(hasRememberedDigest(m.data)).toBe(true);
      expect(unread(m)).toBe(!withConcerns.includes(m));
    }
    // The same report as from the records read whole.
    const whole = await loadProgrammeLazily(dir, { cache: false });
    expect(overdueReport(whole.model, { today: '2026-11-23' })).toEqual(report);
  });

  it('damaged by hand, never keep a concern off the overdue report', async () => {
    const dir = exampleCopy();
    age(dir, 3600);
    const args = ['overdue', '--json', '--today', '2026-11-23', '--dir', dir];
    const expected = await mc([...args, '--no-cache']);
    expect(expected.stdout).toContain('SAFEGUARDING');
    await mc(['validate', '--dir', dir]);
    for (const name of readdirSync(shardsOf(dir))) {
      const path = join(shardsOf(dir), name);
      const text = readFileSync(path, 'utf8');
      const start = text.indexOf('\n') + 1;
      writeFileSync(path, text.slice(0, start) + text.slice(start).replaceAll('{"meetings"', '["meetings"'));
    }
    const run = await mc(args);
    expect(run.stdout).toBe(expected.stdout);
    expect(run.code).toBe(expected.code);
    expect(run.stderr).toMatch(/warning: the cache of matches\/.*is damaged and was removed; the report is made from the files themselves/);
  });

  it('give the same results on a warm run as on a cold one, for the commands that read them on demand', async () => {
    const warm = exampleCopy();
    age(warm, 3600);
    const cold = exampleCopy();
    await mc(['validate', '--dir', warm]);
    expect(readdirSync(shardsOf(warm)).length).toBeGreaterThan(3);
    const same = async (args: string[]) => {
      const a = await mc([...args, '--dir', warm]);
      const b = await mc([...args, '--no-cache', '--dir', cold]);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stderr).toBe(b.stderr);
      expect(a.code).toBe(b.code);
      return a;
    };
    const match = '2026-09-nguyen-thi-ha';
    expect((await same(['show', match, '--json'])).stdout).toContain('concern');
    await same(['show', 'arjun-mehta', '--json']);
    await same(['validate', '--json']);
    await same(['overdue', '--json', '--today', '2026-11-23']);
    expect((await same(['match', 'explain', 'ugo-eze', '--json', '--today', '2026-11-23'])).code).toBe(0);
    // A change to the match: the same file written either way.
    const record = ['checkin', 'record', match, '--with', 'mentee', '--outcome', 'reached', '--date', '2026-11-23', '--today', '2026-11-23'];
    await same(record);
    expect(readFileSync(join(warm, 'matches', `${match}.yaml`), 'utf8')).toBe(readFileSync(join(cold, 'matches', `${match}.yaml`), 'utf8'));
  });
});
