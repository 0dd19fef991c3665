// The examples in docs/data-format.md must be valid records: the docs cannot drift from the schemas.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkRecord } from '../../src/core/check-record.js';
import type { RecordKind } from '../../src/core/schema/index.js';

const doc = readFileSync(new URL('../../docs/data-format.md', import.meta.url), 'utf8');

function block(heading: string): string {
  const start = doc.indexOf(heading);
  const open = doc.indexOf('```yaml\n', start) + '```yaml\n'.length;
  return doc.slice(open, doc.indexOf('```', open));
}

describe('docs/data-format.md', () => {
  const cases: [string, RecordKind][] = [
    ['## programme.yaml', 'programme'],
    ['## mentors/&lt;id&gt;.yaml', 'mentor'],
    ['## matches/&lt;id&gt;.yaml', 'match'],
  ];
  for (const [heading, kind] of cases) {
    it(`has a valid ${kind} example`, () => {
      const result = checkRecord(kind, 'docs', parse(block(heading)));
      expect(result.ok ? [] : result.problems).toEqual([]);
    });
  }
});
