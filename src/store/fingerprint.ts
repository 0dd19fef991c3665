// Changes with the tool's version and its schemas, so records checked by another version are
// checked again.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import { SCHEMAS } from '../core/schema/index.js';

let memo: string | undefined;
export function schemaFingerprint(): string {
  if (memo === undefined) {
    const schemas = Object.values(SCHEMAS).map((s) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }));
    memo = createHash('sha256').update(pkg.version).update(JSON.stringify(schemas)).digest('hex').slice(0, 16);
  }
  return memo;
}
