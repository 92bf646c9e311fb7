/**
 * The hands-on families (request and design) that content:check grades: at least 15 request
 * and 5 design families, all loading. That each one's reference scores full marks and each
 * known wrong answer it declares scores less, on every seed, is checked with every other
 * family's gates in test/content/quality-gates.test.ts (reference-correct and
 * wrong-answers-score-less), from one generation of the variants.
 */
import { describe, expect, it } from 'vitest';
import { VARIANT_CHECKS } from '../../../app/bank/check.ts';
import { loadContentBank } from '../../helpers/test-app.ts';

const bank = loadContentBank();
const handsOn = bank.scenarios.filter((s) => s.kind === 'request' || s.kind === 'design');

describe('hands-on families under content:check', () => {
  it('has at least 15 request and 5 design families', () => {
    expect(handsOn.filter((s) => s.kind === 'request').length).toBeGreaterThanOrEqual(15);
    expect(handsOn.filter((s) => s.kind === 'design').length).toBeGreaterThanOrEqual(5);
    expect(bank.errors.filter((e) => e.file.includes('hands-on'))).toEqual([]);
  });

  it('content:check grades their reference and their known wrong answers', () => {
    expect(VARIANT_CHECKS.map((c) => c.id)).toEqual(expect.arrayContaining(['reference-correct', 'wrong-answers-score-less']));
  });
});
