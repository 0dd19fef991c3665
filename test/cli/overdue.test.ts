import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/overdue/ids.js';
import { cli, mc, EXAMPLE, EXAMPLE_TODAY, exampleCopy, tempDir } from '../helpers.js';
import { INIT_CONTACTS } from '../fixtures/programme.js';

interface Item {
  rule: string;
  severity: string;
  match: string | null;
  person: string | null;
  due: string;
  days_overdue: number;
  message: string;
  upcoming: boolean;
  safeguarding: boolean;
  phone: string | null;
}

async function overdue(args: string[], dir = EXAMPLE) {
  const run = await mc(['overdue', '--dir', dir, '--today', EXAMPLE_TODAY, ...args]);
  return { ...run, json: run.stdout.startsWith('{') ? (JSON.parse(run.stdout) as { today: string; items: Item[]; problems: unknown[] }) : undefined };
}

const key = (i: Item) => `${i.rule} ${i.match ?? '-'} ${i.person ?? '-'} ${i.days_overdue}`;

const base = await overdue(['--json']);

describe('overdue on the example programme', () => {
  const { code, json } = base;

  it('tells the stories of examples/riverside/README.md: safeguarding on top, then by severity, most overdue first', async () => {
    expect(code).toBe(0);
    expect(json!.today).toBe('2026-11-23');
    expect(json!.problems).toEqual([]);
    expect(json!.items.map(key)).toEqual([
      'concern-open 2026-09-nguyen-thi-ha nguyen-thi-ha 7',
      'onboarding-incomplete 2026-09-maya-patel rafael-costa 63',
      'onboarding-stalled - katerina-dvorakova 407',
      'onboarding-stalled - jurgen-weiss 368',
      'onboarding-stalled - lars-oberg 275',
      'unmatched-waiting - ugo-eze 84',
      'onboarding-stalled - ivana-juric 70',
      'onboarding-stalled - gwen-llewellyn 53',
      'meeting-gap 2026-04-jamal-idris - 50',
      'unmatched-waiting - efua-boateng 47',
      'unmatched-waiting - fionn-gallagher 33',
      'checkin-overdue 2026-08-freya-andersen freya-andersen 31',
      'checkin-overdue 2026-08-freya-andersen priya-raghunathan 31',
      'unmatched-waiting - hamza-qureshi 23',
      'background-check-expiring - giorgos-papadopoulos 22',
      'meeting-gap 2025-10-liam-o-connor - 22',
      'concern-open 2026-09-nguyen-thi-ha nguyen-thi-ha 18',
      'onboarding-stalled - hiroshi-sato 16',
      'first-meeting-missing 2026-10-daniela-ruiz - 14',
      'unmatched-waiting - guadalupe-torres 12',
      'checkin-overdue 2026-10-emeka-obi emeka-obi 11',
      'checkin-overdue 2026-09-nguyen-thi-ha aoife-ni-bhriain 7',
      'checkin-overdue 2026-11-bea-santos bea-santos 2',
      'checkin-overdue 2026-11-bea-santos siobhan-o-ceallaigh 2',
      'checkin-overdue 2025-10-liam-o-connor liam-o-connor 1',
      'checkin-overdue 2025-10-liam-o-connor rhys-ap-gwilym 1',
      'checkin-overdue 2026-04-jamal-idris fatima-al-sayed 1',
      'checkin-overdue 2026-04-jamal-idris jamal-idris 1',
      'background-check-expiring 2026-08-nadia-benali ingrid-sondergaard -12',
      'review-due 2026-04-jamal-idris - 34',
      'closure-due 2025-10-liam-o-connor - 34',
      'agreement-unsigned 2026-10-wiktor-nowak - 28',
      'review-due 2026-07-kofi-asante - 27',
      'pause-ended 2026-05-paulina-zielinska - 7',
    ]);
  });

  it('has at least one item of every rule, with contact details and what to do', async () => {
    const rules = new Set(json!.items.map((i) => i.rule));
    expect([...rules].sort()).toEqual([
      'agreement-unsigned',
      'background-check-expiring',
      'checkin-overdue',
      'closure-due',
      'concern-open',
      'first-meeting-missing',
      'meeting-gap',
      'onboarding-incomplete',
      'onboarding-stalled',
      'pause-ended',
      'review-due',
      'unmatched-waiting',
    ]);
    const concern = json!.items[0]!;
    expect(concern).toMatchObject({ severity: 'high', safeguarding: true, phone: '+44 7700 900500' });
    expect(concern.message).toContain('Declan Murphy, +44 20 7946 0199');
    const first = Object.keys(concern).slice(0, 7);
    expect(first).toEqual(['rule', 'severity', 'match', 'person', 'due', 'days_overdue', 'message']);
  });

  it('--exit-code exits 1 when anything is overdue', async () => {
    expect((await overdue(['--exit-code', '--quiet'])).code).toBe(1);
  });

  it('--within adds what falls due soon, after everything overdue', async () => {
    const items = (await overdue(['--json', '--within', '3d'])).json!.items;
    const upcoming = items.filter((i) => i.upcoming).map(key);
    expect(upcoming).toEqual([
      'checkin-overdue 2026-11-callum-macleod bjorn-thorsson -1',
      'checkin-overdue 2026-11-callum-macleod callum-macleod -1',
      'checkin-overdue 2026-08-nadia-benali ingrid-sondergaard -3',
      'checkin-overdue 2026-08-nadia-benali nadia-benali -3',
      'agreement-unsigned 2026-10-emeka-obi emeka-obi 0',
    ]);
    expect(items.slice(-upcoming.length).every((i) => i.upcoming)).toBe(true);
  });

  it("filters by rule, severity, match and person; another family's safeguarding concern is only counted", async () => {
    const byRule = (await overdue(['--json', '--rule', 'review-due,closure-due'])).json!.items;
    expect(new Set(byRule.map((i) => i.rule))).toEqual(new Set(['review-due', 'closure-due']));
    const high = (await overdue(['--json', '--severity', 'high'])).json!.items;
    expect(high.map((i) => i.rule)).toEqual(['concern-open', 'onboarding-incomplete']);
    const matchReport = (await overdue(['--json', '--match', '2026-04-jamal-idris'])).json!;
    expect(matchReport.items.map((i) => i.rule)).toEqual(['meeting-gap', 'checkin-overdue', 'checkin-overdue', 'review-due']);
    expect((matchReport as unknown as { safeguarding_elsewhere: number }).safeguarding_elsewhere).toBe(1);
    const person = await overdue(['--person', 'rhys-ap-gwilym']);
    expect(person.stdout).toContain('1 safeguarding concern open on another match: mentor-coord overdue --rule concern-open');
    expect(person.stdout).not.toContain('sleeping at a friend');
    const personItems = (await overdue(['--json', '--person', 'rhys-ap-gwilym'])).json!.items;
    expect(personItems.map((i) => i.rule)).toEqual(['meeting-gap', 'checkin-overdue', 'checkin-overdue', 'closure-due']);
  });

  it('refuses unknown rules, matches and people with a suggestion (exit 2)', async () => {
    const rule = await overdue(['--rule', 'review-overdue']);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toMatch(/--rule "review-overdue" is not one of/);
    const match = await overdue(['--match', '2026-04-jamal-idri']);
    expect(match.code).toBe(2);
    expect(match.stderr).toMatch(/Did you mean "2026-04-jamal-idris"/);
    expect((await overdue(['--within', 'soon'])).code).toBe(2);
    expect((await overdue(['--format', 'pdf'])).code).toBe(2);
  });

  it('prints Markdown for an email, grouped by rule', async () => {
    const run = await overdue(['--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^# Riverside Mentoring: overdue on 2026-11-23\n\n\*\*34 overdue, 2 high, 1 SAFEGUARDING\*\*\n\n## Open concerns \(2\)\n\n- \*\*SAFEGUARDING\*\* · \*\*open 7 days\*\* · Nguyễn Thị Hà/,
    );
    expect(run.stdout).toContain('## Check-in calls overdue (10)');
  });

  it('groups by person or match', async () => {
    const byPerson = (await overdue(['--format', 'markdown', '--by', 'person'])).stdout;
    expect(byPerson).toContain("## Liam O'Connor (");
    const byMatch = (await overdue(['--format', 'markdown', '--by', 'match'])).stdout;
    expect(byMatch).toContain('## 2026-04-jamal-idris: Fatima Al-Sayed and Jamal Idris (4)');
  });

  it('writes CSV with a header and a byte-order mark for spreadsheets', async () => {
    const run = await overdue(['--format', 'csv']);
    const lines = run.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(run.stdout.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('rule,severity,match,person,due,days_overdue,message,upcoming,safeguarding,mentor,mentee,name,phone,email,file');
    expect(lines).toHaveLength(35);
    expect(lines[1]).toMatch(/^concern-open,high,2026-09-nguyen-thi-ha,nguyen-thi-ha,2026-11-16,7,"SAFEGUARDING/);
  });

  it('prints a plain table when not on a terminal', async () => {
    const run = await overdue([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Riverside Mentoring: overdue on 2026-11-23\n34 overdue/);
    expect(run.stdout).toContain('Nguyễn Thị Hà');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('the order of the report', () => {
  it('is the same on a machine in another language (ties are ordered by id the same way everywhere)', () => {
    // Two mentees waiting exactly as long: their order comes from their ids alone. In Danish "aa"
    // is the letter å, after z, and the machine's own collation put zz-eze first there.
    const dir = exampleCopy();
    const ugo = readFileSync(join(dir, 'mentees', 'ugo-eze.yaml'), 'utf8');
    writeFileSync(join(dir, 'mentees', 'aa-eze.yaml'), ugo);
    writeFileSync(join(dir, 'mentees', 'zz-eze.yaml'), ugo);
    const people = (env: Record<string, string>) => {
      const run = cli(['overdue', '--json', '--rule', 'unmatched-waiting', '--today', EXAMPLE_TODAY, '--dir', dir], { env });
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { items: { person: string }[] }).items.map((i) => i.person);
    };
    const english = people({ LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' });
    expect(english.indexOf('aa-eze')).toBeLessThan(english.indexOf('zz-eze'));
    expect(english.indexOf('aa-eze')).toBeGreaterThanOrEqual(0);
    expect(people({ LC_ALL: 'da_DK.UTF-8', LANG: 'da_DK.UTF-8' })).toEqual(english);
    expect(people({ LC_ALL: 'lt_LT.UTF-8', LANG: 'lt_LT.UTF-8' })).toEqual(english);
  });
});

describe('overdue --help', () => {
  it('lists every rule id and says safeguarding concerns are always shown', async () => {
    const help = (await mc(['overdue', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const id of RULE_IDS) expect(help).toContain(id);
    expect(help).toContain('Safeguarding concerns are always shown');
  });
});

describe('overdue for cron', () => {
  it('--quiet prints nothing at all and exits 0 when nothing is overdue', async () => {
    const dir = join(tempDir(), 'new');
    expect((await mc(['init', dir, ...INIT_CONTACTS])).code).toBe(0);
    const run = await mc(['overdue', '--quiet', '--exit-code', '--dir', dir, '--today', EXAMPLE_TODAY]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    const loud = await mc(['overdue', '--dir', dir, '--today', EXAMPLE_TODAY]);
    expect(loud.stdout).toContain('Nothing is overdue.');
  });

  it('still reports on everything that loaded when a file is broken, headed by the problems, exit 2, even with --quiet', async () => {
    const dir = exampleCopy();
    writeFileSync(
      join(dir, 'matches', '2026-11-bea-santos.yaml'),
      readFileSync(join(dir, 'matches', '2026-11-bea-santos.yaml'), 'utf8').replace('status: active', 'status: [active'),
    );
    const run = await mc(['overdue', '--quiet', '--format', 'markdown', '--dir', dir, '--today', EXAMPLE_TODAY]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^# Riverside Mentoring: overdue on 2026-11-23\n\n> \*\*Warning:\*\* 1 file could not be read/);
    expect(run.stdout).toContain('matches/2026-11-bea-santos.yaml:5:9');
    expect(run.stdout).toContain('32 overdue');
    const json = JSON.parse((await mc(['overdue', '--json', '--dir', dir, '--today', EXAMPLE_TODAY])).stdout) as {
      items: unknown[];
      problems: { file: string }[];
    };
    expect(json.problems).toMatchObject([{ file: 'matches/2026-11-bea-santos.yaml' }]);
    expect(json.items).toHaveLength(32);
  });
});
