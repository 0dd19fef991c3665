// npm run bench: what coordinators run, at 1,000, 10,000 and 50,000 people, each figure next to
// the floor it is judged against (reading the bytes; parsing them with js-yaml; a bare `node`),
// with the ratio and the target from docs/decisions.md. Figures are never asserted in tests.
//
//   BENCH_SIZES=1000,10000   only these sizes (default 1000,10000,50000)
//   BENCH_RUNS=5             runs per figure (the median is shown; 50,000 uses at most 3)
//   BENCH_ONLY=sizes|match|agreement   only the figures by size, or the solver's or the PDF's own
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from './generate.mjs';
import { generateMatch } from './generate-match.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'mentor-coord.js');
const FLOORS = join(ROOT, 'bench', 'floors.mjs');
const OUT = join(ROOT, 'bench', 'out');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const TODAY = '2026-11-23';

function time(args, { env = {} } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', join(ROOT, 'bench', 'rss.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '120', BENCH_RSS_FD: '2', ...env },
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = [...(result.stderr ?? '').matchAll(/BENCH_MAX_RSS_KB=(\d+)/g)].at(-1);
  return { ms, code: result.status, rssMb: rss ? Number(rss[1]) / 1024 : undefined, stdout: result.stdout, stderr: result.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** Runs a command `count` times (calling `before` first each time); the median and the peak memory. */
function measure(args, { count = RUNS, env, before } = {}) {
  const runs = [];
  for (let i = 0; i < count; i++) {
    before?.(i);
    runs.push(time(args, { env }));
  }
  const bad = runs.find((r) => r.code !== 0 && r.code !== 1);
  if (bad) throw new Error(`${args.join(' ')} exited ${bad.code}: ${bad.stderr.slice(0, 500)}`);
  return { ms: median(runs.map((r) => r.ms)), rss: Math.max(...runs.map((r) => r.rssMb ?? 0)), runs };
}

const lines = [];
function row(label, result, floor, target) {
  const ratio = floor ? ` ${(result.ms / floor.ms).toFixed(2)}x ${floor.name}` : '';
  const line = `  ${label.padEnd(46)} ${fmt(result.ms).padStart(9)}  ${`${result.rss.toFixed(0)} MB`.padStart(7)}${ratio.padEnd(22)}${target ? `  (target ${target})` : ''}`;
  console.log(line);
  lines.push(line);
}

function folder(name, options) {
  const dir = join(OUT, name);
  const stamp = join(dir, '.generated.json');
  const want = JSON.stringify({ generator: 4, ...options });
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    const start = Date.now();
    generate(dir, options);
    writeFileSync(stamp, want);
    // Files as a coordinator has them: written a while ago (the cache does not trust a file
    // changed in the last two seconds).
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const sub of ['', 'mentors', 'mentees', 'matches']) {
      for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) if (entry.isFile()) utimesSync(join(dir, sub, entry.name), hourAgo, hourAgo);
    }
    console.log(`  (generated ${name} in ${((Date.now() - start) / 1000).toFixed(1)} s)`);
  }
  return dir;
}

/** Twenty working days from 24 November 2026: 100 five-minute slots a day, 2,000 calls. */
function phoneDays() {
  const days = [];
  for (let d = new Date(Date.UTC(2026, 10, 24)); days.length < 20; d = new Date(d.getTime() + 86400000)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

mkdirSync(OUT, { recursive: true });
console.log(`node ${process.version}, median of ${RUNS} runs (at most 3 at 50,000), wall time and peak memory\n`);

if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'sizes') {
  const bare = { ...measure(['-e', '0']), name: 'node -e 0' };
  console.log('start-up');
  row('node -e 0', bare);
  row('mentor-coord --version', measure([BIN, '--version']), bare, 'within 1.3x');
  const example = join(ROOT, 'examples', 'riverside');
  time([BIN, 'validate', '--dir', example]);
  row('validate on the example (warm)', measure([BIN, 'validate', '--dir', example]), bare, 'within 2x');

  for (const people of SIZES) {
    const count = people >= 50_000 ? Math.min(RUNS, 3) : RUNS;
    const matches = people / 2;
    console.log(`\n${people.toLocaleString('en-GB')} people, ${matches.toLocaleString('en-GB')} matches with a year of history`);
    const dir = folder(`people-${people}`, { people, matches, history: true });
    const read = { ...measure([FLOORS, 'read', dir], { count }), name: 'read floor' };
    const parse = { ...measure([FLOORS, 'parse', dir], { count }), name: 'js-yaml floor' };
    row('floor: read every file', read);
    row('floor: parse every file with js-yaml', parse);

    // Cold: no cache, every file parsed and checked (on worker threads where there are cores).
    rmSync(join(dir, '.mentor-coord'), { recursive: true, force: true });
    row('validate, first run (builds the cache)', measure([BIN, 'validate', '--dir', dir], { count: 1 }), parse);
    row('validate --no-cache', measure([BIN, 'validate', '--no-cache', '--dir', dir], { count }), parse, 'within 1.3x');

    // Warm: every file from the cache.
    const warmValidate = measure([BIN, 'validate', '--dir', dir], { count });
    row('validate, warm', warmValidate, read);
    const overdue = (format) => [BIN, 'overdue', ...(format ? ['--format', format] : []), '--today', TODAY, '--dir', dir];
    const target = people === 10_000 ? 'within 2.5x' : people === 50_000 ? 'within 3x, < 600 MB' : undefined;
    row('overdue (the table), warm', measure(overdue(), { count }), read, target);
    row('overdue --format markdown, warm', measure(overdue('markdown'), { count }), read, target);
    row('overdue --format text, warm', measure(overdue('text'), { count }), read, target);
    row('overdue --format csv, warm', measure(overdue('csv'), { count }), read, target);
    const json = measure(overdue('json'), { count });
    row('overdue --json, warm', json, read, target);

    // One file changed a minute ago (an edit, a git pull): the run that sees it.
    const edited = join(dir, 'matches', 'match-17.yaml');
    const original = readFileSync(edited, 'utf8');
    const afterChange = measure([BIN, 'validate', '--dir', dir], {
      count,
      before: (i) => {
        writeFileSync(edited, `${original}# edited ${i}\n`);
        const minuteAgo = new Date(Date.now() - 60_000);
        utimesSync(edited, minuteAgo, minuteAgo);
      },
    });
    row('validate after one file changed', afterChange, { ...warmValidate, name: 'warm' }, 'within 1.1x');

    // Planning 2,000 calls into 20 phone days, written as a calendar.
    const ics = join(OUT, `calls-${people}.ics`);
    const plan = [
      BIN,
      'checkin',
      'plan',
      '--days',
      phoneDays().join(','),
      '--per-day',
      '100',
      '--from',
      '08:00',
      '--slot',
      '5min',
      '--today',
      TODAY,
      '--dir',
      dir,
    ];
    const planned = JSON.parse(time([...plan, '--json']).stdout);
    row(
      `checkin plan --ics (${planned.planned.length.toLocaleString('en-GB')} calls)`,
      measure([...plan, '--ics', ics], { count }),
      undefined,
      people === 10_000 ? 'under 1 s' : undefined,
    );

    // match: every mentee waiting for one, and the mentors with room (the table a coordinator
    // reads; --json at 50,000 would list some 15 million allowed pairs).
    const proposed = measure([BIN, 'match', '--today', TODAY, '--dir', dir], { count: people >= 50_000 ? 1 : Math.min(count, 3) });
    row(`match (${proposed.runs[0].stdout.split('\n')[0].replace(/;.*/, '')})`, proposed, read);

    // agreement --all: every open match not yet signed by both (one in fifty).
    const agreements = join(OUT, `agreements-${people}`);
    rmSync(agreements, { recursive: true, force: true });
    const all = measure([BIN, 'agreement', '--all', '--format', 'both', '--out', agreements, '--today', TODAY, '--dir', dir], { count: 1 });
    row(`agreement --all --format both (${readdirSync(agreements).length} files)`, all);

    // Last, because it changes a file: one call recorded (the lock, the read, the checked write),
    // as a coordinator records one: the files as the last run saw them (the file changed a
    // minute ago, by then more than two seconds old, so trusted by its status), a warm run before.
    const recordCall = [BIN, 'checkin', 'record', 'match-17', '--with', 'mentor', '--outcome', 'reached', '--date', TODAY, '--today', TODAY, '--dir', dir];
    const restore = (settle) => () => {
      writeFileSync(edited, original);
      const minuteAgo = new Date(Date.now() - 60_000);
      utimesSync(edited, minuteAgo, minuteAgo);
      if (settle) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
      time([BIN, 'validate', '--dir', dir]);
    };
    const record = measure(recordCall, { count, before: restore(true) });
    row('checkin record (one call)', record, { ...json, name: 'overdue --json' }, 'at most 0.6x');
    // And right after a file was changed in place (its outline out of date): every file is read.
    const recordAfterEdit = measure(recordCall, { count, before: restore(false) });
    row('checkin record, a file changed just before', recordAfterEdit, { ...json, name: 'overdue --json' });
    writeFileSync(edited, original);
  }
  if (process.env.BENCH_SAVE) appendFileSync(process.env.BENCH_SAVE, `${lines.join('\n')}\n`);
}

if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'match') {
  // The solver on its own: waiting mentees and mentors of capacity 2, about 30% of pairs ruled
  // out by a required criterion.
  console.log('');
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
    const run = measure([BIN, 'match', '--json', '--today', TODAY, '--dir', dir], { count: Math.min(RUNS, 3) });
    const json = JSON.parse(run.runs[0].stdout);
    row('match --json (cache warm)', run);
    console.log(
      `    matched ${json.matched} of ${json.matched + json.unmatched.length}, total ${json.total}, worst ${json.worst}, ${json.candidates.length} allowed pairs`,
    );
    row('match --fair --json (cache warm)', measure([BIN, 'match', '--fair', '--json', '--today', TODAY, '--dir', dir], { count: 1 }));
  }
}

if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'agreement') {
  // 200 agreements named one by one, as Markdown and PDF.
  const dir = folder('agreement-200', { people: 400, matches: 200, history: false });
  const ids = readdirSync(join(dir, 'matches')).map((f) => f.replace(/\.yaml$/, ''));
  const out = join(OUT, 'agreement-200-out');
  console.log('\n200 agreements');
  row(
    'agreement <200 matches> --format both',
    measure([BIN, 'agreement', ...ids, '--format', 'both', '--out', out, '--today', TODAY, '--dir', dir], { count: Math.min(RUNS, 3) }),
  );
  row(
    'agreement <200 matches> --format md',
    measure([BIN, 'agreement', ...ids, '--format', 'md', '--out', out, '--today', TODAY, '--dir', dir], { count: Math.min(RUNS, 3) }),
  );
}
