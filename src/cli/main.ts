// The entry point: commander and nothing heavy. Each command's module (and its dependencies) is
// imported only when that command runs, so `--version` and `overdue` start fast.
import { Command, CommanderError, Option } from 'commander';
import { EXIT, Exit, UserError } from './errors.js';
import type { Context, GlobalOptions } from './context.js';

import pkg from '../../package.json' with { type: 'json' };

const VERSION = pkg.version;
// Kept in step with src/core/overdue/ids.ts (a test checks); listed here so --help needs no import.
const RULE_LIST = 'concern-open, onboarding-incomplete, background-check-expiring, checkin-overdue, first-meeting-missing, meeting-gap, agreement-unsigned, review-due, pause-ended, closure-due, unmatched-waiting';

type Run = (ctx: Context, args: unknown[], options: Record<string, unknown>) => Promise<number>;

export function buildProgram(): Command {
  const program = new Command('mentor-coord')
    .description('The coordinator\'s tool for a mentoring or befriending programme kept as a folder of YAML files.')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--dir <folder>', 'the programme folder (default: MENTOR_COORD_DIR or the current folder)'))
    .addOption(new Option('--today <date>', 'the date to work from, YYYY-MM-DD (default: MENTOR_COORD_TODAY or today)'))
    .addOption(new Option('--json', 'machine-readable output on stdout'))
    .addOption(new Option('--no-color', 'no colour (also: NO_COLOR=1, TERM=dumb, or output not a terminal)'))
    .addOption(new Option('--no-cache', 'parse every file afresh instead of using .mentor-coord/ in the programme folder'))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  program.addHelpText('after', '\nExit codes: 0 all well, 1 findings (problems, overdue items with --exit-code), 2 usage errors or unreadable input.\nDocs: README.md and docs/ in the mentor-coord folder.');

  const action = (load: () => Promise<{ run: Run }>) =>
    async function (this: Command, ...args: unknown[]) {
      const command = args[args.length - 1] as Command;
      const positional = args.slice(0, -2);
      const options = command.opts();
      const { makeContext } = await import('./context.js');
      const ctx = makeContext(command.optsWithGlobals() as GlobalOptions);
      const { run } = await load();
      const code = await run(ctx, positional, options);
      if (code !== 0) throw new Exit(code);
    };

  program
    .command('validate')
    .description('check the programme folder: silent and exit 0 when all is well, every problem with its file and line otherwise')
    .action(action(() => import('./commands/validate.js')));

  program
    .command('overdue')
    .description('the morning report: who and what is overdue, most overdue first, with what to do')
    .option('--by <grouping>', 'group by rule, person or match', 'rule')
    .option('--format <format>', 'table, markdown (for email), csv or json', 'table')
    .option('--quiet', 'print nothing at all when nothing is overdue (for cron)')
    .option('--exit-code', 'exit 1 when anything is overdue')
    .option('--rule <id...>', `only these rules (${RULE_LIST})`)
    .option('--severity <level>', 'only items of at least this severity: high, medium or low')
    .option('--match <id>', 'only items about this match')
    .option('--person <id>', 'only items about this person')
    .option('--within <period>', 'also list what falls due within this period (7d, 2w), marked as coming up')
    .addHelpText('after', '\nSafeguarding concerns are always shown: only --rule can leave them out.')
    .action(action(() => import('./commands/overdue.js')));

  const checkin = program
    .command('checkin')
    .description("check-in calls: the day's call sheet (the default), phone-day plans, recording calls and follow-ups");
  checkin
    .command('sheet', { isDefault: true })
    .description('the calls due on a day, overdue first, with phone numbers, what was agreed last time and the questions to ask')
    .option('--on <date>', 'the day (default: today)')
    .option('--format <format>', 'table, markdown (to print) or json', 'table')
    .action(action(() => import('./commands/checkin-sheet.js')));
  checkin
    .command('plan')
    .description('put the calls due by the last of the given days into time slots on those days')
    .option('--days <dates>', 'the phone days, comma-separated: 2026-11-24,2026-11-26')
    .option('--per-day <n>', 'calls per day (default: phone_days.per_day)')
    .option('--from <HH:MM>', 'the first slot (default: phone_days.from)')
    .option('--slot <length>', 'the length of a slot, e.g. 20min (default: phone_days.slot)')
    .option('--ics <file>', 'also write the plan as an iCalendar file for your calendar')
    .option('--apply', 'record the planned slots on each match (planned_calls)')
    .action(action(() => import('./commands/checkin-plan.js')));
  checkin
    .command('record')
    .description('record one call (or email) with the mentor or the mentee of a match')
    .argument('<match>', 'the match id (its file name in matches/)')
    .option('--with <side>', 'mentor or mentee')
    .option('--outcome <outcome>', 'reached, no-answer, message (left one) or emailed')
    .option('--date <date>', 'when (default: today; never in the future)')
    .option('--rating <1-5>', 'how it is going')
    .option('--good-match <yes|no>', 'is it a good match?')
    .option('--prepared <yes|no>', 'was the mentee prepared?')
    .option('--action <text>', 'an action agreed for the next meeting (repeat for more)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--concern <text>', 'a concern raised on the call; stays on the overdue report until followed up')
    .option('--safeguarding', 'the concern is a safeguarding concern')
    .option('--note <text>', 'notes from the call')
    .option('--next <date>', 'the next contact agreed')
    .option('--by <name>', 'who made the call')
    .action(action(() => import('./commands/checkin-record.js')));
  checkin
    .command('call')
    .description("work through the day's calls interactively; each call is saved as soon as it is answered")
    .option('--on <date>', 'the day (default: today)')
    .option('--by <name>', 'who is making the calls')
    .action(action(() => import('./commands/checkin-call.js')));
  checkin
    .command('follow-up')
    .description('record what was done about a concern, which takes it off the overdue report')
    .argument('<match>', 'the match id')
    .option('--note <text>', 'what was done: who was told, what was decided')
    .option('--date <date>', 'when (default: today)')
    .option('--by <name>', 'who followed it up')
    .option('--concern <n>', 'which open concern, when the match has several')
    .action(action(() => import('./commands/checkin-follow-up.js')));

  program
    .command('init')
    .description('create a new programme folder')
    .argument('<folder>', 'the folder to create (it may exist, but must not hold a programme)')
    .option('--example', 'fill it with the example programme instead of an empty one')
    .option('--name <name>', 'the programme\'s name')
    .action(action(() => import('./commands/init.js')));

  program
    .command('schema')
    .description('write JSON Schemas of the programme files, for editors with a YAML language server')
    .option('--out <folder>', 'where to write them (default: <dir>/schema)')
    .action(action(() => import('./commands/schema.js')));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof Exit) return error.exitCode;
  if (error instanceof CommanderError) {
    // Help and version are not errors; everything else commander rejects is a usage error.
    // (Help shown because no command was given is a usage error: commander.help with exit code 1.)
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof UserError) {
    process.stderr.write(`mentor-coord: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `mentor-coord: internal error (this is a bug in mentor-coord, not a problem with your files)\n${stack}\n` +
      'Please report it with the command you ran; your programme files have not been changed by the failed step.\n',
  );
  return 70;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `mentor-coord overdue | head`: the reader went away; that is not our failure.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
