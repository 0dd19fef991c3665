// Preloaded by bench/run.mjs into the command it measures: reports the peak memory at exit.
import { writeSync } from 'node:fs';
process.on('exit', () => {
  if (process.env.BENCH_RSS_FD) writeSync(2, `\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
