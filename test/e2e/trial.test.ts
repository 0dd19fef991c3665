// The coordinator's trial, replayed through the real binary: each case failed before the fixes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BEA_MATCH, programmeCopy, ZOE } from '../fixtures/programme.js';
import { cli, EXAMPLE, EXAMPLE_TODAY } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };

describe("the coordinator's trial", () => {
  it("records a safeguarding disclosure despite a typo in another file, with the lead's details", () => {
    const p = programmeCopy();
    p.replace(ZOE, 'capacity: 2', 'capcity: 2');
    const run = cli(
      [
        'checkin',
        'record',
        '2026-11-bea-santos',
        '--with',
        'mentee',
        '--outcome',
        'reached',
        '--concern',
        'Bea is scared to go home',
        '--safeguarding',
        '--dir',
        p.dir,
      ],
      at,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Declan Murphy, Designated Safeguarding Lead');
    expect(run.stderr).toContain('+44 20 7946 0199');
    expect(p.read(BEA_MATCH)).toContain('Bea is scared to go home');
  });

  it('never follows up the next concern when the same follow-up is run twice', () => {
    const p = programmeCopy();
    const follow = ['checkin', 'follow-up', '2026-09-nguyen-thi-ha', '--concern', '2026-11-16', '--note', 'Declan told', '--dir', p.dir];
    expect(cli(follow, at).code).toBe(0);
    const again = cli(follow, at);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already has a follow-up');
    const data = parse(p.read('matches/2026-09-nguyen-thi-ha.yaml')) as { concerns: { follow_up?: unknown }[] };
    expect(data.concerns[0]!.follow_up).toBeUndefined();
  });

  it("keeps another family's disclosure out of one person's report", () => {
    const run = cli(['overdue', '--person', 'zoe-angstrom', '--dir', EXAMPLE], at);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('sleeping at a friend');
    expect(run.stdout).toContain('1 safeguarding concern open on another match');
  });

  it("files a matched mentor's expiring check under the match, naming the mentee", () => {
    const json = JSON.parse(cli(['overdue', '--json', '--match', '2026-08-nadia-benali', '--dir', EXAMPLE], at).stdout) as {
      items: { rule: string; match: string; person: string; due: string; when: string; message: string }[];
    };
    const check = json.items.find((i) => i.rule === 'background-check-expiring')!;
    expect(check).toMatchObject({ match: '2026-08-nadia-benali', person: 'ingrid-sondergaard', due: '2026-12-05', when: 'expires in 12 days' });
    expect(check.message).toContain('Nadia Benali');
  });

  it('says what it means: dates and words that fit each rule', () => {
    const text = cli(['overdue', '--format', 'text', '--dir', EXAMPLE], at).stdout;
    expect(text).toContain('waiting 114 days (limit 30 days)');
    expect(text).toContain('expired 22 days ago');
    expect(text).toContain('they agreed to meet every month');
    expect(text).toMatch(/The 3-month review of/);
    expect(text).not.toMatch(/\b1 days\b|every \dm\b|today overdue/);
    const markdown = cli(['overdue', '--format', 'markdown', '--dir', EXAMPLE], at).stdout;
    const order = [...markdown.matchAll(/^## (.*) \(\d+\)$/gm)].map((m) => m[1]);
    expect(order.indexOf('Matched before onboarding was complete')).toBeLessThan(order.indexOf('Reviews due'));
    expect(readFileSync(`${EXAMPLE}/README.md`, 'utf8')).toContain('onboarding-stalled');
  });
});
