import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { shardText } from '../src/store/cache.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'mentor-coord.js');
export const EXAMPLE = join(ROOT, 'examples', 'riverside');
export const EXAMPLE_TODAY = '2026-11-23';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a command sees in tests: this one, less what would change the tool's behaviour. */
function testEnv(extra: Record<string, string | undefined> = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...base,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    MENTOR_COORD_DIR: undefined,
    MENTOR_COORD_TODAY: undefined,
    ...extra,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as NodeJS.ProcessEnv;
}

/** The real built binary, as a coordinator or cron would run it: no terminal, no colour. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): Run {
  const env = testEnv(options.env);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temps: string[] = [];
afterEach(() => {
  while (temps.length > 0) rmSync(temps.pop()!, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mentor-coord-test-'));
  temps.push(dir);
  return dir;
}

/** A copy of the example programme to change freely. */
export function exampleCopy(): string {
  const dir = join(tempDir(), 'riverside');
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('.mentor-coord') });
  return dir;
}

/**
 * The same command line run in this process: the program the binary runs, with its output
 * captured. Much faster than spawning; the end-to-end tests in test/e2e/ spawn the real binary.
 */
export async function mc(args: string[], options: { env?: Record<string, string | undefined>; input?: string; cwd?: string; now?: Date } = {}): Promise<Run> {
  const { main } = await import('../src/cli/program.js');
  const env = testEnv(options.env);
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'mentor-coord', ...args], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    columns: undefined,
    now: () => options.now ?? new Date(),
    cwd: () => options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}

/** The uid of an ordinary user to run the binary as, when the tests run as root (where permissions do not apply). */
export const OTHER_USER = process.getuid?.() === 0 ? 65534 : undefined;

/**
 * The real binary run as an ordinary user: as `nobody` when the tests run as root, so that
 * permissions apply; as ourselves otherwise. Folders on the way to `dir` are opened up for it.
 */
export function cliAsUser(args: string[], dir: string, options: { env?: Record<string, string | undefined> } = {}): Run {
  if (OTHER_USER !== undefined) {
    // The temporary folders are private to root: let the other user reach the programme copy.
    for (let d = dir; d !== tmpdir() && d !== '/' && d.startsWith(tmpdir()); d = resolve(d, '..')) chmodSync(d, statSync(d).mode | 0o755);
  }
  const env = testEnv({ HOME: '/tmp', ...options.env }, { PATH: process.env.PATH });
  const result = spawnSync(process.execPath, [OTHER_USER !== undefined ? sharedBin() : BIN, ...args], {
    cwd: '/',
    env,
    input: '',
    encoding: 'utf8',
    ...(OTHER_USER !== undefined ? { uid: OTHER_USER, gid: OTHER_USER } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let shared: string | undefined;
/** A copy of the built tool that any user can run (this checkout may sit in a private folder). */
function sharedBin(): string {
  if (shared === undefined) {
    const root = mkdtempSync(join(tmpdir(), 'mentor-coord-shared-bin-'));
    for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(ROOT, part), join(root, part), { recursive: true });
    execFileSync('chmod', ['-R', 'a+rX', root]);
    shared = join(root, 'bin', 'mentor-coord.js');
  }
  return shared;
}

/** A cache shard's entry, as the tests see it: the record whole. */
export type ShardEntry = [number, number, number, number, number, { ok: boolean; value?: Record<string, unknown>; problems?: unknown[] }];

/** A cache shard read back with each record whole (its fields kept apart put back in place). */
export function readShard(path: string): { format: number; fingerprint: string; entries: Record<string, ShardEntry> } {
  const bytes = readFileSync(path);
  const newline = bytes.indexOf(10);
  const head = JSON.parse(bytes.toString('utf8', 0, newline)) as { format: number; fingerprint: string; entries: Record<string, ShardEntry & number[]> };
  for (const entry of Object.values(head.entries)) {
    if (entry.length < 8) continue;
    const [start, end] = [entry[6] as number, entry[7] as number];
    Object.assign(entry[5].value!, JSON.parse(bytes.toString('utf8', newline + 1 + start, newline + 1 + end)));
    entry.length = 6;
  }
  return head;
}

/** Writes a shard as the tool would (to plant one). */
export function writeShard(path: string, shard: { fingerprint: string; entries: Record<string, ShardEntry> }): void {
  writeFileSync(path, shardText(shard.entries as never, shard.fingerprint));
}
