// The problem catalogue: docs/problems.md lists exactly its codes, and every code has a folder
// that produces it, so no code is documented but unreachable, or reported but undocumented.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, problemTable, type ProblemCode } from '../../src/core/problem-codes.js';
import { loadProgramme } from '../../src/store/load.js';
import { cliAsUser, ROOT } from '../helpers.js';
import { BEA_MATCH, programmeCopy, ZOE, type ProgrammeCopy } from '../fixtures/programme.js';

const FIXTURES: Record<ProblemCode, (p: ProgrammeCopy) => void> = {
  'yaml-syntax': (p) => p.append(ZOE, 'interests: [dance\n'),
  'duplicate-key': (p) => p.append(ZOE, 'name: Zoe again\n'),
  'yaml-aliases': (p) =>
    p.write('mentees/bomb.yaml', `name: X\nattributes:\n  k: &a [x]\n${Array.from({ length: 120 }, (_, i) => `  k${i}: *a`).join('\n')}\n`),
  'binary-file': (p) => p.write('mentees/photo.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])),
  'not-utf8': (p) => p.write('mentees/latin1.yaml', new Uint8Array([...Buffer.from('name: Zo'), 0xeb, 0x0a])),
  'file-too-large': (p) => p.write('mentees/huge.yaml', `name: Huge\nnotes: "${'x'.repeat(1_100_000)}"\n`),
  'merge-conflict': (p) =>
    p.append(
      BEA_MATCH,
      'checkins:\n<<<<<<< HEAD\n  - with: mentee\n    date: 2026-11-20\n    outcome: reached\n=======\n  - with: mentor\n    date: 2026-11-21\n    outcome: reached\n>>>>>>> theirs\n',
    ),
  'empty-file': (p) => p.write('mentees/empty.yaml', ''),
  'not-a-record': (p) => p.write('mentees/list.yaml', '- a\n- b\n'),
  'unknown-field': (p) => p.replace(ZOE, 'capacity: 2', 'capcity: 2'),
  'missing-field': (p) => p.replace(ZOE, /^name: .*\n/m, ''),
  'empty-value': (p) => p.replace(ZOE, 'pronouns: she/her', 'pronouns:'),
  'invalid-value': (p) => p.replace(ZOE, 'capacity: 2', 'capacity: two'),
  'stray-file': (p) => p.write('matches/notes.txt', 'hello\n'),
  // Checked by the binary run as an ordinary user (see below): root reads any file.
  'unreadable-file': (p) => chmodSync(p.path(ZOE), 0o000),
  'line-endings': (p) => p.write('mentees/old-mac.yaml', 'name: Old Mac\rpronouns: they/them\r'),
  'byte-order-mark': (p) => p.write('mentees/twice.yaml', '\ufeff\ufeffname: Twice\n'),
  symlink: (p) => symlinkSync('/etc/hostname', p.path('mentees/link.yaml')),
  'special-file': (p) => execFileSync('mkfifo', [p.path('matches/pipe.yaml')]),
  'duplicate-id': (p) => p.write('mentees/zoe-angstrom.yaml', 'name: Another Zoë\n'),
  'unknown-person': (p) => p.replace(BEA_MATCH, 'mentor: siobhan-o-ceallaigh', 'mentor: siobhan-o-ceallagh'),
  'mentee-in-two-matches': (p) =>
    p.write('matches/2026-11-bea-again.yaml', 'mentor: zoe-angstrom\nmentee: bea-santos\nstatus: proposed\nproposed: 2026-11-20\n'),
  'over-capacity': (p) => p.replace('programme.yaml', 'default_capacity: 1', 'default_capacity: 0'),
  'excluded-pair': (p) => p.write('matches/2026-11-hamza.yaml', 'mentor: jurgen-weiss\nmentee: hamza-qureshi\nstatus: proposed\nproposed: 2026-11-20\n'),
  'date-order': (p) => p.replace(BEA_MATCH, 'first_meeting: 2026-11-18', 'first_meeting: 2026-10-18'),
  'status-mismatch': (p) => p.append(BEA_MATCH, 'closure:\n  date: 2026-11-20\n  reason: completed\n'),
  'unknown-onboarding-step': (p) => p.replace(ZOE, '  training: 2025-10-18', '  trainin: 2025-10-18'),
  'unknown-rule': (p) => p.append('programme.yaml', 'overdue:\n  no-such-rule:\n    after: 3d\n'),
  'rule-required': (p) => p.append('programme.yaml', 'overdue:\n  concern-open:\n    enabled: false\n'),
  'placeholder-contact': (p) => p.replace('programme.yaml', 'name: Declan Murphy', 'name: "FILL IN: the safeguarding lead\'s name"'),
  'criterion-fields': (p) => p.replace('programme.yaml', '    - name: same area of the city\n      field: area\n', '    - name: same area of the city\n'),
  'criterion-weight': (p) => p.replace('programme.yaml', /( {4}- name: same area of the city\n {6}field: area\n {6}compare: same\n) {6}weight: \d+\n/, '$1'),
};

describe('the problem catalogue', () => {
  it('is the table in docs/problems.md', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'problems.md'), 'utf8');
    expect(doc, `docs/problems.md should hold this table:\n${problemTable()}`).toContain(problemTable());
  });

  for (const code of Object.keys(PROBLEM_CODES) as ProblemCode[]) {
    it(`has a folder that produces ${code}`, () => {
      const p = programmeCopy();
      expect(loadProgramme(p.dir, { cache: false }).problems).toEqual([]);
      FIXTURES[code](p);
      const codes =
        code === 'unreadable-file'
          ? (JSON.parse(cliAsUser(['validate', '--json', '--no-cache', '--dir', p.dir], p.dir).stdout) as { problems: { code: string }[] }).problems.map(
              (x) => x.code,
            )
          : loadProgramme(p.dir, { cache: false }).problems.map((x) => x.code);
      expect(codes).toContain(code);
    });
  }
});
