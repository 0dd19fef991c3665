// Recording one call: shared by `checkin record` (flags) and `checkin call` (prompts).
import type { Context } from '../cli/context.js';
import { inputError } from '../cli/flags.js';
import { ADVICE } from '../core/advice.js';
import { buildCheckin, callDueFor, type CallInput } from '../core/checkin/index.js';
import type { ProgrammeModel } from '../core/model.js';
import { personName } from '../core/people.js';
import { readRecordFile } from '../core/read-record.js';
import type { Match } from '../core/schema/index.js';
import type { LoadedProgramme } from '../store/load.js';
import { findMatch, writeChanges } from './workflow.js';

export interface RecordedCall {
  checkin: Record<string, unknown>;
  /** When the next call with that person is due (or may be retried), from the file as written. */
  nextDue: string | null;
}

/** Checks the call, appends it to its match file, and says what was recorded and what is next. */
export function recordCall(ctx: Context, loaded: LoadedProgramme, matchId: string, input: CallInput): RecordedCall {
  const { model } = loaded;
  const match = findMatch(ctx, loaded, matchId);
  const built = buildCheckin(match.data, input, ctx.today);
  if (!built.ok) throw inputError(built, 'Nothing was written.');
  const [written] = writeChanges(ctx, loaded, [{ file: match.file, edits: built.edits }]);
  const who = personName(model, input.with === 'mentor' ? match.data.mentor : match.data.mentee);
  ctx.stderr(`Recorded the call with ${who} (${input.with}, ${input.outcome}) in ${match.file}.\n`);
  if (built.checkin.concern) {
    const concern = built.checkin.concern as { id: string; safeguarding: boolean };
    warnConcern(ctx, model, match.id, concern.id, concern.safeguarding);
  }
  // What is due next, from the file as just written (the edit checked it parses).
  let nextDue: string | null = null;
  const reread = readRecordFile('match', match.file, Buffer.from(written!.text, 'utf8'));
  if (reread.ok) {
    const updated = reread.value as Match;
    if (updated.status === 'active' && updated.first_meeting !== undefined) {
      const due = callDueFor({ id: match.id, file: match.file, data: updated }, input.with as 'mentor' | 'mentee', model.settings);
      nextDue = due.retryFrom ?? due.due;
      ctx.stderr(due.retryFrom ? `Try ${who} again from ${due.retryFrom}.\n` : `Next call with ${who} due by ${due.due}.\n`);
    }
  }
  return { checkin: built.checkin, nextDue };
}

/** After a concern is recorded: who to tell (the safeguarding lead, today) and how to close it. */
export function warnConcern(ctx: Context, model: ProgrammeModel, matchId: string, concern: string, safeguarding: boolean): void {
  if (safeguarding) {
    ctx.stderr(
      leadBox(ctx, model, 'SAFEGUARDING CONCERN RECORDED', [
        'It stays at the top of `mentor-coord overdue` until you record what was done:',
        `  ${ADVICE.followUp(matchId, concern)}`,
      ]),
    );
  } else {
    ctx.stderr(`The concern stays on the overdue report until you record its follow-up: ${ADVICE.followUp(matchId, concern)}\n`);
  }
}

/**
 * A safeguarding concern that could not be saved: the lead's details all the same, because the
 * coordinator must act on it today whether or not the file could be written.
 */
export function warnUnsavedConcern(ctx: Context, model: ProgrammeModel | undefined): void {
  ctx.stderr(
    leadBox(ctx, model, 'SAFEGUARDING CONCERN NOT SAVED', [
      'The concern was NOT written to the match file (see why below). Tell the safeguarding lead anyway,',
      'write it down now, and record it once the problem is fixed.',
    ]),
  );
}

function leadBox(ctx: Context, model: ProgrammeModel | undefined, title: string, after: string[]): string {
  const lead = model?.settings.safeguarding_lead;
  const c = ctx.errChalk;
  const who = lead ? `${lead.name}${lead.role ? `, ${lead.role}` : ''}` : '(the safeguarding lead named in programme.yaml)';
  return [
    '',
    c.red.bold(title),
    c.red(`Tell the safeguarding lead today: ${who}`),
    ...(lead ? [c.red(`  ${[lead.phone, lead.email].filter(Boolean).join('  ')}`)] : []),
    ...after,
    '',
  ].join('\n');
}

/** A match closed for safeguarding: the lead's details, as with any safeguarding concern. */
export function warnSafeguardingClosure(ctx: Context, model: ProgrammeModel): void {
  ctx.stderr(leadBox(ctx, model, 'CLOSED FOR SAFEGUARDING', ['Make sure the safeguarding lead knows, and record what was done in the closure note.']));
}
