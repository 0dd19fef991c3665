import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    tags: [{ name: 'fuzz', description: 'Random corruptions of the example programme: slow, skipped by npm run test:fast.' }],
    // Two workers on a 2-core machine: most tests wait on the file system, not the processor.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
