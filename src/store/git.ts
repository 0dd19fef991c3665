// The git a programme folder is shared through: run plainly, its failures turned into words a
// coordinator can act on. Never forces, never discards: the only commands run are status, show,
// add, commit, pull (a merge) and push.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import type { FileChange } from '../core/merge/summary.js';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export function runGit(cwd: string, args: string[]): GitResult {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError('git is not installed on this machine', 'Install git (https://git-scm.com), then run the command again.');
    }
    throw result.error;
  }
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
}

/** The top of the git repository holding `dir`, or undefined when it is not in one. */
export function repositoryTop(dir: string): string | undefined {
  const result = runGit(dir, ['rev-parse', '--show-toplevel']);
  return result.ok ? result.stdout.trim() : undefined;
}

/** git's last line of complaint, for a message. */
export function gitSaid(result: GitResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.slice(-3).join(' / ');
}

/** Files under `dir` that differ from the last commit (new, changed or removed), as absolute paths. */
export function changedFiles(dir: string, top: string): string[] {
  const result = runGit(dir, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.']);
  if (!result.ok) throw new UserError(`git could not list the changes in ${dir}`, gitSaid(result));
  const paths: string[] = [];
  const entries = result.stdout.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    paths.push(resolve(top, entry.slice(3)));
    // A rename is followed by the old name.
    if (status.includes('R') || status.includes('C')) paths.push(resolve(top, entries[++i]!));
  }
  return paths;
}

/** Each file as in `base` (the last commit) and as it is now, named relative to the programme folder. */
export function changesOf(dir: string, top: string, files: string[], base = 'HEAD'): FileChange[] {
  return files.map((file) => {
    const inRepo = relative(top, file).split(sep).join('/');
    const shown = runGit(top, ['show', `${base}:${inRepo}`]);
    return {
      path: relative(resolve(dir), file).split(sep).join('/'),
      ...(shown.ok ? { before: shown.stdout } : {}),
      ...(existsSync(file) ? { after: readFileSync(file, 'utf8') } : {}),
    };
  });
}

/** Whether a merge is under way (a pull stopped on a conflict). */
export function mergeInProgress(top: string): boolean {
  const result = runGit(top, ['rev-parse', '--git-path', 'MERGE_HEAD']);
  return result.ok && existsSync(resolve(top, result.stdout.trim()));
}

/** Plain words for git's refusal to commit because it does not know the coordinator's name. */
export function commitFailure(result: GitResult, dir: string, then: string): UserError {
  const said = `${result.stderr}\n${result.stdout}`;
  if (/tell me who you are|empty ident|user\.email/i.test(said)) {
    return new UserError(
      'git does not know your name yet, so it cannot record who made this change',
      `Tell it once: git config --global user.name "Your Name" && git config --global user.email you@example.org (in ${dir}), then ${then}.`,
    );
  }
  return new UserError('git could not commit the changes', gitSaid(result));
}

/**
 * Who made each side of a conflict in `file` (relative to the programme folder), when git is in
 * the middle of a merge: "ours: Amara, 2026-11-24 (1 call recorded); theirs: Tom, 2026-11-24 (1 match closed)".
 * Undefined when git cannot say (no merge under way, or not a repository).
 */
export function conflictAuthors(dir: string, file: string): string | undefined {
  let top: string | undefined;
  try {
    top = repositoryTop(dir);
  } catch {
    return undefined;
  }
  if (!top || !mergeInProgress(top)) return undefined;
  const path = resolve(dir, file);
  const last = (ref: string) => {
    const result = runGit(top, ['log', '-1', '--format=%an, %ad (%s)', '--date=short', ref, '--', path]);
    return result.ok && result.stdout.trim() ? result.stdout.trim() : undefined;
  };
  const ours = last('HEAD');
  const theirs = last('MERGE_HEAD');
  if (!ours && !theirs) return undefined;
  return `ours: ${ours ?? 'this copy'}; theirs: ${theirs ?? 'the other copy'}`;
}
