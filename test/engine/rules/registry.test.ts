import { describe, expect, it } from 'vitest';
import { chooseCapacityMode } from '../../../engine/rules/capacity-mode.ts';
import { RULES, RuleInputError } from '../../../engine/rules/registry.ts';

const rule = (name: string) => {
  const found = RULES.get(name);
  if (!found) throw new Error(`no rule ${name}`);
  return found;
};

describe('RULES', () => {
  it('lists each rule under its own name', () => {
    for (const [name, r] of RULES) expect(r.name).toBe(name);
    expect([...RULES.keys()]).toEqual([
      'capacityMode',
      'autoScalingAction',
      'surgeFix',
      'readMode',
      'strongReadOutcome',
      'readPlan',
      'primaryKeyKind',
      'planRead',
      'cacheChoice',
      'daxStaleness',
      'consistentReadOnIndex',
      'indexKeyChange',
      'itemCollectionLimit',
      'scanOrIndexQuery',
      'gsiWriteThrottle',
      'daxClusterLayout',
      'daxTableLoad',
      'daxPaysOff',
      'scanToQuery',
      'serverlessArchitecture',
      'strongReadCost',
      'partitionKey',
      'payloadPlacement',
      'itemSizeLimit',
      'keyCondition',
    ]);
  });

  it.each([
    ['capacityMode', { shape: 'spiky' }, 'on-demand'],
    ['capacityMode', { shape: 'daily-cycle' }, 'autoscaling'],
    ['autoScalingAction', { goal: 'cap-spend' }, 'lower-maximum'],
    ['surgeFix', { shape: 'scheduled-known-time' }, 'scheduled-scaling'],
    ['readMode', { need: 'latest', source: 'gsi' }, 'base-strong'],
    ['readMode', { need: 'latest' }, 'strong'],
    ['readMode', { need: 'latest', source: 'lsi' }, 'strong'],
    ['strongReadOutcome', { source: 'stream' }, 'validation-exception'],
    ['primaryKeyKind', { reads: 'by-id' }, 'simple'],
    ['daxStaleness', { write_path: 'through-dax', read_kind: 'get-item' }, 'write-through-updates-item-cache'],
    ['daxStaleness', { write_path: 'through-dax', read_kind: 'query' }, 'query-cache-ttl'],
    ['daxStaleness', { write_path: 'direct-to-dynamodb', read_kind: 'get-item' }, 'item-cache-ttl'],
    ['cacheChoice', { sources: 'dynamodb', ratio: 30, strong: false, computed: false, own_invalidation: false }, 'dax'],
    ['cacheChoice', { sources: 'dynamodb+aurora', ratio: 30, strong: false, computed: false, own_invalidation: false }, 'elasticache'],
    ['cacheChoice', { sources: 'dynamodb', ratio: 30, strong: true, computed: false, own_invalidation: false }, 'no-cache'],
    ['cacheChoice', { sources: 'dynamodb', ratio: 0.2, strong: false, computed: false, own_invalidation: false }, 'no-cache'],
    ['cacheChoice', { sources: 'dynamodb', ratio: 20, strong: false, computed: false, own_invalidation: false, repeats: false }, 'no-cache'],
    ['planRead', { source: 'gsi', freshness: 'latest', bytes: 6144, reads: 40 }, 'read-base-table'],
    ['planRead', { source: 'gsi', freshness: 'seconds', bytes: 6144, reads: 40 }, 'eventual'],
    ['planRead', { source: 'lsi', freshness: 'latest', bytes: 6144, reads: 40 }, 'strong'],
    ['planRead', { source: 'table', freshness: 'seconds', bytes: 6144, reads: 40 }, 'eventual'],
    ['primaryKeyKind', { reads: 'related-in-order' }, 'composite'],
  ] as const)('%s %j → %s', (name, inputs, best) => {
    expect(rule(name).apply(inputs).best).toBe(best);
  });

  it('answers as the function it wraps for every input it accepts', () => {
    const input = rule('capacityMode').inputs[0]!;
    if (input.kind !== 'enum') throw new Error('shape is an enum');
    for (const shape of input.values) expect(rule('capacityMode').apply({ shape }).best).toBe(chooseCapacityMode(shape as never));
  });

  it('costs the read plans with the capacity rules (Query rounds once, BatchGetItem per item)', () => {
    // 3 items of 1,000 bytes in a collection of 5: Query reads 5,000 bytes = 2 blocks × 0.5;
    // BatchGetItem 3 × 1 block × 0.5.
    expect(rule('readPlan').apply({ wanted: 3, collection: 5, table: 10_000, bytes: 1000 })).toMatchObject({ best: 'query', cost_query: 1, cost_batch: 1.5 });
  });

  it('prices strong and eventual reads of the situation (6 KB is 2 blocks: 1 RCU each strong, 0.5 eventual)', () => {
    expect(rule('planRead').apply({ source: 'table', freshness: 'latest', bytes: 6144, reads: 40 })).toMatchObject({ strong_rcu: 80, eventual_rcu: 40 });
  });

  it('names the reason that decided the cache choice first (strong reads before write-heavy)', () => {
    expect(rule('cacheChoice').apply({ sources: 'dynamodb', ratio: 0.2, strong: true, computed: false, own_invalidation: false })).toEqual({
      best: 'no-cache',
      reason: 'strong-reads-pass-through',
    });
  });

  it.each([
    [
      'cacheChoice',
      { sources: 'dynamodb', ratio: 20, strong: 'no', computed: false, own_invalidation: false },
      'Rule cacheChoice: input strong must be true or false, not "no"',
    ],
    ['capacityMode', {}, 'Rule capacityMode: input shape must be one of steady, daily-cycle, steady-growth, spiky, new-unknown, mostly-idle, not missing'],
    [
      'capacityMode',
      { shape: 'bursty' },
      'Rule capacityMode: input shape must be one of steady, daily-cycle, steady-growth, spiky, new-unknown, mostly-idle, not "bursty"',
    ],
    ['primaryKeyKind', { reads: 'scan' }, 'Rule primaryKeyKind: input reads must be one of by-id, related-in-order, not "scan"'],
    ['readPlan', { wanted: 0, collection: 1, table: 1, bytes: 1 }, 'Rule readPlan: input wanted must be a number of at least 1, not 0'],
  ] as const)('%s %j: throws naming the input', (name, inputs, message) => {
    expect(() => rule(name).apply(inputs)).toThrow(RuleInputError);
    expect(() => rule(name).apply(inputs)).toThrow(message);
  });
});
