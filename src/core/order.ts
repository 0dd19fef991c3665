/** Plain code-unit order for ids and ISO dates: the same on every machine, whatever its locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
