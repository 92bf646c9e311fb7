import { describe, expect, it } from 'vitest';
import { daxTableLoadFigures, sizeDaxCluster } from '../../../engine/rules/dax.ts';
import { daxClusterLayout, daxPaysOff, daxTableLoad } from '../../../engine/rules/dax-rules.ts';
import { RULES } from '../../../engine/rules/registry.ts';

describe('DAX rules', () => {
  it('are in the registry under their names', () => {
    for (const rule of [daxClusterLayout, daxTableLoad, daxPaysOff]) expect(RULES.get(rule.name)).toBe(rule);
  });

  it.each([
    [false, 1, 'one'],
    [true, 1, 'three-azs'],
    [true, 3, 'three-azs'],
    [true, 9, 'eleven'],
  ])('daxClusterLayout for production=%s needing %i nodes is %s', (production, nodes_needed, best) => {
    expect(daxClusterLayout.apply({ production, nodes_needed }).best).toBe(best);
  });

  it('says what is wrong with every other layout, first the rule it breaks', () => {
    expect(sizeDaxCluster(true, 2)).toEqual({
      best: 'three-azs',
      bestNodes: 3,
      verdicts: {
        one: 'production-under-three-nodes',
        'two-one-az': 'production-under-three-nodes',
        'three-azs': 'none',
        eleven: 'larger-than-needed',
        fifteen: 'too-many-nodes',
      },
    });
    expect(sizeDaxCluster(true, 9).verdicts['three-azs']).toBe('too-few-for-load');
  });

  it('daxTableLoad gives five distinct whole figures, the right one from the misses and the strong reads', () => {
    const out = daxTableLoad.apply({ reads: 10_000, hit: 0.9, bytes: 4096, strong_pct: 10 });
    // 9,000 eventual × 0.1 misses × 0.5 + 1,000 strong × 1 = 1,450.
    expect(out).toMatchObject({
      best: 'misses-and-strong-reads',
      right_rcu: 1450,
      no_dax_rcu: 5500,
      hit_rcu: 5050,
      strong_cached_rcu: 500,
      strong_eventual_rcu: 950,
    });
    const figures = ['right_rcu', 'no_dax_rcu', 'hit_rcu', 'strong_cached_rcu', 'strong_eventual_rcu'].map((k) => out[k]);
    expect(new Set(figures).size).toBe(5);
  });

  it('raises a wrong figure that equals an earlier one by a unit', () => {
    // No strong reads at a 50 % hit ratio: hits, misses and both strong-read mistakes all come to 250.
    const f = daxTableLoadFigures({ readsPerSecond: 1000, hitRatio: 0.5, itemBytes: 4096, strongShare: 0 });
    expect([f.right, f.hitsSent, f.strongCached, f.strongAtEventual]).toEqual([250, 251, 252, 253]);
  });

  it.each([
    [2_000, 'does-not'],
    [50_000, 'pays'],
  ])('daxPaysOff: three r5.large nodes in front of %i eventual reads a second at a 0.9 hit ratio → %s', (reads, best) => {
    // Cluster: 3 × $0.255 × 730 h = $558.45; each offloaded RCU at 70 % saves 730 × $0.00013 / 0.7.
    const out = daxPaysOff.apply({ node_type: 'dax.r5.large', nodes: 3, reads, bytes: 4096, hit: 0.9, mode: 'provisioned' });
    expect(out.best).toBe(best);
    expect(out.cluster_usd).toBe('$558.45');
  });
});
