// The process as the tool sees it. No imports: the entry point loads this and nothing heavy.

/** The process as a command sees it: the real one in the binary, a fake one in tests. */
export interface IO {
  stdout: (text: string) => void;
  /**
   * Resolves once stdout has taken what was written. A pipe to a slower reader (cron's mail, a
   * pager) would otherwise hold the rest of a long report in memory.
   */
  stdoutReady?: () => Promise<void>;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** The terminal's width, when stdout is one. */
  columns: number | undefined;
  now: () => Date;
  /** The folder the command runs in. */
  cwd: () => string;
  /** Where prompts read and write; tests pass their own streams. */
  promptStreams?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
}

export function processIO(): IO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stdoutReady: () => drained(process.stdout),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    // A terminal's own width; when output is piped, COLUMNS if set (as `COLUMNS=80 ... | less`).
    columns: process.stdout.columns ?? (Number(process.env.COLUMNS) > 0 ? Number(process.env.COLUMNS) : undefined),
    now: () => new Date(),
    cwd: () => process.cwd(),
  };
}

/** Resolves once the stream has taken what was written to it (or has closed). */
export function drained(stream: NodeJS.WritableStream & { writableNeedDrain: boolean }): Promise<void> {
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
