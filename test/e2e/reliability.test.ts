// Reliability under two writers, kills, hostile folders and time zones: one block per way the
// crash tests lost or leaked data. Most spawn the real binary, since a lock, a kill -9 and file
// permissions only mean something between separate processes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeContext } from '../../src/cli/context.js';
import { isoDateOf } from '../../src/core/dates.js';
import { prepareChanges } from '../../src/ops/workflow.js';
import { loadProgramme } from '../../src/store/load.js';
import { fsError } from '../../src/store/write.js';
import { UserError } from '../../src/errors.js';
import { BEA_MATCH, programmeCopy, INIT_CONTACTS } from '../fixtures/programme.js';
import { BIN, cli, cliAsUser, EXAMPLE_TODAY, mc, OTHER_USER, readShard, tempDir, writeShard, type Run } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };
const quietIO = { stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTTY: false, stderrIsTTY: false, stdinIsTTY: false, columns: undefined, cwd: () => '/' };

/** The binary, started without waiting: for two writers at once. */
function start(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, MENTOR_COORD_TODAY: EXAMPLE_TODAY, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : null), stdout, stderr }));
  });
}

const checkinsOf = (dir: string, file = BEA_MATCH) => (parse(readFileSync(join(dir, file), 'utf8')) as { checkins?: { note?: string }[] }).checkins ?? [];
const lockDir = (dir: string) => join(dir, '.mentor-coord', 'write.lock');
const hiddenTemps = (dir: string, folder = 'matches') => readdirSync(join(dir, folder)).filter((n) => n.includes('.mentor-coord-'));
const record = (dir: string, note: string, extra: string[] = []) => [
  'checkin',
  'record',
  '2026-11-bea-santos',
  '--with',
  'mentee',
  '--outcome',
  'reached',
  '--note',
  note,
  '--dir',
  dir,
  ...extra,
];

describe('two writers at once', () => {
  it('loses no update: pairs of checkin record at the same moment, every call kept', async () => {
    const p = programmeCopy();
    const before = checkinsOf(p.dir).length;
    const rounds = 8;
    for (let round = 0; round < rounds; round++) {
      const runs = await Promise.all([start(record(p.dir, `a${round}`)), start(record(p.dir, `b${round}`))]);
      for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    }
    const notes = checkinsOf(p.dir).map((c) => c.note);
    expect(notes.length).toBe(before + 2 * rounds);
    for (let round = 0; round < rounds; round++) expect(notes).toEqual(expect.arrayContaining([`a${round}`, `b${round}`]));
    expect(cli(['validate', '--dir', p.dir]).code).toBe(0);
  });

  it('loses no update between record, plan --apply and follow-up running together', async () => {
    const p = programmeCopy();
    const runs = await Promise.all([
      start(record(p.dir, 'during the plan')),
      start(['checkin', 'plan', '--days', '2026-11-24', '--apply', '--dir', p.dir]),
      start(['checkin', 'follow-up', '2026-09-nguyen-thi-ha', '--concern', '2026-11-16', '--note', 'Declan called the school', '--dir', p.dir]),
    ]);
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(checkinsOf(p.dir).map((c) => c.note)).toContain('during the plan');
    expect(p.read('matches/2026-09-nguyen-thi-ha.yaml')).toContain('Declan called the school');
    expect(p.read(BEA_MATCH)).toContain('planned_calls:');
  });

  it('says who holds the lock, and takes over the lock of a writer that was killed', async () => {
    const p = programmeCopy();
    const killed = await start(record(p.dir, 'never written'), { MENTOR_COORD_FAULT: 'before-rename' });
    expect(killed.code).toBe(-1);
    expect(existsSync(lockDir(p.dir))).toBe(true);
    // Pretend the killer's process id now belongs to a live process on another machine: the
    // lock is then a colleague's, and the command must say so and write nothing.
    const holderFile = join(p.dir, '.mentor-coord', 'write.lock.json');
    const holder = JSON.parse(readFileSync(holderFile, 'utf8')) as { pid: number; host: string };
    writeFileSync(holderFile, JSON.stringify({ ...holder, host: 'other-laptop', user: 'amara', command: 'checkin call', since: '2026-11-23T09:30:00.000Z' }));
    const busy = cli(record(p.dir, 'blocked'), at);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain('the programme folder is busy: amara on other-laptop');
    expect(busy.stderr).toContain('"checkin call"');
    expect(checkinsOf(p.dir).map((c) => c.note)).not.toContain('blocked');
    // Once the lock is stale (as it is ten seconds after a kill), the next writer takes it over.
    utimesSync(lockDir(p.dir), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const after = cli(record(p.dir, 'after the kill'), at);
    expect(after.code, after.stderr).toBe(0);
    expect(checkinsOf(p.dir).map((c) => c.note)).toContain('after the kill');
  });
});

describe('a writer killed while its parent does not collect it', () => {
  it.runIf(process.platform === 'linux')('is not taken for a running one: the next writer waits for its lock to go stale', { timeout: 30_000 }, async () => {
    const p = programmeCopy();
    // The shell starts the writer and becomes `sleep`, which never collects it: killed, it stays
    // a zombie, which still answers a signal.
    const parent = spawn('sh', ['-c', `"$0" "$@" & exec sleep 30`, process.execPath, BIN, ...record(p.dir, 'killed')], {
      env: { ...process.env, ...at.env, MENTOR_COORD_FAULT: 'before-rename' },
      stdio: 'ignore',
    });
    try {
      const holderFile = join(p.dir, '.mentor-coord', 'write.lock.json');
      let state = '';
      for (let i = 0; i < 100 && state !== 'Z'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        try {
          const pid = (JSON.parse(readFileSync(holderFile, 'utf8')) as { pid: number }).pid;
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          state = stat.charAt(stat.lastIndexOf(')') + 2);
        } catch {
          // Not written yet.
        }
      }
      expect(state).toBe('Z');
      // Three seconds old: still fresh for the few seconds a writer waits for a busy folder, so it
      // asks whether the holder runs; stale (ten seconds) soon after, if it is waited for.
      utimesSync(lockDir(p.dir), new Date(Date.now() - 3000), new Date(Date.now() - 3000));
      const after = cli(record(p.dir, 'after the zombie'), at);
      expect(after.code, after.stderr).toBe(0);
      expect(after.stderr).toMatch(/waiting for the programme folder: process \d+ \("checkin record"\) was stopped while writing/);
      expect(checkinsOf(p.dir).map((c) => c.note)).toEqual(expect.arrayContaining(['after the zombie']));
      expect(checkinsOf(p.dir).map((c) => c.note)).not.toContain('killed');
    } finally {
      parent.kill('SIGKILL');
    }
  });
});

describe('atomic writes, tested by killing the writer', () => {
  for (const fault of ['half-written', 'before-rename']) {
    it(`a kill -9 ${fault === 'half-written' ? 'half-way through writing the new text' : 'between writing the new text and putting it in place'} leaves the old file and a usable folder`, () => {
      const p = programmeCopy();
      const old = p.read(BEA_MATCH);
      const killed = spawnSync(process.execPath, [BIN, ...record(p.dir, 'killed')], {
        env: { ...process.env, ...at.env, MENTOR_COORD_FAULT: fault },
        encoding: 'utf8',
      });
      expect(killed.signal).toBe('SIGKILL');
      expect(p.read(BEA_MATCH)).toBe(old);
      expect(hiddenTemps(p.dir)).toHaveLength(1);
      // The folder is usable: the temporary file is hidden from validate, and the next write
      // (once the dead writer's lock is stale) removes it.
      expect(cli(['validate', '--dir', p.dir])).toMatchObject({ code: 0, stderr: '' });
      utimesSync(lockDir(p.dir), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      expect(cli(record(p.dir, 'next'), at).code).toBe(0);
      expect(hiddenTemps(p.dir)).toEqual([]);
      expect(checkinsOf(p.dir).map((c) => c.note)).toEqual(expect.arrayContaining(['next']));
    });
  }
});

describe('line endings and byte-order marks', () => {
  it('refuses to write a CR-only file, which validate explains; the file is untouched', async () => {
    const p = programmeCopy();
    const crOnly = p.read(BEA_MATCH).replace(/\n/g, '\r');
    p.write(BEA_MATCH, crOnly);
    const v = await mc(['validate', '--dir', p.dir]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('lone carriage return');
    const run = await mc(record(p.dir, 'x'), at);
    expect(run.code).toBe(2);
    expect(p.read(BEA_MATCH)).toBe(crOnly);
  });

  it('keeps CRLF on every line of a Windows file, new lines included', async () => {
    const p = programmeCopy();
    p.write(BEA_MATCH, p.read(BEA_MATCH).replace(/\n/g, '\r\n'));
    expect((await mc(record(p.dir, 'from Windows'), at)).code).toBe(0);
    const text = p.read(BEA_MATCH);
    expect(text).toContain('note: from Windows\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect((await mc(['validate', '--dir', p.dir])).code).toBe(0);
  });

  it('never writes a file its own validator would reject (the 1 MB limit)', async () => {
    const p = programmeCopy();
    p.append(BEA_MATCH, `notes: "${'x'.repeat(1024 * 1024 - p.read(BEA_MATCH).length - 5000)}"\n`);
    const before = p.read(BEA_MATCH);
    expect((await mc(['validate', '--dir', p.dir])).code).toBe(0);
    const run = await mc(record(p.dir, 'y'.repeat(9000)), at);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('this change would leave matches/2026-11-bea-santos.yaml unreadable: this file is 1.0 MB');
    expect(p.read(BEA_MATCH)).toBe(before);
    expect((await mc(record(p.dir, 'z'.repeat(10_001)), at)).stderr).toContain('--note is 10001 characters long; the most is 10000');
  });
});

describe('hostile folders: links, pipes and devices', () => {
  it('reports a link to a secret, a pipe and a link to /dev/zero without reading them', async () => {
    const p = programmeCopy();
    writeFileSync(join(p.dir, '..', 'secret.txt'), 'root:SECRET-HASH\n');
    symlinkSync(join(p.dir, '..', 'secret.txt'), p.path('mentees/x.yaml'));
    symlinkSync('/dev/zero', p.path('matches/zero.yaml'));
    execFileSync('mkfifo', [p.path('matches/pipe.yaml')]);
    const run = await mc(['overdue', '--format', 'markdown', '--dir', p.dir], at);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toContain('SECRET-HASH');
    const json = JSON.parse((await mc(['validate', '--json', '--dir', p.dir])).stdout) as { problems: { file: string; code: string }[] };
    expect(json.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'mentees/x.yaml', code: 'symlink' }),
        expect.objectContaining({ file: 'matches/zero.yaml', code: 'symlink' }),
        expect.objectContaining({ file: 'matches/pipe.yaml', code: 'special-file' }),
      ]),
    );
  });

  it('never writes through a link to a match kept outside the folder', async () => {
    const p = programmeCopy();
    const outside = join(p.dir, '..', 'outside.yaml');
    renameSync(p.path(BEA_MATCH), outside);
    symlinkSync(outside, p.path(BEA_MATCH));
    const before = readFileSync(outside, 'utf8');
    const run = await mc(record(p.dir, 'x'), at);
    expect(run.code).toBe(2);
    expect(readFileSync(outside, 'utf8')).toBe(before);
    expect(readdirSync(join(p.dir, '..')).filter((n) => n.includes('mentor-coord-'))).toEqual([]);
    expect(lstatSync(p.path(BEA_MATCH)).isSymbolicLink()).toBe(true);
  });

  it('reports a record folder that is a link or a plain file', async () => {
    const p = programmeCopy();
    renameSync(p.path('mentees'), join(p.dir, '..', 'mentees-elsewhere'));
    symlinkSync(join(p.dir, '..', 'mentees-elsewhere'), p.path('mentees'));
    execFileSync('rm', ['-r', p.path('matches')]);
    writeFileSync(p.path('matches'), 'not a folder\n');
    const json = JSON.parse((await mc(['validate', '--json', '--dir', p.dir])).stdout) as { problems: { file: string; code: string }[] };
    expect(json.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ file: 'mentees', code: 'symlink' }), expect.objectContaining({ file: 'matches', code: 'stray-file' })]),
    );
  });
});

describe('ordinary failures are plain messages, not bugs', () => {
  const reason = OTHER_USER === undefined && process.getuid?.() === 0 ? 'cannot switch user' : '';
  it.skipIf(reason !== '')(`a read-only folder and an unreadable mentees/ exit 2 with a plain message ${reason}`, () => {
    const p = programmeCopy();
    // As an ordinary user the copy (owned by the test runner) is read-only.
    const write = cliAsUser(record(p.dir, 'x'), p.dir, at);
    if (OTHER_USER !== undefined) {
      expect(write.code).toBe(2);
      expect(write.stderr).toMatch(/permission denied/);
      expect(write.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    chmodSync(p.path('mentees'), 0o700);
    const read = cliAsUser(['validate', '--dir', p.dir], p.dir);
    expect(read.code).toBe(OTHER_USER !== undefined ? 2 : 0);
    if (OTHER_USER !== undefined) expect(read.stderr).toContain('mentees/: error: this folder could not be read (permission denied)');
  });

  it('a full disk or a read-only disk is a message with exit 2', () => {
    for (const code of ['ENOSPC', 'EROFS', 'EACCES']) {
      const error = fsError(Object.assign(new Error(code), { code }), 'matches/x.yaml', 'write');
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as UserError).hint).toContain('Nothing was written');
    }
  });
});

describe('the cache cannot hide a change or be planted', () => {
  it('sees a same-size edit whose modification time was put back', async () => {
    const p = programmeCopy();
    expect((await mc(['validate', '--dir', p.dir])).code).toBe(0);
    const old = new Date(Date.now() - 3600_000);
    for (const f of ['matches', 'mentors', 'mentees']) for (const n of readdirSync(p.path(f))) utimesSync(p.path(`${f}/${n}`), old, old);
    expect((await mc(['validate', '--dir', p.dir])).code).toBe(0); // now cached
    const stat = statSync(p.path(BEA_MATCH));
    p.replace(BEA_MATCH, 'first_meeting: 2026-11-18', 'first_meeting: 2026-10-18');
    utimesSync(p.path(BEA_MATCH), stat.atime, stat.mtime);
    expect(statSync(p.path(BEA_MATCH)).size).toBe(stat.size);
    const run = await mc(['validate', '--json', '--dir', p.dir]);
    expect(run.stdout).toContain('date-order');
  });

  it('is private under umask 000, and a cache others could write is ignored', () => {
    const p = programmeCopy();
    const old = new Date(Date.now() - 3600_000);
    for (const f of ['matches', 'mentors', 'mentees']) for (const n of readdirSync(p.path(f))) utimesSync(p.path(`${f}/${n}`), old, old);
    execFileSync('sh', ['-c', `umask 000; "${process.execPath}" "${BIN}" validate --dir "${p.dir}"`]);
    expect(statSync(join(p.dir, '.mentor-coord')).mode & 0o777).toBe(0o700);
    const shards = join(p.dir, '.mentor-coord', 'records');
    expect(statSync(shards).mode & 0o777).toBe(0o700);
    const cacheFile = join(
      shards,
      readdirSync(shards).find((n) => n.startsWith('matches.'))!,
    );
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    // Plant a cache entry that hides the open safeguarding concern.
    type Value = { checkins: { concern?: unknown }[]; concerns: unknown[] };
    const cache = readShard(cacheFile);
    const value = cache.entries['matches/2026-09-nguyen-thi-ha.yaml']![5].value as Value;
    for (const c of value.checkins) delete c.concern;
    value.concerns = [];
    writeShard(cacheFile, cache);
    const concerns = () => (JSON.parse(cli(['overdue', '--json', '--rule', 'concern-open', '--dir', p.dir], at).stdout) as { items: unknown[] }).items.length;
    chmodSync(cacheFile, 0o666);
    expect(concerns()).toBeGreaterThan(0);
    // The same planted file, private, would be believed: the permission check is what stopped it.
    writeShard(cacheFile, cache);
    chmodSync(cacheFile, 0o600);
    expect(concerns()).toBe(0);
  });
});

describe('checkin plan --apply is all or nothing', () => {
  it('writes no match file and no calendar when one file cannot be written', () => {
    const p = programmeCopy();
    const loaded = loadProgramme(p.dir, { cache: false });
    const files = ['matches/2026-11-bea-santos.yaml', 'matches/2026-10-emeka-obi.yaml', 'matches/2026-09-nguyen-thi-ha.yaml'];
    const before = files.map((f) => p.read(f));
    const ctx = makeContext({ dir: p.dir, today: EXAMPLE_TODAY }, { ...quietIO, now: () => new Date() });
    const prepared = prepareChanges(
      ctx,
      loaded,
      files.map((file) => ({ file, edits: [{ op: 'set', path: ['notes'], value: 'planned' }] })),
    );
    p.append(files[2]!, '# edited by a colleague meanwhile\n');
    const ics = join(tempDir(), 'calls.ics');
    expect(() => prepared.commit([{ path: ics, text: 'BEGIN:VCALENDAR', shownAs: 'calls.ics', mode: 0o600 }])).toThrow(/changed on disk since it was read/);
    expect(files.slice(0, 2).map((f) => p.read(f))).toEqual(before.slice(0, 2));
    expect(existsSync(ics)).toBe(false);
    expect(hiddenTemps(p.dir)).toEqual([]);
  });

  it('refuses to write the calendar over a record or another kind of file', async () => {
    const p = programmeCopy();
    const programme = p.read('programme.yaml');
    for (const target of [p.path('programme.yaml'), p.path('matches/plan.ics'), p.path('README.md')]) {
      const run = await mc(['checkin', 'plan', '--days', '2026-11-24', '--ics', target, '--dir', p.dir], at);
      expect(run.code, target).toBe(2);
    }
    expect(p.read('programme.yaml')).toBe(programme);
    expect(existsSync(p.path('matches/plan.ics'))).toBe(false);
  });

  it('a new plan replaces the earlier slots of the calls it could not fit', async () => {
    const p = programmeCopy();
    expect((await mc(['checkin', 'plan', '--days', '2026-11-24', '--per-day', '20', '--apply', '--dir', p.dir], at)).code).toBe(0);
    const plannedIn = () => loadProgramme(p.dir, { cache: false }).model.matches;
    const withSlots = [...plannedIn().values()].filter((m) => m.data.planned_calls.some((c) => c.date >= '2026-11-24')).length;
    expect(withSlots).toBeGreaterThan(2);
    expect((await mc(['checkin', 'plan', '--days', '2026-11-24', '--per-day', '1', '--apply', '--dir', p.dir], at)).code).toBe(0);
    const slots = [...plannedIn().values()].flatMap((m) => m.data.planned_calls.filter((c) => c.date >= '2026-11-24'));
    expect(slots).toHaveLength(1);
  });

  it('writes the calendar readable only by its owner', async () => {
    const p = programmeCopy();
    const ics = join(tempDir(), 'calls.ics');
    expect((await mc(['checkin', 'plan', '--days', '2026-11-24', '--ics', ics, '--dir', p.dir], at)).code).toBe(0);
    expect(statSync(ics).mode & 0o777).toBe(0o600);
  });
});

describe("today is the programme's date, not the machine's", () => {
  const io = (iso: string) => ({ ...quietIO, now: () => new Date(iso) });
  it('at 03:54 UTC on 24 November it is the 24th in London and still the 23rd in Los Angeles', () => {
    const p = programmeCopy();
    expect(p.read('programme.yaml')).toMatch(/^timezone: Europe\/London/m);
    expect(makeContext({ dir: p.dir }, io('2026-11-24T03:54:00Z')).today).toBe('2026-11-24');
    p.replace('programme.yaml', /^timezone: .*$/m, 'timezone: America/Los_Angeles');
    expect(makeContext({ dir: p.dir }, io('2026-11-24T03:54:00Z')).today).toBe('2026-11-23');
    expect(isoDateOf(new Date('2026-11-24T03:54:00Z'), 'Asia/Tokyo')).toBe('2026-11-24');
  });

  it("the binary under two process time zones gives the date in the programme's zone", () => {
    const p = programmeCopy();
    const today = (tz: string) => (JSON.parse(cli(['overdue', '--json', '--dir', p.dir], { env: { TZ: tz } }).stdout) as { today: string }).today;
    const london = isoDateOf(new Date(), 'Europe/London');
    expect(today('America/Los_Angeles')).toBe(london);
    expect(today('Pacific/Kiritimati')).toBe(london);
  });
});

describe('smaller defects', () => {
  it('edits a file with 101 aliases of plain values instead of crashing', async () => {
    const p = programmeCopy();
    p.append(BEA_MATCH, `notes: &n "see above"\nreviews:\n${Array.from({ length: 101 }, () => '  - date: 2026-11-20\n    note: *n').join('\n')}\n`);
    expect((await mc(['validate', '--dir', p.dir])).code).toBe(0);
    const run = await mc(record(p.dir, 'aliases'), at);
    expect(run.code, run.stderr).toBe(0);
  });

  it('refuses control characters in records and never prints them raw', async () => {
    const p = programmeCopy();
    p.replace('mentors/zoe-angstrom.yaml', 'pronouns: she/her', 'pronouns: "she/her\\e[2J\\e[31m"');
    const run = await mc(['validate', '--dir', p.dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('should not contain control characters');
    expect(run.stderr).not.toContain('\u001b');
    const usage = await mc(['overdue', '--match', 'x\u001b[2J', '--dir', p.dir]);
    expect(usage.stderr).toContain('x\\u001b[2J');
  });

  it('reports deep nesting, unknown tags and __proto__ keys as plain problems', async () => {
    const p = programmeCopy();
    p.write('mentees/deep.yaml', `name: Deep\nnotes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    p.write('mentees/tag.yaml', 'name: !foo Tagged\n');
    p.write('mentees/proto.yaml', 'name: Proto\nattributes:\n  __proto__:\n    polluted: yes\n');
    const run = cli(['validate', '--dir', p.dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('mentees/deep.yaml:2:');
    expect(run.stderr).toContain('nests lists or fields far too deeply');
    expect(run.stderr).toContain('mentees/tag.yaml:1:7: error: unknown tag !foo');
    expect(run.stderr).toContain('mentees/proto.yaml:3:3: error: "__proto__" cannot be the name of a field');
    expect(run.stderr).not.toMatch(/Warning|Maximum call stack/);
  });

  it('--quiet prints nothing when only upcoming items are listed', async () => {
    const dir = join(tempDir(), 'quiet');
    expect((await mc(['init', dir, '--name', 'Quiet', ...INIT_CONTACTS])).code).toBe(0);
    // One onboarded mentee whose wait reaches its limit in five days: upcoming, not overdue.
    writeFileSync(join(dir, 'mentees', 'ada.yaml'), 'name: Ada\nwaiting_since: 2026-10-30\nonboarding:\n  induction: 2026-10-30\n');
    const env = { env: { MENTOR_COORD_TODAY: '2026-11-24' } };
    const listed = JSON.parse((await mc(['overdue', '--json', '--within', '7d', '--dir', dir], env)).stdout) as { items: { upcoming: boolean }[] };
    expect(listed.items).toEqual([expect.objectContaining({ upcoming: true })]);
    const quiet = await mc(['overdue', '--quiet', '--within', '7d', '--dir', dir], env);
    expect(quiet).toMatchObject({ code: 0, stdout: '' });
  });

  it('takes a rating only as 1 to 5', async () => {
    const p = programmeCopy();
    for (const rating of ['0x4', '0b11', '1e0', '4.0', ' ']) {
      const run = await mc([...record(p.dir, 'r'), '--rating', rating], at);
      expect(run.code, rating).toBe(2);
    }
    expect((await mc([...record(p.dir, 'r'), '--rating', '4'], at)).code).toBe(0);
  });
});
