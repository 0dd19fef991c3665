// Colour is decided once, here, for the whole run. chalk alone does not honour NO_COLOR.
import { Chalk, type ChalkInstance } from 'chalk';

export interface ColorEnv {
  isTTY: boolean;
  env: Record<string, string | undefined>;
  noColorFlag: boolean;
}

export function colorLevel({ isTTY, env, noColorFlag }: ColorEnv): 0 | 1 | 2 | 3 {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb') return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return 1;
  return isTTY ? 1 : 0;
}

export function makeChalk(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}
