import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { publicProblem } from '../../core/problems.js';
import { EXIT } from '../../errors.js';
import { renderProblems } from '../../render/problems.js';
import { conflictAuthors, repositoryTop, runGit } from '../../store/git.js';
import { loadProgrammeLazily } from '../../store/load-lazy.js';
import { defineCommand } from '../command.js';

/** Codes only the checks across files report: problems that do not stop a file from loading. */
const ACROSS_FILES = new Set<string>([
  'duplicate-id',
  'unknown-person',
  'mentee-in-two-matches',
  'over-capacity',
  'excluded-pair',
  'date-order',
  'status-mismatch',
  'unknown-onboarding-step',
  'unknown-rule',
  'rule-required',
  'criterion-fields',
  'criterion-weight',
  'placeholder-contact',
]);

export const command = defineCommand({
  name: 'validate',
  description: 'check the programme folder: silent and exit 0 when all is well, every problem with its file and line otherwise',
  options: {},
  async run(ctx) {
    // Problems are all it shows: without the cache, no match's lists are kept (see withoutUnchecked).
    const loaded = await loadProgrammeLazily(ctx.dir, { cache: ctx.cache, onDemand: true, problemsOnly: true });
    if (ctx.json) {
      ctx.stdout(`${JSON.stringify({ problems: loaded.problems.map(publicProblem) }, null, 2)}\n`);
    } else if (loaded.problems.length > 0) {
      ctx.stderr(renderProblems(loaded.problems, loaded.textOf, ctx.errChalk));
      // A file that did not load in full lends the checks across files only what is valid in it.
      if (loaded.problems.some((p) => !ACROSS_FILES.has(p.code))) {
        ctx.stderr(
          "Checks across files used only what is valid in the files above; a few (a mentor's capacity, say) wait until they are fixed. Run mentor-coord validate again then.\n",
        );
      }
    }
    // Who made each side of a conflict, when git is in the middle of the merge that made it.
    if (!ctx.json) {
      for (const file of new Set(loaded.problems.filter((p) => p.code === 'merge-conflict').map((p) => p.file))) {
        const authors = conflictAuthors(loaded.dir, file);
        if (authors) ctx.stderr(`${file}: the conflicting changes: ${authors}.\n`);
      }
    }
    // A programme kept in its own git repository merges records with mentor-coord's driver.
    if (!ctx.json && programmeRepoWithoutDriver(loaded.dir)) {
      ctx.stderr(
        "mentor-coord: warning: this programme is a git repository without mentor-coord's merge driver (or with one that points to a mentor-coord no longer there): run mentor-coord git setup, so that two coordinators' changes to one record merge without conflicts.\n",
      );
    }
    // A file or folder that could not be read at all is unreadable input (exit 2), not a finding.
    if (loaded.problems.some((p) => p.code === 'unreadable-file')) return EXIT.usage;
    return loaded.problems.length > 0 ? EXIT.findings : EXIT.ok;
  },
});

/** The programme folder is the top of a git repository that has no working merge driver registered. */
function programmeRepoWithoutDriver(dir: string): boolean {
  // The top of a repository has .git in it (a folder, or a file for a worktree): without one, no
  // need to ask git (a process to start on every validate), unless GIT_DIR puts it elsewhere.
  if (process.env.GIT_DIR === undefined && !existsSync(join(dir, '.git'))) return false;
  try {
    const top = repositoryTop(dir);
    if (!top || realpathSync(top) !== realpathSync(dir)) return false;
    const driver = runGit(dir, ['config', 'merge.mentor-coord.driver']).stdout.trim();
    return driver === '' || !driverProgramsExist(driver);
  } catch {
    // No git on this machine: nothing to warn about.
    return false;
  }
}

/** Whether the node and mentor-coord a registered driver names still exist (moved or reinstalled since?). */
function driverProgramsExist(driver: string): boolean {
  const words = [...driver.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replaceAll("'\\''", "'") : m[2]!));
  const programs = words.slice(0, words.indexOf('merge-file')).filter((w) => w.startsWith('/'));
  return programs.every((program) => existsSync(program));
}
