/**
 * The files vitest.config.ts runs without isolation share their worker's modules, so a module
 * mock in one would leak into the next file or be ignored. Any file there that mocks must be
 * listed in ISOLATED; and every test file runs in exactly one project.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED, SHARED_MODULES } from '../vitest.config.ts';

const root = join(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

/** The globs of SHARED_MODULES: `**` any folders, `*` any name part. */
const matches = (glob: string, file: string): boolean =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '(?:.*/)?')
      .replace(/\*/g, '[^/]*')}$`,
  ).test(file);

const files = testFiles(join(root, 'test'));
const shared = files.filter((f) => SHARED_MODULES.some((g) => matches(g, f)) && !ISOLATED.includes(f));

describe('test files that share modules', () => {
  it('include the engine, bank, grading and content suites', () => {
    expect(shared).toContain('test/engine/expressions/lexer.test.ts');
    expect(shared).toContain('test/content/quality-gates.test.ts');
    expect(shared).not.toContain('test/e2e/accessibility.test.ts');
    expect(shared).not.toContain('test/engine/expressions/parser.test.ts');
  });

  it('mock no module, replace no global and set no environment variable', () => {
    const offenders = shared.filter((f) =>
      /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(|process\.env\.\w+\s*=[^=]/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders, 'list these in ISOLATED in vitest.config.ts').toEqual([]);
  });

  it('lists in ISOLATED only files that exist', () => {
    expect(ISOLATED.filter((f) => !files.includes(f))).toEqual([]);
  });
});
