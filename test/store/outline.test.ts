// The outline's own rules: a file written just before it was kept is trusted by its text, not its
// status; and a write keeps the outline only when it cannot have changed a problem.
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepOutline } from '../../src/store/load-outline.js';
import { loadProgramme } from '../../src/store/load.js';
import { outlineHolds, outlineKey, readOutline, type OutlineState } from '../../src/store/outline.js';
import { hashOf } from '../../src/store/write.js';
import { exampleCopy } from '../helpers.js';

const MATCH = 'matches/2026-08-freya-andersen.yaml';

function outlines(dir: string): string[] {
  return readdirSync(join(dir, '.mentor-coord', 'records')).filter((n) => n.startsWith('outline.'));
}

/** A copy loaded whole (with the cache, so its private folder exists), and the state of that load. */
function loaded(): { dir: string; state: OutlineState; model: ReturnType<typeof loadProgramme>['model'] } {
  const dir = exampleCopy();
  // (The cache's folder, which the cache makes only for files older than two seconds.)
  mkdirSync(join(dir, '.mentor-coord', 'records'), { recursive: true, mode: 0o700 });
  const whole = loadProgramme(dir);
  const seen = ['programme.yaml', ...['mentors', 'mentees', 'matches'].flatMap((f) => readdirSync(join(dir, f)).map((n) => `${f}/${n}`))].map((rel) => ({
    rel,
    kind: 'match' as const,
    id: rel,
    stat: lstatSync(join(dir, rel)),
  }));
  return { dir, state: { strays: [], seen, written: {}, problems: whole.problems }, model: whole.model };
}

describe('the outline', () => {
  it("has a key that changes with any record file's name, size, times, inode or device, or a problem of the listing", () => {
    const stat = { size: 10, mtimeMs: 1.5, ctimeMs: 2.25, ino: 7, dev: 3, isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false };
    const seen = [{ rel: 'mentors/a.yaml', kind: 'mentor' as const, id: 'a', stat }];
    const key = outlineKey([], seen);
    expect(outlineKey([], [{ ...seen[0]!, stat: { ...stat } }])).toBe(key);
    const keys = new Set([key]);
    for (const field of ['size', 'mtimeMs', 'ctimeMs', 'ino', 'dev'] as const)
      keys.add(outlineKey([], [{ ...seen[0]!, stat: { ...stat, [field]: stat[field] + 0.001 } }]));
    keys.add(outlineKey([], [{ ...seen[0]!, rel: 'mentors/b.yaml' }]));
    keys.add(outlineKey([{ file: 'mentors/x', line: 0, col: 0, code: 'symlink', message: 'm', hint: 'h' }], seen));
    expect(keys.size).toBe(8);
  });

  it('gives the key of the state before some files changed from their earlier status', () => {
    const stat = (size: number) => ({
      size,
      mtimeMs: 1.5,
      ctimeMs: 2.25,
      ino: 7,
      dev: 3,
      isFile: () => true,
      isDirectory: () => false,
      isSymbolicLink: () => false,
    });
    const now = [
      { rel: 'mentors/a.yaml', stat: stat(10) },
      { rel: 'matches/m.yaml', stat: stat(20) },
    ];
    const before = [now[0]!, { rel: 'matches/m.yaml', stat: stat(19) }];
    expect(outlineKey([], now, new Map([['matches/m.yaml', stat(19)]]))).toBe(outlineKey([], before));
    expect(outlineKey([], now, new Map([['matches/m.yaml', stat(19)]]))).not.toBe(outlineKey([], now));
    // (Asked again, the key of the state itself is the same.)
    expect(outlineKey([], now, new Map())).toBe(outlineKey([], [...now]));
  });

  it('trusts a file written just before it by its text, and no other new file at all', () => {
    const { dir, state } = loaded();
    const text = readFileSync(join(dir, MATCH));
    const now = Date.now();
    const outline = { key: 'k', problems: [], written: { [MATCH]: hashOf(text) } };
    const onlyMatch = state.seen.filter((s) => s.rel === MATCH);
    expect(outlineHolds(dir, outline, onlyMatch, now)).toBe(true);
    // Same status, other text (as a change within the clock's resolution could leave it).
    expect(outlineHolds(dir, { ...outline, written: { [MATCH]: hashOf(Buffer.from(`${text}\n`)) } }, onlyMatch, now)).toBe(false);
    // A file changed just now that the outline did not write: not trusted.
    expect(outlineHolds(dir, { ...outline, written: {} }, onlyMatch, now)).toBe(false);
    expect(outlineHolds(dir, { ...outline, written: {} }, onlyMatch, now + 60_000)).toBe(true);
    // Unless it is read again in this run (a file changed since the outline, carried over).
    expect(outlineHolds(dir, { ...outline, written: {} }, onlyMatch, now, new Set([MATCH]))).toBe(true);
    expect(outlineHolds(dir, { ...outline, written: { [MATCH]: 'not its hash' } }, onlyMatch, now, new Set([MATCH]))).toBe(true);
  });

  it('is kept after a call is recorded, with the new file by its text', () => {
    const { dir, state, model } = loaded();
    const text = readFileSync(join(dir, MATCH), 'utf8');
    const appended = text.replace(/^checkins:\n/m, 'checkins:\n  - date: 2026-11-20\n    with: mentor\n    outcome: reached\n');
    expect(appended).not.toBe(text);
    writeFileSync(join(dir, MATCH), appended);
    keepOutline(dir, state, model, [{ file: MATCH, text: appended }]);
    const seen = state.seen.map((s) => (s.rel === MATCH ? { ...s, stat: lstatSync(join(dir, MATCH)) } : s));
    const key = outlineKey([], seen);
    const outline = readOutline(dir, key);
    expect(outline?.written).toEqual({ [MATCH]: hashOf(Buffer.from(appended)) });
    expect(outline?.problems).toEqual(state.problems);
  });

  it('is not kept after a change to what the checks across files read, or to a file with a problem', () => {
    const { dir, state, model } = loaded();
    const before = outlines(dir);
    const text = readFileSync(join(dir, MATCH), 'utf8');
    // Another mentor (who may be full, or excluded): a text that reads, with a fact across files changed.
    const other = text.replace(/^mentor: priya-raghunathan$/m, 'mentor: leilani-kahale');
    expect(other).not.toBe(text);
    writeFileSync(join(dir, MATCH), other);
    keepOutline(dir, state, model, [{ file: MATCH, text: other }]);
    expect(outlines(dir)).toEqual(before);
    const problem = { file: MATCH, line: 1, col: 1, code: 'unknown-field' as const, message: 'm', hint: 'h' };
    keepOutline(dir, { ...state, problems: [problem] }, model, [{ file: MATCH, text }]);
    expect(outlines(dir)).toEqual(before);
  });
});
