import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/init.js';
import { makeContext } from '../../src/cli/context.js';
import { KEY, Terminal } from '../fixtures/terminal.js';
import { mc, EXAMPLE, tempDir } from '../helpers.js';
import { INIT_CONTACTS } from '../fixtures/programme.js';

describe('init', () => {
  it('creates a new programme that validates, with editor schemas and a .gitignore', async () => {
    const dir = join(tempDir(), 'north-youth');
    const run = await mc(['init', dir, '--name', 'North Youth: Mentoring', ...INIT_CONTACTS]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Created the programme folder');
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'README.md', 'matches', 'mentees', 'mentors', 'programme.yaml', 'schema']);
    const programme = readFileSync(join(dir, 'programme.yaml'), 'utf8');
    expect(programme.split('\n')[0]).toBe('# yaml-language-server: $schema=schema/programme.schema.json');
    expect(programme).toContain('name: "North Youth: Mentoring"');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('.mentor-coord/');
    const schema = JSON.parse(readFileSync(join(dir, 'schema', 'mentor.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain('onboarding');
    expect(await mc(['validate', '--dir', dir])).toMatchObject({ code: 0, stderr: '' });
  });

  it('refuses a folder that already holds a programme, and changes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'programme.yaml'), 'name: Mine\n');
    const run = await mc(['init', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/already holds a programme/);
    expect(readdirSync(dir)).toEqual(['programme.yaml']);
    expect(readFileSync(join(dir, 'programme.yaml'), 'utf8')).toBe('name: Mine\n');
  });

  it('with --example, copies the example programme', async () => {
    const dir = join(tempDir(), 'try');
    expect((await mc(['init', dir, '--example'])).code).toBe(0);
    expect(readdirSync(join(dir, 'matches')).sort()).toEqual(readdirSync(join(EXAMPLE, 'matches')).sort());
    expect(readFileSync(join(dir, 'mentors', 'zoe-angstrom.yaml'), 'utf8')).toBe(readFileSync(join(EXAMPLE, 'mentors', 'zoe-angstrom.yaml'), 'utf8'));
    expect(existsSync(join(dir, '.mentor-coord'))).toBe(false);
    expect((await mc(['validate', '--dir', dir])).code).toBe(0);
  });
});

describe('schema', () => {
  it('writes one JSON Schema per kind of file', async () => {
    const out = join(tempDir(), 'schemas');
    const run = await mc(['schema', '--out', out, '--json', '--dir', EXAMPLE]);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['match.schema.json', 'mentee.schema.json', 'mentor.schema.json', 'programme.schema.json']);
    const match = JSON.parse(readFileSync(join(out, 'match.schema.json'), 'utf8')) as { required: string[]; additionalProperties: boolean };
    expect(match.required).toEqual(expect.arrayContaining(['mentor', 'mentee', 'status']));
    expect(match.additionalProperties).toBe(false);
  });

  it("keeps the example programme's schemas up to date", async () => {
    const out = join(tempDir(), 'schemas');
    await mc(['schema', '--out', out, '--dir', EXAMPLE]);
    for (const file of readdirSync(out)) {
      expect(readFileSync(join(EXAMPLE, 'schema', file), 'utf8'), `run: mentor-coord schema --dir examples/riverside`).toBe(
        readFileSync(join(out, file), 'utf8'),
      );
    }
  });
});

describe('the command line', () => {
  it('prints its version and help, exit 0', async () => {
    const version = await mc(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version);
    const help = await mc(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate/);
    expect(help.stdout).toMatch(/Exit codes: 0 all well, 1 findings/);
    const bare = await mc([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/Usage: mentor-coord/);
  });

  it('uses colour only when asked on a non-terminal, and never with NO_COLOR or --no-color', async () => {
    const dir = join(tempDir(), 'p');
    await mc(['init', dir]);
    writeFileSync(join(dir, 'mentors', 'x.yaml'), 'nam: X\n');
    expect((await mc(['validate', '--dir', dir])).stderr).not.toMatch(/\u001b\[/);
    expect((await mc(['validate', '--dir', dir], { env: { FORCE_COLOR: '1' } })).stderr).toMatch(/\u001b\[/);
    expect((await mc(['validate', '--dir', dir], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stderr).not.toMatch(/\u001b\[/);
    expect((await mc(['validate', '--dir', dir, '--no-color'], { env: { FORCE_COLOR: '1' } })).stderr).not.toMatch(/\u001b\[/);
    expect((await mc(['validate', '--dir', dir], { env: { FORCE_COLOR: '1', TERM: 'dumb' } })).stderr).not.toMatch(/\u001b\[/);
  });
});

describe('init: who to contact', () => {
  it('leaves placeholders that validate reports, naming the fields to fill in', async () => {
    const dir = join(tempDir(), 'unfilled');
    expect((await mc(['init', dir, '--coordinator-name', 'Amara Okafor'])).code).toBe(0);
    const run = await mc(['validate', '--json', '--dir', dir]);
    expect(run.code).toBe(1);
    const problems = (JSON.parse(run.stdout) as { problems: { code: string; message: string }[] }).problems;
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['placeholder-contact', "the coordinator's phone and email are still a placeholder"],
      ['placeholder-contact', "the safeguarding lead's name, phone and email are still a placeholder"],
    ]);
  });

  it('asks for the contacts on a terminal, and Enter leaves one to fill in later', async () => {
    const dir = join(tempDir(), 'asked');
    const terminal = new Terminal();
    const ctx = { ...makeContext({ dir: '.' }), stdinIsTTY: true, promptStreams: { input: terminal.input, output: terminal.output }, stderr: () => {} };
    const done = command.run(ctx, [dir], { name: 'Asked' });
    await terminal.expect("The coordinator's name", 'Amara Okafor', KEY.enter);
    await terminal.expect("The coordinator's phone", '+44 20 7946 0100', KEY.enter);
    await terminal.expect("The coordinator's email", 'amara@example.org', KEY.enter);
    await terminal.expect("The safeguarding lead's name", 'Declan Murphy', KEY.enter);
    await terminal.expect("The safeguarding lead's phone", '+44 20 7946 0199', KEY.enter);
    await terminal.expect("The safeguarding lead's email", KEY.enter);
    expect(await done).toBe(0);
    const programme = readFileSync(join(dir, 'programme.yaml'), 'utf8');
    expect(programme).toContain('safeguarding_lead:\n  name: Declan Murphy\n  email: "FILL IN: the safeguarding lead\'s email"\n  phone: "+44 20 7946 0199"');
    const problems = (JSON.parse((await mc(['validate', '--json', '--dir', dir])).stdout) as { problems: { message: string }[] }).problems;
    expect(problems.map((p) => p.message)).toEqual(["the safeguarding lead's email is still a placeholder"]);
  });

  it('copies a .gitignore with --example, so the cache and agreements stay out of git', async () => {
    const dir = join(tempDir(), 'example');
    expect((await mc(['init', dir, '--example'])).code).toBe(0);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('.mentor-coord/');
  });
});
