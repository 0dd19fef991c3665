import { describe, expect, it } from 'vitest';
import { mergeConflict } from '../../src/core/parse.js';

describe("git's conflict markers", () => {
  it('are found at the start of the file, after LF and after CRLF, and only at the start of a line', () => {
    const body = '  - with: mentee\n=======\n  - with: mentor\n>>>>>>> theirs\n';
    expect(mergeConflict('m.yaml', `<<<<<<< HEAD\n${body}`)).toMatchObject({ code: 'merge-conflict', line: 1, message: /between lines 1 and 5/ });
    expect(mergeConflict('m.yaml', `status: active\ncheckins:\n<<<<<<< HEAD\n${body}`)).toMatchObject({ line: 3 });
    expect(mergeConflict('m.yaml', `status: active\r\n<<<<<<< HEAD\r\n${body.replaceAll('\n', '\r\n')}`)).toMatchObject({ line: 2 });
    expect(mergeConflict('m.yaml', 'note: "a <<<<<<< b"\n  <<<<<<< indented\n')).toBeUndefined();
    expect(mergeConflict('m.yaml', 'name: Ada\n')).toBeUndefined();
  });
});
