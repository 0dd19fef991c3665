// The call sheet and the phone-day plan as text; the plan as an iCalendar file.
import type { ChalkInstance } from 'chalk';
import type { Plan, SheetEntry } from '../core/checkin/index.js';
import type { IsoDate } from '../core/dates.js';
import { OUTCOME_WORDS } from '../core/checkin/schedule.js';

function lastContactLines(e: SheetEntry): string[] {
  const lines: string[] = [];
  if (e.last_contact) {
    lines.push(
      `Last contact: ${e.last_contact.date} (${OUTCOME_WORDS[e.last_contact.outcome]})${e.last_contact.next ? `, next agreed for ${e.last_contact.next}` : ''}`,
    );
    for (const a of e.last_contact.actions) lines.push(`  agreed: ${a}`);
    if (e.last_contact.note) lines.push(`  note: ${e.last_contact.note}`);
  } else {
    lines.push('Last contact: none since the first meeting');
  }
  if (e.attempts.length > 0) lines.push(`Tried since: ${e.attempts.map((a) => `${a.date} (${OUTCOME_WORDS[a.outcome]})`).join(', ')}`);
  return lines;
}

/** Open concerns of the call's match, first: what the coordinator must know before dialling. */
export function concernLines(e: SheetEntry, withText: boolean): string[] {
  const lines = e.concerns.map(
    (c) => `${c.safeguarding ? 'OPEN SAFEGUARDING CONCERN' : 'Open concern'} ${c.name}: ${withText ? `"${c.text}"` : `its words are in ${e.file}`}`,
  );
  const lead = e.safeguarding_lead;
  if (lead) lines.push(`Safeguarding lead: ${[`${lead.name}${lead.role ? `, ${lead.role}` : ''}`, lead.phone, lead.email].filter(Boolean).join('  ')}`);
  return lines;
}

function dueText(e: SheetEntry): string {
  if (e.days_overdue > 0) return `${e.days_overdue} days overdue (due ${e.due})`;
  if (e.days_overdue === 0) return `due today`;
  return `planned today, due ${e.due}`;
}

export function renderSheet(programme: string, on: IsoDate, entries: SheetEntry[], chalk: ChalkInstance): string {
  const out = [chalk.bold(`${programme}: check-in calls for ${on}`), `${entries.length} call${entries.length === 1 ? '' : 's'} to make`, ''];
  if (entries.length === 0) out.push('No calls are due.');
  entries.forEach((e, i) => {
    out.push(chalk.bold(`${i + 1}. ${e.name} (${e.with})`) + `  ${[e.phone, e.email].filter(Boolean).join('  ')}`);
    for (const line of concernLines(e, true)) out.push(`   ${chalk.red.bold(line)}`);
    out.push(`   ${e.days_overdue > 0 ? chalk.red(dueText(e)) : dueText(e)}${e.planned?.date === on && e.planned.time ? `, planned ${e.planned.time}` : ''}`);
    out.push(`   Match ${e.match} with ${e.partner.name} (${e.partner.side}); first meeting ${e.first_meeting}`);
    for (const line of lastContactLines(e)) out.push(`   ${line}`);
    out.push('');
  });
  if (entries.length > 0) {
    out.push(chalk.bold('Questions to ask'));
    for (const q of entries[0]!.questions) out.push(`  - ${q}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderSheetMarkdown(programme: string, on: IsoDate, entries: SheetEntry[]): string {
  const out = [`# ${programme}: check-in calls for ${on}`, '', `${entries.length} call${entries.length === 1 ? '' : 's'} to make.`, ''];
  entries.forEach((e, i) => {
    out.push(`## ${i + 1}. ${e.name} (${e.with})`, '');
    // A printed sheet names the concern and the lead, not the words (they stay in the match file).
    for (const line of concernLines(e, false)) out.push(`- **${line}**`);
    out.push(`- Phone: ${e.phone ?? '-'}; email: ${e.email ?? '-'}`);
    out.push(`- ${dueText(e)}`);
    out.push(`- Match \`${e.match}\` with ${e.partner.name} (${e.partner.side}); first meeting ${e.first_meeting}`);
    for (const line of lastContactLines(e)) out.push(line.startsWith('  ') ? `  - ${line.trim()}` : `- ${line}`);
    out.push('- Notes:', '', '');
  });
  if (entries.length > 0) {
    out.push('## Questions to ask', '');
    for (const q of entries[0]!.questions) out.push(`- ${q}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderPlan(plan: Plan, chalk: ChalkInstance): string {
  const out: string[] = [];
  let day = '';
  for (const p of plan.planned) {
    if (p.date !== day) {
      day = p.date;
      out.push('', chalk.bold(day));
    }
    out.push(`  ${p.start}-${p.end}  ${p.name} (${p.with})  ${p.phone ?? ''}  match ${p.match}, due ${p.due}`);
  }
  if (plan.planned.length === 0) out.push('No calls are due by the last of those days.');
  if (plan.unplanned.length > 0) {
    out.push('', chalk.yellow.bold(`Not planned (${plan.unplanned.length})`));
    for (const u of plan.unplanned) out.push(`  ${u.name} (${u.with}), match ${u.match}, due ${u.due}: ${u.reason}`);
  }
  return `${out.join('\n').trim()}\n`;
}
