import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { jsonSchemas } from '../../core/json-schema.js';
import { PROGRAMME_FILE } from '../../core/model.js';
import { PLACEHOLDER } from '../../core/placeholders.js';
import { shellQuote } from '../flags.js';
import { EXAMPLE_NAME, packageFile } from '../../store/package-files.js';
import { createFile } from '../../store/write.js';
import { defineCommand, option } from '../command.js';
import { setUpGit } from './git-setup.js';
import type { Context } from '../context.js';
import { EXIT, UserError } from '../../errors.js';

export const SCHEMA_FOLDER = 'schema';

export const command = defineCommand({
  name: 'init',
  programme: false,
  description: 'create a new programme folder',
  arguments: [{ name: '<folder>', description: 'the folder to create (it may exist, but must not hold a programme)' }],
  options: {
    example: option.flag('--example', 'fill it with the example programme instead of an empty one'),
    name: option.value('--name <name>', "the programme's name"),
    coordinatorName: option.value('--coordinator-name <name>', "the coordinator's name (asked on a terminal when not given)"),
    coordinatorPhone: option.value('--coordinator-phone <phone>', "the coordinator's phone"),
    coordinatorEmail: option.value('--coordinator-email <email>', "the coordinator's email"),
    leadName: option.value('--lead-name <name>', "the safeguarding lead's name"),
    leadPhone: option.value('--lead-phone <phone>', "the safeguarding lead's phone"),
    leadEmail: option.value('--lead-email <email>', "the safeguarding lead's email"),
    git: option.flag('--git', 'make the folder a git repository set up for sharing (as mentor-coord git setup); done anyway when it is inside one'),
  },
  run,
});

async function run(
  ctx: Context,
  args: string[],
  options: { example?: boolean | undefined; name?: string | undefined; git?: boolean | undefined } & InitOptions,
): Promise<number> {
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
    if (!existsSync(join(target, '.gitignore'))) create('.gitignore', readFileSync(packageFile('templates', 'init', 'gitignore'), 'utf8'));
  } else {
    const name = options.name ?? titleOf(basename(target));
    const contacts = await askContacts(ctx, options);
    const yamlValue = (value: string) => stringify(value, { lineWidth: 0 }).trim();
    const fill = (text: string) =>
      text.replaceAll('{{name}}', yamlValue(name)).replace(/\{\{(coordinator|safeguarding_lead)\.(name|phone|email)\}\}/g, (_, who: string, field: string) => {
        const value = contacts[`${who}.${field}`];
        // A phone number is always quoted: +447700900123 unquoted would be read as a number.
        if (value) return field === 'phone' ? JSON.stringify(value) : yamlValue(value);
        return `"${PLACEHOLDER}: ${who === 'coordinator' ? "the coordinator's" : "the safeguarding lead's"} ${field}"`;
      });
    create(PROGRAMME_FILE, fill(readFileSync(packageFile('templates', 'init', 'programme.yaml'), 'utf8')));
    create('README.md', readFileSync(packageFile('templates', 'init', 'README.md'), 'utf8').replaceAll('{{name}}', name));
    create('.gitignore', readFileSync(packageFile('templates', 'init', 'gitignore'), 'utf8'));
    for (const folder of ['mentors', 'mentees', 'matches']) create(`${folder}/.gitkeep`, '');
    for (const [file, schema] of Object.entries(jsonSchemas())) create(`${SCHEMA_FOLDER}/${file}`, `${JSON.stringify(schema, null, 2)}\n`);
  }

  // In a git repository (or asked for one), set it up for sharing at once: records merged by mentor-coord.
  let inRepository = gitAnswers(target, ['rev-parse', '--show-toplevel']);
  if (options.git && !inRepository) {
    if (!gitAnswers(target, ['init', '-q'])) {
      throw new UserError(
        `could not make ${shown} a git repository`,
        'Is git installed? The programme folder was created; run git init there, then mentor-coord git setup.',
      );
    }
    inRepository = true;
  }
  const gitLines = inRepository ? setUpGit(target, shown) : [];

  if (ctx.json) ctx.stdout(`${JSON.stringify({ created: shown, written }, null, 2)}\n`);
  else {
    ctx.stderr(`Created the programme folder ${shown} (${written.length} files).\n`);
    ctx.stderr(`Next: edit ${join(shown, PROGRAMME_FILE)}, then run \`mentor-coord validate --dir ${shellQuote(shown)}\`.\n`);
    if (gitLines.length > 0) ctx.stderr(`${gitLines.join('\n')}\nCommit it: cd ${shellQuote(shown)} && git add -A && git commit -m "new programme"\n`);
    else
      ctx.stderr(
        `Keep it in git: mentor-coord init --git, or cd ${shellQuote(shown)} && git init && mentor-coord git setup && git add -A && git commit -m "new programme"\n`,
      );
  }
  return EXIT.ok;
}

/** Whether git ran the command successfully in `cwd` (false when git is missing). */
function gitAnswers(cwd: string, args: string[]): boolean {
  return spawnSync('git', args, { cwd, stdio: 'ignore' }).status === 0;
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

const CONTACT_OPTIONS = {
  'coordinator.name': ['coordinatorName', "The coordinator's name (yours)"],
  'coordinator.phone': ['coordinatorPhone', "The coordinator's phone"],
  'coordinator.email': ['coordinatorEmail', "The coordinator's email"],
  'safeguarding_lead.name': ['leadName', "The safeguarding lead's name"],
  'safeguarding_lead.phone': ['leadPhone', "The safeguarding lead's phone"],
  'safeguarding_lead.email': ['leadEmail', "The safeguarding lead's email"],
} as const;

type InitOptions = { [K in (typeof CONTACT_OPTIONS)[keyof typeof CONTACT_OPTIONS][0]]?: string | undefined };

/**
 * The coordinator's and safeguarding lead's contacts: from the options, else asked on a terminal.
 * What is still missing is written as a FILL IN placeholder, which validate reports.
 */
async function askContacts(ctx: Context, options: InitOptions): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const missing: [string, string][] = [];
  for (const [key, [option, question]] of Object.entries(CONTACT_OPTIONS)) {
    const given = options[option]?.trim();
    if (given) out[key] = given;
    else missing.push([key, question]);
  }
  if (missing.length === 0 || !ctx.stdinIsTTY) return out;
  const prompts = await import('@inquirer/prompts');
  ctx.stderr('Who to contact: these go into programme.yaml (Enter to leave one to fill in later).\n');
  for (const [key, question] of missing) {
    const answer = (await prompts.input({ message: `${question}:` }, ctx.promptStreams)).trim();
    if (answer) out[key] = answer;
  }
  return out;
}
