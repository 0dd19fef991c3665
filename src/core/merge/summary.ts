// What changed between two versions of the programme's files, in a coordinator's words: the
// message of a commit made by `sync` or `--commit` ("2 calls recorded, 1 concern followed up,
// 1 match proposed"). Pure: it is given the texts; the shell reads them from git and the disk.
import { parse } from 'yaml';

export interface FileChange {
  /** The file's path inside the programme folder, with forward slashes: matches/2026-11-bea-santos.yaml. */
  path: string;
  /** The text as last committed; undefined for a new file. */
  before?: string;
  /** The text now; undefined for a deleted file. */
  after?: string;
}

type Doc = Record<string, unknown>;

function docOf(text: string | undefined): Doc | undefined {
  if (text === undefined) return undefined;
  try {
    const value = parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Doc) : {};
  } catch {
    return {};
  }
}

const listOf = (doc: Doc | undefined, key: string): unknown[] => {
  const value = doc?.[key];
  return Array.isArray(value) ? value : [];
};

const count = (doc: Doc | undefined, key: string) => listOf(doc, key).length;

/** Every concern: those of the concerns list and those raised on a call. */
const concernsOf = (doc: Doc | undefined): Doc[] =>
  [...listOf(doc, 'concerns'), ...listOf(doc, 'checkins').map((c) => (c && typeof c === 'object' ? (c as Doc).concern : undefined))].filter(
    (c): c is Doc => !!c && typeof c === 'object',
  );

/** Concerns with a follow-up. */
const followedUp = (doc: Doc | undefined) => concernsOf(doc).filter((c) => c.follow_up).length;

/** The words for what changed, most important first; "no changes" when nothing did. */
export function summariseChanges(changes: FileChange[]): string {
  const tally = new Map<string, number>();
  // How many words were said about the file in hand.
  const said = { count: 0 };
  const add = (what: string, n = 1) => {
    if (n <= 0) return;
    tally.set(what, (tally.get(what) ?? 0) + n);
    said.count++;
  };
  for (const change of changes) {
    said.count = 0;
    const before = docOf(change.before);
    const after = docOf(change.after);
    const folder = change.path.split('/')[0];
    if (folder === 'matches' && change.path.endsWith('.yaml')) {
      if (!after) {
        add('match file removed');
        continue;
      }
      if (!before) add(after.status === 'proposed' || after.status === undefined ? 'match proposed' : 'match added');
      else if (before.status !== after.status && typeof after.status === 'string') {
        add(before.status === 'paused' && after.status === 'active' ? 'match resumed' : `match ${STATUS_WORDS[after.status] ?? `set to ${after.status}`}`);
      }
      const grew = (key: string) => Math.max(0, count(after, key) - count(before, key));
      add('call recorded', grew('checkins'));
      add('meeting logged', grew('meetings'));
      add('review recorded', grew('reviews'));
      add('concern recorded', Math.max(0, concernsOf(after).length - concernsOf(before).length));
      add('concern followed up', Math.max(0, followedUp(after) - followedUp(before)));
      add('call planned', grew('planned_calls'));
      const signedBefore = JSON.stringify((before?.agreement as Doc | undefined)?.signed ?? null);
      const signedAfter = JSON.stringify((after.agreement as Doc | undefined)?.signed ?? null);
      if (signedBefore !== signedAfter) add('agreement signature recorded');
      if (said.count === 0 && change.before !== change.after) add('match edited');
      continue;
    }
    if (folder === 'mentors' || folder === 'mentees') {
      const who = folder === 'mentors' ? 'mentor' : 'mentee';
      if (!before) add(`${who} added`);
      else if (!after) add(`${who} removed`);
      else add(`${who} updated`);
      continue;
    }
    if (change.path === 'programme.yaml') {
      add('programme settings changed');
      continue;
    }
    add('other file changed');
  }
  // "match edited" only when nothing else was said about any match.
  if (tally.size > 1) tally.delete('match edited');
  if (tally.size === 0) return 'no changes';
  return [...tally.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([what, n]) => `${n} ${n === 1 ? what : plural(what)}`)
    .join(', ');
}

/** The order of the words, whichever file came first. */
const ORDER = [
  'call recorded',
  'meeting logged',
  'review recorded',
  'concern recorded',
  'concern followed up',
  'call planned',
  'agreement signature recorded',
  'match proposed',
  'match added',
  'match confirmed',
  'match paused',
  'match resumed',
  'match closed',
  'match edited',
  'match file removed',
  'mentor added',
  'mentee added',
  'mentor updated',
  'mentee updated',
  'mentor removed',
  'mentee removed',
  'programme settings changed',
];
const rank = (what: string) => (ORDER.includes(what) ? ORDER.indexOf(what) : ORDER.length);

const STATUS_WORDS: Record<string, string> = {
  active: 'confirmed',
  paused: 'paused',
  closed: 'closed',
};

/** "call recorded" → "calls recorded": the first word takes the plural. */
function plural(what: string): string {
  const [first, ...rest] = what.split(' ');
  const many = first === 'match' ? 'matches' : first === 'other' ? 'other' : `${first}s`;
  return [many, ...rest.map((w) => (w === 'file' ? 'files' : w === 'signature' ? 'signatures' : w))].join(' ');
}
