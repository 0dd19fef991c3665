// npm run bench: figures for the performance targets in docs/decisions.md (never asserted in tests).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from './generate.mjs';
import { generateMatch } from './generate-match.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'mentor-coord.js');
const OUT = join(ROOT, 'bench', 'out');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function time(args, { env = {}, preload = false } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...(preload ? ['--import', join(ROOT, 'bench', 'rss.mjs')] : []), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BENCH_RSS_FD: preload ? '2' : '', ...env },
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  return { ms, code: result.status, rssMb: rss ? Number(rss[1]) / 1024 : undefined, stdout: result.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${Math.round(ms)} ms`;

function measure(label, args, options, count = RUNS) {
  const runs = Array.from({ length: count }, () => time(args, options));
  const ms = median(runs.map((r) => r.ms));
  const rss = Math.max(...runs.map((r) => r.rssMb ?? 0));
  console.log(`${label.padEnd(58)} ${fmt(ms).padStart(9)}${rss ? `  ${rss.toFixed(0)} MB peak` : ''}  (exit ${runs[0].code})`);
  return { ms, rss, runs };
}

function folder(name, options) {
  const dir = join(OUT, name);
  const stamp = join(dir, '.generated.json');
  const want = JSON.stringify({ generator: 2, ...options });
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    const start = Date.now();
    generate(dir, options);
    writeFileSync(stamp, want);
    console.log(`generated ${name} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }
  return dir;
}

mkdirSync(OUT, { recursive: true });
console.log(`node ${process.version}, ${RUNS} runs each, median wall time\n`);

// BENCH_ONLY=match (or agreement) runs only those figures.
if (!process.env.BENCH_ONLY) {
  const bare = measure('node -e 0', ['-e', '0']);
  const version = measure('mentor-coord --version', [BIN, '--version']);
  console.log(`  start-up ratio: ${(version.ms / bare.ms).toFixed(2)}x (target: within 2x)\n`);

  const small = folder('people-10000-matches-5000', { people: 10000, matches: 5000, history: false });
  const big = folder('people-10000-matches-5000-history', { people: 10000, matches: 5000, history: true });
  for (const [label, dir] of [
    ['10,000 people, 5,000 matches', small],
    ['10,000 people, 5,000 matches with a year of history', big],
  ]) {
    console.log(label);
    rmSync(join(dir, '.mentor-coord'), { recursive: true, force: true });
    measure('  validate, first run (parses all, builds the cache; 1 run)', [BIN, 'validate', '--dir', dir], { preload: true }, 1);
    measure('  validate, later runs (unchanged files from the cache)', [BIN, 'validate', '--dir', dir], { preload: true });
    measure('  validate --no-cache (parse every file)', [BIN, 'validate', '--no-cache', '--dir', dir], { preload: true });
    measure('  overdue --json (cache warm)', [BIN, 'overdue', '--json', '--today', '2026-11-23', '--dir', dir], { preload: true });
    measure('  overdue --json --no-cache', [BIN, 'overdue', '--json', '--no-cache', '--today', '2026-11-23', '--dir', dir], { preload: true });
  }

  // Planning phone days: 1,000 active matches with no calls yet, so 2,000 calls are due; 20 days.
  const calls = folder('calls-2000', { people: 2000, matches: 1000, history: false });
  const days = [];
  for (let d = new Date(Date.UTC(2026, 10, 24)); days.length < 20; d = new Date(d.getTime() + 86400000)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  console.log('2,000 due calls over 20 phone days (100 five-minute slots a day)');
  const planArgs = [
    BIN,
    'checkin',
    'plan',
    '--days',
    days.join(','),
    '--per-day',
    '100',
    '--from',
    '08:00',
    '--slot',
    '5min',
    '--today',
    '2026-11-23',
    '--dir',
    calls,
  ];
  const planRun = measure('  checkin plan --json', [...planArgs, '--json'], { preload: true });
  const plan = JSON.parse(planRun.runs[0].stdout);
  console.log(`  planned ${plan.planned.length}, unplanned ${plan.unplanned.length}`);
  measure('  checkin plan --ics (2,000 events)', [...planArgs, '--ics', join(OUT, 'calls.ics')], { preload: true });
}
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'match') {
  // match: waiting mentees and mentors of capacity 2, about 30% of pairs ruled out by a required
  // criterion; the whole command, as a coordinator runs it.
  for (const [label, options] of [
    ['1,000 mentees x 500 mentors (capacity 2)', { mentees: 1000, mentors: 500 }],
    ['2,000 mentees x 1,000 mentors (capacity 2)', { mentees: 2000, mentors: 1000 }],
    ['2,000 x 1,000, correlated: the same ten mentors are best for everyone', { mentees: 2000, mentors: 1000, correlated: true }],
  ]) {
    const name = `match-${options.mentees}-${options.mentors}${options.correlated ? '-correlated' : ''}`;
    const dir = join(OUT, name);
    const stamp = join(dir, '.generated.json');
    const want = JSON.stringify({ generator: 1, ...options });
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
      generateMatch(dir, options);
      writeFileSync(stamp, want);
    }
    console.log(label);
    time([BIN, 'validate', '--dir', dir]);
    const run = measure('  match --json (cache warm)', [BIN, 'match', '--json', '--today', '2026-11-23', '--dir', dir], { preload: true }, Math.min(RUNS, 3));
    const json = JSON.parse(run.runs[0].stdout);
    console.log(
      `  matched ${json.matched} of ${json.matched + json.unmatched.length}, total ${json.total}, worst ${json.worst}, ${json.candidates.length} allowed pairs`,
    );
    measure('  match --fair --json (cache warm)', [BIN, 'match', '--fair', '--json', '--today', '2026-11-23', '--dir', dir], { preload: true }, 1);
  }
}

// agreement: 200 matches as Markdown and PDF (the generated matches are all signed, so they are
// named rather than found with --all, which would choose the same way).
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'agreement') {
  const dir = folder('agreement-200', { people: 400, matches: 200, history: false });
  const ids = readdirSync(join(dir, 'matches')).map((f) => f.replace(/\.yaml$/, ''));
  const out = join(OUT, 'agreement-200-out');
  console.log('200 agreements as Markdown and PDF');
  measure(
    '  agreement <200 matches> --format both',
    [BIN, 'agreement', ...ids, '--format', 'both', '--out', out, '--today', '2026-11-23', '--dir', dir],
    { preload: true },
    Math.min(RUNS, 3),
  );
  measure(
    '  agreement <200 matches> --format md',
    [BIN, 'agreement', ...ids, '--format', 'md', '--out', out, '--today', '2026-11-23', '--dir', dir],
    { preload: true },
    Math.min(RUNS, 3),
  );
}
