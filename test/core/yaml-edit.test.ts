import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyEdit, applyEdits } from '../../src/core/yaml-edit.js';

const HAND_WRITTEN = `# Riverside: Emeka's match. Kept by hand before mentor-coord.
mentor: chiara-bianchi   # since October
mentee: emeka-obi
status: active
started: 2026-11-02

# The agreement was signed at the first meeting.
agreement:
  signed:
    mentor: 2026-11-09    # mentee still to sign

meetings:
  - date: 2026-11-09
    note: "First meeting: went well"   # quoted on purpose
    length: 1h

checkins:
  # calls after the first meeting
  - with: mentor
    date: 2026-11-11
    outcome: reached
    actions: [Bring two job adverts]

notes: >
  Folded text
  over two lines.
`;

function unchangedLines(before: string, after: string): string[] {
  const kept = new Set(after.split('\n'));
  return before.split('\n').filter((line) => !kept.has(line));
}

describe('yaml edits keep every untouched byte', () => {
  it('appends a check-in to a block list: the old text is a prefix-and-suffix of the new', () => {
    const call = { with: 'mentee', date: '2026-11-12', outcome: 'no-answer' };
    const after = applyEdit(HAND_WRITTEN, { op: 'append', path: ['checkins'], value: call });
    const inserted = '  - with: mentee\n    date: 2026-11-12\n    outcome: no-answer\n';
    // After the last item, before the blank line that separates the next field.
    const at = HAND_WRITTEN.indexOf('\n\nnotes: >') + 1;
    expect(after).toBe(HAND_WRITTEN.slice(0, at) + inserted + HAND_WRITTEN.slice(at));
    expect(parse(after).checkins[1]).toEqual(call);
  });

  it('sets a new nested field inside an existing map, keeping comments on neighbouring lines', () => {
    const after = applyEdit(HAND_WRITTEN, { op: 'set', path: ['agreement', 'signed', 'mentee'], value: '2026-11-23' });
    expect(unchangedLines(HAND_WRITTEN, after)).toEqual([]);
    expect(after).toContain('    mentor: 2026-11-09    # mentee still to sign\n    mentee: 2026-11-23\n');
    expect(parse(after).agreement.signed).toEqual({ mentor: '2026-11-09', mentee: '2026-11-23' });
  });

  it('replaces a scalar and keeps the comment after it', () => {
    const after = applyEdit(HAND_WRITTEN, { op: 'set', path: ['mentor'], value: 'zoe-angstrom' });
    expect(after).toBe(HAND_WRITTEN.replace('mentor: chiara-bianchi   # since', 'mentor: zoe-angstrom   # since'));
  });

  it('adds a missing top-level block at the end', () => {
    const closure = { date: '2026-11-23', reason: 'completed' };
    const after = applyEdit(HAND_WRITTEN, { op: 'set', path: ['closure'], value: closure });
    expect(after.startsWith(HAND_WRITTEN)).toBe(true);
    expect(parse(after).closure).toEqual(closure);
  });

  it('appends to a flow list inside a list item', () => {
    const after = applyEdit(HAND_WRITTEN, { op: 'append', path: ['checkins', 0, 'actions'], value: 'Phone the college' });
    expect(parse(after).checkins[0].actions).toEqual(['Bring two job adverts', 'Phone the college']);
    expect(unchangedLines(HAND_WRITTEN, after)).toEqual(['    actions: [Bring two job adverts]']);
  });

  it('creates a list that does not exist yet', () => {
    const after = applyEdit(HAND_WRITTEN, { op: 'append', path: ['reviews'], value: { date: '2026-11-23', milestone: '3m' } });
    expect(after.startsWith(HAND_WRITTEN)).toBe(true);
    expect(parse(after).reviews).toEqual([{ date: '2026-11-23', milestone: '3m' }]);
  });

  it('quotes values that YAML would misread', () => {
    const after = applyEdits(HAND_WRITTEN, [
      { op: 'set', path: ['notes'], value: 'yes: # not a comment' },
      { op: 'set', path: ['phone'], value: '+44 7700 900123' },
    ]);
    const data = parse(after);
    expect(data.notes).toBe('yes: # not a comment');
    expect(data.phone).toBe('+44 7700 900123');
  });

  it('keeps Windows line endings and non-ASCII names intact', () => {
    const crlf = 'name: Nguyễn Thị Hà\r\n# comment\r\nstatus: active\r\n';
    const after = applyEdit(crlf, { op: 'set', path: ['status'], value: 'paused' });
    expect(after).toBe('name: Nguyễn Thị Hà\r\n# comment\r\nstatus: paused\r\n');
  });
});
