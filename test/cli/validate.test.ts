import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { publicProblem } from '../../src/core/problems.js';
import { cli, mc, EXAMPLE, exampleCopy, tempDir } from '../helpers.js';
import { programmeCopy, ZOE } from '../fixtures/programme.js';

type JsonProblem = ReturnType<typeof publicProblem>;

async function validateJson(dir: string): Promise<{ code: number | null; problems: JsonProblem[]; stderr: string }> {
  const run = await mc(['validate', '--json', '--dir', dir, '--no-cache']);
  return { code: run.code, problems: (JSON.parse(run.stdout) as { problems: JsonProblem[] }).problems, stderr: run.stderr };
}

const edit = (dir: string, file: string, change: (text: string) => string) => {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};

describe('validate on the example programme', () => {
  it('is silent and exits 0', async () => {
    const run = await mc(['validate', '--dir', EXAMPLE]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('gives an empty problem list with --json', async () => {
    const run = await mc(['validate', '--json', '--dir', EXAMPLE]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ problems: [] });
  });

  it('takes the folder from MENTOR_COORD_DIR', async () => {
    const dir = exampleCopy();
    writeFileSync(join(dir, 'mentees', 'x.yaml'), '');
    expect((await mc(['validate'], { env: { MENTOR_COORD_DIR: dir } })).code).toBe(1);
    expect(cli(['validate'], { cwd: dir }).code).toBe(1);
  });
});

// One broken folder per kind of problem: the file, line and message a coordinator sees.
const CASES: { name: string; breakIt: (dir: string) => void; file: string; line: number; code: string; message: RegExp }[] = [
  {
    name: 'a YAML syntax error',
    breakIt: (dir) => edit(dir, 'mentors/zoe-angstrom.yaml', (t) => t.replace('pronouns: she/her', 'pronouns: [she/her')),
    file: 'mentors/zoe-angstrom.yaml',
    line: 4,
    code: 'yaml-syntax',
    message: /a list opened with "\[" is not closed with "\]"/,
  },
  {
    name: 'a tab used for indentation',
    breakIt: (dir) => edit(dir, 'mentors/zoe-angstrom.yaml', (t) => t.replace('  training:', '\ttraining:')),
    file: 'mentors/zoe-angstrom.yaml',
    line: 10,
    code: 'yaml-syntax',
    message: /tab/i,
  },
  {
    name: 'a field given twice',
    breakIt: (dir) => edit(dir, 'mentees/isla-murray.yaml', (t) => `${t}name: Isla M.\n`),
    file: 'mentees/isla-murray.yaml',
    line: 16,
    code: 'duplicate-key',
    message: /"name" appears more than once/,
  },
  {
    name: 'a phone number written as a number',
    breakIt: (dir) => edit(dir, 'mentors/zoe-angstrom.yaml', (t) => t.replace('phone: "+44 7700 900100"', 'phone: 447700900100')),
    file: 'mentors/zoe-angstrom.yaml',
    line: 6,
    code: 'invalid-value',
    message: /"phone" should be text: put a phone number in quotes/,
  },
  {
    name: 'a date that does not exist',
    breakIt: (dir) => edit(dir, 'matches/2026-10-emeka-obi.yaml', (t) => t.replace('started: 2026-11-02', 'started: 2026-02-30')),
    file: 'matches/2026-10-emeka-obi.yaml',
    line: 7,
    code: 'invalid-value',
    message: /"started" should be a real date/,
  },
  {
    name: 'a misspelt status',
    breakIt: (dir) => edit(dir, 'matches/2026-10-emeka-obi.yaml', (t) => t.replace('status: active', 'status: actve')),
    file: 'matches/2026-10-emeka-obi.yaml',
    line: 5,
    code: 'invalid-value',
    message: /"status" should be one of: proposed, active, paused, closed, not "actve"/,
  },
  {
    name: 'an unknown field, with a suggestion',
    breakIt: (dir) => edit(dir, 'mentors/zoe-angstrom.yaml', (t) => t.replace('capacity: 2', 'capcity: 2')),
    file: 'mentors/zoe-angstrom.yaml',
    line: 8,
    code: 'unknown-field',
    message: /unknown field "capcity"/,
  },
  {
    name: 'a missing required field',
    breakIt: (dir) => edit(dir, 'matches/2026-10-emeka-obi.yaml', (t) => t.replace('mentee: emeka-obi\n', '')),
    file: 'matches/2026-10-emeka-obi.yaml',
    line: 3,
    code: 'missing-field',
    message: /"mentee" is missing/,
  },
  {
    name: 'an empty file',
    breakIt: (dir) => writeFileSync(join(dir, 'mentees/new-person.yaml'), ''),
    file: 'mentees/new-person.yaml',
    line: 1,
    code: 'empty-file',
    message: /empty/,
  },
  {
    name: 'a list where a record belongs',
    breakIt: (dir) => writeFileSync(join(dir, 'mentees/new-person.yaml'), '- name: A\n- name: B\n'),
    file: 'mentees/new-person.yaml',
    line: 1,
    code: 'not-a-record',
    message: /holds a list, not a record/,
  },
  {
    name: 'binary junk',
    breakIt: (dir) => writeFileSync(join(dir, 'mentees/new-person.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])),
    file: 'mentees/new-person.yaml',
    line: 3,
    code: 'binary-file',
    message: /not a text file/,
  },
  {
    name: 'text that is not UTF-8',
    breakIt: (dir) => writeFileSync(join(dir, 'mentees/new-person.yaml'), Buffer.concat([Buffer.from('name: Jos'), Buffer.from([0xe9]), Buffer.from('\n')])),
    file: 'mentees/new-person.yaml',
    line: 1,
    code: 'not-utf8',
    message: /not UTF-8/,
  },
  {
    name: 'a YAML alias bomb',
    breakIt: (dir) => {
      const lines = ['name: Bomb', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 10; i++)
        lines.push(
          `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      writeFileSync(join(dir, 'mentees/new-person.yaml'), `${lines.join('\n')}\n`);
    },
    file: 'mentees/new-person.yaml',
    line: 1,
    code: 'yaml-aliases',
    message: /aliases/,
  },
  {
    name: 'a 10 MB file',
    breakIt: (dir) => writeFileSync(join(dir, 'mentees/new-person.yaml'), `name: Big\nnotes: "${'x'.repeat(10 * 1024 * 1024)}"\n`),
    file: 'mentees/new-person.yaml',
    line: 1,
    code: 'file-too-large',
    message: /10\.0 MB/,
  },
  {
    name: 'a stray file in a record folder',
    breakIt: (dir) => writeFileSync(join(dir, 'mentors/notes.txt'), 'call Zoë back\n'),
    file: 'mentors/notes.txt',
    line: 0,
    code: 'stray-file',
    message: /not a mentor record/,
  },
  {
    name: 'a match naming someone who does not exist, with a suggestion',
    breakIt: (dir) => edit(dir, 'matches/2026-10-emeka-obi.yaml', (t) => t.replace('mentee: emeka-obi', 'mentee: emeka-obbi')),
    file: 'matches/2026-10-emeka-obi.yaml',
    line: 4,
    code: 'unknown-person',
    message: /there is no mentee "emeka-obbi"/,
  },
  {
    name: 'a mentee in two open matches',
    breakIt: (dir) => edit(dir, 'matches/2026-11-tariq-aziz.yaml', (t) => t.replace('mentee: tariq-aziz', 'mentee: emeka-obi')),
    file: 'matches/2026-11-tariq-aziz.yaml',
    line: 4,
    code: 'mentee-in-two-matches',
    message: /already in open match "2026-10-emeka-obi"/,
  },
  {
    name: 'a mentor over capacity',
    breakIt: (dir) => edit(dir, 'matches/2026-11-tariq-aziz.yaml', (t) => t.replace('mentor: arjun-mehta', 'mentor: precious-ndlovu')),
    file: 'matches/2026-11-tariq-aziz.yaml',
    line: 3,
    code: 'over-capacity',
    message: /"precious-ndlovu" is in 2 open matches \(2026-07-bronwen-hughes, 2026-11-tariq-aziz\) but has capacity 1/,
  },
  {
    name: 'dates in an impossible order',
    breakIt: (dir) => edit(dir, 'matches/2026-10-emeka-obi.yaml', (t) => t.replace('first_meeting: 2026-11-09', 'first_meeting: 2026-10-09')),
    file: 'matches/2026-10-emeka-obi.yaml',
    line: 8,
    code: 'date-order',
    message: /first_meeting \(2026-10-09\) is before started \(2026-11-02\)/,
  },
  {
    name: 'the same id for a mentor and a mentee',
    breakIt: (dir) => writeFileSync(join(dir, 'mentees/zoe-angstrom.yaml'), 'name: Zoë Ångström\n'),
    file: 'mentees/zoe-angstrom.yaml',
    line: 1,
    code: 'duplicate-id',
    message: /both a mentor .* and a mentee/,
  },
  {
    name: 'an open match between an excluded pair',
    breakIt: (dir) => edit(dir, 'matches/2026-07-habib-rahimi.yaml', (t) => t.replace('mentee: habib-rahimi', 'mentee: kofi-asante')),
    file: 'matches/2026-07-habib-rahimi.yaml',
    line: 4,
    code: 'excluded-pair',
    message: /must not be matched \(teaches him/,
  },
  {
    name: 'a misspelt onboarding step',
    breakIt: (dir) => edit(dir, 'mentors/zoe-angstrom.yaml', (t) => t.replace('  training:', '  trainig:')),
    file: 'mentors/zoe-angstrom.yaml',
    line: 10,
    code: 'unknown-onboarding-step',
    message: /"trainig"/,
  },
  {
    name: 'a closed match without its closure',
    breakIt: (dir) => edit(dir, 'matches/2026-10-emeka-obi.yaml', (t) => t.replace('status: active', 'status: closed')),
    file: 'matches/2026-10-emeka-obi.yaml',
    line: 5,
    code: 'missing-field',
    message: /closed match needs "closure:"/,
  },
];

describe('validate on broken folders', () => {
  for (const c of CASES) {
    it(`reports ${c.name} with its file and line, and exits 1`, async () => {
      const dir = exampleCopy();
      c.breakIt(dir);
      const { code, problems } = await validateJson(dir);
      expect(code).toBe(1);
      const found = problems.find((p) => p.file === c.file && p.code === c.code);
      expect(found, JSON.stringify(problems, null, 2)).toBeDefined();
      expect(found!.message).toMatch(c.message);
      expect(found!.line).toBe(c.line);
      expect(found!.hint.length).toBeGreaterThan(10);
    });
  }

  it('prints file:line:col, the line with a caret and the hint, on stderr only', async () => {
    const dir = exampleCopy();
    edit(dir, 'mentors/zoe-angstrom.yaml', (t) => t.replace('capacity: 2', 'capcity: 2'));
    const run = await mc(['validate', '--dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('mentors/zoe-angstrom.yaml:8:1: error: unknown field "capcity"\n  8 | capcity: 2\n    | ^\n  hint: Did you mean "capacity"?');
    expect(run.stderr).toMatch(/1 problem in 1 file\nChecks across files used only what is valid in the files above[^\n]*\n$/);
    expect(run.stderr).not.toMatch(/\u001b\[/);
  });

  it('reports every problem of every file in one run', async () => {
    const dir = exampleCopy();
    for (const c of CASES.slice(0, 8)) c.breakIt(dir);
    writeFileSync(join(dir, 'mentees/new-person.yaml'), '');
    const { code, problems } = await validateJson(dir);
    expect(code).toBe(1);
    // zoe-angstrom.yaml no longer parses, so its other faults (capcity) wait until it does.
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['yaml-syntax', 'duplicate-key', 'invalid-value', 'missing-field', 'empty-file']));
    expect(new Set(problems.map((p) => p.file)).size).toBe(4);
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  it('still reports on the records when programme.yaml is broken', async () => {
    const dir = exampleCopy();
    edit(dir, 'programme.yaml', (t) => t.replace('first_meeting_within: 14d', 'first_meeting_within: two weeks'));
    edit(dir, 'matches/2026-10-emeka-obi.yaml', (t) => t.replace('mentee: emeka-obi', 'mentee: nobody'));
    const { code, problems } = await validateJson(dir);
    expect(code).toBe(1);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.code}`)).toEqual([
      'matches/2026-10-emeka-obi.yaml:4:unknown-person',
      'programme.yaml:66:invalid-value',
    ]);
  });

  it('points a folder that is not a programme at init, with exit 2', async () => {
    const dir = tempDir();
    const run = await mc(['validate', '--dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not a programme folder: it has no programme.yaml/);
    expect(run.stderr).toMatch(/mentor-coord init/);
    expect((await mc(['validate', '--dir', join(dir, 'missing')])).code).toBe(2);
  });

  it('treats unknown options and bad dates as usage errors (exit 2)', async () => {
    expect((await mc(['validate', '--frobnicate', '--dir', EXAMPLE])).code).toBe(2);
    const run = await mc(['validate', '--today', '23/11/2026', '--dir', EXAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--today "23\/11\/2026" is not a date/);
    expect((await mc(['no-such-command'])).code).toBe(2);
  });

  it('survives an unreadable file', async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const dir = exampleCopy();
    const path = join(dir, 'mentees', 'isla-murray.yaml');
    rmSync(path);
    writeFileSync(path, 'name: x\n', { mode: 0o000 });
    const { code, problems } = await validateJson(dir);
    expect(code).toBe(1);
    expect(problems[0]).toMatchObject({ file: 'mentees/isla-murray.yaml', code: 'unreadable-file' });
  });

  it('reports a misspelt record folder', async () => {
    const dir = exampleCopy();
    mkdirSync(join(dir, 'mentor'));
    appendFileSync(join(dir, 'mentor', 'x.yaml'), 'name: X\n');
    const { problems } = await validateJson(dir);
    expect(problems).toMatchObject([{ file: 'mentor', code: 'stray-file', hint: expect.stringMatching(/Did you mean "mentors\/"/) }]);
  });
});

describe('one run shows every problem', () => {
  it('finds a misspelt onboarding step in a file that also has an unknown field', async () => {
    const p = programmeCopy();
    p.replace(ZOE, 'capacity: 2', 'capcity: 2');
    p.replace(ZOE, '  background_check:', '  backgroud_check:');
    const codes = (await validateJson(p.dir)).problems.filter((x) => x.file === ZOE).map((x) => x.code);
    expect(codes.sort()).toEqual(['unknown-field', 'unknown-onboarding-step']);
    const run = await mc(['validate', '--dir', p.dir]);
    expect(run.stderr).toContain('Checks across files used only what is valid in the files above');
  });

  it('finds a mentee in two open matches while one of them has a misspelt status', async () => {
    const p = programmeCopy();
    p.write('matches/2026-11-bea-again.yaml', 'mentor: zoe-angstrom\nmentee: bea-santos\nstatus: Proposed\nproposed: 2026-11-20\n');
    const problems = (await validateJson(p.dir)).problems;
    expect(problems.map((x) => `${x.file} ${x.code}`)).toEqual(
      expect.arrayContaining(['matches/2026-11-bea-again.yaml invalid-value', expect.stringMatching(/ mentee-in-two-matches$/)]),
    );
  });
});

describe('a file with a problem still helps the report', () => {
  it("lends the mentee's name and phone, and says the file has a problem", async () => {
    const p = programmeCopy();
    p.append('mentees/bea-santos.yaml', 'guardian:\n  name: Maria Santos\n  phone: +447700900999\n');
    const json = JSON.parse(
      (await mc(['overdue', '--json', '--match', '2026-11-bea-santos', '--dir', p.dir], { env: { MENTOR_COORD_TODAY: '2026-11-23' } })).stdout,
    ) as {
      items: { people: { id: string; name: string; phone: string | null; file_has_problems: boolean }[] }[];
    };
    const bea = json.items[0]!.people.find((x) => x.id === 'bea-santos')!;
    expect(bea).toEqual(expect.objectContaining({ name: 'Bea Santos', phone: '+44 7700 900503', file_has_problems: true }));
    const table = (await mc(['overdue', '--match', '2026-11-bea-santos', '--dir', p.dir], { env: { MENTOR_COORD_TODAY: '2026-11-23' } })).stdout;
    expect(table).toContain('Bea Santos (file has a');
  });
});
