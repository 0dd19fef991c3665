import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { jsonSchemas } from '../../core/json-schema.js';
import { writeNewOrReplace } from '../../store/write.js';
import { defineCommand, option } from '../command.js';
import type { Context } from '../context.js';
import { EXIT } from '../../errors.js';

export const SCHEMA_DIR = 'schema';

export const command = defineCommand({
  name: 'schema',
  description: 'write JSON Schemas of the programme files, for editors with a YAML language server',
  options: {
    out: option.value('--out <folder>', 'where to write them (default: <dir>/schema)'),
  },
  run,
});

async function run(ctx: Context, _args: string[], options: { out?: string | undefined }): Promise<number> {
  const out = resolve(options.out ?? join(ctx.dir, SCHEMA_DIR));
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const path = join(out, name);
    writeNewOrReplace(path, `${JSON.stringify(schema, null, 2)}\n`);
    written.push(path);
  }
  if (ctx.json) ctx.stdout(`${JSON.stringify({ written }, null, 2)}\n`);
  else for (const path of written) ctx.stderr(`wrote ${relative(process.cwd(), path) || path}\n`);
  return EXIT.ok;
}
