// merge-file on a few hundred generated three-way cases: random appends and edits on each side of
// a real match file. Every entry either side added is in the result; a change made on one side is
// kept; identical changes merge cleanly; our comments survive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeRecord } from '../../src/core/merge/records.js';
import { applyEdits, type Edit } from '../../src/core/yaml-edit.js';
import { rng } from '../fixtures/random.js';
import { EXAMPLE } from '../helpers.js';

const BASE = readFileSync(join(EXAMPLE, 'matches', '2026-09-nguyen-thi-ha.yaml'), 'utf8');

function sideChanges(random: () => number, tag: string): { edits: Edit[]; added: string[] } {
  const edits: Edit[] = [];
  const added: string[] = [];
  for (let n = Math.floor(random() * 4); n > 0; n--) {
    const note = `${tag}-${Math.floor(random() * 1e9)}`;
    const day = `2026-11-${String(17 + Math.floor(random() * 7)).padStart(2, '0')}`;
    const kind = Math.floor(random() * 4);
    if (kind === 0)
      edits.push({ op: 'append', path: ['checkins'], value: { with: random() < 0.5 ? 'mentor' : 'mentee', date: day, outcome: 'reached', note } });
    else if (kind === 1) edits.push({ op: 'append', path: ['meetings'], value: { date: day, note } });
    else if (kind === 2) edits.push({ op: 'append', path: ['reviews'], value: { date: day, note } });
    else edits.push({ op: 'append', path: ['concerns'], value: { raised: day, text: note } });
    added.push(note);
  }
  return { edits, added };
}

describe('merge-file', () => {
  it('keeps every entry added on either side (300 generated cases)', () => {
    const random = rng(13);
    for (let n = 0; n < 300; n++) {
      const a = sideChanges(random, 'ours');
      const b = sideChanges(random, 'theirs');
      // Sometimes one side also follows up the open safeguarding concern, or sets a field.
      if (random() < 0.3) a.edits.push({ op: 'set', path: ['checkins', 6, 'concern', 'follow_up'], value: { date: '2026-11-20', note: 'Declan told' } });
      if (random() < 0.3) b.edits.push({ op: 'set', path: ['planned_end'], value: '2027-10-01' });
      const ours = applyEdits(BASE, a.edits);
      const theirs = applyEdits(BASE, b.edits);
      const result = mergeRecord(BASE, ours, theirs);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.conflicts, JSON.stringify({ a: a.edits, b: b.edits })).toEqual([]);
      for (const note of [...a.added, ...b.added]) expect(result.text).toContain(note);
      const merged = parse(result.text) as { checkins: { concern?: { follow_up?: unknown } }[]; planned_end?: string };
      if (a.edits.some((e) => e.path.includes('follow_up'))) expect(merged.checkins[6]!.concern!.follow_up).toBeDefined();
      if (b.edits.some((e) => e.path[0] === 'planned_end')) expect(merged.planned_end).toBe('2027-10-01');
      expect(result.text.startsWith(BASE.split('\n').slice(0, 3).join('\n'))).toBe(true); // our comments and first lines
    }
  });

  it('merges identical changes cleanly, and marks a field changed differently on both sides', () => {
    const same = applyEdits(BASE, [{ op: 'append', path: ['meetings'], value: { date: '2026-11-20' } }]);
    expect(mergeRecord(BASE, same, same)).toEqual({ ok: true, text: same, conflicts: [] });
    const ours = applyEdits(BASE, [{ op: 'set', path: ['planned_end'], value: '2027-09-01' }]);
    const theirs = applyEdits(BASE, [{ op: 'set', path: ['planned_end'], value: '2027-12-01' }]);
    const result = mergeRecord(BASE, ours, theirs);
    expect(result.ok && result.conflicts.map((c) => c.path.join('.'))).toEqual(['planned_end']);
    expect(result.ok && result.text).toMatch(/<<<<<<< ours\nplanned_end: 2027-09-01\n=======\nplanned_end: 2027-12-01\n>>>>>>> theirs/);
  });
});
