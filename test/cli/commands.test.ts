// Commands describe themselves: each module's name and option keys agree with commander, and
// every command the core's messages advise is one the tool has.
import { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { ADVICE } from '../../src/core/advice.js';
import { COMMANDS, commandsFor, GROUPS } from '../../src/cli/program.js';

describe('command modules', () => {
  it('each calls itself by its name in the list, and names its options as commander does', async () => {
    for (const [name, load] of Object.entries(COMMANDS)) {
      const { command } = await load();
      expect(command.name).toBe(name);
      for (const [key, spec] of Object.entries(command.options)) expect(new Option(spec.flags).attributeName(), `${name} ${spec.flags}`).toBe(key);
    }
  });

  it('loads only the command being run, and every command for help', () => {
    expect(commandsFor(['overdue', '--format', 'json'])).toEqual(['overdue']);
    expect(commandsFor(['--dir', 'checkin', 'checkin', 'plan', '--days', 'x'])).toEqual(['checkin plan']);
    expect(commandsFor(['checkin', '--on', '2026-11-24'])).toEqual([`checkin ${GROUPS.checkin!.default}`]);
    expect(commandsFor(['--version'])).toEqual([]);
    expect(commandsFor(['checkin', '--help'])).toEqual(Object.keys(COMMANDS));
    expect(commandsFor(['help', 'checkin', 'plan'])).toEqual(Object.keys(COMMANDS));
    expect(commandsFor(['overdeu'])).toEqual(Object.keys(COMMANDS));
  });

  it('advises only commands that exist', () => {
    for (const advice of Object.values(ADVICE)) {
      const line = typeof advice === 'function' ? (advice as (...a: unknown[]) => string)('m', ['mentor']) : advice;
      const [, first, second] = line.split(' ');
      const known = [...Object.keys(COMMANDS), ...Object.keys(GROUPS)];
      expect(known.includes(`${first} ${second}`) || known.includes(first!), line).toBe(true);
    }
  });
});
