import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Vitest's default is one worker per core but one, which on a 2-core machine is a single
    // worker: every file then waits for the one before, the browser suites (waiting on Chromium
    // and a server in other processes) included, and the main process's transforms and the
    // worker's tests take turns. Two workers at least: on 2 cores the engine and bank suites
    // took 22 s instead of 40 s. Forks (the default pool), each file isolated: threads measured
    // within a second of forks, and without isolation tests that mock modules failed.
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
    // Browser and HTTP suites start servers; give them room on a loaded machine.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
