// Gives problems found in data (a path inside a record) a line and column in the file's text.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { PathSegment, Problem } from './problems.js';

export function locateProblems(problems: Problem[], textOf: (file: string) => string | undefined): Problem[] {
  const byFile = new Map<string, Locator | null>();
  return problems.map((p) => {
    if (p.line > 0 || p.path === undefined) return p;
    let locator = byFile.get(p.file);
    if (locator === undefined) {
      const text = textOf(p.file);
      locator = text === undefined ? null : new Locator(text);
      byFile.set(p.file, locator);
    }
    if (locator === null) return p;
    const pos = locator.find(p.path, p.atKey === true);
    return { ...p, line: pos.line, col: pos.col };
  });
}

export class Locator {
  private readonly lineCounter = new LineCounter();
  private readonly contents: Node | null;

  constructor(text: string) {
    const doc = parseDocument(text, { lineCounter: this.lineCounter, keepSourceTokens: false, logLevel: 'error' });
    this.contents = doc.contents as Node | null;
  }

  /** The position of the value at `path` (or of its key), or of the nearest enclosing field found. */
  find(path: PathSegment[], atKey: boolean): { line: number; col: number } {
    let node: unknown = this.contents;
    const offset = (n: unknown): number | undefined => {
      const range = (n as { range?: [number, number, number] } | null)?.range;
      return range ? range[0] : undefined;
    };
    let best = offset(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(segment));
        if (!pair) break;
        const keyOffset = offset(pair.key);
        if (last && atKey && keyOffset !== undefined) return this.pos(keyOffset);
        const valueOffset = offset(pair.value);
        // An empty value (`name:`) has no node: point at its key.
        best = valueOffset ?? keyOffset ?? best;
        if (pair.value === null || pair.value === undefined) {
          best = keyOffset ?? best;
          break;
        }
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        best = offset(item) ?? best;
        node = item;
      } else {
        break;
      }
    }
    return this.pos(best);
  }

  private pos(offset: number): { line: number; col: number } {
    return this.lineCounter.linePos(offset);
  }
}
