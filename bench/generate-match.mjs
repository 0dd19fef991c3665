// Generates a programme for benchmarking `match`: waiting mentees and onboarded mentors of
// capacity 2, with about 30% of pairs ruled out by a required criterion. Seeded, so every run
// measures the same data. With `correlated`, a few mentors are the best choice for everyone.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './generate.mjs';

const TOPICS = ['cv', 'interviews', 'study-skills', 'apprenticeships', 'budgeting', 'starting-a-business', 'wellbeing', 'job-search'];
const AREAS = ['north', 'south', 'east', 'west', 'central'];
const INTERESTS = ['music', 'football', 'coding', 'art', 'cooking', 'hiking', 'film', 'gaming', 'dance', 'photography'];
const KINDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];

export function generateMatch(dir, { mentees, mentors, correlated = false, seed = 11 }) {
  const random = rng(seed);
  const pick = (list, n) => [...list].sort(() => random() - 0.5).slice(0, n);
  rmSync(dir, { recursive: true, force: true });
  for (const f of ['mentors', 'mentees', 'matches']) mkdirSync(join(dir, f), { recursive: true });
  writeFileSync(
    join(dir, 'programme.yaml'),
    `name: Match bench
coordinator: { name: Bench Coordinator, phone: "+44 20 7946 0100", email: c@example.org }
safeguarding_lead: { name: Bench Lead, phone: "+44 20 7946 0199", email: l@example.org }
timezone: Europe/London
matching:
  default_capacity: 2
  criteria:
    - { name: goals and expertise, mentee: goals, mentor: expertise, compare: overlap, weight: 3 }
    - { name: same area, field: area, compare: same, weight: 1 }
    - { name: shared interests, field: interests, compare: overlap, weight: 1 }
    - { name: acceptable kind, mentee: accepts, mentor: kind, compare: prefers, required: true }
`,
  );
  const onboarding = 'onboarding:\n  training: 2026-01-05\n  code_of_conduct: 2026-01-05\n  background_check: { completed: 2026-01-10, expires: 2029-01-10 }\n';
  for (let j = 0; j < mentors; j++) {
    const star = correlated && j < 10;
    const expertise = star ? TOPICS : pick(TOPICS, 1 + Math.floor(random() * 2));
    writeFileSync(
      join(dir, 'mentors', `mentor-${String(j).padStart(5, '0')}.yaml`),
      `name: Mentor ${j}\njoined: 2026-01-01\n${onboarding}attributes:\n  expertise: [${expertise.join(', ')}]\n  area: ${star ? 'central' : AREAS[Math.floor(random() * AREAS.length)]}\n  interests: [${star ? INTERESTS.join(', ') : pick(INTERESTS, 2).join(', ')}]\n  kind: ${KINDS[Math.floor(random() * KINDS.length)]}\n`,
    );
  }
  for (let i = 0; i < mentees; i++) {
    writeFileSync(
      join(dir, 'mentees', `mentee-${String(i).padStart(5, '0')}.yaml`),
      `name: Mentee ${i}\njoined: 2026-10-01\nonboarding:\n  induction: 2026-10-05\nattributes:\n  goals: [${pick(TOPICS, 2).join(', ')}]\n  area: ${AREAS[Math.floor(random() * AREAS.length)]}\n  interests: [${pick(INTERESTS, 2).join(', ')}]\n  accepts: [${pick(KINDS, 7).join(', ')}]\n`,
    );
  }
}
