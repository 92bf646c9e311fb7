/**
 * Import rules checked by `npm test` (npm run deps): no cycles, the engine stands alone, app/
 * reaches the engine only through its public entry, engine/index.ts, and the bank calls the
 * graders, never the other way round.
 *
 * TypeScript 7 has no JavaScript API for dependency-cruiser, so Babel strips the types first
 * (.babelrc.depcruise.json): the rules see every import that loads a module at run time, and not
 * `import type`, which the compiler erases.
 *
 * Check that it bites: add `import { gradeAnswer } from './index.ts';` to app/grading/choice.ts
 * and run `npm run deps`: it fails with no-circular (index.ts → choice.ts → index.ts).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood, tested or loaded apart; move what both need to where it belongs.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-not-to-app',
      severity: 'error',
      comment: 'The engine is a library: it imports nothing from app/ (or test/).',
      from: { path: '^engine/' },
      to: { path: '^(app|test)/' },
    },
    {
      name: 'app-through-engine-index',
      severity: 'error',
      comment: 'app/ imports the engine only through engine/index.ts, its one public entry; export what app needs there.',
      from: { path: '^app/' },
      to: { path: '^engine/', pathNot: '^engine/index\\.ts$' },
    },
    {
      name: 'grading-below-bank',
      severity: 'error',
      comment: 'The bank generates variants and calls the graders; graders take a key and an answer and import nothing from the bank at run time (types only).',
      from: { path: '^app/grading/' },
      to: { path: '^app/bank/' },
    },
    {
      name: 'engine-no-io',
      severity: 'error',
      comment: 'The engine does no I/O: no file system, network, database or process access (the clock and randomness are passed in).',
      from: { path: '^engine/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|node:fs|fs/promises|node:fs/promises|net|node:net|http|node:http|https|node:https|child_process|node:child_process|better-sqlite3)$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with, so Babel strips
    // the types first. It keeps every import not written `import type`, and those are the ones
    // that load modules at run time.
    babelConfig: { fileName: '.babelrc.depcruise.json' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
