// The interactive phone day, driven through the real prompts: keys typed into the prompts' input
// stream as a person would type them at a terminal, Ctrl-C in the middle, then the files checked.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/commands/checkin-call.js';
import { makeContext } from '../../src/cli/context.js';
import { EXAMPLE_TODAY, exampleCopy } from '../helpers.js';
import { KEY, Terminal } from '../fixtures/terminal.js';

const QUESTIONS = [
  'How did the meeting go?',
  'Is it a good match?',
  'Was the mentee prepared (a topic, questions)?',
  'Did the mentor do most of the talking, or was it balanced?',
  'What one or two concrete things will you take to the next meeting?',
  'Is anything worrying you?',
];

function session(dir: string, terminal: Terminal) {
  const messages: string[] = [];
  const ctx = {
    ...makeContext({ dir, today: EXAMPLE_TODAY, cache: false, color: false }),
    stdinIsTTY: true,
    promptStreams: { input: terminal.input, output: terminal.output },
    stderr: (t: string) => void messages.push(t),
  };
  return { done: run(ctx, [], {}), messages };
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
}

describe('checkin call', () => {
  it('saves each call as it is answered, survives Ctrl-C, and resumes without asking twice', async () => {
    const dir = exampleCopy();
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'example');
    const freya = 'matches/2026-08-freya-andersen.yaml';
    const before = readFileSync(join(dir, freya), 'utf8');

    const t = new Terminal();
    const first = session(dir, t);
    await t.expect('[1/10] Freya Andersen (mentee)');
    await t.expect('How did the call with Freya Andersen go?', KEY.enter); // Reached them
    await t.expect('How is it going (1-5)?', KEY.down, KEY.enter); // 4
    await t.expect('A good match?', KEY.enter); // yes
    await t.expect('Did you come prepared?', KEY.down, KEY.enter); // no
    await t.expect('How did the meeting go? (Enter to skip)', 'We planned her CV', KEY.enter);
    for (const q of QUESTIONS.slice(1)) await t.expect(`${q} (Enter to skip)`, KEY.enter);
    await t.expect('An action agreed for the next meeting', 'Bring her CV', KEY.enter);
    await t.expect('Another action', KEY.enter);
    await t.expect('Any concern?', KEY.enter);
    await t.expect('Notes from the call', 'Keen to start again: exams are over', KEY.enter);
    await t.expect('Next contact agreed for', '2026-12-07', KEY.enter);
    await t.expect('[2/10] Priya Raghunathan (mentor)');
    await t.expect('How did the call with Priya Raghunathan go?', KEY.down, KEY.enter); // No answer
    await t.expect('[3/10] Emeka Obi (mentee)');
    await t.expect('How did the call with Emeka Obi go?', KEY.ctrlC);
    expect(await first.done).toBe(130);
    expect(t.text).toContain('Stopped. 2 calls recorded and saved');
    expect(first.messages.join('')).toContain('Recorded the call with Freya Andersen (mentee, reached) in matches/2026-08-freya-andersen.yaml.');

    // Both calls are in the file; every line that was there is still there, in order.
    const after = readFileSync(join(dir, freya), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(parse(after).checkins.slice(-2)).toEqual([
      {
        with: 'mentee',
        date: '2026-11-23',
        outcome: 'reached',
        rating: 4,
        good_match: 'yes',
        prepared: 'no',
        actions: ['Bring her CV'],
        note: 'Keen to start again: exams are over',
        next: '2026-12-07',
        answers: { 'How did the meeting go?': 'We planned her CV' },
      },
      { with: 'mentor', date: '2026-11-23', outcome: 'no-answer' },
    ]);
    expect(git(dir, 'diff', '--name-only').trim()).toBe(freya);

    // Carrying on: the two calls made today are not asked again.
    const t2 = new Terminal();
    const second = session(dir, t2);
    await t2.expect('8 calls to make on 2026-11-23.');
    await t2.expect('[1/8] Emeka Obi (mentee)');
    await t2.expect('How did the call with Emeka Obi go?', KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter); // Skip for now
    await t2.expect('[2/8] Aoife Ní Bhriain (mentor)');
    await t2.expect('How did the call with Aoife Ní Bhriain go?', KEY.enter);
    await t2.expect('How is it going (1-5)?', KEY.enter);
    await t2.expect('A good match?', KEY.enter);
    await t2.expect('Was the mentee prepared?', KEY.enter);
    for (const q of QUESTIONS) await t2.expect(`${q} (Enter to skip)`, KEY.enter);
    await t2.expect('An action agreed for the next meeting', KEY.enter);
    await t2.expect('Any concern?', 'Hà has missed college twice this week', KEY.enter);
    await t2.expect('Is it a safeguarding concern', 'y', KEY.enter);
    await t2.expect('Notes from the call', KEY.enter);
    await t2.expect('Next contact agreed for', KEY.enter);
    await t2.expect('[3/8] Bea Santos (mentee)', KEY.ctrlC);
    expect(await second.done).toBe(130);
    expect(second.messages.join('')).toContain('SAFEGUARDING CONCERN RECORDED');
    const ha = parse(readFileSync(join(dir, 'matches/2026-09-nguyen-thi-ha.yaml'), 'utf8')).checkins.at(-1);
    expect(ha).toEqual({
      with: 'mentor',
      date: '2026-11-23',
      outcome: 'reached',
      rating: 5,
      good_match: 'yes',
      prepared: 'yes',
      concern: { id: '2026-11-23', text: 'Hà has missed college twice this week', safeguarding: true },
    });
    expect(readFileSync(join(dir, 'matches/2026-10-emeka-obi.yaml'), 'utf8')).toBe(git(dir, 'show', 'HEAD:matches/2026-10-emeka-obi.yaml'));
  });
});
