// The phone day, interactively: the day's call sheet, call by call. Each call is written to its
// match file the moment it is answered, so Ctrl-C (or a crash, or a flat battery) loses nothing
// already recorded, and running the command again carries on with the calls still to make.
import { callSheet, OUTCOME_WORDS, type CallInput, type SheetEntry } from '../../core/checkin/index.js';
import { addDays, isIsoDate } from '../../core/dates.js';
import { EXIT, UserError } from '../../errors.js';
import { recordCall, warnUnsavedConcern } from '../../ops/record-call.js';
import { whileWriting } from '../../ops/workflow.js';
import { loadProgramme } from '../../store/load.js';
import { defineCommand, option } from '../command.js';
import type { Context } from '../context.js';
import { dateOption } from '../flags.js';
import { concernLines } from '../../render/calls.js';

export const command = defineCommand({
  name: 'checkin call',
  writes: true,
  description: "work through the day's calls interactively; each call is saved as soon as it is answered",
  options: {
    on: option.value('--on <date>', 'the day (default: today)'),
    by: option.value('--by <name>', 'who is making the calls'),
  },
  run,
});

export async function run(ctx: Context, _args: string[], flags: { on?: string | undefined; by?: string | undefined }): Promise<number> {
  if (!ctx.stdinIsTTY) {
    throw new UserError(
      'checkin call asks questions, so it needs a terminal',
      'In a script, record each call with: mentor-coord checkin record <match> --with mentor|mentee --outcome reached|no-answer|message|emailed [--rating N] [--action "..."] [--note "..."]',
    );
  }
  const on = dateOption('--on', flags.on, ctx.today, isIsoDate);
  if (on > ctx.today)
    throw new UserError(`--on ${on} is in the future`, 'Calls are recorded on the day they are made. To plan them, use mentor-coord checkin plan.');
  const loaded = loadProgramme(ctx.dir, { cache: ctx.cache });
  if (loaded.problems.length > 0) {
    const count = new Set(loaded.problems.map((p) => p.file)).size;
    ctx.stderr(
      `mentor-coord: warning: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} in ${count} file${count === 1 ? '' : 's'}: run mentor-coord validate. Calls on matches whose files have problems cannot be saved until they are fixed.\n`,
    );
  }
  const { model } = loaded;
  const entries = callSheet(model, on);
  const prompts = await import('@inquirer/prompts');
  const io = ctx.promptStreams;
  const say = (text: string) => (io ? io.output.write(`${text}\n`) : ctx.stderr(`${text}\n`));
  const c = ctx.errChalk;

  if (entries.length === 0) {
    say(`No calls are due on ${on}.`);
    return EXIT.ok;
  }
  say(
    c.bold(`${entries.length} call${entries.length === 1 ? '' : 's'} to make on ${on}.`) +
      ' Each call is saved as soon as you answer; Ctrl-C stops, and running this again carries on.',
  );
  say(`Questions to ask: ${model.settings.checkins.questions.join(' / ')}`);
  let recorded = 0;
  let notSaved = 0;
  try {
    for (const [i, entry] of entries.entries()) {
      say('');
      for (const line of describe(entry, i + 1, entries.length)) say(line);
      const outcome = await prompts.select(
        {
          message: `How did the call with ${entry.name} go?`,
          choices: [
            { name: 'Reached them', value: 'reached' },
            { name: 'No answer', value: 'no-answer' },
            { name: 'Left a message', value: 'message' },
            { name: 'Emailed instead', value: 'emailed' },
            { name: 'Skip for now', value: 'skip' },
            { name: 'Stop here', value: 'stop' },
          ],
        },
        io,
      );
      if (outcome === 'skip') continue;
      if (outcome === 'stop') break;
      const input: CallInput = { with: entry.with, outcome, date: on, ...(flags.by ? { by: flags.by } : {}) };
      if (outcome === 'reached' || outcome === 'emailed') Object.assign(input, await askAnswers(prompts, io, entry, on));
      // Each call is saved through the same path as `checkin record`: under the write lock, on
      // the folder as it is now (a colleague may have written since the session began). A call
      // that cannot be saved is said so plainly, and the session goes on to the next call.
      try {
        await whileWriting(ctx, 'checkin call', (now) => recordCall(ctx, now, entry.match, input));
        recorded++;
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        if (input.safeguarding) warnUnsavedConcern(ctx, model);
        say(c.red(`This call was NOT saved: ${error.message}`));
        if (error.hint) say(`  ${error.hint}`);
        notSaved++;
      }
    }
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      say('');
      say(
        `Stopped. ${recorded} call${recorded === 1 ? '' : 's'} recorded and saved; the call you were on was not. Run \`mentor-coord checkin call\` again to carry on.`,
      );
      // Stopped by the person, as at any prompt: the exit code a shell expects after Ctrl-C.
      return EXIT.interrupted;
    }
    throw error;
  }
  say('');
  say(`Done: ${recorded} call${recorded === 1 ? '' : 's'} recorded${notSaved > 0 ? `; ${notSaved} could not be saved (see above)` : ''}.`);
  return EXIT.ok;
}

function describe(e: SheetEntry, n: number, total: number): string[] {
  const lines = [`[${n}/${total}] ${e.name} (${e.with})  ${[e.phone, e.email].filter(Boolean).join('  ')}`];
  // An open concern on the match comes before anything else, with the lead for a safeguarding one.
  for (const line of concernLines(e, true)) lines.push(`  ${line}`);
  lines.push(
    `  ${e.days_overdue > 0 ? `${e.days_overdue} days overdue (due ${e.due})` : e.days_overdue === 0 ? 'due today' : `planned today, due ${e.due}`}; match ${e.match} with ${e.partner.name}; first meeting ${e.first_meeting}`,
  );
  if (e.last_contact) {
    lines.push(
      `  Last contact ${e.last_contact.date} (${OUTCOME_WORDS[e.last_contact.outcome]})${e.last_contact.actions.length ? `; agreed: ${e.last_contact.actions.join('; ')}` : ''}`,
    );
  }
  if (e.attempts.length > 0) lines.push(`  Tried since: ${e.attempts.map((a) => `${a.date} (${OUTCOME_WORDS[a.outcome]})`).join(', ')}`);
  return lines;
}

type Prompts = typeof import('@inquirer/prompts');
type IO = Context['promptStreams'];

async function askAnswers(prompts: Prompts, io: IO, entry: SheetEntry, on: string): Promise<Partial<CallInput>> {
  const answers: Partial<CallInput> = {};
  const rating = await prompts.select(
    {
      message: 'How is it going (1-5)?',
      choices: [
        { name: '5 very well', value: '5' },
        { name: '4 well', value: '4' },
        { name: '3 so-so', value: '3' },
        { name: '2 not well', value: '2' },
        { name: '1 badly', value: '1' },
        { name: 'not asked', value: '' },
      ],
    },
    io,
  );
  if (rating) answers.rating = rating;
  const yesNo = (message: string) =>
    prompts.select(
      {
        message,
        choices: [
          { name: 'yes', value: 'yes' },
          { name: 'no', value: 'no' },
          { name: 'not asked', value: '' },
        ],
      },
      io,
    );
  const good = await yesNo('A good match?');
  if (good) answers.good_match = good;
  const prepared = await yesNo(entry.with === 'mentee' ? 'Did you come prepared?' : 'Was the mentee prepared?');
  if (prepared) answers.prepared = prepared;
  // The programme's own questions (programme.yaml: checkins.questions), each one skippable.
  const said: Record<string, string> = {};
  for (const question of entry.questions) {
    const answer = (await prompts.input({ message: `${question} (Enter to skip)` }, io)).trim();
    if (answer) said[question] = answer;
  }
  if (Object.keys(said).length > 0) answers.answers = said;
  const actions: string[] = [];
  for (;;) {
    const action = await prompts.input(
      { message: actions.length === 0 ? 'An action agreed for the next meeting (Enter for none):' : 'Another action (Enter when done):' },
      io,
    );
    if (!action.trim()) break;
    actions.push(action.trim());
  }
  if (actions.length > 0) answers.actions = actions;
  const concern = await prompts.input({ message: 'Any concern? Describe it (Enter for none):' }, io);
  if (concern.trim()) {
    answers.concern = concern.trim();
    answers.safeguarding = await prompts.confirm({ message: 'Is it a safeguarding concern (someone may be at risk of harm)?', default: false }, io);
  }
  const note = await prompts.input({ message: 'Notes from the call (Enter for none):' }, io);
  if (note.trim()) answers.note = note.trim();
  const next = await prompts.input(
    {
      message: 'Next contact agreed for (YYYY-MM-DD, Enter for the usual schedule):',
      validate: (v) => v.trim() === '' || (isIsoDate(v.trim()) && v.trim() > on) || `A date after ${on}, like ${addDays(on, 7)}, or Enter`,
    },
    io,
  );
  if (next.trim()) answers.next = next.trim();
  return answers;
}
