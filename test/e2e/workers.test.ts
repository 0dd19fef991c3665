// Files are checked on worker threads when there are many: the results must be exactly those of
// one thread, and a worker that fails must cost time, never a file.
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/store/parallel.js';
import { cli, exampleCopy, EXAMPLE_TODAY } from '../helpers.js';

function damaged(): string {
  const dir = exampleCopy();
  writeFileSync(`${dir}/mentees/zz-broken.yaml`, 'name: [unclosed\n');
  writeFileSync(`${dir}/matches/zz-bad-status.yaml`, 'mentor: nobody\nmentee: nobody-either\nstatus: actve\n');
  writeFileSync(`${dir}/mentors/zz-typo.yaml`, 'name: Ann Typo\ncapcity: 2\n');
  return dir;
}

describe('checking files on worker threads', () => {
  it('gives exactly the problems and report of a single thread', () => {
    const dir = damaged();
    const one = cli(['validate', '--json', '--no-cache', '--dir', dir], { env: { MENTOR_COORD_WORKERS: '0' } });
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('capcity');
    for (const workers of ['1', '3']) {
      const env = { MENTOR_COORD_WORKERS: workers, MENTOR_COORD_DEBUG: 'workers-only' };
      const run = cli(['validate', '--json', '--no-cache', '--dir', dir], { env });
      expect(run.stderr).toContain(`checked 144 files, 144 of them on worker threads (${workers} started, 0 failed)`);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(one.stdout);
    }
    const report = (env: Record<string, string>) => cli(['overdue', '--json', '--no-cache', '--today', EXAMPLE_TODAY, '--dir', dir], { env }).stdout;
    expect(report({ MENTOR_COORD_WORKERS: '2', MENTOR_COORD_DEBUG: 'workers-only' })).toBe(report({ MENTOR_COORD_WORKERS: '0' }));
  });

  it('reports the same problems without the cache, where matches are kept without their lists, as with it', () => {
    const dir = damaged();
    // A problem across files that reads a match's status and mentee.
    const other = join(dir, 'matches', '2026-04-jamal-idris.yaml');
    writeFileSync(other, readFileSync(other, 'utf8').replace('mentee: jamal-idris\n', 'mentee: freya-andersen\n'));
    const withCache = cli(['validate', '--json', '--dir', dir]);
    expect(withCache.stdout).toContain('mentee-in-two-matches');
    for (const workers of ['0', '2']) {
      const run = cli(['validate', '--json', '--no-cache', '--dir', dir], { env: { MENTOR_COORD_WORKERS: workers } });
      expect(run.stdout).toBe(withCache.stdout);
      expect(run.code).toBe(withCache.code);
    }
  });

  it('checks here whatever a failed worker left', () => {
    const dir = damaged();
    const one = cli(['validate', '--json', '--no-cache', '--dir', dir], { env: { MENTOR_COORD_WORKERS: '0' } });
    const run = cli(['validate', '--json', '--no-cache', '--dir', dir], {
      env: { MENTOR_COORD_WORKERS: '2', MENTOR_COORD_DEBUG: 'workers-only', MENTOR_COORD_FAULT: 'worker-fails' },
    });
    // Each worker delivered one chunk of 32 before failing; the rest were checked on the main thread.
    expect(run.stderr).toContain('checked 144 files, 64 of them on worker threads (2 started, 2 failed)');
    expect(run.stdout).toBe(one.stdout);
  });

  it('starts workers only for many files, and never more than asked', () => {
    expect(workerCount(100, {}, 8)).toBe(0);
    expect(workerCount(5000, {}, 2)).toBe(1);
    expect(workerCount(5000, {}, 1)).toBe(0);
    expect(workerCount(5000, {}, 16)).toBe(3);
    expect(workerCount(5000, { MENTOR_COORD_WORKERS: '0' }, 8)).toBe(0);
    expect(workerCount(10, { MENTOR_COORD_WORKERS: '2' }, 1)).toBe(2);
    expect(workerCount(1, { MENTOR_COORD_WORKERS: '2' }, 4)).toBe(0);
  });

  it('looks at the files on a worker while the cache is read, with the same result, links and pipes included', () => {
    const dir = damaged();
    symlinkSync('/etc/passwd', join(dir, 'mentors', 'zz-link.yaml'));
    execFileSync('mkfifo', [join(dir, 'mentees', 'zz-pipe.yaml')]);
    writeFileSync(join(dir, 'matches', 'notes.txt'), 'not a record\n');
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const sub of ['mentors', 'mentees', 'matches'])
      for (const name of readdirSync(join(dir, sub))) if (lstatSync(join(dir, sub, name)).isFile()) utimesSync(join(dir, sub, name), hourAgo, hourAgo);
    cli(['validate', '--dir', dir], { env: { MENTOR_COORD_WORKERS: '0' } });
    const one = cli(['validate', '--json', '--dir', dir], { env: { MENTOR_COORD_WORKERS: '0' } });
    expect(one.stdout).toContain('symlink');
    expect(one.stdout).toContain('special-file');
    const run = cli(['validate', '--json', '--dir', dir], { env: { MENTOR_COORD_WORKERS: '1', MENTOR_COORD_DEBUG: 'workers' } });
    expect(run.stderr).toMatch(/looked at \d+ files on a worker thread/);
    expect(run.stdout).toBe(one.stdout);
    const report = (env: Record<string, string>) => cli(['overdue', '--json', '--today', EXAMPLE_TODAY, '--dir', dir], { env }).stdout;
    expect(report({ MENTOR_COORD_WORKERS: '1' })).toBe(report({ MENTOR_COORD_WORKERS: '0' }));

    // A worker whose answer cannot be used: the files are looked at here, with the same result.
    const failing = cli(['validate', '--json', '--dir', dir], {
      env: { MENTOR_COORD_WORKERS: '1', MENTOR_COORD_DEBUG: 'workers', MENTOR_COORD_FAULT: 'stat-worker-fails' },
    });
    expect(failing.stderr).not.toMatch(/looked at \d+ files on a worker thread/);
    expect(failing.stdout).toBe(one.stdout);
  });
});
