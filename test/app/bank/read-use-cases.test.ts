import { describe, expect, it } from 'vitest';
import { findReadUseCase, READ_USE_CASES } from '../../../app/bank/read-use-cases.ts';

describe('READ_USE_CASES', () => {
  it('keeps the study guide examples on the right side', () => {
    expect(findReadUseCase('payment-balance').freshness).toBe('latest');
    expect(findReadUseCase('inventory-checkout').freshness).toBe('latest');
    expect(findReadUseCase('health-medication').freshness).toBe('latest');
    expect(findReadUseCase('social-feed').freshness).toBe('seconds');
    expect(findReadUseCase('cdn-metadata').freshness).toBe('seconds');
    expect(findReadUseCase('analytics-dashboard').freshness).toBe('seconds');
  });

  it('has unique ids and rejects an unknown one', () => {
    expect(new Set(READ_USE_CASES.map((u) => u.id)).size).toBe(READ_USE_CASES.length);
    expect(() => findReadUseCase('nope')).toThrow('Unknown read use case "nope".');
  });
});
