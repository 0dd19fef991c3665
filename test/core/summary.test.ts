import { describe, expect, it } from 'vitest';
import { summariseChanges } from '../../src/core/merge/summary.js';

const match = (extra = '') => `mentor: tom\nmentee: bea\nstatus: active\n${extra}`;

describe('summariseChanges: the words of a commit message', () => {
  it('counts calls, concerns raised on a call or in the list, follow-ups, meetings and reviews', () => {
    const before = match('checkins:\n  - with: mentee\n    date: 2026-11-01\n    outcome: reached\n');
    const after = match(
      'checkins:\n  - with: mentee\n    date: 2026-11-01\n    outcome: reached\n  - with: mentor\n    date: 2026-11-20\n    outcome: reached\n    concern:\n      text: worried\n' +
        '  - with: mentee\n    date: 2026-11-21\n    outcome: no-answer\nmeetings:\n  - date: 2026-11-19\nreviews:\n  - date: 2026-11-20\n' +
        'concerns:\n  - raised: 2026-11-02\n    text: old\n    follow_up:\n      date: 2026-11-20\n      note: done\n',
    );
    expect(summariseChanges([{ path: 'matches/a.yaml', before, after }])).toBe(
      '2 calls recorded, 1 meeting logged, 1 review recorded, 2 concerns recorded, 1 concern followed up',
    );
  });

  it('names new matches, status changes, people and settings, and says when nothing changed', () => {
    expect(
      summariseChanges([
        { path: 'matches/new.yaml', after: 'mentor: a\nmentee: b\nstatus: proposed\n' },
        { path: 'matches/two.yaml', after: 'mentor: c\nmentee: d\nstatus: proposed\n' },
        { path: 'matches/old.yaml', before: match(), after: match().replace('active', 'closed') },
        { path: 'matches/p.yaml', before: match().replace('active', 'paused'), after: match() },
        { path: 'mentors/ann.yaml', after: 'name: Ann\n' },
        { path: 'mentees/bo.yaml', before: 'name: Bo\n', after: 'name: Bo B\n' },
        { path: 'programme.yaml', before: 'name: x\n', after: 'name: y\n' },
      ]),
    ).toBe('2 matches proposed, 1 match resumed, 1 match closed, 1 mentor added, 1 mentee updated, 1 programme settings changed');
    expect(summariseChanges([])).toBe('no changes');
  });

  it('a hand edit with no entry added is "match edited"; an unreadable file is still counted', () => {
    expect(summariseChanges([{ path: 'matches/a.yaml', before: match(), after: match('notes: hi\n') }])).toBe('1 match edited');
    expect(summariseChanges([{ path: 'matches/a.yaml', before: match(), after: '<<<<<<< ours\n: : :\n' }])).toBe('1 match edited');
    expect(summariseChanges([{ path: 'agreements/a.md', after: '# x' }])).toBe('1 other file changed');
  });
});
