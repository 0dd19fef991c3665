// Three kinds of failure, told apart once at the top (src/cli/main.ts):
// a UserError is the user's to fix (message + hint, exit 2); an Exit has already been reported
// (just leave with its code); anything else is a bug (stack trace and where to report it).
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint = '',
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export class Exit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'Exit';
  }
}

export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;
