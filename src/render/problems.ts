// Problems as a person reads them: FILE:LINE:COL: message, the line with a caret, the hint.
import type { ChalkInstance } from 'chalk';
import { printable } from '../core/printable.js';
import type { Problem } from '../core/problems.js';

export function renderProblems(problems: Problem[], textOf: (file: string) => string | undefined, chalk: ChalkInstance): string {
  const out: string[] = [];
  for (const p of problems) {
    const where = p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
    out.push(`${chalk.bold(printable(where))}: ${chalk.red('error')}: ${printable(p.message)}`);
    const source = p.line > 0 ? lineOf(textOf(p.file), p.line) : undefined;
    if (source !== undefined) {
      const gutter = String(p.line);
      const pad = ' '.repeat(gutter.length);
      const shown = source.length > 120 ? `${source.slice(0, 117)}...` : source;
      out.push(chalk.dim(`  ${gutter} | `) + shown);
      const caretAt = Math.max(0, Math.min(p.col - 1, shown.length));
      out.push(chalk.dim(`  ${pad} | `) + ' '.repeat(visibleWidth(shown.slice(0, caretAt))) + chalk.red('^'));
    }
    if (p.hint) out.push(`  ${chalk.cyan('hint')}: ${printable(p.hint)}`);
    out.push('');
  }
  const files = new Set(problems.map((p) => p.file)).size;
  out.push(chalk.red(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`));
  return `${out.join('\n')}\n`;
}

function lineOf(text: string | undefined, line: number): string | undefined {
  if (text === undefined) return undefined;
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return undefined;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  // Control characters would move the terminal's cursor; show them as a visible symbol.
  return text
    .slice(start, end === -1 ? undefined : end)
    .replace(/\r$/, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\u2426')
    .replace(/\t/g, ' ');
}

/** Columns a string takes: combining marks take none, so the caret lands under "Nguyễn". */
function visibleWidth(text: string): number {
  return [...text.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
}
