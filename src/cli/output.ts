// Long output written as it is made, at the pace of whoever reads it.
import type { Context } from './context.js';

/**
 * Writes pieces of output in blocks of about 256 KB: neither one huge string nor a write per
 * line; each block once the one before has been taken (a report of 50,000 people is 40 MB).
 */
export async function writeChunks(ctx: Pick<Context, 'stdout' | 'stdoutReady'>, chunks: Iterable<string>): Promise<void> {
  let block: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    block.push(chunk);
    size += chunk.length;
    if (size >= 262_144) {
      ctx.stdout(block.join(''));
      block = [];
      size = 0;
      await ctx.stdoutReady();
    }
  }
  if (block.length > 0) ctx.stdout(block.join(''));
}
