// A read-only command on a programme whose files are all in the cache loads neither the schemas
// (zod) nor the YAML parsers: they are about 40 ms of every start-up. It loads them as soon as a
// file must be parsed or a problem given its line.
import { readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE_TODAY, exampleCopy, ROOT } from '../helpers.js';

const LOGGER = pathToFileURL(join(ROOT, 'test', 'fixtures', 'log-modules.mjs')).href;
const LIBRARIES = { zod: 'toJSONSchema', yaml: 'YAMLParseError', 'js-yaml': 'YAMLException' } as const;

/** The libraries among the modules a run of the built tool loaded. */
function librariesLoaded(args: string[]): string[] {
  const run = cli(args, { env: { NODE_OPTIONS: `--import=${LOGGER}` } });
  expect(run.code, run.stderr).toBeLessThanOrEqual(1);
  const files = [...run.stderr.matchAll(/^LOADED (file:\S+)$/gm)].map((m) => fileURLToPath(m[1]!));
  expect(files.some((f) => f.endsWith(join('dist', 'main.js')))).toBe(true);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  return Object.entries(LIBRARIES)
    .filter(([, marker]) => texts.some((t) => t.includes(marker)))
    .map(([name]) => name);
}

function aged(dir: string): string {
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const sub of ['', 'mentors', 'mentees', 'matches'])
    for (const name of readdirSync(join(dir, sub))) if (statSync(join(dir, sub, name)).isFile()) utimesSync(join(dir, sub, name), hourAgo, hourAgo);
  return dir;
}

describe('start-up of read-only commands', () => {
  it('loads no schema or YAML library when every file comes from the cache', () => {
    const dir = aged(exampleCopy());
    expect(cli(['validate', '--dir', dir]).code).toBe(0);
    expect(librariesLoaded(['validate', '--dir', dir])).toEqual([]);
    expect(librariesLoaded(['overdue', '--json', '--today', EXAMPLE_TODAY, '--dir', dir])).toEqual([]);
    expect(librariesLoaded(['overdue', '--today', EXAMPLE_TODAY, '--dir', dir])).toEqual([]);
    expect(librariesLoaded(['list', 'mentors', '--dir', dir])).toEqual([]);
    expect(librariesLoaded(['checkin', 'sheet', '--today', EXAMPLE_TODAY, '--dir', dir])).toEqual([]);
  });

  it('loads them when a file changed, or a problem needs its line', () => {
    const dir = aged(exampleCopy());
    expect(cli(['validate', '--dir', dir]).code).toBe(0);
    const match = join(dir, 'matches', '2026-10-emeka-obi.yaml');
    writeFileSync(match, `${readFileSync(match, 'utf8')}# a note\n`);
    // A changed file with nothing wrong: the parser and the schemas, not the YAML library that
    // finds lines.
    expect(librariesLoaded(['validate', '--dir', dir]).sort()).toEqual(['js-yaml', 'zod']);
    expect(librariesLoaded(['overdue', '--json', '--no-cache', '--today', EXAMPLE_TODAY, '--dir', dir]).sort()).toEqual(['js-yaml', 'zod']);

    // A changed file with a problem: that library too, to say where.
    const mentor = join(dir, 'mentors', readdirSync(join(dir, 'mentors'))[0]!);
    const mentorText = readFileSync(mentor, 'utf8');
    writeFileSync(mentor, mentorText.replace(/^name:/m, 'nmae:'));
    expect(librariesLoaded(['validate', '--dir', dir]).sort()).toEqual(['js-yaml', 'yaml', 'zod']);
    const typo = cli(['validate', '--dir', dir]);
    expect(typo.stdout + typo.stderr).toMatch(/mentors\/[a-z-]+\.yaml:\d+:1/);
    writeFileSync(mentor, mentorText);
    // Text js-yaml cannot read: the careful parser says where.
    writeFileSync(mentor, `${mentorText}: broken: [\n`);
    expect(librariesLoaded(['validate', '--dir', dir]).sort()).toEqual(['js-yaml', 'yaml', 'zod']);
    writeFileSync(mentor, mentorText);
    aged(dir);
    expect(cli(['validate', '--dir', dir]).code).toBe(0);

    // A problem across files (a match naming a mentor who does not exist). The run that reads the
    // changed file keeps the outline (src/store/outline.ts): the next takes the problem, with its
    // line, from it and loads nothing. With every file cached and no outline: only the YAML
    // library, to find the line.
    writeFileSync(match, readFileSync(match, 'utf8').replace(/^mentor: .*$/m, 'mentor: nobody-at-all'));
    aged(dir);
    expect(cli(['validate', '--dir', dir]).code).toBe(1);
    expect(librariesLoaded(['validate', '--dir', dir])).toEqual([]);
    const records = join(dir, '.mentor-coord', 'records');
    for (const name of readdirSync(records)) if (name.startsWith('outline.')) rmSync(join(records, name));
    expect(librariesLoaded(['validate', '--dir', dir])).toEqual(['yaml']);
    const shown = cli(['validate', '--dir', dir]);
    expect(shown.stdout + shown.stderr).toMatch(/matches\/2026-10-emeka-obi\.yaml:\d+:\d+/);
  });
});
