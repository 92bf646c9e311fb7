import { describe, expect, it } from 'vitest';
import { RULES } from '../../../engine/index.ts';

const rule = RULES.get('partitionKey')!;
const workload = { reads: 6000, writes: 3000, bytes: 800 };

describe('partitionKey rule', () => {
  it('keys the high-cardinality, evenly requested candidate and measures each busiest value', () => {
    const out = rule.apply({
      a_values: 1_000_000,
      a_share: 1e-6,
      b_values: 5,
      b_share: 0.6,
      c_values: 365,
      c_share: 0.9,
      d_values: 20,
      d_share: 0.35,
      ...workload,
    });
    expect(out.best).toBe('a');
    // 60 % of 3,000 writes of one 1 KB block each; 60 % of 6,000 eventual reads at 0.5 RCU.
    expect([out.b_wcu, out.b_rcu, out.b_hot]).toEqual([1800, 1800, true]);
    expect([out.d_wcu, out.d_rcu, out.d_hot]).toEqual([1050, 1050, true]);
    expect(out.a_hot).toBe(false);
  });

  it('prefers a candidate that fits a partition over one with more values that does not', () => {
    const out = rule.apply({ a_values: 1000, a_share: 0.5, b_values: 50, b_share: 0.02, c_values: 10, c_share: 0.3, d_values: 20, d_share: 0.35, ...workload });
    expect(out.best).toBe('b');
  });

  it('names the candidate input that is missing', () => {
    expect(() => rule.apply({ a_values: 10, a_share: 0.1, ...workload })).toThrow(/partitionKey: input b_values/);
  });
});
