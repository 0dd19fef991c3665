// The outline (src/store/outline.ts): `checkin record` reads only the match it changes, its two
// people and the settings when the folder is exactly as a whole load saw it. What a coordinator
// sees must never depend on it: the same output, files and refusals as loading every file.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE, EXAMPLE_TODAY, tempDir, type Run } from '../helpers.js';

const MATCH = '2026-08-freya-andersen';
const SHORTCUT = 'by the outline';
const DEBUG = { MENTOR_COORD_DEBUG: 'outline' };

/** Copies of the example kept for the whole file (the helpers' copies go after each test). */
const kept = mkdtempSync(join(tmpdir(), 'mentor-coord-outline-'));
let copiesMade = 0;
function exampleCopy(): string {
  const dir = join(kept, `copy-${copiesMade++}`);
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('.mentor-coord') });
  return dir;
}
afterAll(() => rmSync(kept, { recursive: true, force: true }));

/** Files changed less than two seconds ago are not trusted by their status: copies are made, then left to settle once. */
async function settled<T>(make: () => T): Promise<T> {
  const made = make();
  await new Promise((r) => setTimeout(r, 2100));
  return made;
}

function run(dir: string, args: string[], cache = true): Run {
  return cli([...args, '--today', EXAMPLE_TODAY, '--dir', dir, ...(cache ? [] : ['--no-cache'])], { env: DEBUG });
}

/** Output without the debugging lines. */
function shown(r: Run): Run {
  return { ...r, stderr: r.stderr.replace(/^mentor-coord: (loaded .* by the outline|loading every file: .*|checking across files: .*)\n/gm, '') };
}

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of ['matches', 'mentors', 'mentees'])
    for (const name of readdirSync(join(dir, folder))) out[`${folder}/${name}`] = readFileSync(join(dir, folder, name), 'utf8');
  return out;
}

const CALLS: string[][] = [
  ['checkin', 'record', MATCH, '--with', 'mentor', '--outcome', 'reached', '--rating', '4', '--note', 'going well'],
  ['checkin', 'record', MATCH, '--with', 'mentee', '--outcome', 'reached', '--concern', 'sleeping at a friend', '--safeguarding'],
  ['checkin', 'record', MATCH, '--with', 'mentee', '--outcome', 'no-answer', '--json'],
];

describe('checkin record by the outline', () => {
  let copies: { a: string; b: string; typoA: string; typoB: string; stale: string; damaged: string; problems: string };
  beforeAll(async () => {
    copies = await settled(() => {
      const made = {
        a: exampleCopy(),
        b: exampleCopy(),
        typoA: exampleCopy(),
        typoB: exampleCopy(),
        stale: exampleCopy(),
        damaged: exampleCopy(),
        problems: exampleCopy(),
      };
      // Problems of each kind: in a file, across files, of the listing.
      const { problems } = made;
      writeFileSync(join(problems, 'mentees', 'zz-broken.yaml'), 'name: [unclosed\n');
      writeFileSync(join(problems, 'mentors', 'zz-typo.yaml'), 'name: Ann Typo\ncapcity: 2\n');
      writeFileSync(join(problems, 'matches', 'Bad Name.yaml'), 'mentor: a\n');
      const other = join(problems, 'matches', '2026-04-jamal-idris.yaml');
      writeFileSync(other, readFileSync(other, 'utf8').replace('mentee: jamal-idris\n', 'mentee: freya-andersen\n'));
      for (const dir of [made.typoA, made.typoB]) {
        const file = join(dir, 'mentors', 'leilani-kahale.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^name:/m, 'nmae:'));
      }
      return made;
    });
  }, 20_000);

  it('gives the output and files of a whole load, call after call, a safeguarding concern included', () => {
    const { a, b } = copies;
    expect(run(a, ['validate']).code).toBe(0);
    for (const args of CALLS) {
      const quick = run(a, args);
      const whole = run(b, args, false);
      expect(quick.stderr).toContain(SHORTCUT);
      expect(whole.stderr).not.toContain(SHORTCUT);
      expect(shown(quick)).toEqual(shown(whole));
      expect(quick.code).toBe(0);
      if (args.includes('--safeguarding')) expect(quick.stderr).toContain('SAFEGUARDING CONCERN RECORDED');
    }
    expect(files(a)).toEqual(files(b));
    const report = (dir: string) => run(dir, ['overdue', '--json'], false).stdout;
    expect(report(a)).toContain('sleeping at a friend');
    expect(report(a)).toBe(report(b));
  });

  it('counts the problems in other files as a whole load does', () => {
    const { typoA, typoB } = copies;
    run(typoA, ['validate']);
    const quick = run(typoA, CALLS[0]!);
    const whole = run(typoB, CALLS[0]!, false);
    expect(quick.stderr).toContain(SHORTCUT);
    expect(quick.stderr).toContain('warning: 2 problems in 1 other file');
    expect(shown(quick)).toEqual(shown(whole));
  });

  it('is not used once any file changed, even in place with its size and modification time kept', () => {
    const { stale } = copies;
    expect(run(stale, ['validate']).code).toBe(0);
    // Another match takes the same mentee: a problem across files, on the match recorded on.
    const other = join(stale, 'matches', '2026-04-jamal-idris.yaml');
    const before = statSync(other);
    // (touch -r keeps the time to the nanosecond, as lstat shows it.)
    const reference = join(tempDir(), 'reference');
    writeFileSync(reference, '');
    execFileSync('touch', ['-r', other, reference]);
    const text = readFileSync(other, 'utf8');
    const changed = text.replace('mentee: jamal-idris\n', 'mentee: freya-andersen\n').replace(/^# (...)/m, '# ');
    expect(changed.length).toBe(text.length);
    writeFileSync(other, changed);
    execFileSync('touch', ['-r', reference, other]);
    expect(statSync(other).mtimeMs).toBe(before.mtimeMs);
    const folder = statSync(join(stale, 'matches')).mtimeMs;
    expect(statSync(other).size).toBe(before.size);
    const quick = run(stale, CALLS[1]!);
    expect(quick.stderr).toMatch(/loading every file: (the folder has changed since|a file changed after) its outline was kept/);
    expect(quick.stderr).toContain('mentee "freya-andersen" is already in open match "2026-04-jamal-idris"');
    expect(quick.code).not.toBe(0);
    // Refused as a whole load refuses, and the safeguarding lead's details shown all the same.
    expect(shown(quick)).toEqual(shown(run(stale, CALLS[1]!, false)));
    expect(quick.stderr).toContain('SAFEGUARDING CONCERN NOT SAVED');
    expect(statSync(join(stale, 'matches')).mtimeMs).toBe(folder);
  });

  it('is not used when a file was added or removed, or the outline is damaged', () => {
    const { damaged } = copies;
    run(damaged, ['validate']);
    const folder = join(damaged, '.mentor-coord', 'records');
    const outline = readdirSync(folder).find((name) => name.startsWith('outline.'))!;
    writeFileSync(join(folder, outline), '{"format":1,"key":');
    const first = run(damaged, CALLS[0]!);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('loading every file: the folder has changed since its outline was kept');
    writeFileSync(join(damaged, 'mentees', 'new-person.yaml'), 'name: New Person\n');
    const second = run(damaged, CALLS[0]!);
    expect(second.stderr).toContain('loading every file: mentees has changed since its outline was kept');
    expect(second.code).toBe(0);
  });

  it('gives read-only commands every problem without running the checks across files again: the same output', () => {
    const { problems } = copies;
    const first = run(problems, ['validate', '--json']);
    expect(first.stderr).not.toContain('every problem from the outline');
    expect(first.stdout).toContain('mentee-in-two-matches');
    for (const args of [['validate'], ['validate', '--json'], ['overdue', '--json'], ['overdue', '--format', 'text']]) {
      const quick = run(problems, args);
      expect(quick.stderr).toContain('mentor-coord: every problem from the outline\n');
      const whole = run(problems, args, false);
      expect({ ...quick, stderr: quick.stderr.replace('mentor-coord: every problem from the outline\n', '') }).toEqual(whole);
    }
  });

  it('never reads a file outside the record folders, whatever the match named', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.yaml'), 'mentor: a\n');
    const { a } = copies;
    for (const id of ['../mentors/leilani-kahale', `../../${dir.split('/').pop()}/x`, 'Nope']) {
      const quick = run(a, ['checkin', 'record', id, '--with', 'mentor', '--outcome', 'reached']);
      expect(quick.stderr).toContain('loading every file');
      expect(quick.stderr).toContain(`there is no match "${id}"`);
      expect(quick.code).not.toBe(0);
    }
  });
});

describe('a run after files changed in place', () => {
  const CARRIED = /^mentor-coord: every problem from the outline, \d+ changed file\(s\) carried over\n/m;
  const FROM_OUTLINE = /^mentor-coord: every problem from the outline.*\n/gm;
  let copies: { facts: string; changed: string; helper: string; writer: string; twin: string; source: string };
  beforeAll(async () => {
    copies = await settled(() => {
      const made = { facts: exampleCopy(), changed: exampleCopy(), helper: exampleCopy(), writer: exampleCopy(), twin: exampleCopy(), source: exampleCopy() };
      // Problems elsewhere, in a file and across files, that the outline must still give.
      for (const dir of [made.facts, made.changed, made.helper, made.writer, made.twin]) {
        writeFileSync(join(dir, 'mentors', 'zz-typo.yaml'), 'name: Ann Typo\ncapcity: 2\n');
        const other = join(dir, 'matches', '2026-04-jamal-idris.yaml');
        writeFileSync(other, readFileSync(other, 'utf8').replace('mentee: jamal-idris\n', 'mentee: yusuf-demir\n'));
      }
      return made;
    });
    // Another coordinator records calls, with a safeguarding concern; their files arrive as a
    // `git pull` writes them (in place here, which a whole folder's status does not show).
    for (const args of CALLS.slice(0, 2)) expect(run(copies.source, args).code).toBe(0);
  }, 20_000);
  const arrived = (dir: string, rel: string) => writeFileSync(join(dir, rel), readFileSync(join(copies.source, rel)));
  const READS = [['validate'], ['validate', '--json'], ['overdue', '--json'], ['overdue', '--format', 'text']];
  const withoutDebug = (r: Run): Run => ({
    ...r,
    stderr: r.stderr.replace(FROM_OUTLINE, '').replace(/^mentor-coord: (looked at|read and checked|checking across files:) .*\n/gm, ''),
  });

  it('takes every problem from the outline when what changed cannot change one: the output of a whole load', () => {
    const { facts } = copies;
    expect(run(facts, ['validate', '--json']).stdout).toContain('mentee-in-two-matches');
    arrived(facts, `matches/${MATCH}.yaml`);
    const mentor = join(facts, 'mentors', 'leilani-kahale.yaml');
    writeFileSync(mentor, `${readFileSync(mentor, 'utf8')}# phoned about the training day\n`);
    const first = run(facts, ['overdue', '--json']);
    expect(first.stderr).toMatch(CARRIED);
    expect(first.stdout).toContain('SAFEGUARDING');
    expect(withoutDebug(first)).toEqual(run(facts, ['overdue', '--json'], false));
    // The next runs use the outline that run kept, whose changed files are still new.
    for (const args of READS) {
      const quick = run(facts, args);
      expect(quick.stderr).toMatch(FROM_OUTLINE);
      expect(withoutDebug(quick)).toEqual(run(facts, args, false));
    }
  });

  it('checks across files again when a changed file changed a fact the checks read, or has a problem', () => {
    const { changed } = copies;
    run(changed, ['validate']);
    const edits: [string, (text: string) => string, string][] = [
      // A file with a problem across files, its facts kept: the problem's line moves with the edit.
      ['matches/2026-06-yusuf-demir.yaml', (t) => `# moved down a line\n${t}`, 'mentee-in-two-matches'],
      // Another match for the same mentee: a problem across files.
      [`matches/2026-07-kofi-asante.yaml`, (t) => t.replace(/^mentee: .*$/m, 'mentee: freya-andersen'), 'freya-andersen'],
      // A person's name (a fact): no new problem, still checked.
      ['mentors/leilani-kahale.yaml', (t) => t.replace(/^name: .*$/m, 'name: Leilani K.'), ''],
      // A problem in the changed file itself.
      [`matches/${MATCH}.yaml`, (t) => t.replace(/^mentor:/m, 'mentr:'), 'mentr'],
    ];
    for (const [rel, edit, expected] of edits) {
      const path = join(changed, rel);
      writeFileSync(path, edit(readFileSync(path, 'utf8')));
      const quick = run(changed, ['validate', '--json']);
      expect(quick.stderr).not.toMatch(FROM_OUTLINE);
      // (The first: its own reason; the next find the files changed before them still too new to be cached.)
      expect(quick.stderr).toMatch(rel === edits[0]![0] ? /checking across files: a changed file had a problem/ : /checking across files: /);
      expect(quick.stdout).toContain(expected);
      expect(withoutDebug(quick)).toEqual(run(changed, ['validate', '--json'], false));
    }
  });

  it('has the few changed files read on the worker that looked at the files, or here when it fails: the same output', () => {
    const { helper } = copies;
    const env = { MENTOR_COORD_DEBUG: 'outline,workers', MENTOR_COORD_WORKERS: '1' };
    const args = (a: string[]) => [...a, '--today', EXAMPLE_TODAY, '--dir', helper];
    expect(cli(args(['validate']), { env }).code).toBe(1);
    // (Changed a minute ago, as the cache keeps files: so each run's changed file is kept, and
    // the next run's carried over from the outline that run kept.)
    const match = join(helper, 'matches', `${MATCH}.yaml`);
    const minuteAgo = () => utimesSync(match, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    arrived(helper, `matches/${MATCH}.yaml`);
    minuteAgo();
    const worker = cli(args(['overdue', '--json']), { env });
    // (Read before it was asked for: it changed after the cache was last written.)
    expect(worker.stderr).toContain('read and checked 1 changed file(s) on the worker thread (1 before asked)');
    expect(worker.stderr).toMatch(CARRIED);
    writeFileSync(match, `${readFileSync(match, 'utf8')}# again\n`);
    minuteAgo();
    const failed = cli(args(['overdue', '--json']), { env: { ...env, MENTOR_COORD_FAULT: 'stat-worker-read-fails' } });
    expect(failed.stderr).not.toContain('read and checked');
    expect(failed.stderr).toMatch(CARRIED);
    const whole = run(helper, ['overdue', '--json'], false);
    expect(whole.stdout).toContain('SAFEGUARDING');
    expect(withoutDebug(worker)).toEqual(whole);
    expect(withoutDebug(failed)).toEqual(whole);
  });

  it('gives a command that writes the changed files read on the worker too, or read here when it fails: the same files and report', () => {
    const { writer, twin } = copies;
    const env = { MENTOR_COORD_DEBUG: 'outline,workers', MENTOR_COORD_WORKERS: '1' };
    // (A concern raised on its own: a command that loads every file.)
    const record = ['concern', '2026-07-kofi-asante', '--text', 'not eating at school', '--safeguarding'];
    const runs: Run[] = [];
    for (const [dir, fault] of [
      [writer, undefined],
      [twin, 'stat-worker-read-fails'],
    ] as const) {
      expect(cli(['validate', '--dir', dir], { env }).code).toBe(1);
      // The other coordinator's calls, with their safeguarding concern, arrive in place.
      arrived(dir, `matches/${MATCH}.yaml`);
      const rel = join(dir, 'matches', `${MATCH}.yaml`);
      utimesSync(rel, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      const wrote = cli([...record, '--today', EXAMPLE_TODAY, '--dir', dir], { env: { ...env, ...(fault ? { MENTOR_COORD_FAULT: fault } : {}) } });
      expect(wrote.code, wrote.stderr).toBe(0);
      expect(wrote.stderr).toContain('SAFEGUARDING CONCERN RECORDED');
      if (fault) expect(wrote.stderr).not.toContain('read and checked');
      else expect(wrote.stderr).toContain('read and checked 1 changed file(s) on the worker thread (1 before asked)');
      runs.push(wrote);
    }
    // The same files written, and both concerns on the morning report, as without the cache.
    expect(files(twin)).toEqual(files(writer));
    for (const dir of [writer, twin]) {
      const report = run(dir, ['overdue', '--json', '--rule', 'concern-open'], false);
      expect(report.stdout).toContain('not eating at school');
      expect(report.stdout).toContain('sleeping at a friend');
      expect(withoutDebug(run(dir, ['overdue', '--json', '--rule', 'concern-open']))).toEqual(report);
    }
    expect(withoutDebug(runs[1]!)).toEqual(withoutDebug(runs[0]!));
  });
});
