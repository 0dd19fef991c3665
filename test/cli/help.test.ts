// Help is complete and consistent: every command shows the global options and the exit codes,
// `help <group> <command>` works, and the README speaks of every command and exit code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, GROUPS } from '../../src/cli/program.js';
import { EXAMPLE, mc, ROOT } from '../helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('help', () => {
  for (const name of Object.keys(COMMANDS)) {
    it(`${name} --help lists its own and the global options, and every exit code`, async () => {
      const help = (await mc([...name.split(' '), '--help'])).stdout;
      const { command } = await COMMANDS[name]!();
      for (const option of Object.values(command.options)) expect(help).toContain(option.flags.split(' ')[0]);
      for (const global of ['--dir <folder>', '--today <date>', '--json', '--no-color']) expect(help).toContain(global);
      expect(help).toMatch(/Exit codes: 0 .*, 1 .*, 2 .*, 70 .*, 130 /);
      expect(help).not.toContain('(default: [])');
      expect(README, `README.md should show mentor-coord ${name}`).toContain(`mentor-coord ${name}`);
    });
  }

  it("help <group> <command> is that command's help, and a group says what it runs by default", async () => {
    expect((await mc(['help', 'checkin', 'plan'])).stdout).toBe((await mc(['checkin', 'plan', '--help'])).stdout);
    const group = (await mc(['checkin', '--help'])).stdout;
    expect(group).toContain(`With no subcommand, "checkin" runs "checkin ${GROUPS.checkin!.default}"`);
  });

  it('the README lists every exit code', () => {
    for (const code of ['0', '1', '2', '70', '130']) expect(README).toMatch(new RegExp(`\\n\\| ${code} \\|`));
  });
});

describe('run from inside the programme folder', () => {
  it('finds programme.yaml above, as git does, and says which folder it uses', async () => {
    const run = await mc(['validate'], { cwd: join(EXAMPLE, 'matches') });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`mentor-coord: using the programme folder ${EXAMPLE}\n`);
    expect((await mc(['validate'], { cwd: EXAMPLE })).stderr).toBe('');
  });
});
