import { describe, expect, it } from 'vitest';
import { planRead, strongReadOutcome, supportsStrongReads } from '../../../engine/rules/read-consistency.ts';

describe('planRead', () => {
  it.each([
    // source, freshness, bytes, reads/s, mode, units per read, units per second
    ['table', 'seconds', 3_000, 100, 'eventual', 0.5, 50],
    ['table', 'latest', 3_000, 100, 'strong', 1, 100],
    ['table', 'latest', 9_000, 40, 'strong', 3, 120],
    ['lsi', 'latest', 4_096, 10, 'strong', 1, 10],
    ['lsi', 'seconds', 4_097, 10, 'eventual', 1, 10],
    ['gsi', 'seconds', 12_000, 30, 'eventual', 1.5, 45],
  ] as const)('%s read needing %s data of %i B at %i/s is %s', (source, freshness, itemBytes, readsPerSecond, mode, unitsPerRead, rcu) => {
    const plan = planRead({ source, freshness, itemBytes, readsPerSecond });
    expect(plan).toEqual({ possible: true, mode, consistentRead: mode === 'strong', unitsPerRead, readUnitsPerSecond: rcu });
  });

  it.each([
    ['gsi', 'gsi-eventual-only'],
    ['stream', 'stream-eventual-only'],
  ] as const)('cannot give the latest data from a %s, and offers a strong base-table read instead', (source, obstacle) => {
    const plan = planRead({ source, freshness: 'latest', itemBytes: 5_000, readsPerSecond: 20 });
    expect(plan).toEqual({ possible: false, obstacle, alternative: { source: 'table', unitsPerRead: 2, readUnitsPerSecond: 40 } });
  });

  it('costs a strong read twice an eventual one for every size', () => {
    for (const itemBytes of [1, 4_096, 4_097, 100_000, 409_600]) {
      const strong = planRead({ source: 'table', freshness: 'latest', itemBytes, readsPerSecond: 1 });
      const eventual = planRead({ source: 'table', freshness: 'seconds', itemBytes, readsPerSecond: 1 });
      if (!strong.possible || !eventual.possible) throw new Error('table reads are always possible');
      expect(strong.unitsPerRead).toBe(2 * eventual.unitsPerRead);
    }
  });
});

describe('strongReadOutcome', () => {
  it.each([
    ['table', 'latest-data', true],
    ['lsi', 'latest-data', true],
    ['gsi', 'validation-exception', false],
    ['stream', 'validation-exception', false],
  ] as const)('ConsistentRead=true on a %s gives %s', (source, outcome, supported) => {
    expect(strongReadOutcome(source)).toBe(outcome);
    expect(supportsStrongReads(source)).toBe(supported);
  });
});
