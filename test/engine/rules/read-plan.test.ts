import { describe, expect, it } from 'vitest';
import { batchGetReadUnits, queryReadUnits, transactGetReadUnits } from '../../../engine/capacity/read-units.ts';
import { cheapestReadPlan, costReadPlans } from '../../../engine/rules/read-plan.ts';

describe('costReadPlans', () => {
  it.each([
    [10, 40, 1000, 300],
    [25, 60, 5000, 2500],
    [3, 3, 800, 4096],
  ])('agrees with the calculators for %i wanted of a %i-item collection', (wanted, collection, table, itemBytes) => {
    const sizes = Array.from({ length: wanted }, () => itemBytes);
    expect(costReadPlans({ wanted, collection, table, itemBytes })).toMatchObject({
      query: queryReadUnits({ itemCount: collection, itemBytes, consistency: 'eventual' }).value,
      batch: batchGetReadUnits({ itemSizes: sizes, consistency: 'eventual' }).value,
      'get-strong': batchGetReadUnits({ itemSizes: sizes, consistency: 'strong' }).value,
      transact: transactGetReadUnits({ itemSizes: sizes }).value,
    });
  });

  it('charges a Scan per 1 MB page: 2,000 items of 1,000 B are two pages', () => {
    // 1,048 items fill the first page (1,048,000 B → 256 blocks), 952 the second (952,000 B → 233 blocks).
    expect(costReadPlans({ wanted: 2, collection: 2, table: 2000, itemBytes: 1000 }).scan).toBe((256 + 233) / 2);
  });
});

describe('cheapestReadPlan', () => {
  it.each([
    // 10 small items in a collection of 20: one rounded sum (20 × 300 B → 2 blocks = 1 RCU) beats 10 × 0.5.
    [10, 20, 'query'],
    // Same items in a collection of 200: 60,000 B → 15 blocks = 7.5 RCU, so BatchGetItem's 5 RCU wins.
    [10, 200, 'batch'],
  ] as const)('%i wanted of a %i-item collection → %s', (wanted, collection, plan) => {
    expect(cheapestReadPlan({ wanted, collection, table: 10000, itemBytes: 300 })).toBe(plan);
  });

  it('reports a tie as no single cheapest plan', () => {
    // 4 KB items: the Query of exactly the wanted items costs what BatchGetItem costs.
    expect(cheapestReadPlan({ wanted: 5, collection: 5, table: 10000, itemBytes: 4096 })).toBeUndefined();
  });
});
