// A proposal and a mentee's candidates as text for the terminal. Returns strings.
import type { ChalkInstance } from 'chalk';
import type { Candidate, Proposal } from '../core/match/propose.js';

type Names = (id: string) => string;

/** The two or three criteria that gave a pair most of its score. */
function topCriteria(results: { name: string; contribution: number; detail: string }[]): string {
  const top = results
    .filter((r) => r.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 3);
  return top.map((r) => `${r.name} (+${r.contribution}): ${r.detail}`).join('\n') || '(no criterion adds to the score)';
}

export function renderProposal(proposal: Proposal, name: Names, chalk: ChalkInstance): string {
  const out: string[] = [];
  const waiting = proposal.matched + proposal.unmatched.length;
  out.push(
    chalk.bold(
      `${proposal.matched} of ${waiting} waiting mentee${waiting === 1 ? '' : 's'} matched; total score ${proposal.total}; worst pair ${proposal.worst ?? '-'}`,
    ),
    'The best pairing there is: no other matches more mentees, and none that matches as many scores more.',
    '',
  );
  for (const p of proposal.pairs) {
    out.push(chalk.bold(`${name(p.mentee)} (${p.mentee})  with  ${name(p.mentor)} (${p.mentor})  score ${p.score}`));
    for (const line of topCriteria(p.results).split('\n')) out.push(`   ${line}`);
    for (const w of p.warnings) out.push(`   ${chalk.yellow(`warning: ${w}`)}`);
    out.push('');
  }
  if (proposal.unmatched.length > 0) {
    out.push(chalk.bold(`Left waiting (${proposal.unmatched.length})`));
    for (const u of proposal.unmatched) out.push(`${name(u.mentee)} (${u.mentee}): ${u.reasons.join('; ')}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderExplain(mentee: string, waiting: string[], candidates: Candidate[], name: Names, chalk: ChalkInstance): string {
  const out = [chalk.bold(`Mentors for ${name(mentee)} (${mentee}), best first`)];
  if (waiting.length > 0) out.push(chalk.yellow(`Not waiting to be matched: ${name(mentee)} ${waiting.join('; ')}.`));
  out.push('');
  for (const c of candidates) {
    if (c.excluded.length === 0) {
      out.push(chalk.bold(`${c.name} (${c.mentor})  score ${c.score}`));
      for (const r of c.results) out.push(`   ${r.satisfied ? '+' : '-'} ${r.name}${r.required ? ' (required)' : ''}: ${r.contribution}  ${r.detail}`);
      for (const w of c.warnings) out.push(`   ${chalk.yellow(`warning: ${w}`)}`);
    } else {
      out.push(`${chalk.dim(`${c.name} (${c.mentor})`)}: ${c.excluded.join('; ')}`);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The --json shape, with `candidates` (every allowed pair: a million in a large programme) one
 * compact object per line, handed out in chunks so that no single giant string is built.
 */
export function* proposalJsonChunks(p: Proposal): Generator<string> {
  const head = {
    matched: p.matched,
    total: p.total,
    worst: p.worst,
    pairs: p.pairs.map((x) => ({ mentee: x.mentee, mentor: x.mentor, score: x.score, criteria: x.criteria, warnings: x.warnings })),
    unmatched: p.unmatched,
    mentors: p.mentors,
    candidates: [] as unknown[],
  };
  const text = JSON.stringify(head, null, 2);
  const at = text.lastIndexOf('"candidates": []');
  yield `${text.slice(0, at)}"candidates": [`;
  // Straight from the proposal's typed arrays, each id quoted once: no object per pair.
  const table = p.candidateTable();
  const menteeOpen = table.menteeIds.map((id) => `    {"mentee": ${JSON.stringify(id)}, "mentor": `);
  const mentorThen = table.mentorIds.map((id) => `${JSON.stringify(id)}, "score": `);
  const CHUNK = 20_000;
  for (let from = 0; from < table.length; from += CHUNK) {
    let out = from === 0 ? '\n' : ',\n';
    const to = Math.min(table.length, from + CHUNK);
    for (let x = from; x < to; x++) {
      out += `${menteeOpen[table.mentee[x]!]!}${mentorThen[table.mentor[x]!]!}${table.score[x]!}}`;
      if (x < to - 1) out += ',\n';
    }
    yield out;
  }
  yield `${p.candidateCount > 0 ? '\n  ' : ''}]${text.slice(at + '"candidates": []'.length)}\n`;
}
