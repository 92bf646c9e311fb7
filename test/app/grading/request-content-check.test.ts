/**
 * content:check over 200 seeds for every hands-on family (request and design): the reference
 * scores full marks and each known wrong answer the scenario declares scores less, on every
 * seed. Also: at least 15 request families and 5 design families exist.
 */
import { describe, expect, it } from 'vitest';
import { checkBank } from '../../../app/bank/check.ts';
import { loadContentBank } from '../../helpers/test-app.ts';

const bank = loadContentBank();
const handsOn = bank.scenarios.filter((s) => s.kind === 'request' || s.kind === 'design');

describe('hands-on families under content:check', () => {
  it('has at least 15 request and 5 design families', () => {
    expect(handsOn.filter((s) => s.kind === 'request').length).toBeGreaterThanOrEqual(15);
    expect(handsOn.filter((s) => s.kind === 'design').length).toBeGreaterThanOrEqual(5);
    expect(bank.errors.filter((e) => e.file.includes('hands-on'))).toEqual([]);
  });

  it.each(handsOn.map((s) => [s.id]))('%s passes every check over 200 seeds', (id) => {
    const report = checkBank(bank, { seeds: 200, only: id });
    const own = report.errors.filter((e) => e.file === bank.get(id)!.file);
    expect(own).toEqual([]);
    expect(report.families[0]!.generated).toBe(200);
  }, 120_000);
});
