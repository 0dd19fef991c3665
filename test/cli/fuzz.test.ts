// Mutates the example programme at random (fixed seed) and checks the loader never throws: every
// mutation ends as problems with a file and a position, or as a clean load. Then a smaller
// sample through the real binary: exit 0, 1 or 2, never a crash.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { rng } from '../fixtures/random.js';
import { parseDocument } from 'yaml';
import { callSheet, planCalls } from '../../src/core/checkin/index.js';
import { overdueItems } from '../../src/core/overdue/engine.js';
import { makeChalk } from '../../src/render/color.js';
import { renderProblems } from '../../src/render/problems.js';
import { loadProgramme } from '../../src/store/load.js';
import { cli, exampleCopy, mc } from '../helpers.js';
import { programmeCopy } from '../fixtures/programme.js';

const TOKENS = [
  '[',
  ']',
  '{',
  '}',
  ':',
  ': ',
  '- ',
  '  ',
  '\t',
  '#',
  '&a ',
  '*a',
  '!!binary ',
  '!!js/function ',
  '"',
  "'",
  '|',
  '>',
  '~',
  'null',
  'yes',
  '2026-02-30',
  '-1',
  '1e999',
  '0x1F',
  '\u0000',
  '\u00ff',
  '\r',
  '\n',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '<<: *a\n',
  'Zoë',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'x'.repeat(500),
];

function mutate(text: string, random: () => number): string {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const lines = text.split('\n');
  const i = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 8)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, lines[Math.floor(random() * lines.length)] ?? '');
      break;
    case 2: {
      const line = lines[i] ?? '';
      const at = Math.floor(random() * (line.length + 1));
      lines[i] = line.slice(0, at) + pick(TOKENS) + line.slice(at);
      break;
    }
    case 3:
      lines[i] = (lines[i] ?? '').replace(/^\s*/, ' '.repeat(Math.floor(random() * 7)));
      break;
    case 4:
      return text.slice(0, Math.floor(random() * text.length));
    case 5:
      lines[i] = (lines[i] ?? '').replace(/:\s.*$/, `: ${pick(TOKENS)}`);
      break;
    case 6: {
      const j = Math.floor(random() * lines.length);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      break;
    }
    default:
      lines[i] = (lines[i] ?? '').replace(/^(\s*)(\w+)/, (_, indent: string, key: string) => indent + key.slice(0, -1));
  }
  return lines.join('\n');
}

describe('fuzz', { tags: ['fuzz'] }, () => {
  it('the loader and the reports survive 300 random corruptions of the example, each reported with a position', () => {
    const dir = exampleCopy();
    const files = ['programme.yaml', ...['mentors', 'mentees', 'matches'].flatMap((f) => readdirSync(join(dir, f)).map((n) => `${f}/${n}`))];
    const random = rng(20261122);
    const chalk = makeChalk(0);
    let withProblems = 0;
    let disagreements: string[] = [];
    for (let n = 0; n < 300; n++) {
      const chosen = Array.from({ length: 1 + Math.floor(random() * 3) }, () => files[Math.floor(random() * files.length)]!);
      const originals = new Map(chosen.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
      for (const f of chosen) {
        const mutated = mutate(readFileSync(join(dir, f), 'utf8'), random);
        writeFileSync(join(dir, f), mutated);
        // The two YAML parsers must read any file they both accept the same way.
        let fast: unknown;
        try {
          fast = jsYaml.load(mutated, { schema: jsYaml.CORE_SCHEMA });
        } catch {
          continue;
        }
        const careful = parseDocument(mutated, { schema: 'core', uniqueKeys: true });
        if (careful.errors.length === 0 && !mutated.includes('*') && !isDeepStrictEqual(careful.toJS(), fast))
          disagreements.push(`${f}: ${JSON.stringify(mutated)}`);
      }
      const loaded = loadProgramme(dir, { cache: false });
      if (loaded.problems.length > 0) withProblems++;
      for (const p of loaded.problems) {
        expect(p.file).toMatch(/\S/);
        expect(p.message).toMatch(/\S/);
        expect(p.hint).toMatch(/\S/);
        if (p.file.endsWith('.yaml')) expect(p.line, JSON.stringify(p)).toBeGreaterThan(0);
      }
      expect(() => renderProblems(loaded.problems, loaded.textOf, chalk)).not.toThrow();
      // Whatever loaded, the reports work on it.
      expect(() => overdueItems(loaded.model, { today: '2026-11-23', within: '7d' })).not.toThrow();
      expect(() => callSheet(loaded.model, '2026-11-23')).not.toThrow();
      expect(() => planCalls(loaded.model, { days: ['2026-11-24', '2026-11-25'], perDay: 5, from: '09:00', slotMinutes: 20 })).not.toThrow();
      for (const [f, text] of originals) writeFileSync(join(dir, f), text);
    }
    expect(withProblems).toBeGreaterThan(150);
    disagreements = [...new Set(disagreements)];
    expect(disagreements).toEqual([]);
  });

  it('the binary exits 0, 1 or 2 and never crashes on 30 corrupted folders', () => {
    const random = rng(7);
    for (let n = 0; n < 30; n++) {
      const dir = exampleCopy();
      const files = readdirSync(join(dir, 'matches'))
        .map((f) => `matches/${f}`)
        .concat('programme.yaml', 'mentors/zoe-angstrom.yaml');
      for (let k = 0; k < 3; k++) {
        const f = files[Math.floor(random() * files.length)]!;
        writeFileSync(join(dir, f), mutate(readFileSync(join(dir, f), 'utf8'), random));
      }
      const run = cli(['validate', '--dir', dir]);
      expect([0, 1, 2]).toContain(run.code);
      expect(run.stderr).not.toMatch(/internal error| {4}at /);
      if (run.code !== 0) expect(run.stderr).toMatch(/error|mentor-coord:/);
    }
  });

  it('hostile mutations (line endings, aliases, control characters, nesting, links, pipes) never crash a read or a write, and a write never leaves a file validate rejects', async () => {
    const random = rng(8);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const HOSTILE = [
      (t: string) => t.replace(/\n/g, '\r'),
      (t: string) => t.replace(/\n/g, '\r\n'),
      (t: string) => t.replace(/\n/, '\r\n'),
      (t: string) => `\ufeff\ufeff${t}`,
      (t: string) => `${t}notes: &n "x"\nreviews:\n${'  - date: 2026-11-20\n    note: *n\n'.repeat(Math.floor(random() * 150))}`,
      (t: string) => `${t}x_bomb: &a [1, 1]\nx_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nx_c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n`,
      (t: string) =>
        t.replace(/(name|note|notes): (.*)/, (_, k: string, v: string) => `${k}: "${v.replace(/"/g, '')}${pick(['\\e[2J', '\\x07', '\\x85', '\\0'])}"`),
      (t: string) => `${t}notes: ${'['.repeat(200 + Math.floor(random() * 3000))}\n`,
      (t: string) => `${t}notes: !custom x\n`,
      (t: string) => `${t}__proto__: {}\n`,
    ] as const;
    let writes = 0;
    let cases = 0;
    for (let n = 0; n < 60; n++) {
      const p = programmeCopy();
      const matches = readdirSync(p.path('matches'));
      const target = `matches/${pick(matches)}`;
      const kind = Math.floor(random() * (HOSTILE.length + 3));
      if (kind < HOSTILE.length) p.write(target, HOSTILE[kind]!(p.read(target)));
      else if (kind === HOSTILE.length) symlinkSync(pick(['/etc/hostname', '/dev/zero', join(p.dir, '..', 'nowhere.yaml')]), p.path(`matches/link-${n}.yaml`));
      else if (kind === HOSTILE.length + 1) execFileSync('mkfifo', [p.path(`mentees/pipe-${n}.yaml`)]);
      else
        p.write(
          `mentors/${pick(readdirSync(p.path('mentors')))}`,
          HOSTILE[Math.floor(random() * HOSTILE.length)]!(p.read(`mentors/${pick(readdirSync(p.path('mentors')))}`)),
        );
      const loaded = loadProgramme(p.dir, { cache: false });
      for (const problem of loaded.problems) expect(problem.message).toMatch(/\S/);
      const before = p.read(target);
      const run = await mc(
        ['checkin', 'record', target.slice('matches/'.length, -'.yaml'.length), '--with', 'mentor', '--outcome', 'no-answer', '--dir', p.dir],
        {
          env: { MENTOR_COORD_TODAY: '2026-11-30' },
        },
      );
      expect([0, 2], run.stderr).toContain(run.code);
      if (run.code === 0) {
        writes++;
        expect(loadProgramme(p.dir, { cache: false }).problems.filter((x) => x.file === target)).toEqual([]);
      } else expect(p.read(target)).toBe(before);
      cases++;
    }
    expect(cases).toBe(60);
    expect(writes).toBeGreaterThan(0);
  });
});
