// Runs the overdue rules over the programme and turns their findings into report items:
// thresholds from programme.yaml, days overdue, contact details, filters and order. Pure.
import { addDays, addPeriod, daysBetween, type IsoDate } from '../dates.js';
import type { ProgrammeModel } from '../model.js';
import { period } from '../checkin/schedule.js';
import { RULE_IDS, type RuleId } from './ids.js';
import { RULES } from './rules/index.js';
import { pairNames, personName, whoIs } from '../people.js';
import { daysText } from '../words.js';
import { SEVERITIES, type Finding, type Severity, type ShownTest } from './types.js';

/** One line of the report. The first seven fields are the documented, stable core. */
export interface OverdueItem {
  rule: RuleId;
  severity: Severity;
  match: string | null;
  person: string | null;
  due: IsoDate;
  /** Days since `due`: 0 on the due day, negative for upcoming items. */
  days_overdue: number;
  message: string;
  upcoming: boolean;
  safeguarding: boolean;
  mentor: string | null;
  mentee: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  file: string;
  /** For an open concern: its name, as `checkin follow-up --concern` takes it. */
  concern: string | null;
  /** When, in words that fit the rule: "expires in 12 days", "waiting 114 days (limit 30 days)". */
  when: string;
  /** Everyone to contact about it, with how to reach them. */
  people: ItemPerson[];
}

export interface ItemPerson {
  id: string;
  role: 'mentor' | 'mentee';
  name: string;
  phone: string | null;
  email: string | null;
  /** Their file could not be read in full: run validate (the details are what was still valid). */
  file_has_problems: boolean;
}

export interface OverdueOptions {
  today: IsoDate;
  /** Only these rules (the one filter that can hide a safeguarding concern). */
  rules?: RuleId[];
  /** Only items of at least this severity. */
  severity?: Severity;
  match?: string;
  person?: string;
  /** Also list what falls due within this period, marked upcoming. */
  within?: string;
}

/** The message of an item without a concern's own words (for mail), where it has some. */
const withoutText = new WeakMap<OverdueItem, string>();

/** An item's message as a report meant for mail shows it: a concern's words only when asked for. */
export function mailMessage(item: OverdueItem, includeConcernText: boolean): string {
  return includeConcernText ? item.message : (withoutText.get(item) ?? item.message);
}

export interface OverdueReport {
  items: OverdueItem[];
  /**
   * Open safeguarding concerns that a --match or --person filter left out: counted, never shown,
   * so that one family's report does not carry another family's disclosure.
   */
  safeguardingElsewhere: number;
}

export function overdueReport(model: ProgrammeModel, options: OverdueOptions): OverdueReport {
  const all = collect(model, options);
  const items = sortItems(all.filter((item) => passes(item, options)));
  const safeguardingElsewhere = all.filter((item) => item.safeguarding && !item.upcoming && !passes(item, options)).length;
  return { items, safeguardingElsewhere };
}

export function overdueItems(model: ProgrammeModel, options: OverdueOptions): OverdueItem[] {
  return overdueReport(model, options).items;
}

function collect(model: ProgrammeModel, options: OverdueOptions): OverdueItem[] {
  const { today } = options;
  const items: OverdueItem[] = [];
  for (const id of RULE_IDS) {
    const rule = RULES[id];
    const settings = model.settings.overdue[id];
    if (settings?.enabled === false && rule.canDisable) continue;
    if (options.rules && !options.rules.includes(id)) continue;
    const { timing, shown } = reportTiming(model, id, options);
    for (const finding of rule.check(model, today, shown)) {
      const { reported, upcoming } = timing(finding);
      if (!reported && !upcoming) continue;
      const days = daysBetween(finding.due, today);
      const match = finding.match !== undefined ? model.matches.get(finding.match)?.data : undefined;
      const who = finding.person !== undefined ? whoIs(model, finding.person) : undefined;
      const safeguarding = finding.safeguarding === true;
      const item: OverdueItem = {
        rule: id,
        severity: safeguarding ? 'high' : (settings?.severity ?? finding.severity ?? rule.severity),
        match: finding.match ?? null,
        person: finding.person ?? null,
        due: finding.due,
        days_overdue: days,
        message: finding.message,
        upcoming,
        safeguarding,
        mentor: match?.mentor ?? null,
        mentee: match?.mentee ?? null,
        name: who?.name ?? null,
        phone: who?.phone ?? null,
        email: who?.email ?? null,
        file: finding.file,
        concern: finding.concern?.name ?? null,
        when: finding.when ?? whenWords(days),
        people: peopleOf(model, finding.person, match),
      };
      if (finding.messageWithoutText !== undefined) withoutText.set(item, finding.messageWithoutText);
      items.push(item);
    }
  }
  return items;
}

type Dates = Pick<Finding, 'due' | 'reportFrom' | 'immediate'>;

/**
 * When a rule's finding with these dates is reported (`timing`: now, or coming up within
 * --within), and the test the rules are given to skip the rest (`shown`).
 */
export function reportTiming(
  model: ProgrammeModel,
  id: RuleId,
  options: Pick<OverdueOptions, 'today' | 'within'>,
): { timing: (finding: Dates) => { reported: boolean; upcoming: boolean }; shown: ShownTest } {
  const { today } = options;
  const horizon = options.within ? addPeriod(today, period(options.within)) : undefined;
  const settings = model.settings.overdue[id];
  const timing = (finding: Dates) => {
    if (finding.reportFrom === undefined && !settings?.after) {
      // The usual case, without date arithmetic (dates compare as text): reported from the day
      // after it falls due, or the day itself; coming up when it falls due within --within.
      const reported = finding.immediate ? finding.due <= today : finding.due < today;
      return { reported, upcoming: !reported && horizon !== undefined && finding.due <= horizon };
    }
    // `due` is when the thing itself falls due; it is reported from `reportFrom` (by default the
    // day after, or the day itself for what must be acted on at once), later by `after`.
    const from = finding.reportFrom ?? (finding.immediate ? finding.due : addDays(finding.due, 1));
    const reportFrom = settings?.after ? addPeriod(from, period(settings.after)) : from;
    const reported = reportFrom <= today;
    // --within lists what falls due within the period (or would be reported within it).
    const upcoming = !reported && horizon !== undefined && (finding.due <= horizon || reportFrom <= horizon);
    return { reported, upcoming };
  };
  const shown = (finding: Dates) => {
    const { reported, upcoming } = timing(finding);
    return reported || upcoming;
  };
  return { timing, shown };
}

/** "5 days overdue", "due today", "due in 3 days": for rules without words of their own. */
export function whenWords(daysOverdue: number): string {
  if (daysOverdue > 0) return `${daysText(daysOverdue)} overdue`;
  if (daysOverdue === 0) return 'due today';
  return `due in ${daysText(-daysOverdue)}`;
}

/** Everyone to call about an item: the person it is about first, then the rest of the match. */
function peopleOf(model: ProgrammeModel, person: string | undefined, match: { mentor: string; mentee: string } | undefined): ItemPerson[] {
  const ids = [...new Set([person, match?.mentor, match?.mentee].filter((x): x is string => x !== undefined))];
  return ids.map((id) => {
    const who = whoIs(model, id);
    const role = who?.role ?? (id === match?.mentor ? 'mentor' : 'mentee');
    return {
      id,
      role,
      name: who?.name ?? id,
      phone: who?.phone ?? null,
      email: who?.email ?? null,
      file_has_problems: who === undefined || who.fileHasProblems,
    };
  });
}

function passes(item: OverdueItem, options: OverdueOptions): boolean {
  // A safeguarding concern is never filtered out by severity; one about another match or person
  // is counted instead of shown (OverdueReport.safeguardingElsewhere).
  if (options.severity && !item.safeguarding && SEVERITIES.indexOf(item.severity) > SEVERITIES.indexOf(options.severity)) return false;
  if (options.match && item.match !== options.match) return false;
  if (options.person && ![item.person, item.mentor, item.mentee].includes(options.person)) return false;
  return true;
}

/**
 * Safeguarding first; what is only coming up (--within) last; otherwise by severity (high,
 * medium, low), then most overdue first, then rule and ids.
 */
export function sortItems(items: OverdueItem[]): OverdueItem[] {
  // Ids (lower-case letters, digits, '-' and '_') in one fixed collation, not the machine's own:
  // the same order on every machine, and the order of English, which it always was here.
  // (A Node built without Intl compares them as text.)
  const ids = typeof Intl === 'object' ? new Intl.Collator('en') : { compare: (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) };
  return [...items].sort(
    (a, b) =>
      Number(b.safeguarding) - Number(a.safeguarding) ||
      Number(a.upcoming) - Number(b.upcoming) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.days_overdue - a.days_overdue ||
      RULE_RANK.get(a.rule)! - RULE_RANK.get(b.rule)! ||
      ids.compare(a.match ?? '', b.match ?? '') ||
      ids.compare(a.person ?? '', b.person ?? ''),
  );
}

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;
const RULE_RANK = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));

export type GroupBy = 'rule' | 'person' | 'match';

export interface Group {
  key: string;
  title: string;
  items: OverdueItem[];
}

/** Items in groups, each group in the order of its most pressing item. */
export function groupItems(model: ProgrammeModel, items: OverdueItem[], by: GroupBy): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const key = by === 'rule' ? item.rule : by === 'match' ? (item.match ?? '') : (item.person ?? item.mentee ?? '');
    let group = groups.get(key);
    if (!group) {
      group = { key, title: groupTitle(model, by, key), items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

function groupTitle(model: ProgrammeModel, by: GroupBy, key: string): string {
  if (by === 'rule') return RULES[key as RuleId].title;
  if (key === '') return by === 'match' ? 'Not about one match' : 'Not about one person';
  if (by === 'match') {
    const m = model.matches.get(key)?.data;
    return m ? `${key}: ${pairNames(model, m)}` : key;
  }
  return personName(model, key);
}
