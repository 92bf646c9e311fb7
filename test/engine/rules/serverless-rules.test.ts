import { describe, expect, it } from 'vitest';
import { RULES } from '../../../engine/rules/registry.ts';
import { scanToQuery, serverlessArchitecture } from '../../../engine/rules/serverless-rules.ts';

describe('serverless rules', () => {
  it('are in the registry under their names', () => {
    for (const rule of [scanToQuery, serverlessArchitecture]) expect(RULES.get(rule.name)).toBe(rule);
  });

  it('scanToQuery bills the Scan per 1 MB page and the Query once', () => {
    // 1,000 items of 2,048 B: 512 a page, so 256 blocks × 0.5 for the first page and 244 × 0.5 for the
    // 488 left; the 3 matches are 6,144 B, 2 blocks × 0.5.
    expect(scanToQuery.apply({ items: 1000, bytes: 2048, matching: 3 })).toEqual({ best: 'query', scan_rcu: 250, query_rcu: 1, scan_pages: 2 });
  });

  it.each([
    [{ traffic: 'unpredictable', team_knows: true, lock_in_ok: true, cold_ok: true }, 'serverless-first', 'bursty-tight-budget'],
    [{ traffic: 'unpredictable', team_knows: true, lock_in_ok: false, cold_ok: true }, 'containers-portable', 'lock-in-unacceptable'],
    [{ traffic: 'unpredictable', team_knows: false, lock_in_ok: true, cold_ok: false }, 'containers-portable', 'team-unfamiliar'],
    [{ traffic: 'steady-high', team_knows: true, lock_in_ok: true, cold_ok: true }, 'containers-portable', 'steady-high-traffic'],
    [{ traffic: 'unpredictable', team_knows: true, lock_in_ok: true, cold_ok: false }, 'serverless-with-provisioned-concurrency', 'cold-starts'],
  ])('serverlessArchitecture %j → %s (%s)', (inputs, best, reason) => {
    expect(serverlessArchitecture.apply(inputs)).toEqual({ best, reason });
  });
});
