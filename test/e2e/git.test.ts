// Two coordinators, one programme: real git, two clones of a bare repository, both recording on the
// same match and pulling and pushing in both orders.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, EXAMPLE, EXAMPLE_TODAY, exampleCopy, tempDir } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };
const who = (name: string) => ({
  env: {
    MENTOR_COORD_TODAY: EXAMPLE_TODAY,
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: 'c@example.org',
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: 'c@example.org',
  },
});
const read = (dir: string, file: string) => execFileSync('cat', [join(dir, file)], { encoding: 'utf8' });

function twoCoordinators() {
  const root = tempDir();
  const bare = join(root, 'shared.git');
  const git = (cwd: string, ...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.email=c@example.org', '-c', 'user.name=Coordinator', '-c', 'pull.rebase=false', '-c', 'init.defaultBranch=main', ...args],
      { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  const first = join(root, 'amara');
  cpSync(EXAMPLE, first, { recursive: true, filter: (s) => !s.includes('.mentor-coord') });
  git(root, 'init', '-q', '--bare', bare);
  git(first, 'init', '-q');
  expect(cli(['git', 'setup', '--dir', first]).code).toBe(0);
  git(first, 'add', '-A');
  git(first, 'commit', '-qm', 'programme');
  git(first, 'remote', 'add', 'origin', bare);
  git(first, 'push', '-q', 'origin', 'HEAD:main');
  const second = join(root, 'tom');
  git(root, 'clone', '-q', '-b', 'main', bare, second);
  expect(cli(['git', 'setup', '--dir', second]).code).toBe(0);
  git(first, 'branch', '-q', '--set-upstream-to=origin/main');
  return { first, second, git };
}

const checkins = (dir: string) =>
  (parse(execFileSync('cat', [join(dir, 'matches', '2026-11-bea-santos.yaml')], { encoding: 'utf8' })) as { checkins?: { with: string; note?: string }[] })
    .checkins ?? [];

describe('two coordinators, one programme', () => {
  it('merges calls, follow-ups, meetings and reviews recorded on the same match on both sides, in both orders, with no conflict', () => {
    const { first, second, git } = twoCoordinators();
    const rec = (dir: string, side: string, note: string) =>
      expect(cli(['checkin', 'record', '2026-11-bea-santos', '--with', side, '--outcome', 'reached', '--note', note, '--dir', dir], at).code).toBe(0);
    rec(first, 'mentee', 'Amara called Bea');
    expect(cli(['log', '2026-11-bea-santos', '--date', '2026-11-22', '--dir', first], at).code).toBe(0);
    rec(second, 'mentor', 'Tom called Siobhán');
    expect(cli(['checkin', 'follow-up', '2026-09-nguyen-thi-ha', '--concern', '2026-11-16', '--note', 'Declan told', '--dir', second], at).code).toBe(0);
    expect(cli(['review', '2026-07-kofi-asante', '--rating', '4', '--dir', first], at).code).toBe(0);
    git(first, 'commit', '-qam', 'Tuesday');
    git(second, 'commit', '-qam', 'Wednesday');
    git(first, 'push', '-q', 'origin', 'HEAD:main');
    git(second, 'pull', '-q', 'origin', 'main');
    git(second, 'push', '-q', 'origin', 'HEAD:main');
    git(first, 'pull', '-q', 'origin', 'main');
    for (const dir of [first, second]) {
      expect(checkins(dir).map((c) => c.note)).toEqual(expect.arrayContaining(['Amara called Bea', 'Tom called Siobhán']));
      expect(cli(['validate', '--dir', dir], at)).toMatchObject({ code: 0, stderr: '' });
      expect(execFileSync('cat', [join(dir, 'matches', '2026-11-bea-santos.yaml')], { encoding: 'utf8' })).toContain('# Siobhán Ó Ceallaigh and Bea Santos');
    }
    expect(git(first, 'rev-parse', 'HEAD:matches')).toBe(git(second, 'rev-parse', 'HEAD:matches'));
    // Then again the other way round: the second pushes first.
    rec(first, 'mentor', 'Amara again');
    rec(second, 'mentee', 'Tom again');
    git(first, 'commit', '-qam', 'Thursday');
    git(second, 'commit', '-qam', 'Friday');
    git(second, 'push', '-q', 'origin', 'HEAD:main');
    git(first, 'pull', '-q', 'origin', 'main');
    expect(checkins(first).map((c) => c.note)).toEqual(expect.arrayContaining(['Amara called Bea', 'Tom called Siobhán', 'Amara again', 'Tom again']));
    expect(cli(['validate', '--dir', first], at).code).toBe(0);
  });

  it('a field changed differently on both sides is one clear problem, with both values kept', () => {
    const { first, second, git } = twoCoordinators();
    expect(cli(['pause', '2026-11-bea-santos', '--until', '2027-01-10', '--reason', 'Exams', '--dir', first], at).code).toBe(0);
    expect(cli(['close', '2026-11-bea-santos', '--reason', 'moved-away', '--dir', second], at).code).toBe(0);
    git(first, 'commit', '-qam', 'pause');
    git(second, 'commit', '-qam', 'close');
    git(first, 'push', '-q', 'origin', 'HEAD:main');
    let failed = false;
    try {
      git(second, 'pull', '-q', 'origin', 'main');
    } catch {
      failed = true;
    }
    expect(failed).toBe(true);
    const text = execFileSync('cat', [join(second, 'matches', '2026-11-bea-santos.yaml')], { encoding: 'utf8' });
    expect(text).toContain('status: closed');
    expect(text).toContain('status: paused');
    const v = cli(['validate', '--dir', second], at);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/matches\/2026-11-bea-santos\.yaml:\d+:1: error: unresolved git merge conflict between lines \d+ and \d+/);
    expect(v.stderr.match(/error:/g)).toHaveLength(1);
  });

  it('validate warns when a programme repository has no merge driver', () => {
    const root = tempDir();
    const dir = join(root, 'p');
    cpSync(EXAMPLE, dir, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    expect(cli(['validate', '--dir', dir], at).stderr).toContain('run mentor-coord git setup');
    expect(cli(['git', 'setup', '--dir', dir]).code).toBe(0);
    expect(cli(['validate', '--dir', dir], at)).toMatchObject({ code: 0, stderr: '' });
    // A driver registered by a mentor-coord since moved away is as good as none.
    execFileSync('git', ['config', 'merge.mentor-coord.driver', "/old/node '/old/it'\\''s/mentor-coord.js' merge-file %O %A %B %P"], { cwd: dir });
    expect(cli(['validate', '--dir', dir], at).stderr).toContain('points to a mentor-coord no longer there');
    expect(cli(['git', 'setup', '--dir', dir]).code).toBe(0);
    expect(cli(['validate', '--dir', dir], at)).toMatchObject({ code: 0, stderr: '' });
  });

  it('sync in each copy commits, merges and shares, and both copies end with the same tree', () => {
    const { first, second, git } = twoCoordinators();
    const amara = who('Amara');
    const tom = who('Tom');
    expect(
      cli(['checkin', 'record', '2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--note', 'Amara called Bea', '--dir', first], amara).code,
    ).toBe(0);
    expect(cli(['concern', '2026-11-bea-santos', '--text', 'Bea mentioned money worries', '--dir', first], amara).code).toBe(0);
    expect(
      cli(['checkin', 'record', '2026-11-bea-santos', '--with', 'mentor', '--outcome', 'reached', '--note', 'Tom called Siobhán', '--dir', second], tom).code,
    ).toBe(0);
    expect(cli(['checkin', 'follow-up', '2026-09-nguyen-thi-ha', '--concern', '2026-11-16', '--note', 'Declan told', '--dir', second], tom).code).toBe(0);

    const s1 = cli(['sync', '--dir', first], amara);
    expect(s1).toMatchObject({ code: 0 });
    expect(s1.stderr).toContain('Committed here: 1 call recorded, 1 concern recorded (1 file).');
    expect(s1.stderr).toContain('Shared with origin.');
    const s2 = cli(['sync', '--dir', second], tom);
    expect(s2.code).toBe(0);
    expect(s2.stderr).toContain('Committed here: 1 call recorded, 1 concern followed up (2 files).');
    expect(s2.stderr).toContain('Brought in from origin: 1 call recorded, 1 concern recorded.');
    expect(s2.stderr).toContain('Shared with origin.');
    const s3 = cli(['sync', '--dir', first], amara);
    expect(s3.code).toBe(0);
    expect(s3.stderr).toContain('Brought in from origin:');
    expect(git(first, 'rev-parse', 'HEAD^{tree}')).toBe(git(second, 'rev-parse', 'HEAD^{tree}'));
    for (const dir of [first, second]) {
      expect(checkins(dir).map((c) => c.note)).toEqual(expect.arrayContaining(['Amara called Bea', 'Tom called Siobhán']));
      expect(read(dir, 'matches/2026-11-bea-santos.yaml')).toContain('Bea mentioned money worries');
      expect(read(dir, 'matches/2026-09-nguyen-thi-ha.yaml')).toContain('Declan told');
      expect(cli(['validate', '--dir', dir], at)).toMatchObject({ code: 0, stderr: '' });
      expect(git(dir, 'status', '--porcelain')).toBe('');
    }
    // Both authors are in the history, each with what they did.
    expect(git(first, 'log', '--format=%an: %s')).toContain('Tom: 1 call recorded, 1 concern followed up');
    expect(git(first, 'log', '--format=%an: %s')).toContain('Amara: 1 call recorded, 1 concern recorded');
    // Run again with nothing to do: says so, changes nothing.
    const head = git(first, 'rev-parse', 'HEAD');
    expect(cli(['sync', '--dir', first], amara).stderr).toContain('Up to date: nothing of yours to share.');
    expect(git(first, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('sync stops on a real conflict with both values kept, and will not commit the markers', () => {
    const { first, second } = twoCoordinators();
    expect(cli(['pause', '2026-11-bea-santos', '--until', '2027-01-10', '--reason', 'Exams', '--dir', first], at).code).toBe(0);
    expect(cli(['close', '2026-11-bea-santos', '--reason', 'moved-away', '--dir', second], at).code).toBe(0);
    expect(cli(['sync', '--dir', first], who('Amara')).code).toBe(0);
    const stopped = cli(['sync', '--dir', second], who('Tom'));
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('a colleague changed the same field as you in matches/2026-11-bea-santos.yaml');
    expect(stopped.stderr).toMatch(
      /matches\/2026-11-bea-santos\.yaml: the conflicting changes: ours: Tom, \d{4}-\d\d-\d\d \(1 match closed\); theirs: Amara, \d{4}-\d\d-\d\d \(1 match paused\)\./,
    );
    expect(cli(['validate', '--dir', second], at).stderr).toContain('the conflicting changes: ours: Tom');
    const text = read(second, 'matches/2026-11-bea-santos.yaml');
    expect(text).toContain('status: closed');
    expect(text).toContain('status: paused');
    const again = cli(['sync', '--dir', second], who('Tom'));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('matches/2026-11-bea-santos.yaml still holds both sides of a conflict');
    expect(read(second, 'matches/2026-11-bea-santos.yaml')).toBe(text);
  });

  it('sync with no remote commits here and stops plainly', () => {
    const dir = join(tempDir(), 'p');
    cpSync(EXAMPLE, dir, { recursive: true, filter: (s) => !s.includes('.mentor-coord') });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const run = cli(['sync', '--dir', dir], who('Amara'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('this copy has no remote');
    expect(execFileSync('git', ['log', '--format=%an'], { cwd: dir, encoding: 'utf8' }).trim()).toBe('Amara');
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe('');
    const outside = cli(['sync', '--dir', exampleCopy()], who('Amara'));
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not in a git repository');
  });

  it('--commit and git.commit: true make each recorded change its own commit, by its coordinator', () => {
    const { first, git } = twoCoordinators();
    expect(cli(['checkin', 'record', '2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--commit', '--dir', first], who('Amara')).code).toBe(0);
    expect(cli(['review', '2026-07-kofi-asante', '--rating', '4', '--commit', '--dir', first], who('Amara')).code).toBe(0);
    // Without the flag or the setting, nothing is committed.
    expect(cli(['log', '2026-11-bea-santos', '--date', '2026-11-22', '--dir', first], who('Amara')).code).toBe(0);
    expect(git(first, 'log', '--format=%an|%s|%b', '-2').split('\n').filter(Boolean)).toEqual([
      'Amara|1 review recorded|mentor-coord review',
      'Amara|1 call recorded|mentor-coord checkin record',
    ]);
    expect(git(first, 'status', '--porcelain', '--', 'matches')).toContain('2026-11-bea-santos.yaml');
    git(first, 'checkout', '-q', '--', 'matches');
    const programme = join(first, 'programme.yaml');
    writeFileSync(programme, `${read(first, 'programme.yaml')}\ngit:\n  commit: true\n`);
    git(first, 'commit', '-qam', 'commit every change');
    expect(cli(['validate', '--dir', first], at)).toMatchObject({ code: 0, stderr: '' });
    const concern = cli(['concern', '2026-11-bea-santos', '--text', 'Bea seemed withdrawn', '--safeguarding', '--dir', first], who('Tom'));
    expect(concern.code).toBe(0);
    expect(concern.stderr).toContain('Committed: 1 concern recorded');
    expect(git(first, 'log', '--format=%an|%s', '-1').trim()).toBe('Tom|1 concern recorded');
    expect(git(first, 'status', '--porcelain')).toBe('');
  });

  it('--commit outside a git repository saves the change and says it was not committed', () => {
    const dir = exampleCopy();
    const run = cli(['checkin', 'record', '2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--note', 'kept', '--commit', '--dir', dir], at);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('saved, but not committed');
    expect(read(dir, 'matches/2026-11-bea-santos.yaml')).toContain('kept');
  });

  it('init --git makes a repository set up for sharing; init inside a repository sets it up; elsewhere init leaves git alone', () => {
    const root = tempDir();
    const made = join(root, 'made');
    const run = cli(['init', made, '--example', '--git']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Registered the merge driver');
    expect(read(made, '.gitattributes')).toContain('matches/*.yaml merge=mentor-coord');
    expect(execFileSync('git', ['config', 'merge.mentor-coord.driver'], { cwd: made, encoding: 'utf8' })).toContain('merge-file %O %A %B %P');
    expect(cli(['validate', '--dir', made], at)).toMatchObject({ code: 0, stderr: '' });

    const repo = join(root, 'repo');
    execFileSync('git', ['init', '-q', repo]);
    expect(cli(['init', join(repo, 'riverside'), '--example']).code).toBe(0);
    expect(read(join(repo, 'riverside'), '.gitattributes')).toContain('programme.yaml merge=mentor-coord');

    const plain = join(root, 'plain');
    const alone = cli(['init', plain, '--example']);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain('Keep it in git: mentor-coord init --git');
    expect(existsSync(join(plain, '.git'))).toBe(false);
    expect(existsSync(join(plain, '.gitattributes'))).toBe(false);
  });

  it('when git does not know the coordinator, --commit saves the change and says not to record it again', () => {
    const dir = exampleCopy();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const nobody = {
      MENTOR_COORD_TODAY: EXAMPLE_TODAY,
      HOME: tempDir(),
      GIT_AUTHOR_NAME: undefined,
      GIT_AUTHOR_EMAIL: undefined,
      GIT_COMMITTER_NAME: undefined,
      GIT_COMMITTER_EMAIL: undefined,
      EMAIL: undefined,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'user.useConfigOnly',
      GIT_CONFIG_VALUE_0: 'true',
    };
    const run = cli(['log', '2026-11-bea-santos', '--date', '2026-11-21', '--commit', '--dir', dir], { env: nobody });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('saved, but not committed: git does not know your name yet');
    expect(run.stderr).toContain('do not record it again');
    expect(read(dir, 'matches/2026-11-bea-santos.yaml')).toContain('2026-11-21');
    const sync = cli(['sync', '--dir', dir], { env: nobody });
    expect(sync.code).toBe(1);
    expect(sync.stderr).toContain('git does not know your name yet');
  });

  it('sync puts back a merge driver that points to a mentor-coord no longer there, and merges', () => {
    const { first, second, git } = twoCoordinators();
    const rec = (dir: string, side: string, note: string) =>
      expect(cli(['checkin', 'record', '2026-11-bea-santos', '--with', side, '--outcome', 'reached', '--note', note, '--dir', dir], who('A')).code).toBe(0);
    rec(first, 'mentee', 'first side');
    expect(cli(['sync', '--dir', first], who('Amara')).code).toBe(0);
    git(second, 'config', 'merge.mentor-coord.driver', '/old/place/mentor-coord merge-file %O %A %B %P');
    rec(second, 'mentor', 'second side');
    const run = cli(['sync', '--dir', second], who('Tom'));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Updated mentor-coord's merge driver");
    expect(checkins(second).map((c) => c.note)).toEqual(expect.arrayContaining(['first side', 'second side']));
  });
});
