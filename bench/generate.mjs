// Generates a large, valid programme folder for benchmarks: seeded, so every run measures the
// same data. Usage: node bench/generate.mjs <folder> [--people 10000] [--matches 5000] [--history]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Zoë',
  'Łukasz',
  'Siobhán',
  'Oluwaseun',
  'Hà',
  'Björn',
  'Chiara',
  'Priya',
  'Mehmet',
  'Aoife',
  'Kwame',
  'Fatima',
  'José',
  'Ingrid',
  'Rhys',
  'Amaru',
  'Yūki',
  'Chidinma',
];
const LAST = [
  'Ångström',
  'Wróbel',
  'Ó Ceallaigh',
  'Adébáyọ̀',
  'Nguyễn',
  'Þórsson',
  'Bianchi',
  'Raghunathan',
  'Yılmaz',
  'Ní Bhriain',
  'Mensah',
  'Al-Sayed',
  'Ramírez',
  'Søndergaard',
];
const TOPICS = ['confidence', 'job-search', 'college-applications', 'budgeting', 'interviews', 'apprenticeships', 'wellbeing', 'digital-skills'];
const AREAS = ['north', 'south', 'east', 'west', 'central'];

const day = (base, offset) => {
  const d = new Date(Date.UTC(2025, 0, 1) + (base + offset) * 86400000);
  return d.toISOString().slice(0, 10);
};

export function generate(dir, { people = 10000, matches = 5000, history = true, seed = 42 } = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sample = (list, n) => [...list].sort(() => random() - 0.5).slice(0, n);
  rmSync(dir, { recursive: true, force: true });
  for (const f of ['mentors', 'mentees', 'matches']) mkdirSync(join(dir, f), { recursive: true });
  writeFileSync(
    join(dir, 'programme.yaml'),
    [
      '# Generated for benchmarks by bench/generate.mjs',
      'name: Benchmark Programme',
      'coordinator:',
      '  name: Bench Coordinator',
      '  email: bench@example.org',
      'safeguarding_lead:',
      '  name: Bench Lead',
      '  phone: "+44 20 7946 0999"',
      'matching:',
      '  criteria:',
      '    - name: goals',
      '      mentee: goals',
      '      mentor: expertise',
      '      compare: overlap',
      '      weight: 3',
      '    - name: area',
      '      field: area',
      '      compare: same',
      '      required: true',
      '',
    ].join('\n'),
  );
  const mentors = Math.floor(people * 0.4);
  const mentees = people - mentors;
  for (let i = 0; i < mentors; i++) {
    const done = Math.floor(random() * 600);
    writeFileSync(
      join(dir, 'mentors', `mentor-${i}.yaml`),
      [
        `name: ${pick(FIRST)} ${pick(LAST)}`,
        `email: mentor${i}@example.org`,
        `phone: "+44 7700 ${String(900000 + (i % 1000)).padStart(6, '0')}"`,
        `joined: ${day(done, -30)}`,
        'capacity: 2',
        'onboarding:',
        `  training: ${day(done, 0)}`,
        `  code_of_conduct: ${day(done, 0)}`,
        '  background_check:',
        `    completed: ${day(done, 10)}`,
        `    expires: ${day(done, 1100)}`,
        'attributes:',
        `  expertise: [${sample(TOPICS, 3).join(', ')}]`,
        `  area: ${pick(AREAS)}`,
        '',
      ].join('\n'),
    );
  }
  for (let i = 0; i < mentees; i++) {
    const joined = Math.floor(random() * 600);
    writeFileSync(
      join(dir, 'mentees', `mentee-${i}.yaml`),
      [
        `name: ${pick(FIRST)} ${pick(LAST)}`,
        `email: mentee${i}@example.net`,
        `phone: "+44 7700 ${String(900000 + (i % 1000)).padStart(6, '0')}"`,
        `joined: ${day(joined, 0)}`,
        // One in ten of the mentees without a match is waiting for one (for `match`).
        ...(i >= matches && i % 10 === 0 ? [`waiting_since: ${day(joined, 10)}`] : []),
        'onboarding:',
        `  induction: ${day(joined, 7)}`,
        'attributes:',
        `  goals: [${sample(TOPICS, 2).join(', ')}]`,
        `  area: ${pick(AREAS)}`,
        '',
      ].join('\n'),
    );
  }
  for (let i = 0; i < matches; i++) {
    const start = 300 + Math.floor(random() * 300);
    const lines = [
      `mentor: mentor-${i % mentors}`,
      `mentee: mentee-${i}`,
      'status: active',
      `proposed: ${day(start, -7)}`,
      `started: ${day(start, 0)}`,
      `first_meeting: ${day(start, 7)}`,
      'agreement:',
      '  signed:',
      `    mentor: ${day(start, 7)}`,
      // One match in fifty still waits for the mentee to sign (for `agreement --all`).
      ...(i % 50 === 25 ? [] : [`    mentee: ${day(start, 8)}`]),
    ];
    if (history) {
      lines.push('meetings:');
      for (let k = 0; k < 12; k++) lines.push(`  - date: ${day(start, 7 + k * 30)}`, '    length: 1h', `    note: Session ${k + 1} about ${pick(TOPICS)}.`);
      lines.push('checkins:');
      for (let k = 0; k < 28; k++) {
        lines.push(
          `  - with: ${k % 2 ? 'mentee' : 'mentor'}`,
          `    date: ${day(start, 9 + Math.floor(k / 2) * 14)}`,
          '    outcome: reached',
          `    rating: ${1 + (k % 5)}`,
          '    good_match: yes',
        );
        if (k % 4 === 0) lines.push('    actions:', `      - Bring one question about ${pick(TOPICS)}`);
      }
      lines.push('reviews:', `  - date: ${day(start, 100)}`, '    milestone: 3m', `  - date: ${day(start, 190)}`, '    milestone: 6m');
    }
    writeFileSync(join(dir, 'matches', `match-${i}.yaml`), `${lines.join('\n')}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const value = (flag, fallback) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback);
  generate(args[0] ?? 'bench/out/programme', { people: value('--people', 10000), matches: value('--matches', 5000), history: args.includes('--history') });
}
