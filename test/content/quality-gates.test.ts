import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBank, type CheckReport } from '../../app/bank/check.ts';
import { loadContentBank } from '../helpers/content-bank.ts';
import { checkCoverage } from '../../app/bank/quality-gates.ts';
import { CONTENT_SEEDS } from '../helpers/content-seeds.ts';

// The whole of content/ through content:check's gates, once: every family's variants are
// generated and graded a single time here and each family's result read from that one report.
// npm test uses CONTENT_SEEDS seeds (50 unless set); `npm run content:check`, a step of its own
// in CI, runs the same gates at 500.
const root = join(import.meta.dirname, '..', '..');
const bank = loadContentBank();
const format = (errors: readonly { file: string; line: number; message: string }[]): string[] => errors.map((e) => `${e.file}:${e.line}: ${e.message}`);

describe(`content/ through the content:check gates (${CONTENT_SEEDS} seeds per family)`, () => {
  let report: CheckReport;
  beforeAll(() => {
    report = checkBank(bank, { seeds: CONTENT_SEEDS });
  }, 600_000);

  it('loads every file and checks every family', () => {
    expect(format(bank.errors)).toEqual([]);
    expect(report.families.map((f) => f.definition.summary.id)).toEqual(bank.scenarios.map((s) => s.id));
  });

  // One test per family, so a failure names it; the errors also name file and line.
  it.each(bank.scenarios.map((s) => [s.id, s.file] as const))('%s generates on every seed, grades and passes the language and position gates', (id, file) => {
    const family = report.families.find((f) => f.definition.summary.id === id)!;
    expect(family.generated).toBe(CONTENT_SEEDS);
    expect(format(report.errors.filter((e) => e.file === file))).toEqual([]);
  });

  it('has no error outside a family file', () => {
    const files = new Set(bank.scenarios.map((s) => s.file));
    expect(format(report.errors.filter((e) => !files.has(e.file)))).toEqual([]);
  });

  it('every objective is drilled by at least two families, and each product topic by six', () => {
    const coverage = checkCoverage(bank, join(root, 'content', 'OBJECTIVES.md'), 'content/OBJECTIVES.md');
    expect(format(coverage.errors)).toEqual([]);
    expect(coverage.topics.length).toBe(5);
  });
});
