// add, show and list: new people from flags or a prompted form, and looking things up.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { command as add } from '../../src/cli/commands/add.js';
import { makeContext } from '../../src/cli/context.js';
import { programmeCopy } from '../fixtures/programme.js';
import { KEY, Terminal } from '../fixtures/terminal.js';
import { EXAMPLE, EXAMPLE_TODAY, mc } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };

describe('add', () => {
  it('writes a commented file named from the name, and refuses a duplicate email', async () => {
    const p = programmeCopy();
    const run = await mc(
      [
        'add',
        'mentor',
        '--name',
        'Zoë Ångström',
        '--email',
        'zoe2@example.org',
        '--phone',
        '+447700900999',
        '--attr',
        'area=north',
        '--attr',
        'expertise=cv,interviews',
        '--capacity',
        '2',
        '--dir',
        p.dir,
      ],
      at,
    );
    expect(run.code, run.stderr).toBe(0);
    // zoe-angstrom is taken: a suffix.
    const text = p.read('mentors/zoe-angstrom-2.yaml');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/mentor\.schema\.json\n# Added by mentor-coord add on 2026-11-23/);
    expect(parse(text)).toEqual({
      name: 'Zoë Ångström',
      email: 'zoe2@example.org',
      phone: '+447700900999',
      joined: '2026-11-23',
      capacity: 2,
      attributes: { area: 'north', expertise: ['cv', 'interviews'] },
    });
    expect((await mc(['validate', '--dir', p.dir])).code).toBe(0);
    const twice = await mc(['add', 'mentee', '--name', 'Someone Else', '--email', 'ZOE2@example.org', '--dir', p.dir], at);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('already has the email');
  });

  it('asks on a terminal, offering the values already used, and writes nothing after Ctrl-C', async () => {
    const p = programmeCopy();
    const before = readdirSync(p.path('mentees')).length;
    const t = new Terminal();
    const ctx = {
      ...makeContext({ dir: p.dir, today: EXAMPLE_TODAY, cache: false, color: false }),
      stdinIsTTY: true,
      promptStreams: { input: t.input, output: t.output },
      stderr: () => {},
    };
    const done = add.run(ctx, ['mentee'], { attr: [] });
    await t.expect('Name:', 'Kasia Nowak', KEY.enter);
    await t.expect('Email', 'kasia@example.net', KEY.enter);
    await t.expect('Phone', KEY.enter);
    await t.expect('goals:');
    await t.expect('apprenticeships', ' ', KEY.enter); // the first value, ticked
    await t.expect('languages:', ' ', KEY.enter);
    await t.expect('availability:', ' ', KEY.enter);
    await t.expect('area:', KEY.enter);
    await t.expect('interests:', KEY.enter);
    await t.expect('mentor_gender', KEY.ctrlC);
    await expect(done).rejects.toThrow(/force closed/i);
    expect(readdirSync(p.path('mentees'))).toHaveLength(before);
    expect(existsSync(p.path('mentees/kasia-nowak.yaml'))).toBe(false);
  });
});

describe('show and list', () => {
  it('shows a match as its story in date order, and a person with onboarding and matches', async () => {
    const match = await mc(['show', '2026-09-nguyen-thi-ha', '--dir', EXAMPLE], at);
    expect(match.stdout).toMatch(/^2026-09-nguyen-thi-ha: Aoife Ní Bhriain and Nguyễn Thị Hà \(active\)\n {2}2026-09-01 {2}proposed/);
    expect(match.stdout).toContain('SAFEGUARDING concern 2026-11-16');
    const dates = [...match.stdout.matchAll(/^ {2}(\d{4}-\d\d-\d\d)/gm)].map((m) => m[1]!);
    expect(dates).toEqual([...dates].sort());
    const person = JSON.parse((await mc(['show', 'giorgos-papadopoulos', '--json', '--dir', EXAMPLE], at)).stdout) as {
      role: string;
      onboarding: { step: string; expires: string | null }[];
    };
    expect(person.role).toBe('mentor');
    expect(person.onboarding.find((o) => o.step === 'background_check')?.expires).toBe('2026-11-01');
  });

  it('lists mentors who can take a mentee, mentees waiting longest first, and matches by status', async () => {
    const free = JSON.parse((await mc(['list', 'mentors', '--free', '--json', '--dir', EXAMPLE], at)).stdout) as { mentors: { id: string }[] };
    const proposal = JSON.parse((await mc(['match', '--json', '--dir', EXAMPLE], at)).stdout) as { mentors: { mentor: string }[] };
    expect(free.mentors.map((m) => m.id).sort()).toEqual(proposal.mentors.map((m) => m.mentor).sort());
    const waiting = JSON.parse((await mc(['list', 'mentees', '--waiting', '--json', '--dir', EXAMPLE], at)).stdout) as {
      mentees: { id: string; waiting_days: number }[];
    };
    expect(waiting.mentees[0]).toMatchObject({ id: 'ugo-eze', waiting_days: 114 });
    const overdue = JSON.parse((await mc(['overdue', '--json', '--rule', 'unmatched-waiting', '--dir', EXAMPLE], at)).stdout) as {
      items: { person: string }[];
    };
    for (const item of overdue.items) expect(waiting.mentees.map((m) => m.id)).toContain(item.person);
    const csv = (await mc(['list', 'matches', '--status', 'paused', '--format', 'csv', '--dir', EXAMPLE], at)).stdout;
    expect(csv.replace(/^\uFEFF/, '').split('\n')[0]).toBe('id,mentor,mentee,status,started,first_meeting,planned_end');
    expect(csv).toContain('2026-05-paulina-zielinska');
  });
});

describe('writing commands ask on a terminal', () => {
  function terminalIO(t: Terminal) {
    let stderr = '';
    const io = {
      stdout: () => {},
      stderr: (text: string) => void (stderr += text),
      env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY },
      stdoutIsTTY: false,
      stderrIsTTY: false,
      stdinIsTTY: true,
      columns: undefined,
      now: () => new Date(),
      cwd: () => process.cwd(),
      promptStreams: { input: t.input, output: t.output },
    };
    return { io, stderr: () => stderr };
  }

  it('close asks for the reason (a choice) and the feedback, then writes', async () => {
    const { main } = await import('../../src/cli/program.js');
    const p = programmeCopy();
    const t = new Terminal();
    const { io } = terminalIO(t);
    const done = main(['node', 'mentor-coord', 'close', '2026-11-bea-santos', '--dir', p.dir], io);
    await t.expect('Why does the match end?', KEY.enter); // completed, the first
    await t.expect("The mentor's feedback", 'A good year', KEY.enter);
    await t.expect("The mentee's feedback", KEY.enter);
    expect(await done).toBe(0);
    expect(parse(p.read('matches/2026-11-bea-santos.yaml')).closure).toEqual({ date: '2026-11-23', reason: 'completed', feedback: { mentor: 'A good year' } });
  });

  it('Ctrl-C at a question writes nothing and exits 130', async () => {
    const { main } = await import('../../src/cli/program.js');
    const p = programmeCopy();
    const before = p.read('matches/2026-11-bea-santos.yaml');
    const t = new Terminal();
    const { io, stderr } = terminalIO(t);
    const done = main(['node', 'mentor-coord', 'pause', '2026-11-bea-santos', '--dir', p.dir], io);
    await t.expect('Paused until', '2027-01-10', KEY.enter);
    await t.expect('Why', KEY.ctrlC);
    expect(await done).toBe(130);
    expect(stderr()).toContain('nothing was written');
    expect(p.read('matches/2026-11-bea-santos.yaml')).toBe(before);
  });
});
