// Sharing a programme through git without merge conflicts: record files are merged by
// mentor-coord itself (merge-file), registered as git's merge driver for them.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXIT, UserError } from '../../errors.js';
import { assertProgrammeFolder } from '../../store/scan.js';
import { packageFile } from '../../store/package-files.js';
import { gitSaid, repositoryTop, runGit } from '../../store/git.js';
import { writeNewOrReplace } from '../../store/write.js';
import { defineCommand } from '../command.js';
import { shellQuote } from '../flags.js';

const ATTRIBUTES = ['programme.yaml', 'mentors/*.yaml', 'mentees/*.yaml', 'matches/*.yaml'].map((p) => `${p} merge=mentor-coord`);

export const command = defineCommand({
  name: 'git setup',
  description: "let git merge record files itself, so that two coordinators' calls on the same match never conflict",
  options: {},
  async run(ctx) {
    const dir = resolve(ctx.dir);
    assertProgrammeFolder(dir, ctx.dir);
    ctx.stderr(`${setUpGit(dir, ctx.dir).join('\n')}\n`);
    return EXIT.ok;
  },
});

/** Writes .gitattributes and .gitignore lines and registers the driver; returns what it did, in words. */
export function setUpGit(dir: string, shown: string): string[] {
  if (!repositoryTop(dir)) {
    throw new UserError(
      `${shown} is not in a git repository`,
      `Create one first: cd ${shellQuote(shown)} && git init && git add -A && git commit -m "programme"`,
    );
  }
  const attributes = join(dir, '.gitattributes');
  const old = existsSync(attributes) ? readFileSync(attributes, 'utf8') : '';
  const missing = ATTRIBUTES.filter((line) => !old.split('\n').includes(line));
  if (missing.length > 0) {
    writeNewOrReplace(
      attributes,
      `${old}${old && !old.endsWith('\n') ? '\n' : ''}${old ? '' : '# Made by mentor-coord git setup: records are merged by mentor-coord.\n'}${missing.join('\n')}\n`,
    );
  }
  // The parse cache is this machine's own: never shared.
  const ignore = join(dir, '.gitignore');
  const ignored = existsSync(ignore) ? readFileSync(ignore, 'utf8') : '';
  const ignoresCache = ignored.split(/\r?\n/).some((line) => ['.mentor-coord', '.mentor-coord/', '/.mentor-coord/', '/.mentor-coord'].includes(line.trim()));
  if (!ignoresCache) writeNewOrReplace(ignore, `${ignored}${ignored && !ignored.endsWith('\n') ? '\n' : ''}.mentor-coord/\n`);
  const driver = driverCommand();
  for (const [key, value] of [
    ['merge.mentor-coord.name', 'mentor-coord: merge programme records'],
    ['merge.mentor-coord.driver', driver],
  ] as const) {
    const set = runGit(dir, ['config', key, value]);
    if (!set.ok) throw new UserError('git could not register the merge driver', gitSaid(set));
  }
  return [
    missing.length > 0
      ? `Wrote ${relative(process.cwd(), attributes) || '.gitattributes'}: records are merged by mentor-coord (commit it, so every copy does the same).`
      : '.gitattributes already names mentor-coord.',
    ...(ignoresCache ? [] : ["Wrote .gitignore: the .mentor-coord/ folder (this machine's cache) is never shared."]),
    `Registered the merge driver in this repository's git config: ${driver}`,
    'Each coordinator runs mentor-coord git setup once in their own copy (git does not share its config).',
    '',
  ].filter((line) => line !== '');
}

/** The command git runs to merge a record: this node and this mentor-coord, by full path. */
export function driverCommand(): string {
  return `${shellQuote(process.execPath)} ${shellQuote(packageFile('bin', 'mentor-coord.js'))} merge-file %O %A %B %P`;
}
