import { describe, expect, it } from 'vitest';
import { DAX_DEFAULT_TTL_MS, DaxCluster, NO_LAG, Simulation, type DaxOptions } from '../../../engine/sim/index.ts';

function setup(options: DaxOptions = {}): { sim: Simulation; dax: DaxCluster } {
  const sim = new Simulation({ seed: 3, replicationLag: NO_LAG, indexLag: NO_LAG });
  sim.execute('CreateTable', {
    TableName: 'tbl',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 100 },
  });
  return { sim, dax: new DaxCluster(sim, { nodes: 3, ...options }) };
}

const get = (key: string, consistent = false) => ({ TableName: 'tbl', Key: { pk: { S: key } }, ...(consistent ? { ConsistentRead: true } : {}) });
const query = (key: string) => ({ TableName: 'tbl', KeyConditionExpression: 'pk = :k', ExpressionAttributeValues: { ':k': { S: key } } });
const put = (key: string, v: string) => ({ TableName: 'tbl', Item: { pk: { S: key }, v: { S: v } } });

describe('DAX item cache TTL', () => {
  // DAX's record-ttl-millis defaults to 300,000 ms: an item read at 0 is served from the cache
  // until 5 minutes have passed, then read from the table again.
  it.each([
    [0, true],
    [DAX_DEFAULT_TTL_MS - 1, true],
    [DAX_DEFAULT_TTL_MS, false],
    [DAX_DEFAULT_TTL_MS + 60_000, false],
  ])('a GetItem %i ms after the miss that cached it is a hit: %s', (after, hit) => {
    const { sim, dax } = setup();
    sim.execute('PutItem', put('a', '1'));
    dax.execute('GetItem', get('a'));
    sim.advance(after);
    dax.execute('GetItem', get('a'));
    expect(dax.stats()).toMatchObject({ itemMisses: hit ? 1 : 2, itemHits: hit ? 1 : 0 });
  });

  it('serves a hit without reading the table (no read units consumed)', () => {
    const { sim, dax } = setup();
    sim.execute('PutItem', put('a', '1'));
    dax.execute('GetItem', get('a'));
    const units = sim.database.capacityUsage('tbl').readUnits;
    expect(dax.execute('GetItem', { ...get('a'), ReturnConsumedCapacity: 'TOTAL' })).toEqual({ Item: { pk: { S: 'a' }, v: { S: '1' } } });
    expect(sim.database.capacityUsage('tbl').readUnits).toBe(units);
    expect(sim.metrics.sum('ItemCacheHits', { table: 'dax/tbl' })).toBe(1);
  });
});

describe('DAX writes and the query cache', () => {
  it('updates the item cache on a write through DAX but leaves a cached Query stale until its TTL ends', () => {
    const { sim, dax } = setup();
    dax.execute('PutItem', put('a', 'old'));
    dax.execute('GetItem', get('a'));
    dax.execute('Query', query('a'));
    dax.execute('PutItem', put('a', 'new'));
    expect(dax.execute('GetItem', get('a'))).toEqual({ Item: { pk: { S: 'a' }, v: { S: 'new' } } });
    expect((dax.execute('Query', query('a')) as { Items: { v: { S: string } }[] }).Items[0]!.v.S).toBe('old');
    sim.advance(DAX_DEFAULT_TTL_MS);
    expect((dax.execute('Query', query('a')) as { Items: { v: { S: string } }[] }).Items[0]!.v.S).toBe('new');
    expect(dax.stats()).toMatchObject({ itemHits: 1, itemMisses: 1, queryHits: 1, queryMisses: 2 });
  });

  it('leaves the item cache stale after a write that bypasses DAX', () => {
    const { sim, dax } = setup();
    sim.execute('PutItem', put('a', 'old'));
    dax.execute('GetItem', get('a'));
    sim.execute('PutItem', put('a', 'new'));
    expect(dax.execute('GetItem', get('a'))).toEqual({ Item: { pk: { S: 'a' }, v: { S: 'old' } } });
  });

  it('passes strongly consistent reads through uncached', () => {
    const { sim, dax } = setup();
    sim.execute('PutItem', put('a', '1'));
    dax.execute('GetItem', get('a', true));
    dax.execute('GetItem', get('a', true));
    expect(dax.stats()).toMatchObject({ itemHits: 0, itemMisses: 0 });
    expect(dax.stats().nodeRequests).toEqual([1, 1, 0]);
  });
});

describe('DAX LRU eviction by node memory', () => {
  it('evicts the least recently used entry when the node is full', () => {
    // Each cached item: key text plus a 1,000-byte value; memory for two entries.
    const { sim, dax } = setup({ nodeMemoryBytes: 2300 });
    for (const k of ['a', 'b', 'c']) sim.execute('PutItem', put(k, 'x'.repeat(1000)));
    dax.execute('GetItem', get('a'));
    dax.execute('GetItem', get('b'));
    dax.execute('GetItem', get('a')); // a is now the most recent
    dax.execute('GetItem', get('c')); // evicts b
    expect(dax.stats()).toMatchObject({ evictions: 1, itemHits: 1, itemMisses: 3 });
    dax.execute('GetItem', get('a'));
    dax.execute('GetItem', get('b'));
    expect(dax.stats()).toMatchObject({ itemHits: 2, itemMisses: 4 });
    expect(dax.usedBytes()).toBeLessThanOrEqual(2300);
  });
});
