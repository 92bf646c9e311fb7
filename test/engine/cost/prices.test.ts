import { describe, expect, it } from 'vitest';
import { DAX_NODE_TYPES, listPriceRows, PRICES } from '../../../engine/cost/prices.ts';

// The ScyllaDB calculator's src/config.js (@ 6572cc5, 2025-07) lists DAX prices for the r5 family
// only (dax.r5.large $0.255 … dax.r5.24xlarge $12.24); facts §4 has dax.t3.medium from repositories alone.
const SCYLLA_DAX_NODES = DAX_NODE_TYPES.filter((t) => t.startsWith('dax.r5.'));

describe('price sources', () => {
  it('attributes to the ScyllaDB calculator only the DAX nodes its configuration lists', () => {
    const fromScylla = DAX_NODE_TYPES.filter((t) => PRICES['us-east-1'].daxNodeHour[t].source.includes('ScyllaDB'));
    expect(fromScylla).toEqual(SCYLLA_DAX_NODES);
  });

  it('marks dax.t3.medium as low confidence, as facts §4 does', () => {
    expect(PRICES['us-east-1'].daxNodeHour['dax.t3.medium'].confidence).toBe('L');
  });

  it.each(listPriceRows().map((r) => [r.key, r] as const))('%s has a figure, an https source and an ISO date', (_key, row) => {
    expect('usd' in row.price ? row.price.usd : row.price.quantity).toMatch(/^\d+(\.\d+)?$/);
    expect(row.price.sourceUrl).toMatch(/^https:\/\//);
    expect(row.price.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
