// The checks across files never read a match's lists or planned calls: a call recorded then
// cannot change any problem across files, which lets `checkin record` keep the outline.
import { describe, expect, it } from 'vitest';
import { crossFileFacts, NOT_CHECKED_ACROSS, withoutUnchecked } from '../../src/core/checks/index.js';
import { buildModel, type Loaded } from '../../src/core/model.js';
import type { Match } from '../../src/core/schema/index.js';
import { loadProgramme } from '../../src/store/load.js';
import { EXAMPLE } from '../helpers.js';

/** The match with every field the checks must not read made to throw when read. */
function guarded(match: Loaded<Match>): Loaded<Match> {
  const data = { ...match.data } as Record<string, unknown>;
  for (const key of NOT_CHECKED_ACROSS) {
    Object.defineProperty(data, key, {
      enumerable: true,
      get() {
        throw new Error(`a check across files read ${key} of ${match.file}`);
      },
    });
  }
  return { ...match, data: data as unknown as Match };
}

describe('the checks across files', () => {
  it("never read a match's lists or planned calls", () => {
    const { model } = loadProgramme(EXAMPLE, { cache: false });
    const input = (matches: Loaded<Match>[]) => ({
      settings: model.settings,
      settingsLoaded: true,
      mentors: [...model.mentors.values()],
      mentees: [...model.mentees.values()],
      matches,
    });
    const matches = [...model.matches.values()];
    // Made to find problems of every kind that looks at matches: the same mentee twice, an
    // excluded pair, a mentor over capacity, a person who does not exist.
    const extra: Loaded<Match>[] = matches.slice(0, 6).map((m, i) => ({
      ...m,
      id: `zz-${i}`,
      file: `matches/zz-${i}.yaml`,
      data: { ...m.data, status: 'active', ...(i === 5 ? { mentor: 'nobody' } : {}) } as Match,
    }));
    const plain = buildModel(input([...matches, ...extra])).problems;
    expect(new Set(plain.map((p) => p.code)).size).toBeGreaterThanOrEqual(3);
    expect(buildModel(input([...matches, ...extra].map(guarded))).problems).toEqual(plain);
  });

  it('are given, for a command that keeps no record, matches without those fields, and every other record whole', () => {
    const { model } = loadProgramme(EXAMPLE, { cache: false });
    const match = [...model.matches.values()][0]!.data;
    const slim = withoutUnchecked('match', { ok: true, value: match }).value as Record<string, unknown>;
    expect(Object.keys(slim).filter((k) => NOT_CHECKED_ACROSS.has(k))).toEqual([]);
    expect(Object.keys(slim).length).toBeGreaterThan(3);
    expect(crossFileFacts(slim)).toBe(crossFileFacts(match));
    const mentor = [...model.mentors.values()][0]!.data;
    expect(withoutUnchecked('mentor', { ok: true, value: mentor }).value).toBe(mentor);
    const failed = { ok: false, problems: [] };
    expect(withoutUnchecked('match', failed)).toBe(failed);
  });

  it('compare matches by every other field', () => {
    const { model } = loadProgramme(EXAMPLE, { cache: false });
    const match = [...model.matches.values()][0]!.data;
    expect(crossFileFacts({ ...match, checkins: [], planned_calls: [] })).toBe(crossFileFacts(match));
    expect(crossFileFacts({ ...match, status: 'closed' })).not.toBe(crossFileFacts({ ...match, status: 'active' }));
    expect(crossFileFacts({ ...match, mentee: 'someone-else' })).not.toBe(crossFileFacts(match));
  });
});
