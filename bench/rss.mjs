// Preloaded by bench/run.mjs into the command it measures: reports the peak memory at exit.
// Worker threads load it too (they inherit the flags): only the main thread reports.
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    if (process.env.BENCH_RSS_FD) writeSync(2, `\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
  });
}
