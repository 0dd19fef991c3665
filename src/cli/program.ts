// The command line: commander, the list of commands and nothing heavy. Each command's module
// describes itself (src/cli/command.ts) and is imported only when that command runs, or when
// help must list every command; esbuild puts each in its own chunk, so `--version` and
// `overdue` start fast.
import { Command, CommanderError, Option } from 'commander';
import { printable } from '../core/printable.js';
import { EXIT, Exit, UserError } from '../errors.js';
import type { CommandSpec, OptionSpecs } from './command.js';
import type { GlobalOptions } from './context.js';
import type { IO } from './io.js';

import pkg from '../../package.json' with { type: 'json' };

type Loader = () => Promise<{ command: CommandSpec<OptionSpecs> }>;

/** Every command, by name; a name with a space is a subcommand of a group. */
export const COMMANDS: Record<string, Loader> = {
  validate: async () => (await import('./commands/validate.js')) as never,
  overdue: async () => (await import('./commands/overdue.js')) as never,
  'checkin sheet': async () => (await import('./commands/checkin-sheet.js')) as never,
  'checkin plan': async () => (await import('./commands/checkin-plan.js')) as never,
  'checkin record': async () => (await import('./commands/checkin-record.js')) as never,
  'checkin call': async () => (await import('./commands/checkin-call.js')) as never,
  'checkin follow-up': async () => (await import('./commands/checkin-follow-up.js')) as never,
  'match propose': async () => (await import('./commands/match-propose.js')) as never,
  'match explain': async () => (await import('./commands/match-explain.js')) as never,
  'match confirm': async () => (await import('./commands/match-confirm.js')) as never,
  'match decline': async () => (await import('./commands/match-decline.js')) as never,
  'agreement write': async () => (await import('./commands/agreement-write.js')) as never,
  'agreement sign': async () => (await import('./commands/agreement-sign.js')) as never,
  log: async () => ({ command: (await import('./commands/lifecycle.js')).log }) as never,
  concern: async () => ({ command: (await import('./commands/lifecycle.js')).concern }) as never,
  review: async () => ({ command: (await import('./commands/lifecycle.js')).review }) as never,
  pause: async () => ({ command: (await import('./commands/lifecycle.js')).pauseCommand }) as never,
  resume: async () => ({ command: (await import('./commands/lifecycle.js')).resumeCommand }) as never,
  extend: async () => ({ command: (await import('./commands/lifecycle.js')).extendCommand }) as never,
  close: async () => ({ command: (await import('./commands/lifecycle.js')).closeCommand }) as never,
  evaluate: async () => ({ command: (await import('./commands/lifecycle.js')).evaluateCommand }) as never,
  onboard: async () => ({ command: (await import('./commands/lifecycle.js')).onboardCommand }) as never,
  'set-status': async () => ({ command: (await import('./commands/lifecycle.js')).setStatusCommand }) as never,
  add: async () => (await import('./commands/add.js')) as never,
  show: async () => ({ command: (await import('./commands/lookup.js')).show }) as never,
  list: async () => ({ command: (await import('./commands/lookup.js')).list }) as never,
  'merge-file': async () => (await import('./commands/merge-file.js')) as never,
  'git setup': async () => (await import('./commands/git-setup.js')) as never,
  sync: async () => (await import('./commands/sync.js')) as never,
  init: async () => (await import('./commands/init.js')) as never,
  cron: async () => (await import('./commands/cron.js')) as never,
  schema: async () => (await import('./commands/schema.js')) as never,
};

/** Groups of subcommands: their description, and the subcommand run when none is named. */
export const GROUPS: Record<string, { description: string; default: string }> = {
  checkin: { description: "check-in calls: the day's call sheet (the default), phone-day plans, recording calls and follow-ups", default: 'sheet' },
  git: { description: 'share the programme through git: git setup lets git merge records itself', default: 'setup' },
  agreement: { description: 'the mentoring agreement of a match as Markdown and PDF (the default), and its signatures', default: 'write' },
  match: { description: 'propose the best mentor for each waiting mentee (the default), explain a choice, confirm or decline a proposal', default: 'propose' },
};

export const EXIT_CODES_HELP =
  'Exit codes: 0 all well, 1 findings (problems, overdue items with --exit-code), 2 usage errors, unreadable input or a write the folder refused, 70 a bug in mentor-coord, 130 stopped with Ctrl-C.';

/** Global options that take a value (so the value is not mistaken for a command's name). */
const GLOBAL_VALUES = new Set(['--dir', '--today']);

/** Which command modules this command line needs: one, or all of them for help. */
export function commandsFor(argv: string[]): string[] {
  const all = Object.keys(COMMANDS);
  const words: string[] = [];
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--help' || token === '-h') help = true;
    else if (token === '--version' || token === '-V') version = true;
    else if (GLOBAL_VALUES.has(token)) i++;
    else if (!token.startsWith('-')) words.push(token);
  }
  const [first, second] = words;
  if (first === undefined) return version && !help ? [] : all;
  if (first === 'help' || help) return all;
  if (GROUPS[first]) {
    const sub = second !== undefined && COMMANDS[`${first} ${second}`] ? second : GROUPS[first].default;
    return [`${first} ${sub}`];
  }
  return COMMANDS[first] ? [first] : all;
}

export async function buildProgram(argv: string[], io: IO): Promise<Command> {
  const program = new Command('mentor-coord')
    .description("The coordinator's tool for a mentoring or befriending programme kept as a folder of YAML files.")
    .version(pkg.version, '-V, --version')
    .addOption(
      new Option(
        '--dir <folder>',
        'the programme folder (default: MENTOR_COORD_DIR, else the current folder or the nearest one above it that holds programme.yaml)',
      ),
    )
    .addOption(new Option('--today <date>', 'the date to work from, YYYY-MM-DD (default: MENTOR_COORD_TODAY or today)'))
    .addOption(new Option('--json', 'machine-readable output on stdout'))
    .addOption(new Option('--no-color', 'no colour (also: NO_COLOR=1, TERM=dumb, or output not a terminal)'))
    .addOption(new Option('--no-cache', 'parse every file afresh instead of using .mentor-coord/ in the programme folder'))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text) })
    // Every command's help lists --dir, --today, --json ... too (subcommands inherit this).
    .configureHelp({ showGlobalOptions: true });
  program.addHelpText('after', `\n${EXIT_CODES_HELP}\nDocs: README.md and docs/ in the mentor-coord folder.`);

  const wanted = new Set(commandsFor(argv.slice(2)));
  const groups = new Map<string, Command>();
  // In the order of COMMANDS, so help lists them the same way every time.
  for (const [name, load] of Object.entries(COMMANDS)) {
    if (!wanted.has(name)) continue;
    const { command: spec } = await load();
    if (spec.name !== name) throw new Error(`command module for "${name}" calls itself "${spec.name}"`);
    const [groupName, subName] = name.split(' ') as [string, string | undefined];
    let parent = program;
    if (subName !== undefined) {
      let group = groups.get(groupName);
      if (!group) {
        group = program.command(groupName).description(GROUPS[groupName]!.description);
        const def = GROUPS[groupName]!.default;
        group.addHelpText(
          'after',
          `\nWith no subcommand, "${groupName}" runs "${groupName} ${def}", with its options (see mentor-coord ${groupName} ${def} --help).\n${EXIT_CODES_HELP}`,
        );
        groups.set(groupName, group);
      }
      parent = group;
    }
    const isDefault = subName !== undefined && GROUPS[groupName]!.default === subName;
    register(parent.command(subName ?? groupName, isDefault ? { isDefault: true } : {}), spec, io);
  }
  return program;
}

function register(command: Command, spec: CommandSpec<OptionSpecs>, io: IO): void {
  command.description(spec.description);
  for (const arg of spec.arguments ?? []) command.argument(arg.name, arg.description);
  for (const opt of Object.values(spec.options)) {
    if (opt.kind === 'repeat') command.option(opt.flags, opt.description, (value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    else if (opt.defaultValue !== undefined) command.option(opt.flags, opt.description, opt.defaultValue);
    else command.option(opt.flags, opt.description);
  }
  if (spec.writes) {
    command.option('--commit', 'commit the change to git, its message saying what changed (also: git.commit: true in programme.yaml)');
  }
  command.addHelpText('after', `${spec.helpAfter ?? ''}\n${EXIT_CODES_HELP}`);
  command.action(async (...args: unknown[]) => {
    const self = args[args.length - 1] as Command;
    const positional = args.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a.map(String) : a === undefined ? [] : [String(a)]));
    const { makeContext } = await import('./context.js');
    const ctx = makeContext(self.optsWithGlobals() as GlobalOptions, io, spec.programme !== false);
    const options = self.opts();
    // A repeatable option not given is an empty list (set here, so help shows no "default: []").
    for (const [key, opt] of Object.entries(spec.options)) if (opt.kind === 'repeat' && options[key] === undefined) options[key] = [];
    let code = await spec.run(ctx, positional, options as never);
    if (spec.writes) {
      const { commitWritten } = await import('./commit.js');
      code = Math.max(code, commitWritten(ctx, spec.name, options.commit === true));
    }
    if (code !== 0) throw new Exit(code);
  });
}

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argvIn: string[], io: IO): Promise<number> {
  // `help checkin plan` is `checkin plan --help` (commander's own help command takes one word).
  const argv = argvIn[2] === 'help' && argvIn.length > 3 ? [...argvIn.slice(0, 2), ...argvIn.slice(3), '--help'] : argvIn;
  try {
    const program = await buildProgram(argv, io);
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: IO): number {
  if (error instanceof Exit) return error.exitCode;
  if (error instanceof CommanderError) {
    // Help and version are not errors; everything else commander rejects is a usage error.
    // (Help shown because no command was given is a usage error: commander.help with exit code 1.)
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    return EXIT.usage;
  }
  // Ctrl-C at a prompt outside a command's own handling (init's questions, say): nothing was written.
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
    io.stderr('\nStopped; nothing was written.\n');
    return EXIT.interrupted;
  }
  if (error instanceof UserError) {
    // Messages may quote what was typed: never let it move the terminal's cursor.
    io.stderr(`mentor-coord: ${printable(error.message)}\n${error.hint ? `  hint: ${printable(error.hint)}\n` : ''}`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(
    `mentor-coord: internal error (this is a bug in mentor-coord, not a problem with your files)\n${stack}\n` +
      'Please report it with the command you ran; your programme files have not been changed by the failed step.\n',
  );
  return 70;
}
