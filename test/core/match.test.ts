// Matching in the pure core: who may be matched (one test per rule), scores and their
// breakdowns, and proposals on small programmes.
import { describe, expect, it } from 'vitest';
import { evaluate, scorePair } from '../../src/core/match/criteria.js';
import { propose, explainMentee } from '../../src/core/match/propose.js';
import { criterionSchema, menteeSchema, mentorSchema } from '../../src/core/schema/index.js';
import { model } from '../fixtures/model.js';
import { proposalJsonChunks } from '../../src/render/match.js';
import { rng } from '../fixtures/random.js';

const TODAY = '2026-11-23';
const criteria = [
  { name: 'language', field: 'languages', compare: 'overlap', required: true },
  { name: 'goals', mentee: 'goals', mentor: 'expertise', compare: 'overlap', weight: 3 },
  { name: 'area', field: 'area', compare: 'same', weight: 1 },
];
const settings = { matching: { criteria } };
const mentor = (attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  attributes: { languages: ['English'], ...attributes },
  ...extra,
});
const mentee = (attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  attributes: { languages: ['English'], ...attributes },
  ...extra,
});
const proposeFor = (m: ReturnType<typeof model>) => propose(m, { today: TODAY });

describe('who may be matched', () => {
  const base = () => ({ settings, mentors: [mentor({ expertise: ['cv'] })], mentees: [mentee({ goals: ['cv'] })] });
  it('proposes an onboarded, active mentor with a free place for a waiting mentee', () => {
    expect(proposeFor(model(base())).pairs.map((p) => `${p.mentee} ${p.mentor}`)).toEqual(['mentee-0 mentor-0']);
  });
  const cases: [string, (b: ReturnType<typeof base>) => void, RegExp][] = [
    ['a mentor who is not active', (b) => Object.assign(b.mentors[0]!, { status: 'paused' }), /1 mentor is not active/],
    [
      'a mentor who has not completed onboarding',
      (b) => Object.assign(b.mentors[0]!, { onboarding: { training: '2026-01-01' } }),
      /has not completed onboarding/,
    ],
    [
      'a mentor whose check has expired',
      (b) =>
        Object.assign(b.mentors[0]!, {
          onboarding: { training: '2026-01-01', code_of_conduct: '2026-01-01', background_check: { completed: '2023-01-01', expires: '2026-11-01' } },
        }),
      /expired background check/,
    ],
    ['a mentor with no free place', (b) => Object.assign(b.mentors[0]!, { capacity: 0 }), /has no free place/],
    ['a pair excluded by the mentor (not_with)', (b) => Object.assign(b.mentors[0]!, { not_with: ['mentee-0'] }), /must not be matched/],
    [
      'a pair excluded by the mentee (not_with)',
      (b) => Object.assign(b.mentees[0]!, { not_with: [{ id: 'mentor-0', reason: 'neighbours' }] }),
      /must not be matched/,
    ],
    ['a pair that fails a required criterion', (b) => Object.assign(b.mentees[0]!.attributes, { languages: ['Polish'] }), /1 mentor fails "language"/],
  ];
  for (const [what, change, why] of cases) {
    it(`never proposes ${what}, and says why`, () => {
      const b = base();
      change(b);
      const p = proposeFor(model(b));
      expect(p.pairs).toEqual([]);
      expect(p.unmatched[0]!.reasons.join(' ')).toMatch(why);
    });
  }
  it('never proposes a pair excluded in programme.yaml', () => {
    const p = proposeFor(model({ ...base(), settings: { matching: { criteria, exclusions: [{ mentor: 'mentor-0', mentee: 'mentee-0' }] } } }));
    expect(p.pairs).toEqual([]);
  });
  it('never proposes a pair again after it was declined or was not a good match', () => {
    for (const reason of ['declined', 'not-a-good-match']) {
      const m = model({ ...base(), matches: [{ status: 'closed', closure: { date: '2026-11-10', reason } }] });
      expect(proposeFor(m).pairs).toEqual([]);
    }
  });
  it('leaves out mentees who are not active, not onboarded, or already in an open match', () => {
    for (const extra of [{ status: 'left' }, { onboarding: {} }]) {
      const b = base();
      Object.assign(b.mentees[0]!, extra);
      expect(proposeFor(model(b)).matched).toBe(0);
    }
    expect(proposeFor(model({ ...base(), mentors: [mentor({ expertise: ['cv'] }, { capacity: 2 })], matches: [{ status: 'proposed' }] })).pairs).toEqual([]);
  });
  it('keeps a mentor whose check expires soon, with a warning next to the pair', () => {
    const b = base();
    Object.assign(b.mentors[0]!, {
      onboarding: { training: '2026-01-01', code_of_conduct: '2026-01-01', background_check: { completed: '2023-12-10', expires: '2026-12-10' } },
    });
    const p = proposeFor(model(b));
    expect(p.pairs[0]!.warnings).toEqual(["Mentor 0's background check expires on 2026-12-10: renew it"]);
  });
  it('counts open matches against capacity', () => {
    const b = {
      ...base(),
      mentors: [mentor({ expertise: ['cv'] }, { capacity: 2 })],
      mentees: [mentee({ goals: ['cv'] }), mentee({ goals: ['cv'] }), mentee({ goals: ['cv'] })],
    };
    const p = proposeFor(model({ ...b, matches: [{ mentee: 'mentee-2', status: 'active', started: '2026-11-01' }] }));
    expect(p.matched).toBe(1);
    expect(p.mentors).toEqual([{ mentor: 'mentor-0', free: 1 }]);
  });
});

describe('scores', () => {
  const c = (x: Record<string, unknown>) => criterionSchema.parse({ name: 'c', weight: 2, ...x });
  const a = (attributes: Record<string, unknown>) => mentorSchema.parse({ name: 'A', attributes });
  const b = (attributes: Record<string, unknown>) => menteeSchema.parse({ name: 'B', attributes });
  it('overlap, same, different, prefers and near each add their weight when satisfied', () => {
    expect(evaluate(c({ field: 'x', compare: 'overlap' }), a({ x: ['p', 'q'] }), b({ x: ['q'] })).contribution).toBe(2);
    expect(evaluate(c({ field: 'x', compare: 'overlap' }), a({ x: ['p'] }), b({ x: ['q'] })).contribution).toBe(0);
    expect(evaluate(c({ field: 'x', compare: 'same' }), a({ x: 'n' }), b({ x: 'n' })).satisfied).toBe(true);
    expect(evaluate(c({ field: 'x', compare: 'different' }), a({ x: 'n' }), b({ x: 'n' })).satisfied).toBe(false);
    expect(evaluate(c({ mentee: 'wants', mentor: 'g', compare: 'prefers' }), a({ g: 'female' }), b({ wants: ['female'] })).satisfied).toBe(true);
    expect(evaluate(c({ mentee: 'wants', mentor: 'g', compare: 'prefers' }), a({ g: 'male' }), b({ wants: ['female'] })).satisfied).toBe(false);
    expect(evaluate(c({ mentee: 'wants', mentor: 'g', compare: 'prefers' }), a({ g: 'male' }), b({})).satisfied).toBe(true);
    expect(evaluate(c({ field: 'age', compare: 'near', within: 10 }), a({ age: 40 }), b({ age: 31 })).satisfied).toBe(true);
    expect(evaluate(c({ field: 'age', compare: 'near', within: 10 }), a({ age: 45 }), b({ age: 31 })).satisfied).toBe(false);
  });
  it('a score is exactly the sum of its breakdown', () => {
    const list = [
      c({ field: 'x', compare: 'overlap', weight: 0.1 }),
      c({ field: 'y', compare: 'same', weight: 0.2 }),
      c({ field: 'z', compare: 'near', within: 1, weight: 3.7 }),
    ];
    const { score, results } = scorePair(list, a({ x: ['1'], y: 2, z: 5 }), b({ x: ['1'], y: 2, z: 6 }));
    expect(results.reduce((s, r) => s + r.contribution, 0)).toBe(score);
    expect(score).toBeCloseTo(4, 10);
  });
});

describe('proposals', () => {
  it('matches the most mentees before the best total, where greedy would not', () => {
    // Greedy by score gives mentor-0 to mentee-0 (score 4) and leaves mentee-1 with no one.
    const m = model({
      settings,
      mentors: [mentor({ expertise: ['cv'], area: 'n', languages: ['English', 'Polish'] }), mentor({ expertise: ['cv'] })],
      mentees: [mentee({ goals: ['cv'], area: 'n' }), mentee({ goals: ['job'], languages: ['Polish'] })],
    });
    const p = proposeFor(m);
    expect(p.matched).toBe(2);
    expect(p.pairs.map((x) => `${x.mentee} ${x.mentor}`)).toEqual(['mentee-0 mentor-1', 'mentee-1 mentor-0']);
    expect(p.candidates).toHaveLength(3);
  });
  it('says who a waiting mentee lost a mentor to', () => {
    const m = model({ settings, mentors: [mentor({ expertise: ['cv'] })], mentees: [mentee({ goals: ['cv'] }), mentee({ goals: ['cv'], area: 'n' })] });
    const p = proposeFor(m);
    expect(p.unmatched[0]!.reasons[0]).toMatch(/every mentor they could have is needed for someone else: Mentor 0 \(for Mentee \d\)/);
  });
  it('explains every mentor for a mentee, best first, excluded ones with why', () => {
    const m = model({
      settings,
      mentors: [mentor({ expertise: [] }), mentor({ expertise: ['cv'] }), mentor({ languages: ['Welsh'] })],
      mentees: [mentee({ goals: ['cv'] })],
    });
    const e = explainMentee(m, 'mentee-0', TODAY);
    expect(e.candidates.map((c) => [c.mentor, c.excluded.length === 0 ? c.score : c.excluded[0]])).toEqual([
      ['mentor-1', 3],
      ['mentor-0', 0],
      ['mentor-2', 'fails "language" (nothing shared (English / Welsh))'],
    ]);
  });
  it('does not depend on the order the files are read in', () => {
    const people = {
      settings,
      mentors: [mentor({ expertise: ['cv'] }), mentor({ expertise: ['cv'] })],
      mentees: [mentee({ goals: ['cv'] }), mentee({ goals: ['cv'] })],
    };
    const a = proposeFor(model(people));
    const b = proposeFor(model({ ...people, mentors: [...people.mentors].reverse(), mentees: [...people.mentees].reverse() }));
    expect(a.pairs.map((p) => p.mentee + p.mentor).length).toBe(b.pairs.length);
    expect(a.total).toBe(b.total);
  });
});

describe('a required "same" criterion (mentees scored only against the mentors of their group)', () => {
  // The language is required first, the area (same) second: a pair of another area is never
  // scored, yet the reasons still name the first criterion each mentor fails.
  const grouped = [
    { name: 'language', field: 'languages', compare: 'overlap', required: true },
    { name: 'goals', mentee: 'goals', mentor: 'expertise', compare: 'overlap', weight: 3 },
    { name: 'area', field: 'area', compare: 'same', required: true, weight: 1 },
  ];
  it('allows exactly the pairs that scoring every pair allows, and explains the rest the same way', () => {
    const random = rng(21);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    for (let round = 0; round < 20; round++) {
      const areas = ['north', 'south', 'east', undefined];
      const languages = [['English'], ['Polish'], ['English', 'Polish']];
      const goals = [['cv'], ['job'], ['cv', 'job'], []];
      const mentors = Array.from({ length: 2 + Math.floor(random() * 6) }, (_, j) =>
        mentor(
          { languages: pick(languages), expertise: pick(goals), ...(pick(areas) ? { area: pick(areas.slice(0, 3)) } : {}) },
          { capacity: Math.floor(random() * 3), ...(j === 0 ? { not_with: ['mentee-1'] } : {}) },
        ),
      );
      const mentees = Array.from({ length: 2 + Math.floor(random() * 8) }, () =>
        mentee({ languages: pick(languages), goals: pick(goals), ...(random() < 0.8 ? { area: pick(['north', 'south', 'east', 'west']) } : {}) }),
      );
      const m = model({ settings: { matching: { criteria: grouped } }, mentors, mentees });
      for (const minScore of [undefined, 1]) {
        const p = propose(m, { today: TODAY, ...(minScore !== undefined ? { minScore } : {}) });
        // Every pair of every mentee, by the words each pair is explained with.
        const expected = [...m.mentees.keys()].flatMap((id) =>
          explainMentee(m, id, TODAY)
            .candidates.filter((c) => c.excluded.length === 0 && (minScore === undefined || (c.score ?? 0) >= minScore))
            .map((c) => ({ mentee: id, mentor: c.mentor, score: c.score })),
        );
        // In the order of the mentees, then of the mentors (as the programme lists them).
        const menteeAt = new Map([...m.mentees.keys()].map((id, i) => [id, i]));
        const mentorAt = new Map([...m.mentors.keys()].map((id, j) => [id, j]));
        expected.sort((a, b) => menteeAt.get(a.mentee)! - menteeAt.get(b.mentee)! || mentorAt.get(a.mentor)! - mentorAt.get(b.mentor)!);
        expect(p.candidates, `round ${round}`).toEqual(expected);
        // A mentee whose area no mentor has: every mentor is named for what rules them out first.
        for (const u of p.unmatched) {
          if (!u.reasons[0]!.startsWith('Mentee') && u.reasons[0]!.includes('no mentor is possible')) {
            const lines = explainMentee(m, u.mentee, TODAY).candidates.filter((c) => c.excluded.length > 0);
            const area = lines.filter((c) => c.excluded[0]!.startsWith('fails "area"')).length;
            if (area > 0) expect(u.reasons[0]).toContain(`${area} mentor${area === 1 ? '' : 's'} fail${area === 1 ? 's' : ''} "area"`);
          }
        }
      }
    }
  });
  it('says a mentee of an area no mentor has fails "area", and one with another language fails "language" first', () => {
    const m = model({
      settings: { matching: { criteria: grouped } },
      mentors: [mentor({ area: 'north' }), mentor({ area: 'north', languages: ['Polish'] })],
      mentees: [mentee({ area: 'west' })],
    });
    expect(propose(m, { today: TODAY }).unmatched[0]!.reasons).toEqual(['no mentor is possible: 1 mentor fails "area", 1 mentor fails "language"']);
  });
});

describe('match --json', () => {
  it('lists every allowed pair one per line, across chunks of 20,000, and an empty list as []', () => {
    // 150 x 150 pairs, all allowed: more than one chunk.
    const m = model({
      settings,
      mentors: Array.from({ length: 150 }, (_, j) => mentor({ expertise: j % 2 ? ['cv'] : [] })),
      mentees: Array.from({ length: 150 }, () => mentee({ goals: ['cv'] })),
    });
    const p = propose(m, { today: TODAY });
    expect(p.candidateCount).toBe(22_500);
    const text = [...proposalJsonChunks(p)].join('');
    expect(JSON.parse(text)).toEqual({
      matched: p.matched,
      total: p.total,
      worst: p.worst,
      pairs: p.pairs.map((x) => ({ mentee: x.mentee, mentor: x.mentor, score: x.score, criteria: x.criteria, warnings: x.warnings })),
      unmatched: p.unmatched,
      mentors: p.mentors,
      candidates: p.candidates,
    });
    const lines = text.split('\n');
    const first = lines.indexOf('  "candidates": [');
    expect(lines.slice(first + 1, first + 3)).toEqual([
      '    {"mentee": "mentee-0", "mentor": "mentor-0", "score": 0},',
      '    {"mentee": "mentee-0", "mentor": "mentor-1", "score": 3},',
    ]);
    expect(
      lines
        .slice(first + 1, first + 1 + 22_500)
        .every((l, x) => l === `    ${JSON.stringify(p.candidates[x]).replace(/,"/g, ', "').replace(/":/g, '": ')}${x < 22_499 ? ',' : ''}`),
    ).toBe(true);
    expect(lines[first + 22_501]).toBe('  ]');

    const none = propose(m, { today: TODAY, candidates: false });
    expect(none.candidateCount).toBe(0);
    expect([...proposalJsonChunks(none)].join('')).toContain('"candidates": []\n}');
    expect(JSON.parse([...proposalJsonChunks(none)].join('')).candidates).toEqual([]);
  });
});
