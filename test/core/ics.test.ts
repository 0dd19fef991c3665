// The calendar file is folded by our own linear-time code: it must be the very text
// ical-generator writes, character for character.
import { foldLines as icalFold } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { buildCalendar, foldLines, renderIcs, withUtcStamp, type IcsInput } from '../../src/render/ics.js';
import { rng } from '../fixtures/random.js';

const PIECES = ['a', 'Z', ' ', ',', ';', '\\n', 'é', 'ß', 'Ł', 'ả', 'Ф', '中', '😀', '👩‍👧', '\u0301', '\ud800', '\udc00', 'x'.repeat(30), 'ü'.repeat(40)];

function randomText(next: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)]!;
  return text;
}

describe('calendar line folding', () => {
  it('folds 500 generated texts exactly as ical-generator does', () => {
    const next = rng(14);
    for (let n = 0; n < 500; n++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () => `DESCRIPTION:${randomText(next, Math.floor(next() * 60))}`);
      const text = lines.join('\r\n');
      expect(foldLines(text), JSON.stringify(text)).toBe(icalFold(text));
    }
  });

  it('writes the same calendar as ical-generator, apart from nothing', () => {
    const next = rng(7);
    const input: IcsInput = {
      programme: 'Riverside Befriending',
      timezone: 'Europe/London',
      stamp: new Date('2026-11-24T07:30:00Z'),
      calls: Array.from({ length: 60 }, (_, i) => ({
        match: `2026-11-match-${i}`,
        with: i % 2 ? ('mentor' as const) : ('mentee' as const),
        person: `p${i}`,
        name: `Nguyễn Thị Hà ${randomText(next, 3)}`,
        phone: i % 5 ? '+44 7700 900123' : null,
        email: i % 3 ? 'someone@example.org' : null,
        partner: 'Zoë Ångström',
        questions: [`How are things going? ${randomText(next, 20)}`, 'Anything we can help with?'],
        due: '2026-11-30',
        date: '2026-11-27',
        start: '09:30',
        end: '09:50',
      })) as unknown as IcsInput['calls'],
    };
    const ours = renderIcs(input);
    expect(ours).toContain('BEGIN:VEVENT');
    expect(ours.match(/BEGIN:VEVENT/g)).toHaveLength(60);
    expect(ours).toBe(withUtcStamp(buildCalendar(input).toString(), input.stamp));
  });
});
