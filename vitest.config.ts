import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Suites of pure functions over the engine and the question bank: no server, database, module
 * mock or global they change. Their files share each worker's module cache (isolate: false), so
 * the engine, the bank and the graders are imported once per worker rather than once per file;
 * on 2 cores these files took 11 s instead of 22 s. A file that mocks a module (vi.mock) needs a
 * fresh module graph: list it in ISOLATED (test/shared-modules.test.ts fails until it is).
 */
export const SHARED_MODULES = [
  'test/engine/**/*.test.ts',
  'test/app/bank/**/*.test.ts',
  'test/app/grading/**/*.test.ts',
  'test/content/**/*.test.ts',
  'test/app/cost-*.test.ts',
];
/** Files under SHARED_MODULES that mock modules, so run isolated. */
export const ISOLATED = ['test/engine/expressions/parser.test.ts', 'test/engine/expressions/parser.property.test.ts'];
const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
/**
 * Suites that drive Chromium against a real server. Their one bound per test lives here: on a
 * loaded 2-core machine a page's load, a screenshot or axe can take several times its quiet
 * figure, and 20 s failed exams, practice and review while nothing hung. 120 s still ends a real
 * hang; a test that does more than a handful of pages (the every-page suite) sets its own.
 */
export const BROWSER_SUITES = ['test/e2e/**/*.test.ts'];
const BROWSER_TEST_TIMEOUT = 120_000;

export default defineConfig({
  test: {
    // Vitest's default is one worker per core but one, which on a 2-core machine is a single
    // worker: every file then waits for the one before, the browser suites (waiting on Chromium
    // and a server in other processes) included, and the main process's transforms and the
    // worker's tests take turns. Two workers at least: on 2 cores the engine and bank suites
    // took 22 s instead of 40 s. Forks, the default pool: threads measured within a second.
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
    // HTTP suites start servers; give them room on a loaded machine (browser suites: BROWSER_SUITES).
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'shared', include: SHARED_MODULES, exclude: ISOLATED, isolate: false } },
      // Servers, databases, the app's routes and anything new: a fresh module graph per file.
      { extends: true, test: { name: 'isolated', include: ALL, exclude: [...SHARED_MODULES, ...BROWSER_SUITES] } },
      { extends: true, test: { name: 'browser', include: BROWSER_SUITES, testTimeout: BROWSER_TEST_TIMEOUT, hookTimeout: BROWSER_TEST_TIMEOUT } },
      { extends: true, test: { name: 'mocks', include: ISOLATED } },
    ],
  },
});
