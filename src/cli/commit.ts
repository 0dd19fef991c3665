// `--commit` and the programme's `git.commit: true` setting: every change a writing command makes
// becomes its own commit, whose message says what changed and whose author is the coordinator
// (git's user.name): an audit trail of who recorded what and when.
import { relative, resolve, sep } from 'node:path';
import { summariseChanges } from '../core/merge/summary.js';
import { EXIT } from '../errors.js';
import { changesOf, commitFailure, gitSaid, mergeInProgress, repositoryTop, runGit } from '../store/git.js';
import { commitSettingOn } from '../store/git-setting.js';
import { filesWritten } from '../store/write.js';
import type { Context } from './context.js';

/** Commits what this command wrote, when asked; returns an exit code (0, or 1 when it could not). */
export function commitWritten(ctx: Context, commandName: string, asked: boolean): number {
  const dir = resolve(ctx.dir);
  if (!asked && !commitSettingOn(dir)) return EXIT.ok;
  const top = repositoryTop(dir);
  const written = filesWritten();
  if (written.length === 0) return EXIT.ok;
  const notCommitted = (why: string, hint: string) => {
    ctx.stderr(`mentor-coord: saved, but not committed: ${why}\n  hint: ${hint}\n`);
    return EXIT.findings;
  };
  if (!top)
    return notCommitted(
      `${ctx.dir} is not in a git repository`,
      'The change is saved: do not record it again. Run git init there (then mentor-coord git setup), or leave out --commit.',
    );
  if (mergeInProgress(top)) {
    return notCommitted(
      'a merge is under way (a pull stopped on a conflict)',
      'Resolve the conflict (mentor-coord validate shows where), then run mentor-coord sync: it commits this too.',
    );
  }
  const inside = written.filter((file) => {
    const fromTop = relative(top, file);
    const fromDir = relative(dir, file);
    return !fromTop.startsWith('..') && fromDir.split(sep)[0] !== '.mentor-coord';
  });
  const ignored = new Set(
    inside.length > 0
      ? runGit(top, ['check-ignore', '--', ...inside])
          .stdout.split('\n')
          .filter(Boolean)
          .map((f) => resolve(top, f))
      : [],
  );
  const files = inside.filter((f) => !ignored.has(f));
  if (files.length === 0) return EXIT.ok;
  const summary = summariseChanges(changesOf(dir, top, files));
  const added = runGit(top, ['add', '-A', '--', ...files]);
  if (!added.ok) return notCommitted('git could not add the changed files', gitSaid(added));
  const committed = runGit(top, ['commit', '-q', '-m', `${summary}\n\nmentor-coord ${commandName}`, '--', ...files]);
  if (!committed.ok) {
    const failure = commitFailure(committed, ctx.dir, 'run mentor-coord sync to commit it (do not record it again)');
    return notCommitted(failure.message, failure.hint ?? '');
  }
  ctx.stderr(`Committed: ${summary} (${files.map((f) => relative(dir, f).split(sep).join('/')).join(', ')}).\n`);
  return EXIT.ok;
}
