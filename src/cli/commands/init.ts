import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { jsonSchemas } from '../../core/json-schema.js';
import { PROGRAMME_FILE } from '../../core/model.js';
import { EXAMPLE_NAME, packageFile } from '../../store/package-files.js';
import { createFile } from '../../store/write.js';
import { defineCommand, option } from '../command.js';
import type { Context } from '../context.js';
import { EXIT, UserError } from '../../errors.js';

export const SCHEMA_FOLDER = 'schema';

export const command = defineCommand({
  name: 'init',
  description: 'create a new programme folder',
  arguments: [{ name: '<folder>', description: 'the folder to create (it may exist, but must not hold a programme)' }],
  options: {
    example: option.flag('--example', 'fill it with the example programme instead of an empty one'),
    name: option.value('--name <name>', "the programme's name"),
  },
  run,
});

async function run(ctx: Context, args: string[], options: { example?: boolean | undefined; name?: string | undefined }): Promise<number> {
  const shown = String(args[0]);
  const target = resolve(shown);
  refuseExistingProgramme(target, shown);
  mkdirSync(target, { recursive: true });
  const written: string[] = [];
  const create = (rel: string, text: string) => {
    const path = join(target, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    createFile(path, text, join(shown, rel));
    written.push(join(shown, rel));
  };

  if (options.example) {
    const source = packageFile('examples', EXAMPLE_NAME);
    for (const rel of listFiles(source)) create(rel, readFileSync(join(source, rel), 'utf8'));
  } else {
    const name = options.name ?? titleOf(basename(target));
    const fill = (text: string) => text.replaceAll('{{name}}', stringify(name, { lineWidth: 0 }).trim());
    create(PROGRAMME_FILE, fill(readFileSync(packageFile('templates', 'init', 'programme.yaml'), 'utf8')));
    create('README.md', readFileSync(packageFile('templates', 'init', 'README.md'), 'utf8').replaceAll('{{name}}', name));
    create('.gitignore', readFileSync(packageFile('templates', 'init', 'gitignore'), 'utf8'));
    for (const folder of ['mentors', 'mentees', 'matches']) create(`${folder}/.gitkeep`, '');
    for (const [file, schema] of Object.entries(jsonSchemas())) create(`${SCHEMA_FOLDER}/${file}`, `${JSON.stringify(schema, null, 2)}\n`);
  }

  if (ctx.json) ctx.stdout(`${JSON.stringify({ created: shown, written }, null, 2)}\n`);
  else {
    ctx.stderr(`Created the programme folder ${shown} (${written.length} files).\n`);
    ctx.stderr(`Next: edit ${join(shown, PROGRAMME_FILE)}, then run \`mentor-coord validate --dir ${shown}\`.\n`);
    ctx.stderr(`Keep it in git: cd ${shown} && git init && git add -A && git commit -m "new programme"\n`);
  }
  return EXIT.ok;
}

function refuseExistingProgramme(target: string, shown: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new UserError(`${shown} is a file`, 'Give a new folder name for the programme.');
  if (existsSync(join(target, PROGRAMME_FILE))) {
    throw new UserError(`${shown} already holds a programme (${PROGRAMME_FILE})`, 'Nothing was changed. Choose a new folder, or work in this one with --dir.');
  }
  const clash = ['mentors', 'mentees', 'matches', 'README.md', '.gitignore', SCHEMA_FOLDER].filter((n) => existsSync(join(target, n)));
  if (clash.length > 0) {
    throw new UserError(`${shown} already has ${clash.join(', ')}`, 'Nothing was changed. init only fills a new or empty folder.');
  }
}

function listFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name === '.mentor-coord') continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(root, path));
    else out.push(path);
  }
  return out;
}

function titleOf(folder: string): string {
  const words = folder.replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'Mentoring programme' : words.charAt(0).toUpperCase() + words.slice(1);
}
