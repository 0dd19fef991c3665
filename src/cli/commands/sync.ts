// Sharing without git commands: commit what changed here, bring in what colleagues shared (merged
// by mentor-coord's driver), check the result, share it. Stops, saying why and what to do, at the
// first thing that needs a person; never forces a push and never throws away a change.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { summariseChanges } from '../../core/merge/summary.js';
import { mergeConflict } from '../../core/parse.js';
import { EXIT, UserError } from '../../errors.js';
import { changedFiles, changesOf, commitFailure, conflictAuthors, gitSaid, mergeInProgress, repositoryTop, runGit } from '../../store/git.js';
import { assertProgrammeFolder, loadProgramme } from '../../store/load.js';
import { option, defineCommand } from '../command.js';
import { shellQuote } from '../flags.js';
import { driverCommand } from './git-setup.js';

export const command = defineCommand({
  name: 'sync',
  description: 'share the programme with colleagues: commit what changed here, bring in theirs (merging records), check, and push',
  options: {
    message: option.value('--message <text>', 'the commit message (default: what changed, e.g. "2 calls recorded, 1 concern followed up")'),
  },
  helpAfter:
    '\nRun mentor-coord git setup once in each copy first. sync never forces a push and never discards a change: when something needs you (no remote, a real conflict, a push refused) it stops and says what to do.',
  async run(ctx, _args, options) {
    const dir = resolve(ctx.dir);
    assertProgrammeFolder(dir, ctx.dir);
    const top = repositoryTop(dir);
    if (!top) {
      throw new UserError(
        `${ctx.dir} is not in a git repository, so there is nothing to share it through`,
        `Ask whoever shares the programme for its address, then: git clone <address>; or start one here: cd ${shellQuote(ctx.dir)} && git init && mentor-coord git setup`,
      );
    }
    const say = (line: string) => ctx.stderr(`${line}\n`);
    const stop = (why: string, what: string) => {
      ctx.stderr(`mentor-coord sync stopped: ${why}\n  what to do: ${what}\n`);
      return EXIT.findings;
    };
    const shown = (files: string[]) => files.map((f) => relative(dir, f).split(sep).join('/')).join(', ');
    const git = (...args: string[]) => runGit(top, args);

    // 1. Never commit a file that still holds both sides of a conflict.
    const markers = conflictedFiles(ctx.dir, ctx.cache);
    if (markers.length > 0) {
      return stop(
        `${markers.join(', ')} still ${markers.length === 1 ? 'holds' : 'hold'} both sides of a conflict (between <<<<<<< and >>>>>>> lines)`,
        'mentor-coord validate shows which field and both values: keep the right one, delete the other and the marker lines, then run mentor-coord sync again.',
      );
    }

    // 2. Commit what changed here.
    const merging = mergeInProgress(top);
    const changed = changedFiles(dir, top).filter((f) => relative(dir, f).split(sep)[0] !== '.mentor-coord');
    if (changed.length > 0 || merging) {
      const summary = options.message ?? (changed.length > 0 ? summariseChanges(changesOf(dir, top, changed)) : 'conflict resolved');
      const added = changed.length > 0 ? git('add', '-A', '--', ...changed) : { ok: true, stdout: '', stderr: '' };
      if (!added.ok) return stop('git could not add the changed files', gitSaid(added));
      // During a merge the commit concludes it (git refuses a commit of some paths only then).
      const committed = merging ? git('commit', '-q', '-m', summary) : git('commit', '-q', '-m', summary, '--', ...changed);
      if (!committed.ok) {
        const failure = commitFailure(committed, ctx.dir, 'run mentor-coord sync again');
        return stop(failure.message, failure.hint);
      }
      say(`Committed here: ${summary}${changed.length > 0 ? ` (${changed.length} file${changed.length === 1 ? '' : 's'})` : ''}.`);
    } else {
      say('Nothing changed here since the last commit.');
    }

    // 3. Where to share with.
    const remotes = git('remote').stdout.split('\n').filter(Boolean);
    if (remotes.length === 0) {
      return stop(
        'this copy has no remote: nowhere to share with (your changes are committed here, safe)',
        'Ask whoever shares the programme for its address, then: git remote add origin <address>, and run mentor-coord sync again.',
      );
    }
    const upstream = git('rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}');
    const branch = git('symbolic-ref', '--short', 'HEAD').stdout.trim();
    if (!branch) return stop('this copy is not on a branch (git says "detached HEAD")', 'Ask a colleague who knows git to put it back on the main branch.');
    const remote = upstream.ok ? upstream.stdout.trim().split('/')[0]! : remotes.includes('origin') ? 'origin' : remotes[0]!;
    // The driver git runs must be this mentor-coord: one moved or reinstalled since git setup would
    // fail, and git would keep only this copy's side of a record.
    const driver = driverCommand();
    const registered = git('config', '--get', 'merge.mentor-coord.driver');
    if (registered.stdout.trim() !== driver) {
      const set = git('config', 'merge.mentor-coord.driver', driver);
      git('config', 'merge.mentor-coord.name', 'mentor-coord: merge programme records');
      if (!set.ok) return stop("could not register mentor-coord's merge driver", gitSaid(set));
      say(`${registered.ok ? 'Updated' : 'Registered'} mentor-coord's merge driver in this copy's git config: ${driver}`);
    }

    // 4. Bring in colleagues' changes, then 5. share: twice, if someone shared in between.
    for (let attempt = 1; ; attempt++) {
      const before = git('rev-parse', 'HEAD').stdout.trim();
      const hasRemoteBranch = upstream.ok || git('ls-remote', '--exit-code', '--heads', remote, branch).ok;
      if (hasRemoteBranch) {
        const pulled = upstream.ok ? git('pull', '--no-rebase', '--no-edit') : git('pull', '--no-rebase', '--no-edit', remote, branch);
        if (!pulled.ok) {
          const unmerged = git('diff', '--name-only', '--diff-filter=U', '-z')
            .stdout.split('\0')
            .filter(Boolean)
            .map((f) => resolve(top, f));
          // A file git could not merge and left without markers: the driver failed. Undo the merge
          // (nothing is lost: this copy's commits stay, the colleague's stay on the remote).
          const unmarked = unmerged.filter((f) => !hasMarkers(f));
          if (unmarked.length > 0) {
            git('merge', '--abort');
            return stop(
              `git could not merge ${shown(unmarked)} with mentor-coord, so the merge was undone (nothing is lost)`,
              'Run mentor-coord git setup, then mentor-coord sync again. If it happens again, ask whoever looks after mentor-coord.',
            );
          }
          if (unmerged.length > 0) {
            for (const file of unmerged) {
              const authors = conflictAuthors(dir, relative(dir, file));
              if (authors) say(`${relative(dir, file).split(sep).join('/')}: the conflicting changes: ${authors}.`);
            }
            return stop(
              `a colleague changed the same field as you in ${shown(unmerged)}: both values are kept in the file, between <<<<<<< and >>>>>>> lines`,
              'mentor-coord validate shows which field: keep the right value, delete the other and the marker lines, then run mentor-coord sync again. Nothing was lost and nothing was shared yet.',
            );
          }
          if (mergeInProgress(top)) return stop('git stopped in the middle of bringing in changes', gitSaid(pulled));
          return stop(
            `could not bring in changes from ${remote}`,
            `${gitSaid(pulled)}. Your changes are committed here; run mentor-coord sync again when this is fixed.`,
          );
        }
        const after = git('rev-parse', 'HEAD').stdout.trim();
        if (after !== before) {
          const incoming = git('diff', '--name-only', '-z', before, after, '--', dir)
            .stdout.split('\0')
            .filter(Boolean)
            .map((f) => resolve(top, f));
          say(`Brought in from ${remote}: ${incoming.length > 0 ? summariseChanges(changesOf(dir, top, incoming, before)) : 'no changes to the programme'}.`);
        }
      }
      // The merged folder must still make sense before it goes to colleagues.
      const loaded = loadProgramme(ctx.dir, { cache: ctx.cache });
      const conflicts = loaded.problems.filter((p) => p.code === 'merge-conflict');
      if (conflicts.length > 0) {
        return stop(
          `${[...new Set(conflicts.map((p) => p.file))].join(', ')} holds an unresolved conflict`,
          'Run mentor-coord validate to see it, keep the right value, then run mentor-coord sync again.',
        );
      }
      if (loaded.problems.length > 0) {
        say(
          `Note: mentor-coord validate finds ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} in the programme; they are shared as they are.`,
        );
      }
      const ahead = hasRemoteBranch ? git('rev-list', '--count', `${upstream.ok ? '@{u}' : `${remote}/${branch}`}..HEAD`) : undefined;
      if (ahead?.ok && ahead.stdout.trim() === '0') {
        say('Up to date: nothing of yours to share.');
        return EXIT.ok;
      }
      const pushed = upstream.ok ? git('push') : git('push', '-u', remote, 'HEAD');
      if (pushed.ok) {
        say(`Shared with ${remote}.`);
        return EXIT.ok;
      }
      const rejected = /rejected|fetch first|non-fast-forward/i.test(pushed.stderr);
      if (!rejected || attempt >= 2) {
        return stop(
          rejected ? `${remote} refused the changes: a colleague keeps sharing at the same moment` : `could not share with ${remote}`,
          rejected
            ? 'Run mentor-coord sync again in a minute. Nothing is forced and nothing is lost.'
            : `${gitSaid(pushed)}. Your changes are committed here; run mentor-coord sync again when this is fixed.`,
        );
      }
      say('A colleague shared changes a moment ago: bringing them in first.');
    }
  },
});

/** Files of the programme with conflict markers in them (from the problems validate reports). */
function conflictedFiles(dir: string, cache: boolean): string[] {
  const loaded = loadProgramme(dir, { cache });
  return [...new Set(loaded.problems.filter((p) => p.code === 'merge-conflict').map((p) => p.file))];
}

function hasMarkers(file: string): boolean {
  try {
    return mergeConflict(file, readFileSync(file, 'utf8')) !== undefined;
  } catch {
    return false;
  }
}
