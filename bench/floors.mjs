// The floors each figure is paired with: what any tool must at least do with the same files.
// `node bench/floors.mjs read <folder>` lists the record folders and reads every file's bytes;
// `node bench/floors.mjs parse <folder>` also parses every file with js-yaml (one core).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';

const [what, dir] = process.argv.slice(2);
const files = ['programme.yaml', ...['mentors', 'mentees', 'matches'].flatMap((d) => readdirSync(join(dir, d)).map((f) => join(d, f)))];
let bytes = 0;
for (const file of files) {
  const text = readFileSync(join(dir, file), 'utf8');
  bytes += text.length;
  if (what === 'parse') jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
}
if (bytes === 0) process.exit(1);
