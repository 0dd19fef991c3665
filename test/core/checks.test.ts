// The checks across files never read a match's lists or planned calls: a call recorded then
// cannot change any problem across files, which lets `checkin record` keep the outline.
import { describe, expect, it } from 'vitest';
import { crossFileFacts, NOT_CHECKED_ACROSS } from '../../src/core/checks/index.js';
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

  it('compare matches by every other field', () => {
    const { model } = loadProgramme(EXAMPLE, { cache: false });
    const match = [...model.matches.values()][0]!.data;
    expect(crossFileFacts({ ...match, checkins: [], planned_calls: [] })).toBe(crossFileFacts(match));
    expect(crossFileFacts({ ...match, status: 'closed' })).not.toBe(crossFileFacts({ ...match, status: 'active' }));
    expect(crossFileFacts({ ...match, mentee: 'someone-else' })).not.toBe(crossFileFacts(match));
  });
});
