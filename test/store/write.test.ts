import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { editFile } from '../../src/store/edit.js';
import { createFile, openFile } from '../../src/store/write.js';
import { EXAMPLE, tempDir } from '../helpers.js';

const MATCH = join(EXAMPLE, 'matches', '2026-10-emeka-obi.yaml');

describe('safe writes', () => {
  it('edits a real example file: only the new lines appear, every old line survives byte for byte', () => {
    const dir = tempDir();
    const path = join(dir, 'match.yaml');
    const original = readFileSync(MATCH, 'utf8');
    writeFileSync(path, original);
    editFile(openFile(path), [{ op: 'append', path: ['checkins'], value: { with: 'mentee', date: '2026-11-23', outcome: 'reached', rating: 4 } }]);
    const after = readFileSync(path, 'utf8');
    const removed = original.split('\n').filter((line, i, all) => after.split('\n').filter((l) => l === line).length < all.filter((l) => l === line).length);
    expect(removed).toEqual([]);
    expect(after.length).toBeGreaterThan(original.length);
    expect(after).toContain('# yaml-language-server: $schema=../schema/match.schema.json\n# Chiara Bianchi and Emeka Obi');
    expect(after.endsWith('  - with: mentee\n    date: 2026-11-23\n    outcome: reached\n    rating: 4\n')).toBe(true);
  });

  it('refuses to overwrite a file that changed since it was read, and leaves that change alone', () => {
    const dir = tempDir();
    const path = join(dir, 'match.yaml');
    writeFileSync(path, 'status: active\n');
    const opened = openFile(path);
    writeFileSync(path, 'status: active\n# edited by the other coordinator\n');
    expect(() => editFile(opened, [{ op: 'set', path: ['status'], value: 'closed' }])).toThrow(/changed on disk since it was read/);
    expect(readFileSync(path, 'utf8')).toBe('status: active\n# edited by the other coordinator\n');
  });

  it('writes atomically: no temporary files are left beside the target', () => {
    const dir = tempDir();
    const path = join(dir, 'a.yaml');
    writeFileSync(path, 'status: active\n');
    editFile(openFile(path), [{ op: 'set', path: ['status'], value: 'paused' }]);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    expect(readFileSync(path, 'utf8')).toBe('status: paused\n');
  });

  it('never creates a record over an existing file', () => {
    const dir = tempDir();
    const path = join(dir, 'new.yaml');
    createFile(path, 'mentor: a\n');
    expect(readFileSync(path, 'utf8')).toBe('mentor: a\n');
    expect(() => createFile(path, 'mentor: b\n')).toThrow(UserError);
    expect(readFileSync(path, 'utf8')).toBe('mentor: a\n');
    expect(readdirSync(dir)).toEqual(['new.yaml']);
  });

  it('refuses an edit to a file that no longer parses, writing nothing', () => {
    const dir = tempDir();
    const path = join(dir, 'a.yaml');
    writeFileSync(path, 'status: [active\n');
    expect(() => editFile(openFile(path), [{ op: 'set', path: ['status'], value: 'closed' }])).toThrow(/does not parse/);
    expect(readFileSync(path, 'utf8')).toBe('status: [active\n');
    expect(existsSync(path)).toBe(true);
  });
});
