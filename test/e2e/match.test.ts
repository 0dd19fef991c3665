// `match` on the example programme through the real binary: propose, apply, validate, and the
// rest of a proposal's life (confirm, decline).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { programmeCopy } from '../fixtures/programme.js';
import { cli, EXAMPLE, EXAMPLE_TODAY } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };
interface Json {
  matched: number;
  total: number;
  worst: number;
  pairs: { mentee: string; mentor: string; score: number; criteria: Record<string, number>; warnings: string[] }[];
  unmatched: { mentee: string; reasons: string[] }[];
  mentors: { mentor: string; free: number }[];
  candidates: { mentee: string; mentor: string; score: number }[];
}

describe('match on the example programme', () => {
  it('proposes, explains and checks out: scores add up, capacities hold, every waiting mentee accounted for', () => {
    const run = cli(['match', '--json', '--dir', EXAMPLE], at);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Json;
    expect(Object.keys(json)).toEqual(['matched', 'total', 'worst', 'pairs', 'unmatched', 'mentors', 'candidates']);
    expect(json.matched).toBe(json.pairs.length);
    expect(json.matched).toBeGreaterThan(0);
    for (const p of json.pairs) expect(Object.values(p.criteria).reduce((a, b) => a + b, 0)).toBe(p.score);
    expect(json.total).toBe(json.pairs.reduce((a, p) => a + p.score, 0));
    expect(json.worst).toBe(Math.min(...json.pairs.map((p) => p.score)));
    for (const m of json.mentors) expect(json.pairs.filter((p) => p.mentor === m.mentor).length).toBeLessThanOrEqual(m.free);
    for (const p of json.pairs) expect(json.candidates).toContainEqual({ mentee: p.mentee, mentor: p.mentor, score: p.score });
    for (const u of json.unmatched) expect(u.reasons.join(' ')).toMatch(/needed for someone else|no mentor is possible/);
    // Ugo Eze has waited longest; the example's README tells who he gets.
    expect(json.pairs.find((p) => p.mentee === 'ugo-eze')?.mentor).toBe('kim-hyun-woo');
    // Giorgos Papadopoulos's check expired: never proposed.
    expect(json.pairs.some((p) => p.mentor === 'giorgos-papadopoulos')).toBe(false);
  });

  it('--apply writes proposed matches that validate, and a second run proposes nothing for those mentees', () => {
    const p = programmeCopy();
    const before = new Set(readdirSync(p.path('matches')));
    const applied = cli(['match', '--apply', '--json', '--dir', p.dir], at);
    expect(applied.code).toBe(0);
    const json = JSON.parse(applied.stdout) as Json;
    const added = readdirSync(p.path('matches')).filter((f) => !before.has(f));
    expect(added).toHaveLength(json.matched);
    const ugo = parse(p.read('matches/2026-11-ugo-eze.yaml')) as Record<string, unknown>;
    expect(ugo).toMatchObject({ mentor: 'kim-hyun-woo', mentee: 'ugo-eze', status: 'proposed', proposed: '2026-11-23', score: expect.any(Number) });
    expect(p.read('matches/2026-11-ugo-eze.yaml')).toMatch(
      /^# yaml-language-server: .*\n# Proposed by mentor-coord match on 2026-11-23: Kim Hyun-woo for Ugo Eze/,
    );
    expect(cli(['validate', '--dir', p.dir], at)).toMatchObject({ code: 0, stderr: '' });
    const again = JSON.parse(cli(['match', '--json', '--dir', p.dir], at).stdout) as Json;
    const proposedBefore = new Set(json.pairs.map((x) => x.mentee));
    expect(again.pairs.filter((x) => proposedBefore.has(x.mentee))).toEqual([]);
  });

  it('confirm makes a proposal active; decline closes it and the pair is not proposed again', () => {
    const p = programmeCopy();
    expect(cli(['match', '--apply', '--dir', p.dir], at).code).toBe(0);
    const confirm = cli(['match', 'confirm', '2026-11-ugo-eze', '--dir', p.dir], at);
    expect(confirm.code).toBe(0);
    expect(parse(p.read('matches/2026-11-ugo-eze.yaml'))).toMatchObject({ status: 'active', started: '2026-11-23' });
    expect(cli(['match', 'confirm', '2026-11-ugo-eze', '--dir', p.dir], at).stderr).toContain('is active, not proposed');
    const declined = 'efua-boateng';
    const mentor = (parse(p.read(`matches/2026-11-${declined}.yaml`)) as { mentor: string }).mentor;
    expect(cli(['match', 'decline', `2026-11-${declined}`, '--dir', p.dir], at).stderr).toContain('say why the match was declined');
    const run = cli(['match', 'decline', `2026-11-${declined}`, '--reason', 'Efua would rather wait for a mentor in her area', '--dir', p.dir], at);
    expect(run.code).toBe(0);
    expect(parse(p.read(`matches/2026-11-${declined}.yaml`))).toMatchObject({ status: 'closed', closure: { reason: 'declined', date: '2026-11-23' } });
    expect(cli(['validate', '--dir', p.dir], at).code).toBe(0);
    const next = JSON.parse(cli(['match', '--json', '--mentee', declined, '--dir', p.dir], at).stdout) as Json;
    expect(next.candidates.some((c) => c.mentor === mentor)).toBe(false);
    expect(cli(['match', 'explain', declined, '--dir', p.dir], at).stdout).toContain('proposed and declined');
    // The comments of the file written by --apply are kept by confirm.
    expect(p.read('matches/2026-11-ugo-eze.yaml')).toContain('# Proposed by mentor-coord match on 2026-11-23');
  });
});

describe('two proposals for one mentee', () => {
  it('validate says how to decline one, and decline works although the file carries that problem', () => {
    const p = programmeCopy();
    p.write('matches/2026-12-bea-santos.yaml', 'mentor: zoe-angstrom\nmentee: bea-santos\nstatus: proposed\nproposed: 2026-11-20\n');
    const v = cli(['validate', '--dir', p.dir], at);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('matches/2026-12-bea-santos.yaml:2:9: error: mentee "bea-santos" is already in open match "2026-11-bea-santos"');
    expect(v.stderr).toContain('mentor-coord match decline 2026-12-bea-santos --reason "..."');
    const run = cli(['match', 'decline', '2026-12-bea-santos', '--reason', 'Proposed twice by mistake', '--dir', p.dir], at);
    expect(run.code, run.stderr).toBe(0);
    expect(cli(['validate', '--dir', p.dir], at)).toMatchObject({ code: 0, stderr: '' });
  });
});
