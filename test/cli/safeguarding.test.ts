// Safeguarding is never blocked, closed by mistake, cut off or spread: the coordinator's trial.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BEA_MATCH, programmeCopy, ZOE } from '../fixtures/programme.js';
import { cli, EXAMPLE_TODAY, mc } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };
const disclosure = (dir: string) => [
  'checkin',
  'record',
  '2026-11-bea-santos',
  '--with',
  'mentee',
  '--outcome',
  'reached',
  '--concern',
  'Bea said an older cousin takes her money',
  '--safeguarding',
  '--dir',
  dir,
];
const concernsIn = (dir: string, file: string) =>
  ((parse(readFileSync(join(dir, file), 'utf8')) as { checkins?: { concern?: { id?: string; follow_up?: unknown } }[] }).checkins ?? []).flatMap((c) =>
    c.concern ? [c.concern] : [],
  );

describe('a disclosure is never blocked', () => {
  it("is recorded despite a colleague's typo in another file, with the lead's details", async () => {
    const p = programmeCopy();
    p.replace(ZOE, 'capacity: 2', 'capcity: 2');
    const run = await mc(disclosure(p.dir), at);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: 1 problem in 1 other file: run mentor-coord validate');
    expect(run.stderr).toContain('SAFEGUARDING CONCERN RECORDED');
    expect(run.stderr).toContain('Declan Murphy, Designated Safeguarding Lead');
    expect(concernsIn(p.dir, BEA_MATCH)).toEqual([expect.objectContaining({ id: '2026-11-23' })]);
  });

  it("shows the lead's details even when the write is refused", async () => {
    const p = programmeCopy();
    p.replace(BEA_MATCH, 'status: active', 'status: Active');
    const run = await mc(disclosure(p.dir), at);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SAFEGUARDING CONCERN NOT SAVED');
    expect(run.stderr).toContain('Declan Murphy, Designated Safeguarding Lead');
    expect(run.stderr).toContain('+44 20 7946 0199');
    expect(run.stderr).toContain('matches/2026-11-bea-santos.yaml has a problem, so nothing was written');
  });
});

describe('a concern is followed up by a name that never shifts', () => {
  it('refuses a second follow-up of the same concern instead of closing the next one', async () => {
    const p = programmeCopy();
    for (const text of ['First worry', 'Second worry']) {
      const run = await mc(
        ['checkin', 'record', '2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--concern', text, '--safeguarding', '--dir', p.dir],
        at,
      );
      expect(run.code).toBe(0);
    }
    expect(concernsIn(p.dir, BEA_MATCH).map((c) => c.id)).toEqual(['2026-11-23', '2026-11-23-2']);
    const none = await mc(['checkin', 'follow-up', '2026-11-bea-santos', '--note', 'Told Declan', '--dir', p.dir], at);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('has 2 open concerns: say which one');
    expect(none.stderr).toContain('2026-11-23-2 SAFEGUARDING: Second worry');
    const follow = ['checkin', 'follow-up', '2026-11-bea-santos', '--concern', '2026-11-23', '--note', 'Told Declan', '--dir', p.dir];
    expect((await mc(follow, at)).code).toBe(0);
    // The same command again, from the shell's history: refused, and the other stays open.
    const again = await mc(follow, at);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('the concern 2026-11-23 already has a follow-up');
    expect(again.stderr).toContain('Still open:');
    expect(concernsIn(p.dir, BEA_MATCH).map((c) => c.follow_up === undefined)).toEqual([false, true]);
    const items = JSON.parse((await mc(['overdue', '--json', '--rule', 'concern-open', '--match', '2026-11-bea-santos', '--dir', p.dir], at)).stdout) as {
      items: { match: string; concern: string; message: string }[];
    };
    const open = items.items.filter((i) => i.match === '2026-11-bea-santos');
    expect(open).toEqual([expect.objectContaining({ concern: '2026-11-23-2' })]);
    expect(open[0]!.message).toContain('mentor-coord checkin follow-up 2026-11-bea-santos --concern 2026-11-23-2 --note "..."');
  });
});

describe('contact details are never cut, and concern words do not travel by mail', () => {
  it('wraps a long email and a long path at 80 columns instead of cutting them', () => {
    const p = programmeCopy();
    p.replace('programme.yaml', 'email: safeguarding@riverside.example.org', 'email: designated.safeguarding.lead@riverside-mentoring.example.org');
    const run = cli(['overdue', '--dir', p.dir], { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY, COLUMNS: '80' } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('…');
    expect(run.stdout.replace(/[│\s]+/g, '')).toContain('designated.safeguarding.lead@riverside-mentoring.example.org');
    expect(run.stdout.replace(/[│\s]+/g, '')).toContain('mentor-coordonboardgiorgos-papadopoulosbackground_check');
    for (const line of run.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('leaves the words of a concern out of Markdown and text unless asked, and says where they are', async () => {
    const p = programmeCopy();
    const words = 'sleeping at a friend';
    for (const format of ['markdown', 'text']) {
      const mail = await mc(['overdue', '--format', format, '--dir', p.dir], at);
      expect(mail.stdout).not.toContain(words);
      expect(mail.stdout.replace(/\s+/g, ' ')).toContain('Its words are in matches/2026-09-nguyen-thi-ha.yaml');
      expect(mail.stdout).toContain('Declan Murphy');
      expect((await mc(['overdue', '--format', format, '--include-concern-text', '--dir', p.dir], at)).stdout).toContain(words);
    }
    expect((await mc(['overdue', '--dir', p.dir], at)).stdout).toContain(words);
    expect((await mc(['overdue', '--json', '--dir', p.dir], at)).stdout).toContain(words);
    const text = (await mc(['overdue', '--format', 'text', '--dir', p.dir], at)).stdout;
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(78);
    expect(text).not.toMatch(/\*\*|`|\\_/);
  });

  it('shows an open concern first on the call sheet and in its JSON', async () => {
    const p = programmeCopy();
    const sheet = await mc(['checkin', '--dir', p.dir], at);
    expect(sheet.stdout).toMatch(/Aoife Ní Bhriain \(mentor\).*\n {3}OPEN SAFEGUARDING CONCERN 2026-11-16: "Hà said/);
    expect(sheet.stdout).toContain('Safeguarding lead: Declan Murphy');
    const json = JSON.parse((await mc(['checkin', '--json', '--dir', p.dir], at)).stdout) as {
      calls: { match: string; concerns: { name: string }[]; safeguarding_lead: unknown }[];
    };
    const call = json.calls.find((c) => c.match === '2026-09-nguyen-thi-ha')!;
    expect(call.concerns).toEqual([
      expect.objectContaining({ name: '2026-11-16', safeguarding: true }),
      expect.objectContaining({ name: '2026-11-05', safeguarding: false }),
    ]);
    expect(call.safeguarding_lead).toMatchObject({ name: 'Declan Murphy' });
    const printed = (await mc(['checkin', '--format', 'markdown', '--dir', p.dir], at)).stdout;
    expect(printed).toContain('OPEN SAFEGUARDING CONCERN 2026-11-16: its words are in matches/2026-09-nguyen-thi-ha.yaml');
    expect(printed).not.toContain('sleeping at a friend');
  });
});
