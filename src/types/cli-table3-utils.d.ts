// cli-table3's own helpers, used to draw tables exactly as it does (src/render/table.ts).
declare module 'cli-table3/src/utils.js' {
  const utils: {
    wordWrap(maxLength: number, input: string, wrapOnWordBoundary?: boolean): string[];
    colorizeLines(lines: string[]): string[];
    truncate(text: string, desiredLength: number, truncateChar?: string): string;
    pad(text: string, length: number, pad: string, dir: 'left' | 'right' | 'center' | undefined): string;
    strlen(text: string): number;
  };
  export default utils;
}
