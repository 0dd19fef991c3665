import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mc, EXAMPLE, EXAMPLE_TODAY, exampleCopy, tempDir } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };

/** Parses an .ics file with ical.js, registering its own time zone definitions. */
function readCalendar(path: string) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** A copy of the example under git, so tests can see exactly what a command changed. */
function gitCopy(): string {
  const dir = exampleCopy();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'add', '-A');
  git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-qm', 'example');
  return dir;
}
const diff = (dir: string) => execFileSync('git', ['diff', '--numstat'], { cwd: dir, encoding: 'utf8' });
const removedLines = (dir: string) =>
  execFileSync('git', ['diff', '-U0'], { cwd: dir, encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.startsWith('-') && !l.startsWith('---'));

describe('checkin: the call sheet', () => {
  it('lists the calls due today, overdue first, with contacts, partner, last contact and questions', async () => {
    const run = await mc(['checkin', '--dir', EXAMPLE], at);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Riverside Mentoring: check-in calls for 2026-11-23\n10 calls to make\n\n1\. Freya Andersen \(mentee\) {2}\+44 7700 900507/);
    expect(run.stdout).toContain(
      '3. Emeka Obi (mentee)  +44 7700 900506  emeka.obi@mail.example.net\n   11 days overdue (due 2026-11-12)\n   Match 2026-10-emeka-obi with Chiara Bianchi (mentor); first meeting 2026-11-09\n   Last contact: none since the first meeting\n   Tried since: 2026-11-11 (no answer), 2026-11-12 (left a message)',
    );
    expect(run.stdout).toContain('Did the mentor do most of the talking, or was it balanced?');
  });

  it('gives the same calls as overdue reports, as JSON', async () => {
    const sheet = JSON.parse((await mc(['checkin', 'sheet', '--json', '--dir', EXAMPLE], at)).stdout) as {
      on: string;
      calls: { match: string; with: string; days_overdue: number; last_contact: unknown }[];
    };
    const overdue = JSON.parse((await mc(['overdue', '--json', '--rule', 'checkin-overdue', '--dir', EXAMPLE], at)).stdout) as {
      items: { match: string; person: string; days_overdue: number }[];
    };
    expect(sheet.on).toBe('2026-11-23');
    expect(sheet.calls.map((c) => `${c.match} ${c.days_overdue}`).sort()).toEqual(overdue.items.map((i) => `${i.match} ${i.days_overdue}`).sort());
  });

  it('prints a Markdown sheet for another day', async () => {
    const run = await mc(['checkin', '--on', '2026-11-24', '--format', 'markdown', '--dir', EXAMPLE], at);
    expect(run.stdout).toMatch(/^# Riverside Mentoring: check-in calls for 2026-11-24\n\n12 calls to make\./);
    expect(run.stdout).toContain('## 12. Björn Þórsson (mentor)');
  });
});

describe('checkin plan', () => {
  it('plans the phone days and writes an iCalendar file that an independent parser reads back', async () => {
    const dir = exampleCopy();
    const ics = join(tempDir(), 'calls.ics');
    const run = await mc(
      ['checkin', 'plan', '--days', '2026-11-24,2026-11-26', '--per-day', '5', '--from', '10:00', '--slot', '15min', '--ics', ics, '--json', '--dir', dir],
      at,
    );
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as {
      planned: { match: string; with: string; person: string; start: string; end: string; due: string }[];
      unplanned: { match: string; reason: string }[];
    };
    expect(plan.planned).toHaveLength(10);
    expect(plan.planned[0]).toEqual({
      match: '2026-08-freya-andersen',
      with: 'mentee',
      person: 'freya-andersen',
      start: '2026-11-24T10:00:00+00:00',
      end: '2026-11-24T10:15:00+00:00',
      due: '2026-10-23',
      name: 'Freya Andersen',
      phone: '+44 7700 900507',
      date: '2026-11-24',
    });
    expect(plan.unplanned.map((u) => u.match)).toEqual(['2026-11-callum-macleod', '2026-11-callum-macleod', '2026-08-nadia-benali', '2026-08-nadia-benali']);

    const { calendar, events } = readCalendar(ics);
    expect(events).toHaveLength(10);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    const first = events[0]!;
    expect(first.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
    expect(first.startDate.toString()).toBe('2026-11-24T10:00:00');
    expect(first.endDate.toString()).toBe('2026-11-24T10:15:00');
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-11-24T10:00:00.000Z');
    const names = events.map((e) => e.summary);
    expect(names).toContain('Call Siobhán Ó Ceallaigh (mentor), 2026-11-bea-santos');
    expect(names).toContain("Call Liam O'Connor (mentee), 2025-10-liam-o-connor");
    expect(first.description).toContain('Phone: +44 7700 900507');
    expect(first.location).toBe('+44 7700 900507');
  });

  it("writes local times in the programme's time zone, whatever the machine's", async () => {
    const dir = exampleCopy();
    const path = join(dir, 'programme.yaml');
    writeFileSync(path, read(dir, 'programme.yaml').replace('timezone: Europe/London', 'timezone: America/New_York'));
    const ics = join(tempDir(), 'ny.ics');
    const run = await mc(['checkin', 'plan', '--days', '2026-11-24', '--per-day', '1', '--ics', ics, '--json', '--dir', dir], {
      env: { ...at.env, TZ: 'Asia/Tokyo' },
    });
    expect((JSON.parse(run.stdout) as { planned: { start: string }[] }).planned[0]!.start).toBe('2026-11-24T09:30:00-05:00');
    const event = readCalendar(ics).events[0]!;
    expect(event.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('America/New_York');
    expect(event.startDate.toString()).toBe('2026-11-24T09:30:00');
    // 09:30 in New York is 14:30 UTC in November: the file's own time zone definition says so.
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-24T14:30:00.000Z');
  });

  it('with --apply records the slots on each match and changes nothing else', async () => {
    const dir = gitCopy();
    const run = await mc(['checkin', 'plan', '--days', '2026-11-24', '--per-day', '4', '--apply', '--dir', dir], at);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('wrote matches/2026-08-freya-andersen.yaml');
    expect(removedLines(dir)).toEqual([]);
    expect(diff(dir).trim().split('\n')).toHaveLength(3);
    expect(parse(read(dir, 'matches/2026-10-emeka-obi.yaml')).planned_calls).toEqual([
      { with: 'mentee', date: '2026-11-24', time: '10:10', due: '2026-11-12' },
    ]);
    expect((await mc(['validate', '--dir', dir])).code).toBe(0);
    // The planned call now appears on that day's sheet.
    const sheet = JSON.parse((await mc(['checkin', '--on', '2026-11-24', '--json', '--dir', dir], at)).stdout) as {
      calls: { match: string; planned: unknown }[];
    };
    expect(sheet.calls.find((c) => c.match === '2026-10-emeka-obi')!.planned).toEqual({ date: '2026-11-24', time: '10:10' });
  });

  it('refuses bad plans and writes nothing', async () => {
    const dir = gitCopy();
    const cases: [string[], RegExp][] = [
      [['--per-day', '4'], /no phone days given/],
      [['--days', '2026-11-24', '--per-day', '0'], /leaves no room/],
      [['--days', '24/11/2026'], /is not a date/],
      [['--days', '2026-11-20'], /in the past/],
      [['--days', '2026-11-24', '--slot', 'long'], /not a length of time/],
      [['--days', '2026-11-24', '--ics', join(dir, 'no', 'such', 'folder', 'calls.ics'), '--apply'], /cannot write in/],
    ];
    for (const [args, message] of cases) {
      const run = await mc(['checkin', 'plan', ...args, '--dir', dir], at);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(diff(dir)).toBe('');
  });
});

describe('checkin record and follow-up', () => {
  it('appends the call to the match file, keeping every existing line, and says what is due next', async () => {
    const dir = gitCopy();
    const run = await mc(
      [
        'checkin',
        'record',
        '2026-11-bea-santos',
        '--with',
        'mentee',
        '--outcome',
        'reached',
        '--rating',
        '4',
        '--good-match',
        'yes',
        '--prepared',
        'no',
        '--action',
        'Bring questions about college courses',
        '--action',
        'Look at two apprenticeship adverts',
        '--note',
        'Shy but keen',
        '--by',
        'Amara Okafor',
        '--dir',
        dir,
      ],
      at,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Recorded the call with Bea Santos (mentee, reached) in matches/2026-11-bea-santos.yaml.');
    expect(run.stderr).toContain('Next call with Bea Santos due by 2026-12-18.');
    expect(removedLines(dir)).toEqual([]);
    const text = read(dir, 'matches/2026-11-bea-santos.yaml');
    expect(text.startsWith('# yaml-language-server: $schema=../schema/match.schema.json\n# Siobhán Ó Ceallaigh and Bea Santos')).toBe(true);
    expect(parse(text).checkins).toEqual([
      {
        with: 'mentee',
        date: '2026-11-23',
        outcome: 'reached',
        rating: 4,
        good_match: 'yes',
        prepared: 'no',
        actions: ['Bring questions about college courses', 'Look at two apprenticeship adverts'],
        note: 'Shy but keen',
        by: 'Amara Okafor',
      },
    ]);
    const overdue = JSON.parse((await mc(['overdue', '--json', '--match', '2026-11-bea-santos', '--dir', dir], at)).stdout) as {
      items: { rule: string; person: string }[];
    };
    expect(overdue.items.filter((i) => i.rule === 'checkin-overdue').map((i) => i.person)).toEqual(['siobhan-o-ceallaigh']);
  });

  it('shows a safeguarding concern back with the safeguarding lead, keeps it on the overdue report until followed up', async () => {
    const dir = gitCopy();
    const run = await mc(
      [
        'checkin',
        'record',
        '2026-11-bea-santos',
        '--with',
        'mentor',
        '--outcome',
        'reached',
        '--concern',
        'Bea mentioned an older man who drives her home',
        '--safeguarding',
        '--dir',
        dir,
      ],
      at,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('SAFEGUARDING CONCERN RECORDED');
    expect(run.stderr).toContain('Declan Murphy, Designated Safeguarding Lead');
    expect(run.stderr).toContain('+44 20 7946 0199');
    const concerns = async () =>
      (
        JSON.parse((await mc(['overdue', '--json', '--rule', 'concern-open', '--dir', dir], at)).stdout) as {
          items: { match: string; days_overdue: number; safeguarding: boolean }[];
        }
      ).items;
    expect(await concerns()).toContainEqual(expect.objectContaining({ match: '2026-11-bea-santos', days_overdue: 0, safeguarding: true }));

    const follow = await mc(
      ['checkin', 'follow-up', '2026-11-bea-santos', '--note', "Declan informed; he spoke to Bea's mother the same day", '--by', 'Amara Okafor', '--dir', dir],
      at,
    );
    expect(follow.code).toBe(0);
    expect((await concerns()).map((c) => c.match)).toEqual(['2026-09-nguyen-thi-ha', '2026-09-nguyen-thi-ha']);
    expect(parse(read(dir, 'matches/2026-11-bea-santos.yaml')).checkins[0].concern.follow_up).toEqual({
      date: '2026-11-23',
      note: "Declan informed; he spoke to Bea's mother the same day",
      by: 'Amara Okafor',
    });
    expect(removedLines(dir)).toEqual([]);
    const again = await mc(['checkin', 'follow-up', '2026-11-bea-santos', '--note', 'x', '--dir', dir], at);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/has no open concern/);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const dir = gitCopy();
    const cases: [string[], RegExp][] = [
      [['2026-11-bea-santo', '--with', 'mentee', '--outcome', 'reached'], /there is no match "2026-11-bea-santo"[\s\S]*Did you mean "2026-11-bea-santos"/],
      [['2026-11-bea-santos', '--with', 'mother', '--outcome', 'reached'], /not mentor or mentee/],
      [['2026-11-bea-santos', '--with', 'mentee', '--outcome', 'answered'], /--outcome "answered" is not one of/],
      [['2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--rating', '7'], /from 1 to 5/],
      [['2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--date', '2026-11-30'], /in the future/],
      [['2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--safeguarding'], /needs the concern/],
      [['2026-11-bea-santos', '--outcome', 'reached'], /say who the call was with/],
    ];
    for (const [args, message] of cases) {
      const run = await mc(['checkin', 'record', ...args, '--dir', dir], at);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/Nothing was written|hint/);
    }
    expect(diff(dir)).toBe('');
  });

  it('refuses to write while a file it touches has problems, and warns about the others', async () => {
    const dir = gitCopy();
    writeFileSync(join(dir, 'mentees', 'broken.yaml'), 'name: [\n');
    const elsewhere = await mc(['checkin', 'record', '2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--dir', dir], at);
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stderr).toContain('warning: 1 problem in 1 other file: run mentor-coord validate');
    execFileSync('git', ['checkout', '--', '.'], { cwd: dir });
    const mentee = join(dir, 'mentees', 'bea-santos.yaml');
    writeFileSync(mentee, readFileSync(mentee, 'utf8').replace(/^name: /m, 'nmae: '));
    const touched = await mc(['checkin', 'record', '2026-11-bea-santos', '--with', 'mentee', '--outcome', 'reached', '--dir', dir], at);
    expect(touched.code).toBe(2);
    expect(touched.stderr).toContain('mentees/bea-santos.yaml:');
    expect(touched.stderr).toMatch(/mentees\/bea-santos.yaml has problems, so nothing was written/);
    expect(diff(dir)).toBe('1\t1\tmentees/bea-santos.yaml\n');
  });

  it('checkin call needs a terminal and says which command to use instead', async () => {
    const run = await mc(['checkin', 'call', '--dir', EXAMPLE], at);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/needs a terminal[\s\S]*mentor-coord checkin record/);
  });
});
