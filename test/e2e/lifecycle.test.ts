// The rest of a relationship's life through the real binary, on a git copy of the example: each
// command keeps every line it does not change, validate stays clean, and the overdue item it is
// about clears (or appears).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { programmeCopy } from '../fixtures/programme.js';
import { cli, EXAMPLE_TODAY } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };

function gitCopy() {
  const p = programmeCopy();
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: p.dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'example');
  const removed = () =>
    git('diff', '-U0')
      .split('\n')
      .filter((l) => l.startsWith('-') && !l.startsWith('---'));
  return { ...p, removed };
}

const items = (dir: string, rule: string) =>
  (
    JSON.parse(cli(['overdue', '--json', '--rule', rule, '--within', '0d', '--dir', dir], at).stdout) as {
      items: { match: string | null; person: string | null; safeguarding: boolean }[];
    }
  ).items;

describe('the rest of a match life', () => {
  it('log: the first meeting logged clears first-meeting-missing', () => {
    const p = gitCopy();
    expect(items(p.dir, 'first-meeting-missing').some((i) => i.match === '2026-10-daniela-ruiz')).toBe(true);
    const run = cli(['log', '2026-10-daniela-ruiz', '--date', '2026-11-20', '--length', '1h', '--where', 'the library', '--dir', p.dir], at);
    expect(run.code, run.stderr).toBe(0);
    expect(parse(p.read('matches/2026-10-daniela-ruiz.yaml'))).toMatchObject({
      first_meeting: '2026-11-20',
      meetings: [{ date: '2026-11-20', length: '1h', where: 'the library' }],
    });
    expect(items(p.dir, 'first-meeting-missing').some((i) => i.match === '2026-10-daniela-ruiz')).toBe(false);
    expect(p.removed()).toEqual([]);
    expect(cli(['validate', '--dir', p.dir], at).code).toBe(0);
  });

  it('review: the next review point by default, which clears review-due', () => {
    const p = gitCopy();
    expect(items(p.dir, 'review-due').some((i) => i.match === '2026-07-kofi-asante')).toBe(true);
    expect(cli(['review', '2026-07-kofi-asante', '--rating', '4', '--note', 'Going well', '--focus', 'Applying to college', '--dir', p.dir], at).code).toBe(0);
    const m = parse(p.read('matches/2026-07-kofi-asante.yaml')) as {
      reviews: { milestone: string; rating: number }[];
      agreement: { terms: { focus: string } };
    };
    expect(m.reviews.at(-1)).toMatchObject({ milestone: '3m', rating: 4 });
    expect(m.agreement.terms.focus).toBe('Applying to college');
    expect(items(p.dir, 'review-due').some((i) => i.match === '2026-07-kofi-asante')).toBe(false);
    expect(p.removed()).toEqual([]);
    expect(cli(['validate', '--dir', p.dir], at).code).toBe(0);
  });

  it('pause and resume: resume clears pause-ended', () => {
    const p = gitCopy();
    expect(items(p.dir, 'pause-ended').some((i) => i.match === '2026-05-paulina-zielinska')).toBe(true);
    expect(cli(['resume', '2026-05-paulina-zielinska', '--dir', p.dir], at).code).toBe(0);
    expect(items(p.dir, 'pause-ended')).toEqual([]);
    expect(cli(['pause', '2026-11-bea-santos', '--until', '2027-01-10', '--reason', 'Exams', '--dir', p.dir], at).code).toBe(0);
    expect(parse(p.read('matches/2026-11-bea-santos.yaml'))).toMatchObject({
      status: 'paused',
      paused: { since: '2026-11-23', until: '2027-01-10', reason: 'Exams' },
    });
    expect(cli(['pause', '2026-11-bea-santos', '--until', '2027-01-10', '--reason', 'x', '--dir', p.dir], at).stderr).toContain('is paused, not active');
    expect(cli(['validate', '--dir', p.dir], at).code).toBe(0);
  });

  it('concern --safeguarding appears first on the report, with the lead shown', () => {
    const p = gitCopy();
    const run = cli(['concern', '2026-11-bea-santos', '--text', 'Bea was frightened of going home', '--safeguarding', '--dir', p.dir], at);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Declan Murphy');
    const report = JSON.parse(cli(['overdue', '--json', '--dir', p.dir], at).stdout) as { items: { match: string; safeguarding: boolean }[] };
    expect(report.items.slice(0, 2).map((i) => i.match)).toContain('2026-11-bea-santos');
    expect(cli(['checkin', 'follow-up', '2026-11-bea-santos', '--note', 'Declan called her mother', '--dir', p.dir], at).code).toBe(0);
    expect(p.removed()).toEqual([]);
  });

  it('close --rematch makes the mentee wait again; evaluate records the evaluation; extend moves the end', () => {
    const p = gitCopy();
    expect(cli(['extend', '2025-10-liam-o-connor', '--until', '2027-03-01', '--note', 'One more term', '--dir', p.dir], at).code).toBe(0);
    expect(items(p.dir, 'closure-due').some((i) => i.match === '2025-10-liam-o-connor')).toBe(false);
    const close = cli(
      ['close', '2026-11-bea-santos', '--reason', 'not-a-good-match', '--feedback-mentee', 'We never clicked', '--rematch', '--dir', p.dir],
      at,
    );
    expect(close.code, close.stderr).toBe(0);
    expect(parse(p.read('mentees/bea-santos.yaml'))).toMatchObject({ waiting_since: '2026-11-23' });
    expect(cli(['validate', '--dir', p.dir], at).code).toBe(0);
    const waiting = JSON.parse(cli(['overdue', '--json', '--rule', 'unmatched-waiting', '--within', '31d', '--dir', p.dir], at).stdout) as {
      items: { person: string }[];
    };
    expect(waiting.items.map((i) => i.person)).toContain('bea-santos');
    const proposal = JSON.parse(cli(['match', '--json', '--mentee', 'bea-santos', '--dir', p.dir], at).stdout) as { candidates: { mentor: string }[] };
    expect(proposal.candidates.some((c) => c.mentor === 'siobhan-o-ceallaigh')).toBe(false);
    expect(cli(['close', '2026-11-bea-santos', '--reason', 'completed', '--dir', p.dir], at).stderr).toContain('already closed');
    expect(cli(['evaluate', '2026-11-bea-santos', '--note', 'Rematched quickly', '--dir', p.dir], at).code).toBe(0);
    expect(parse(p.read('matches/2026-11-bea-santos.yaml')).closure).toMatchObject({
      reason: 'not-a-good-match',
      evaluated: '2026-11-23',
      evaluation: 'Rematched quickly',
      feedback: { mentee: 'We never clicked' },
    });
    expect(p.removed().filter((l) => !l.startsWith('-status:'))).toEqual([]);
  });

  it('onboard clears onboarding-incomplete; set-status records why', () => {
    const p = gitCopy();
    expect(items(p.dir, 'onboarding-incomplete').some((i) => i.person === 'rafael-costa')).toBe(true);
    const run = cli(['onboard', 'rafael-costa', 'code_of_conduct', '--date', '2026-11-20', '--dir', p.dir], at);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Onboarding complete.');
    expect(items(p.dir, 'onboarding-incomplete')).toEqual([]);
    expect(
      cli(
        ['onboard', 'giorgos-papadopoulos', 'background_check', '--date', '2026-11-20', '--expires', '2029-11-20', '--reference', 'DBS 1', '--dir', p.dir],
        at,
      ).code,
    ).toBe(0);
    expect(items(p.dir, 'background-check-expiring').some((i) => i.person === 'giorgos-papadopoulos')).toBe(false);
    expect(cli(['set-status', 'hiroshi-sato', 'left', '--note', 'Moved to Leeds', '--dir', p.dir], at).code).toBe(0);
    expect(parse(p.read('mentees/hiroshi-sato.yaml'))).toMatchObject({ status: 'left', status_changed: { date: '2026-11-23', note: 'Moved to Leeds' } });
    expect(cli(['validate', '--dir', p.dir], at).code).toBe(0);
    expect(cli(['set-status', 'hiroshi-sato', 'gone', '--dir', p.dir], at).stderr).toContain('is not active, paused or left');
  });
});
