// Two coordinators, one programme: real git, two clones of a bare repository, both recording on the
// same match and pulling and pushing in both orders.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, EXAMPLE, EXAMPLE_TODAY, tempDir } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };

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
  });
});
