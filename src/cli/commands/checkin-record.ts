import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildCheckin, type CallInput } from '../../core/calls.js';
import type { ProgrammeModel } from '../../core/model.js';
import { callDueFor } from '../../core/schedule.js';
import { matchSchema, type Match } from '../../core/schema/index.js';
import { loadProgramme } from '../../store/load.js';
import { editFile, openFile } from '../../store/write.js';
import type { Context } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { personName } from '../../core/model.js';
import { findMatch, requireNoProblems } from './shared.js';

export interface RecordFlags {
  with?: string;
  outcome?: string;
  date?: string;
  rating?: string;
  goodMatch?: string;
  prepared?: string;
  action?: string[];
  concern?: string;
  safeguarding?: boolean;
  note?: string;
  next?: string;
  by?: string;
}

export async function run(ctx: Context, args: unknown[], flags: RecordFlags): Promise<number> {
  const loaded = loadProgramme(ctx.dir, { cache: ctx.cache });
  requireNoProblems(ctx, loaded);
  const match = findMatch(loaded.model, String(args[0]));
  if (flags.with === undefined || flags.outcome === undefined) {
    throw new UserError('say who the call was with and how it went', 'Give --with mentor|mentee and --outcome reached|no-answer|message|emailed.');
  }
  const input: CallInput = {
    with: flags.with,
    outcome: flags.outcome,
    date: flags.date ?? ctx.today,
    ...(flags.rating !== undefined ? { rating: flags.rating } : {}),
    ...(flags.goodMatch !== undefined ? { good_match: flags.goodMatch } : {}),
    ...(flags.prepared !== undefined ? { prepared: flags.prepared } : {}),
    ...(flags.action ? { actions: flags.action } : {}),
    ...(flags.concern !== undefined ? { concern: flags.concern } : {}),
    ...(flags.safeguarding ? { safeguarding: true } : {}),
    ...(flags.note !== undefined ? { note: flags.note } : {}),
    ...(flags.next !== undefined ? { next: flags.next } : {}),
    ...(flags.by !== undefined ? { by: flags.by } : {}),
  };
  const after = recordCall(ctx, loaded.dir, loaded.model, match.id, input);
  if (ctx.json) ctx.stdout(`${JSON.stringify({ recorded: { match: match.id, file: match.file, checkin: after.checkin }, next_due: after.nextDue }, null, 2)}\n`);
  return EXIT.ok;
}

/** Validates and appends one call to its match file; shared with the interactive `checkin call`. */
export function recordCall(ctx: Context, dir: string, model: ProgrammeModel, matchId: string, input: CallInput): { checkin: Record<string, unknown>; nextDue: string | null } {
  const match = findMatch(model, matchId);
  const built = buildCheckin(match.data, input, ctx.today);
  if (!built.ok) throw new UserError(built.message, `${built.hint} Nothing was written.`);
  const opened = openFile(resolve(dir, match.file));
  const text = editFile(opened, [{ op: 'append', path: ['checkins'], value: built.checkin }], match.file);
  const who = personName(model, input.with === 'mentor' ? match.data.mentor : match.data.mentee);
  ctx.stderr(`Recorded the call with ${who} (${input.with}, ${input.outcome}) in ${match.file}.\n`);
  if (built.checkin.concern) warnConcern(ctx, model, match.id, (built.checkin.concern as { safeguarding: boolean }).safeguarding);
  // What is due next, from the file as now written.
  let nextDue: string | null = null;
  // The file as just written (the edit checked it parses), for the next due date.
  const reread = matchSchema.safeParse(parseYaml(text));
  if (reread.success) {
    const updated: Match = reread.data;
    if (updated.status === 'active' && updated.first_meeting !== undefined) {
      const due = callDueFor({ id: match.id, file: match.file, data: updated }, input.with as 'mentor' | 'mentee', model.settings);
      nextDue = due.retryFrom ?? due.due;
      ctx.stderr(due.retryFrom ? `Try ${who} again from ${due.retryFrom}.\n` : `Next call with ${who} due by ${due.due}.\n`);
    }
  }
  return { checkin: built.checkin, nextDue };
}


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
        `  mentor-coord checkin follow-up ${matchId} --note "..."`,
        '',
      ].join('\n'),
    );
  } else {
    ctx.stderr(`The concern stays on the overdue report until you record its follow-up: mentor-coord checkin follow-up ${matchId} --note "..."\n`);
  }
}
