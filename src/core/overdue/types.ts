import type { IsoDate } from '../dates.js';
import type { ProgrammeModel } from '../model.js';

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/** What a rule finds: the engine adds the dates, contact details, filters and order. */
export interface Finding {
  /**
   * The date the thing itself falls due: a call's due date, a check's expiry, the end of a
   * mentee's allowed wait. days_overdue counts from it (negative while it is still ahead).
   */
  due: IsoDate;
  /** The first day it is reported (without --within), when not the day after `due`. */
  reportFrom?: IsoDate;
  /** When, in words that fit the rule ("expires in 12 days"); the engine has a general default. */
  when?: string;
  match?: string;
  /** The person to contact about it, when it concerns one person. */
  person?: string;
  message: string;
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
  /** A safeguarding concern: always high, and hidden by no filter except --rule. */
  safeguarding?: boolean;
  /** Reported from its due day itself, not only from the day after. */
  immediate?: boolean;
  /** The file to open to deal with it. */
  file: string;
  /** For a concern: its name (for the follow-up) and its words. */
  concern?: { name: string; text: string };
  /** The message without a concern's words, for reports meant for mail. */
  messageWithoutText?: string;
}

export interface Rule {
  id: string;
  /** A short heading for reports. */
  title: string;
  severity: Severity;
  /** Which settings decide when it is due (for the docs and --help). */
  threshold: string;
  /** May be turned off in programme.yaml (overdue: {<id>: {enabled: false}}). */
  canDisable: boolean;
  /**
   * `shown` says whether a finding with these dates would be reported (today, or within
   * --within): a rule may skip building the words of one that would not, which is most of them
   * on a large programme. The engine decides again from the finding itself either way.
   */
  check(model: ProgrammeModel, today: IsoDate, shown?: ShownTest): Finding[];
}

/** Whether a finding with these dates would be reported (see Rule.check). */
export type ShownTest = (dates: Pick<Finding, 'due' | 'reportFrom' | 'immediate'>) => boolean;

export function earliest(...dates: (IsoDate | undefined)[]): IsoDate | undefined {
  let out: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (out === undefined || d < out)) out = d;
  return out;
}

export function latest(...dates: (IsoDate | undefined)[]): IsoDate | undefined {
  let out: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (out === undefined || d > out)) out = d;
  return out;
}
