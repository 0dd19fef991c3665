// The rest of a relationship's life, one command each: log, concern, review, pause, resume,
// extend, close, evaluate, onboard, set-status. Each parses its options, lets the core build the
// edits, and writes them through the one workflow (lock, only the files it touches must be clean,
// read back as validate reads it, atomic).
import { isIsoDate } from '../../core/dates.js';
import { close, evaluate, extend, logMeeting, onboard, pause, raiseConcern, recordReview, resume, setStatus, type Built } from '../../core/lifecycle/edits.js';
import type { Loaded } from '../../core/model.js';
import { CLOSURE_REASONS, type Match } from '../../core/schema/index.js';
import { EXIT, UserError } from '../../errors.js';
import { warnConcern, warnSafeguardingClosure, warnUnsavedConcern } from '../../ops/record-call.js';
import { findMatch, findPerson, RESOLVED_BY_CLOSING, whileWriting, writeChanges } from '../../ops/workflow.js';
import type { LoadedProgramme } from '../../store/load.js';
import { defineCommand, option } from '../command.js';
import type { Context } from '../context.js';
import { dateOption, inputError } from '../flags.js';

const MATCH_ARG = [{ name: '<match>', description: 'the match id (its file name in matches/)' }];
const day = (ctx: Context, value: string | undefined, flag = '--date') => dateOption(flag, value, ctx.today, isIsoDate);

interface Question {
  key: string;
  message: string;
  /** Choices for a select; a yes/no question when 'confirm'. */
  choices?: readonly string[] | 'confirm';
  /** Asked even when the command could do without (Enter skips). */
  optional?: boolean;
}

/**
 * On a terminal, what the command needs and was not given is asked for (before the write lock is
 * taken: nobody waits while a person types). In a script nothing is asked: the core says which
 * option is missing. Ctrl-C stops with nothing written (exit 130).
 */
async function ask<F extends object>(ctx: Context, flags: F, questions: Question[]): Promise<F> {
  const missing = questions.filter((q) => (flags as Record<string, unknown>)[q.key] === undefined);
  if (!ctx.stdinIsTTY || missing.length === 0) return flags;
  const prompts = await import('@inquirer/prompts');
  const io = ctx.promptStreams;
  const out = { ...flags } as Record<string, unknown>;
  for (const q of missing) {
    if (q.choices === 'confirm') out[q.key] = await prompts.confirm({ message: q.message, default: false }, io);
    else if (q.choices) out[q.key] = await prompts.select({ message: q.message, choices: q.choices.map((c) => ({ name: c, value: c })) }, io);
    else {
      const answer = (
        await prompts.input(
          {
            message: `${q.message}${q.optional ? ' (Enter to skip)' : ''}:`,
            ...(q.optional ? {} : { validate: (v: string) => v.trim() !== '' || 'Please answer, or Ctrl-C to stop' }),
          },
          io,
        )
      ).trim();
      if (answer) out[q.key] = answer;
    }
  }
  return out as F;
}

/** The recipe: under the lock, find the match, build, write, say what was done. */
function onMatch(
  ctx: Context,
  name: string,
  id: string,
  build: (loaded: LoadedProgramme, match: Loaded<Match>) => Built,
  said: (match: Loaded<Match>, loaded: LoadedProgramme) => string,
  tolerate: readonly string[] = [],
): Promise<number> {
  return whileWriting(ctx, name, (loaded) => {
    const match = findMatch(ctx, loaded, id);
    const built = build(loaded, match);
    if (!built.ok) throw inputError(built, 'Nothing was written.');
    writeChanges(ctx, loaded, built.changes, tolerate);
    ctx.stderr(`${said(match, loaded)}\n`);
    return EXIT.ok;
  });
}

export const log = defineCommand({
  name: 'log',
  writes: true,
  description: 'record a meeting of a match (the first one logged becomes the first meeting)',
  arguments: MATCH_ARG,
  options: {
    date: option.value('--date <date>', 'when they met (default: today)'),
    length: option.value('--length <length>', 'how long, e.g. 1h or 45min'),
    where: option.value('--where <place>', 'where they met'),
    note: option.value('--note <text>', 'a note about the meeting'),
  },
  run: (ctx, args, f) =>
    onMatch(
      ctx,
      'log',
      args[0]!,
      (_l, match) =>
        logMeeting(
          match,
          { date: day(ctx, f.date), ...(f.length ? { length: f.length } : {}), ...(f.where ? { where: f.where } : {}), ...(f.note ? { note: f.note } : {}) },
          ctx.today,
        ),
      (match) => `Logged the meeting of ${day(ctx, f.date)} in ${match.file}${match.data.first_meeting === undefined ? ' (their first meeting)' : ''}.`,
    ),
});

export const concern = defineCommand({
  name: 'concern',
  writes: true,
  description: 'record a concern raised outside a call; it stays on the overdue report until followed up',
  arguments: MATCH_ARG,
  options: {
    text: option.value('--text <text>', 'the concern, in the words you were told'),
    safeguarding: option.flag('--safeguarding', 'someone may be at risk of harm'),
    date: option.value('--date <date>', 'when it was raised (default: today)'),
  },
  async run(ctx, args, given): Promise<number> {
    const f = await ask(ctx, given, [
      { key: 'text', message: 'The concern, in the words you were told' },
      ...(given.text === undefined
        ? [{ key: 'safeguarding', message: 'Is it a safeguarding concern (someone may be at risk of harm)?', choices: 'confirm' as const }]
        : []),
    ]);
    let model: LoadedProgramme['model'] | undefined;
    try {
      return await whileWriting(ctx, 'concern', (loaded) => {
        model = loaded.model;
        const match = findMatch(ctx, loaded, args[0]!);
        const built = raiseConcern(
          match,
          { ...(f.text !== undefined ? { text: f.text } : {}), safeguarding: f.safeguarding === true, date: day(ctx, f.date) },
          ctx.today,
        );
        if (!built.ok) throw inputError(built, 'Nothing was written.');
        writeChanges(ctx, loaded, built.changes);
        ctx.stderr(`Recorded the concern ${built.name} in ${match.file}.\n`);
        warnConcern(ctx, loaded.model, match.id, built.name!, f.safeguarding === true);
        return EXIT.ok;
      });
    } catch (error) {
      if (f.safeguarding && error instanceof UserError) warnUnsavedConcern(ctx, model);
      throw error;
    }
  },
});

export const review = defineCommand({
  name: 'review',
  writes: true,
  description: "record a review of a match (by default the earliest of the programme's review points not yet held)",
  arguments: MATCH_ARG,
  options: {
    date: option.value('--date <date>', 'when it was held (default: today)'),
    milestone: option.value('--milestone <point>', 'which review point, e.g. 3m'),
    rating: option.value('--rating <1-5>', 'how it is going'),
    note: option.value('--note <text>', 'what was said'),
    focus: option.value('--focus <text>', 'what the mentoring focuses on from now (updates the agreement)'),
    by: option.value('--by <name>', 'who held it'),
  },
  run: (ctx, args, f) =>
    onMatch(
      ctx,
      'review',
      args[0]!,
      (loaded, match) =>
        recordReview(
          loaded.model,
          match,
          {
            date: day(ctx, f.date),
            ...(f.milestone ? { milestone: f.milestone } : {}),
            ...(f.rating !== undefined ? { rating: f.rating } : {}),
            ...(f.note ? { note: f.note } : {}),
            ...(f.focus ? { focus: f.focus } : {}),
            ...(f.by ? { by: f.by } : {}),
          },
          ctx.today,
        ),
      (match) => `Recorded the review in ${match.file}.`,
    ),
});

export const pauseCommand = defineCommand({
  name: 'pause',
  writes: true,
  description: 'pause a match until a date (exams, illness, a move)',
  arguments: MATCH_ARG,
  options: {
    until: option.value('--until <date>', 'the day the pause is to end'),
    reason: option.value('--reason <text>', 'why'),
    date: option.value('--date <date>', 'from when (default: today)'),
  },
  run: async (ctx, args, given) => {
    const f = await ask(ctx, given, [
      { key: 'until', message: 'Paused until (YYYY-MM-DD)' },
      { key: 'reason', message: 'Why' },
    ]);
    return onMatch(
      ctx,
      'pause',
      args[0]!,
      (_l, match) => pause(match, { ...(f.until ? { until: f.until } : {}), ...(f.reason ? { reason: f.reason } : {}), since: day(ctx, f.date) }, ctx.today),
      (match) => `Paused ${match.id} until ${f.until}; overdue reminds you when the pause ends.`,
    );
  },
});

export const resumeCommand = defineCommand({
  name: 'resume',
  writes: true,
  description: 'a paused match goes on',
  arguments: MATCH_ARG,
  options: { date: option.value('--date <date>', 'from when (default: today)') },
  run: (ctx, args, f) =>
    onMatch(
      ctx,
      'resume',
      args[0]!,
      (_l, match) => resume(match, { date: day(ctx, f.date) }, ctx.today),
      (match) => `${match.id} is active again from ${day(ctx, f.date)}.`,
    ),
});

export const extendCommand = defineCommand({
  name: 'extend',
  writes: true,
  description: 'move the planned end of a match',
  arguments: MATCH_ARG,
  options: {
    until: option.value('--until <date>', 'the new planned end'),
    note: option.value('--note <text>', 'why'),
  },
  run: async (ctx, args, given) => {
    const f = await ask(ctx, given, [
      { key: 'until', message: 'The new planned end (YYYY-MM-DD)' },
      { key: 'note', message: 'Why', optional: true },
    ]);
    return onMatch(
      ctx,
      'extend',
      args[0]!,
      (_l, match) => extend(match, { ...(f.until ? { until: f.until } : {}), ...(f.note ? { note: f.note } : {}), date: ctx.today }, ctx.today),
      (match) => `${match.id} now ends on ${f.until}.`,
    );
  },
});

export const closeCommand = defineCommand({
  name: 'close',
  writes: true,
  description: 'close a match with its reason and the feedback of both; --rematch puts the mentee back on the waiting list',
  arguments: MATCH_ARG,
  options: {
    reason: option.value(
      '--reason <reason>',
      'completed, mentee-withdrew, mentor-withdrew, moved-away, not-a-good-match, no-engagement, safeguarding, declined or other',
    ),
    date: option.value('--date <date>', 'when (default: today)'),
    note: option.value('--note <text>', 'a note'),
    feedbackMentor: option.value('--feedback-mentor <text>', "the mentor's feedback"),
    feedbackMentee: option.value('--feedback-mentee <text>', "the mentee's feedback"),
    rematch: option.flag('--rematch', 'the mentee waits for a new mentor from the closure date'),
  },
  run: async (ctx, args, given) => {
    const f = await ask(ctx, given, [
      { key: 'reason', message: 'Why does the match end?', choices: CLOSURE_REASONS },
      { key: 'feedbackMentor', message: "The mentor's feedback", optional: true },
      { key: 'feedbackMentee', message: "The mentee's feedback", optional: true },
    ]);
    return onMatch(
      ctx,
      'close',
      args[0]!,
      (loaded, match) =>
        close(
          loaded.model,
          match,
          {
            ...(f.reason ? { reason: f.reason } : {}),
            date: day(ctx, f.date),
            ...(f.note ? { note: f.note } : {}),
            ...(f.feedbackMentor ? { feedbackMentor: f.feedbackMentor } : {}),
            ...(f.feedbackMentee ? { feedbackMentee: f.feedbackMentee } : {}),
            rematch: f.rematch === true,
          },
          ctx.today,
        ),
      (match, loaded) => {
        if (f.reason === 'safeguarding') warnSafeguardingClosure(ctx, loaded.model);
        return `Closed ${match.id} (${f.reason}).${f.rematch ? ` ${match.data.mentee} is waiting for a new mentor from ${day(ctx, f.date)}.` : ''} Record the evaluation later with mentor-coord evaluate ${match.id} --note "...".`;
      },
      RESOLVED_BY_CLOSING,
    );
  },
});

export const evaluateCommand = defineCommand({
  name: 'evaluate',
  writes: true,
  description: 'record the evaluation of a closed match',
  arguments: MATCH_ARG,
  options: {
    note: option.value('--note <text>', 'what the evaluation found'),
    date: option.value('--date <date>', 'when (default: today)'),
  },
  run: async (ctx, args, given) => {
    const f = await ask(ctx, given, [{ key: 'note', message: 'What the evaluation found' }]);
    return onMatch(
      ctx,
      'evaluate',
      args[0]!,
      (_l, match) => evaluate(match, { ...(f.note ? { note: f.note } : {}), date: day(ctx, f.date) }, ctx.today),
      (match) => `Recorded the evaluation of ${match.id}.`,
    );
  },
});

export const onboardCommand = defineCommand({
  name: 'onboard',
  writes: true,
  description: 'record an onboarding step of a person: training, the code of conduct, a background check (and its renewal)',
  arguments: [
    { name: '<person>', description: 'the id of a mentor or mentee' },
    { name: '<step>', description: 'the step, as the programme names it (e.g. background_check)' },
  ],
  options: {
    date: option.value('--date <date>', 'when it was completed (default: today)'),
    expires: option.value('--expires <date>', 'when it expires (a background check)'),
    reference: option.value('--reference <text>', 'a certificate or reference number'),
  },
  run: (ctx, args, f) =>
    whileWriting(ctx, 'onboard', (loaded) => {
      const { person, role } = findPerson(ctx, loaded, args[0]!);
      const required = loaded.model.settings.onboarding[role].required;
      const built = onboard(
        person,
        args[1]!,
        required,
        { date: day(ctx, f.date), ...(f.expires ? { expires: f.expires } : {}), ...(f.reference ? { reference: f.reference } : {}) },
        ctx.today,
      );
      if (!built.ok) throw inputError(built, 'Nothing was written.');
      writeChanges(ctx, loaded, built.changes);
      const missing = required.filter((s) => s !== args[1] && person.data.onboarding[s] === undefined);
      ctx.stderr(
        `Recorded ${args[1]} for ${person.data.name} in ${person.file}.${missing.length ? ` Still to do: ${missing.join(', ')}.` : ' Onboarding complete.'}\n`,
      );
      return EXIT.ok;
    }),
});

export const setStatusCommand = defineCommand({
  name: 'set-status',
  writes: true,
  description: 'a person is active, paused (not to be matched for now) or has left',
  arguments: [
    { name: '<person>', description: 'the id of a mentor or mentee' },
    { name: '<status>', description: 'active, paused or left' },
  ],
  options: { note: option.value('--note <text>', 'why') },
  run: (ctx, args, f) =>
    whileWriting(ctx, 'set-status', (loaded) => {
      const { person } = findPerson(ctx, loaded, args[0]!);
      const built = setStatus(person, args[1]!, { ...(f.note ? { note: f.note } : {}), date: ctx.today });
      if (!built.ok) throw inputError(built, 'Nothing was written.');
      writeChanges(ctx, loaded, built.changes);
      ctx.stderr(`${person.data.name} is now ${args[1]}.\n`);
      return EXIT.ok;
    }),
});
