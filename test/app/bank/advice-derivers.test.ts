import { describe, expect, it } from 'vitest';
import { adviceDerivers } from '../../../app/bank/advice-derivers.ts';
import { createRandom } from '../../../app/bank/random.ts';
import type { ParamValue } from '../../../app/bank/types.ts';

const deriver = (name: string) => {
  const found = adviceDerivers.find((d) => d.name === name);
  if (!found) throw new Error(`no deriver ${name}`);
  return found;
};
const run = (name: string, params: Record<string, ParamValue>, seed = 1) => deriver(name).derive(params, createRandom(seed));

describe('advice derivers', () => {
  it('declare every output they return', () => {
    const samples: Record<string, Record<string, ParamValue>> = {
      daxClusterSize: { 'env.production': true, 'env.nodes_needed': 2 },
      daxOffload: { reads: 1000, hit: 0.8, item_kb: 3, strong_pct: 10 },
      daxPaysOff: { node_type: 'dax.r5.large', nodes: 3, reads: 20000, item_kb: 4, hit: 0.9, mode: 'provisioned' },
      iamDenied: { failing: 'index-query', 'app.table': 'T', 'app.index': 'I' },
      scanVersusQuery: { items: 1000, item_bytes: 2048, matching: 3 },
      serverlessArchitecture: { traffic: 'unpredictable', budget: 1, team_knows: true, lock_in_ok: true, cold_ok: true },
    };
    for (const d of adviceDerivers) {
      const out = d.derive(samples[d.name] ?? {}, createRandom(7));
      for (const key of Object.keys(out)) expect(d.outputs, `${d.name} returns ${key}`).toContain(key);
    }
  });

  it('serverlessArchitecture states the same budget constraint whatever the key, so the budget gives nothing away', () => {
    const base = { traffic: 'unpredictable', budget: 2, team_knows: true, lock_in_ok: true, cold_ok: true };
    const variants = [base, { ...base, lock_in_ok: false }, { ...base, cold_ok: false }].map((p) => run('serverlessArchitecture', p));
    expect(variants.map((v) => v.best)).toEqual(['serverless-first', 'containers-portable', 'serverless-with-provisioned-concurrency']);
    const budgetSentence = (v: Record<string, unknown>) => String(v.needs_text).split('. ')[1];
    expect(new Set(variants.map(budgetSentence)).size).toBe(1);
    for (const v of variants) expect(String(v.needs_text)).not.toMatch(/\$\d/);
  });

  it.each([
    [false, 1, 'one'],
    [true, 1, 'three-azs'],
    [true, 3, 'three-azs'],
    [true, 9, 'eleven'],
  ])('daxClusterSize for production=%s needing %i nodes is %s', (production, needed, best) => {
    expect(run('daxClusterSize', { 'env.production': production, 'env.nodes_needed': needed }).best).toBe(best);
  });

  it('daxOffload gives five distinct figures with the right one first', () => {
    const out = run('daxOffload', { reads: 10_000, hit: 0.9, item_kb: 4, strong_pct: 10 });
    // 9,000 eventual × 0.1 misses × 0.5 + 1,000 strong × 1 = 1,450.
    expect(out.right_rcu).toBe(1450);
    const figures = ['right_rcu', 'no_dax_rcu', 'hit_rcu', 'strong_cached_rcu', 'strong_eventual_rcu'].map((k) => out[k]);
    expect(new Set(figures).size).toBe(5);
  });

  it.each([
    [2_000, 'does-not'],
    [50_000, 'pays'],
  ])('daxPaysOff: three r5.large nodes in front of %i eventual reads/s at 90 %% hits → %s', (reads, best) => {
    // Cluster: 3 × $0.255 × 730 h = $558.45; each offloaded RCU at 70 % saves 730 × $0.00013 / 0.7.
    expect(run('daxPaysOff', { node_type: 'dax.r5.large', nodes: 3, reads, item_kb: 4, hit: 0.9, mode: 'provisioned' }).best).toBe(best);
  });

  it('slot derivers put the right statements in a and b, and differ by seed', () => {
    const one = run('iamActions', {}, 1);
    const other = run('iamActions', {}, 2);
    expect(String(one.why_a)).toMatch(/^Right: /);
    expect(String(one.why_b)).toMatch(/^Right: /);
    for (const slot of ['c', 'd', 'e']) expect(String(one[`why_${slot}`])).not.toMatch(/^Right: /);
    expect([one.opt_a, one.opt_b, one.opt_c]).not.toEqual([other.opt_a, other.opt_b, other.opt_c]);
  });

  it('iamActions asks for exactly the actions of the two operations it names', () => {
    const out = run('iamActions', {}, 3);
    const named = [...String(out.ops_text).matchAll(/`(\w+)`/g)].map((m) => `\`dynamodb:${m[1]}\``).sort();
    expect([out.opt_a, out.opt_b].sort()).toEqual(named);
  });
});
