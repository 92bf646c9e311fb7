import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank } from '../../app/bank/check.ts';
import { loadBank } from '../../app/bank/index.ts';
import { checkCoverage } from '../../app/bank/quality-gates.ts';

// The whole of content/ through content:check's gates, with fewer seeds than the command's 500
// so `npm test` stays quick; 200 keeps the language shares within a few points of 500's.
const root = join(import.meta.dirname, '..', '..');
const bank = loadBank(join(root, 'content'), { rootDir: root });
const format = (errors: readonly { file: string; line: number; message: string }[]): string[] => errors.map((e) => `${e.file}:${e.line}: ${e.message}`);

describe('content/ through the content:check gates', () => {
  it('every family generates, grades and passes the language and position gates over 200 seeds', () => {
    const report = checkBank(bank, { seeds: 200 });
    expect(report.families.length).toBe(bank.scenarios.length);
    expect(format(report.errors)).toEqual([]);
  }, 120_000);

  it('every objective is drilled by at least two families, and each product topic by six', () => {
    const coverage = checkCoverage(bank, join(root, 'content', 'OBJECTIVES.md'), 'content/OBJECTIVES.md');
    expect(format(coverage.errors)).toEqual([]);
    expect(coverage.topics.length).toBe(5);
  });
});
