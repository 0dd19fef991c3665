// Planning phone days: the calls due by the last day, put into time slots. Pure.
import type { IsoDate } from '../dates.js';
import { invalid, type Invalid } from '../input.js';
import type { ProgrammeModel } from '../model.js';
import { sideOf } from '../people.js';
import type { FileEdits } from '../yaml-edit.js';
import { callsDue, type CallDue, type Side } from './schedule.js';
import { cmp } from '../order.js';
export interface PlanOptions {
  days: IsoDate[];
  perDay: number;
  /** First slot, "HH:MM". */
  from: string;
  slotMinutes: number;
}

export interface PlannedCall {
  match: string;
  with: Side;
  person: string;
  name: string;
  phone: string | null;
  date: IsoDate;
  /** "HH:MM", local time in the programme's time zone. */
  start: string;
  end: string;
  due: IsoDate;
}

export interface UnplannedCall {
  match: string;
  with: Side;
  person: string;
  name: string;
  phone: string | null;
  due: IsoDate;
  reason: string;
}

export interface Plan {
  planned: PlannedCall[];
  unplanned: UnplannedCall[];
}

export type PlanCheck = { ok: true } | Invalid;

export function checkPlanOptions(options: PlanOptions): PlanCheck {
  if (options.days.length === 0) return invalid('days', 'no phone days given', 'Give the days with «days», e.g. «days» 2026-11-24,2026-11-25.');
  if (options.perDay < 1 || !Number.isInteger(options.perDay))
    return invalid('per_day', `«per_day» ${options.perDay} leaves no room for calls`, 'Give a whole number of calls per day, at least 1.');
  if (options.slotMinutes < 1) return invalid('slot', 'a call slot must last at least a minute', 'Give «slot» as 15min, 20min, 30min ...');
  const end = minutes(options.from) + options.perDay * options.slotMinutes;
  if (end > 24 * 60)
    return invalid(
      'from',
      `${options.perDay} calls of ${options.slotMinutes} minutes from ${options.from} run past midnight`,
      'Start earlier, or plan fewer or shorter calls a day.',
    );
  return { ok: true };
}

/**
 * Assigns the calls due by the last day to slots: most overdue first, then by due date; the other
 * side of the same match on the same day when there is room; never more than perDay a day; a call
 * waiting for its retry day not before it. What does not fit is returned as unplanned, with why.
 */
export function planCalls(model: ProgrammeModel, options: PlanOptions): Plan {
  const days = [...new Set(options.days)].sort();
  const lastDay = days[days.length - 1]!;
  const candidates: { call: CallDue; earliest: IsoDate; name: string; phone: string | null }[] = [];
  for (const match of model.matches.values()) {
    for (const call of callsDue(match, model.settings)) {
      if (call.due > lastDay) continue;
      const person = sideOf(model, call.side, call.person);
      candidates.push({ call, earliest: call.retryFrom ?? days[0]!, name: person?.name ?? call.person, phone: person?.phone ?? null });
    }
  }
  candidates.sort((a, b) => cmp(a.call.due, b.call.due) || cmp(a.call.match, b.call.match) || cmp(a.call.side, b.call.side));
  const placed = new Set<(typeof candidates)[number]>();
  const planned: PlannedCall[] = [];
  const byMatch = new Map<string, (typeof candidates)[number][]>();
  for (const c of candidates) byMatch.set(c.call.match, [...(byMatch.get(c.call.match) ?? []), c]);

  for (const day of days) {
    let used = 0;
    const place = (c: (typeof candidates)[number]) => {
      const start = minutes(options.from) + used * options.slotMinutes;
      planned.push({
        match: c.call.match,
        with: c.call.side,
        person: c.call.person,
        name: c.name,
        phone: c.phone,
        date: day,
        start: clock(start),
        end: clock(start + options.slotMinutes),
        due: c.call.due,
      });
      placed.add(c);
      used++;
    };
    for (const c of candidates) {
      if (used >= options.perDay) break;
      if (placed.has(c) || c.earliest > day) continue;
      place(c);
      for (const partner of byMatch.get(c.call.match) ?? []) {
        if (used < options.perDay && !placed.has(partner) && partner.earliest <= day) place(partner);
      }
    }
  }
  const unplanned: UnplannedCall[] = candidates
    .filter((c) => !placed.has(c))
    .map((c) => ({
      match: c.call.match,
      with: c.call.side,
      person: c.call.person,
      name: c.name,
      phone: c.phone,
      due: c.call.due,
      reason: c.earliest > lastDay ? `no answer last time: not to be tried again before ${c.earliest}` : 'no room left on the phone days',
    }));
  return { planned, unplanned };
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function clock(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The edits that record a plan on the match files (planned_calls). A new plan replaces the
 * earlier plan for the same calls from its first day on, including calls it could not fit.
 */
export function planEdits(model: ProgrammeModel, plan: Plan, days: IsoDate[]): FileEdits[] {
  const firstDay = [...days].sort()[0]!;
  // Every call the plan was asked about, fitted or not: their earlier slots from firstDay on go.
  const considered = new Map<string, Set<Side>>();
  for (const call of [...plan.planned, ...plan.unplanned]) considered.set(call.match, (considered.get(call.match) ?? new Set<Side>()).add(call.with));
  const out: FileEdits[] = [];
  for (const [id, sides] of considered) {
    const match = model.matches.get(id)!;
    const calls = plan.planned.filter((c) => c.match === id);
    const kept = match.data.planned_calls.filter((p) => !(sides.has(p.with) && p.date >= firstDay));
    if (calls.length === 0 && kept.length === match.data.planned_calls.length) continue;
    const value = [...kept, ...calls.map((c) => ({ with: c.with, date: c.date, time: c.start, due: c.due }))];
    out.push({ file: match.file, edits: [{ op: 'set', path: ['planned_calls'], value }] });
  }
  return out;
}
