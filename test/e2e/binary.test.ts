// The real built binary, spawned as a coordinator or cron would run it: the few paths that the
// in-process tests cannot prove (the entry point, exit codes through the process, the bundle's
// lazily loaded chunks, reading and writing real files from a separate process).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, EXAMPLE, EXAMPLE_TODAY, exampleCopy, tempDir } from '../helpers.js';
import { INIT_CONTACTS } from '../fixtures/programme.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };

describe('the built binary', () => {
  it('prints its version, and help listing every command', () => {
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['validate', 'overdue', 'checkin', 'init', 'schema']) expect(help.stdout).toContain(`  ${command}`);
    expect(cli(['checkin', 'plan', '--help']).stdout).toContain('--per-day <n>');
  });

  it('validates the example silently, and reports a broken folder with exit 1', () => {
    expect(cli(['validate', '--dir', EXAMPLE])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const dir = exampleCopy();
    const file = join(dir, 'mentors', 'zoe-angstrom.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('capacity: 2', 'capcity: 2'));
    const run = cli(['validate', '--dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('mentors/zoe-angstrom.yaml:8:1');
  });

  it('prints the morning report on the example', () => {
    const run = cli(['overdue', '--dir', EXAMPLE], at);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Riverside Mentoring: overdue on 2026-11-23\n34 overdue, 2 high, 1 SAFEGUARDING/);
  });

  it('records a call in a match file from a separate process, and the folder stays valid', () => {
    const dir = exampleCopy();
    const run = cli(['checkin', 'record', '2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--rating', '4', '--dir', dir], at);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'matches', '2026-11-bea-santos.yaml'), 'utf8')).toContain(
      '  - with: mentee\n    date: 2026-11-23\n    outcome: reached\n    rating: 4\n',
    );
    expect(cli(['validate', '--dir', dir]).code).toBe(0);
  });

  it('creates a programme with init, in the folder the process runs in', () => {
    const parent = tempDir();
    expect(cli(['init', 'new-programme', ...INIT_CONTACTS], { cwd: parent }).code).toBe(0);
    expect(cli(['validate'], { cwd: join(parent, 'new-programme') }).code).toBe(0);
  });

  it('exits 2 for a usage error and never shows a stack trace', () => {
    const bad = cli(['overdue', '--frobnicate', '--dir', EXAMPLE]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--frobnicate'");
    expect(cli(['no-such-command']).code).toBe(2);
    expect(cli([]).code).toBe(2);
    expect(cli(['validate', '--dir', join(tempDir(), 'missing')]).stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the cron line', () => {
  it('works in the bare environment cron gives a job, and still reports when git pull fails', () => {
    const dir = exampleCopy();
    const printed = cli(['cron', '--dir', dir, '--mail', 'amara@example.org']);
    expect(printed.code).toBe(0);
    const line = printed.stdout.split('\n').find((l) => l.startsWith('0 7 * * 1-5  '))!;
    expect(printed.stdout).toContain('MAILTO=amara@example.org');
    const command = line.slice('0 7 * * 1-5  '.length);
    // What cron gives a job: a minimal PATH and a home, nothing from the developer's shell.
    const run = spawnSync('/usr/bin/env', ['-i', 'PATH=/usr/bin:/bin', `HOME=${tempDir()}`, 'SHELL=/bin/sh', '/bin/sh', '-c', command], { encoding: 'utf8' });
    const mail = run.stdout + run.stderr;
    expect(mail).toContain('mentor-coord: this folder could not be updated from git; the report below is from the copy on this machine.');
    expect(run.stdout).toMatch(/Riverside Mentoring: overdue on \d{4}-\d\d-\d\d/);
    expect(mail).not.toMatch(/npm (ERR|error)|command not found|internal error/);
  });
});

describe('a long report through a pipe', () => {
  it('is written whole, block by block, when the reader is slower than the tool', async () => {
    const generator = pathToFileURL(join(ROOT, 'bench', 'generate.mjs')).href;
    const { generate } = (await import(generator)) as { generate: (dir: string, o: { people: number; matches: number }) => void };
    const dir = join(tempDir(), 'programme');
    generate(dir, { people: 1000, matches: 500 });
    const out = tempDir();
    for (const format of ['json', 'table']) {
      const args = `overdue --format ${format} --today 2026-11-23 --dir "${dir}"`;
      // To a file (never waits) and to a pipe whose reader waits a second before reading.
      const direct = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args} > "${out}/direct"`], { env: { ...process.env, COLUMNS: '100' } });
      const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args} | (sleep 1; cat > "${out}/piped")`], {
        env: { ...process.env, COLUMNS: '100' },
      });
      expect(direct.status).toBe(0);
      expect(piped.status).toBe(0);
      const whole = readFileSync(join(out, 'direct'));
      // Several blocks of 256 KB, more than a pipe holds.
      expect(whole.length).toBeGreaterThan(600_000);
      expect(readFileSync(join(out, 'piped')).equals(whole)).toBe(true);
      // And whole: every item, to the last line.
      const text = whole.toString('utf8');
      if (format === 'json') {
        const report = JSON.parse(text) as { items: unknown[] };
        expect(report.items.length).toBeGreaterThan(500);
      } else {
        const rows = Number(/^(\d+) overdue$/m.exec(text)?.[1]);
        expect(rows).toBeGreaterThan(500);
        expect(text.endsWith('┘\n')).toBe(true);
      }
    }
  });
});
