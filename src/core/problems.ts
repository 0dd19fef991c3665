// Problems are values, never exceptions: every check returns them, the loader collects them all,
// and one renderer prints them. A problem found from data (a path inside a file) is given its
// line and column later by `locate`, which needs the YAML source.
import type { ProblemCode } from './problem-codes.js';

export type PathSegment = string | number;

export interface Problem {
  /** Path relative to the programme folder, with forward slashes: "mentors/zoe-angstrom.yaml". */
  file: string;
  /** 1-based; 0 when the problem is about the file as a whole and has no position. */
  line: number;
  col: number;
  /** A stable, kebab-case identifier from the catalogue (./problem-codes.ts, docs/problems.md). */
  code: ProblemCode;
  message: string;
  /** How to fix it, in the coordinator's words. */
  hint: string;
  /** Where in the record it is; used to find line and column, not shown. */
  path?: PathSegment[];
  /** Point at the key of `path` rather than its value (unknown or misspelt keys). */
  atKey?: boolean;
}

export function problem(
  file: string,
  code: ProblemCode,
  message: string,
  hint: string,
  where: { path?: PathSegment[]; atKey?: boolean; line?: number; col?: number } = {},
): Problem {
  return {
    file,
    line: where.line ?? 0,
    col: where.col ?? 0,
    code,
    message,
    hint,
    ...(where.path ? { path: where.path } : {}),
    ...(where.atKey ? { atKey: true } : {}),
  };
}

export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.col !== b.col) return a.col - b.col;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** The public shape (validate --json, overdue --json): no internal fields. */
export function publicProblem(p: Problem): Omit<Problem, 'path' | 'atKey'> {
  return { file: p.file, line: p.line, col: p.col, code: p.code, message: p.message, hint: p.hint };
}
