// Recording one call: shared by `checkin record` (flags) and `checkin call` (prompts).
import type { Context } from '../cli/context.js';
import { inputError } from '../cli/flags.js';
import { ADVICE } from '../core/advice.js';
import { buildCheckin, callDueFor, type CallInput } from '../core/checkin/index.js';
import type { ProgrammeModel } from '../core/model.js';
import { personName } from '../core/people.js';
import { readRecordFile } from '../core/folder.js';
import type { Match } from '../core/schema/index.js';
import { findMatch, writeChanges } from './workflow.js';

export interface RecordedCall {
  checkin: Record<string, unknown>;
  /** When the next call with that person is due (or may be retried), from the file as written. */
  nextDue: string | null;
}

/** Checks the call, appends it to its match file, and says what was recorded and what is next. */
export function recordCall(ctx: Context, dir: string, model: ProgrammeModel, matchId: string, input: CallInput): RecordedCall {
  const match = findMatch(model, matchId);
  const built = buildCheckin(match.data, input, ctx.today);
  if (!built.ok) throw inputError(built, 'Nothing was written.');
  const [written] = writeChanges(dir, [{ file: match.file, edits: [{ op: 'append', path: ['checkins'], value: built.checkin }] }]);
  const who = personName(model, input.with === 'mentor' ? match.data.mentor : match.data.mentee);
  ctx.stderr(`Recorded the call with ${who} (${input.with}, ${input.outcome}) in ${match.file}.\n`);
  if (built.checkin.concern) warnConcern(ctx, model, match.id, (built.checkin.concern as { safeguarding: boolean }).safeguarding);
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
export function warnConcern(ctx: Context, model: ProgrammeModel, matchId: string, safeguarding: boolean): void {
  const lead = model.settings.safeguarding_lead;
  const c = ctx.errChalk;
  if (safeguarding) {
    ctx.stderr(
      [
        '',
        c.red.bold('SAFEGUARDING CONCERN RECORDED'),
        c.red(`Tell the safeguarding lead today: ${lead.name}${lead.role ? `, ${lead.role}` : ''}`),
        c.red(`  ${[lead.phone, lead.email].filter(Boolean).join('  ')}`),
        'It stays at the top of `mentor-coord overdue` until you record what was done:',
        `  ${ADVICE.followUp(matchId)}`,
        '',
      ].join('\n'),
    );
  } else {
    ctx.stderr(`The concern stays on the overdue report until you record its follow-up: ${ADVICE.followUp(matchId)}\n`);
  }
}
