// The smaller defects from the coordinator's trial, one test each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEA_MATCH, programmeCopy, ZOE } from '../fixtures/programme.js';
import { EXAMPLE_TODAY, mc, tempDir } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };

describe('the phone-day plan', () => {
  it('writes DTSTAMP in UTC and keeps one event per call when it is planned again', async () => {
    const p = programmeCopy();
    const ics = join(tempDir(), 'calls.ics');
    expect((await mc(['checkin', 'plan', '--days', '2026-11-24', '--ics', ics, '--dir', p.dir], { ...at, now: new Date('2026-11-23T09:00:00Z') })).code).toBe(
      0,
    );
    const first = readFileSync(ics, 'utf8');
    expect(first).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m);
    const uid = (text: string) => /UID:(2026-11-bea-santos-mentee-[^\r\n]*)/.exec(text)?.[1];
    const sequence = (text: string) =>
      Number(/UID:2026-11-bea-santos-mentee[\s\S]*?SEQUENCE:(\d+)/.exec(text)?.[1] ?? /SEQUENCE:(\d+)[\s\S]*?UID:2026-11-bea-santos-mentee/.exec(text)?.[1]);
    expect((await mc(['checkin', 'plan', '--days', '2026-11-25', '--ics', ics, '--dir', p.dir], { ...at, now: new Date('2026-11-23T15:00:00Z') })).code).toBe(
      0,
    );
    const second = readFileSync(ics, 'utf8');
    expect(uid(second)).toBe(uid(first));
    expect(uid(first)).toBe('2026-11-bea-santos-mentee-2026-11-21@mentor-coord');
    expect(sequence(second)).toBeGreaterThan(sequence(first));
  });

  it('refuses a day that is not a working day unless asked, and says a plan without --apply is not recorded', async () => {
    const p = programmeCopy();
    const saturday = await mc(['checkin', 'plan', '--days', '2026-11-28', '--dir', p.dir], at);
    expect(saturday.code).toBe(2);
    expect(saturday.stderr).toContain("2026-11-28 is a Saturday, not one of the programme's working days");
    const anyway = await mc(['checkin', 'plan', '--days', '2026-11-28', '--include-non-working', '--dir', p.dir], at);
    expect(anyway.code).toBe(0);
    expect(anyway.stderr).toContain('This plan is not recorded in the match files: add --apply to record it.');
  });

  it('writes planned times in quotes, and a recorded call uses up its slot', async () => {
    const p = programmeCopy();
    expect((await mc(['checkin', 'plan', '--days', '2026-11-24', '--apply', '--dir', p.dir], at)).code).toBe(0);
    expect(p.read(BEA_MATCH)).toMatch(/planned_calls:\n {2}- with: mentee\n {4}date: 2026-11-24\n {4}time: "\d\d:\d\d"/);
    const record = ['checkin', 'record', '2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--dir', p.dir];
    expect((await mc(record, { env: { MENTOR_COORD_TODAY: '2026-11-24' } })).code).toBe(0);
    expect(p.read(BEA_MATCH)).not.toMatch(/- with: mentee\n {4}date: 2026-11-24\n {4}time:/);
  });
});

describe('what a coordinator types', () => {
  it('suggests the match of a person given instead of a match', async () => {
    const run = await mc(['checkin', 'record', 'bea-santos', '--with', 'mentee', '--outcome', 'reached', '--dir', programmeCopy().dir], at);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Matches of bea-santos: 2026-11-bea-santos.');
  });

  it('takes periods in words, names a criterion from its attributes, and hints completed: for done:', async () => {
    const p = programmeCopy();
    p.replace('programme.yaml', 'grace: 14d', 'grace: fortnightly');
    p.replace('programme.yaml', '    - name: same area of the city\n      field: area', '    - field: area');
    expect(await mc(['validate', '--dir', p.dir])).toMatchObject({ code: 0, stderr: '' });
    p.replace(ZOE, '    completed: 2025-11-05', '    done: 2025-11-05');
    const run = await mc(['validate', '--dir', p.dir]);
    expect(run.stderr).toContain('has "done:" where the date it was completed goes');
    expect(run.stderr).toContain('Did you mean "completed:"?');
  });
});
