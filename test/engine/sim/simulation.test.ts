import { describe, expect, it } from 'vitest';
import { ProvisionedThroughputExceededException } from '../../../engine/errors.ts';
import { BURST_WINDOW_SECONDS } from '../../../engine/capacity/burst.ts';
import { INDEX_THROUGHPUT_EXCEEDED_MESSAGE, Simulation, TABLE_THROUGHPUT_EXCEEDED_MESSAGE, type SimulationOptions } from '../../../engine/sim/index.ts';

const NO_LAG = { kind: 'fixed', ms: 0 } as const;

function table(sim: Simulation, options: { rcu?: number; wcu?: number; onDemand?: boolean; gsiWcu?: number } = {}): void {
  const gsi = options.gsiWcu !== undefined;
  sim.execute('CreateTable', {
    TableName: 'tbl',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, ...(gsi ? [{ AttributeName: 'g', AttributeType: 'S' }] : [])],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    ...(options.onDemand
      ? { BillingMode: 'PAY_PER_REQUEST' }
      : { ProvisionedThroughput: { ReadCapacityUnits: options.rcu ?? 100, WriteCapacityUnits: options.wcu ?? 100 } }),
    ...(gsi
      ? {
          GlobalSecondaryIndexes: [
            {
              IndexName: 'byG',
              KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
              ...(options.onDemand ? {} : { ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: options.gsiWcu } }),
            },
          ],
        }
      : {}),
  });
}

function sim(options: Partial<SimulationOptions> = {}): Simulation {
  return new Simulation({ seed: 1, replicationLag: NO_LAG, indexLag: NO_LAG, ...options });
}

/** Sends `count` 1-unit writes (or strong reads) to one key; returns how many were served before the first throttle. */
function hammer(s: Simulation, key: string, count: number, kind: 'write' | 'read' = 'write', pad = ''): number {
  let served = 0;
  for (let i = 0; i < count; i++) {
    try {
      if (kind === 'write') s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: key }, ...(pad ? { d: { S: pad } } : {}) } });
      else s.execute('GetItem', { TableName: 'tbl', Key: { pk: { S: key } }, ConsistentRead: true });
      served++;
    } catch (e) {
      if (e instanceof ProvisionedThroughputExceededException) return served;
      throw e;
    }
  }
  return served;
}

/** One key for each partition of the table, found by trying k0, k1, ... */
function keysPerPartition(s: Simulation): string[] {
  const n = s.partitions('tbl');
  const keys: string[] = [];
  for (let i = 0; keys.filter(Boolean).length < n; i++) {
    const p = s.partitionFor('tbl', { S: `k${i}` });
    keys[p] ??= `k${i}`;
  }
  return keys;
}

describe('burst capacity', () => {
  // burst-adaptive-capacity.html: up to 300 s of unused capacity is kept. A table at 100 WCU idle
  // for 300 s banks 30,000 WCU; a burst at the partition's maximum (1,000 WCU/s) draws 900 a second.
  it.each([
    [100, 30_000],
    [50, 15_000],
  ])('a table at %i WCU idle for 300 s absorbs %i extra write units', (wcu, extra) => {
    const s = sim();
    table(s, { wcu });
    s.advance(BURST_WINDOW_SECONDS * 1000);
    expect(s.pool('tbl', 'write')!.burst(0)).toBe(extra);
    // 10 KB items (2 + 1 + 1 + 10,236 bytes): 10 WCU each, so the run takes a tenth of the requests.
    const pad = 'x'.repeat(10_236);
    let served = 0;
    let seconds = 0;
    for (;;) {
      const units = 10 * hammer(s, 'a', 100, 'write', pad);
      served += units;
      seconds++;
      s.advance(1000);
      if (units <= wcu) break;
    }
    expect(served - wcu * seconds).toBe(extra);
  });

  it('starts a new table with an empty bucket unless told otherwise', () => {
    const empty = sim();
    table(empty, { wcu: 100 });
    expect(hammer(empty, 'a', 1000)).toBe(100);
    const full = sim({ burstAtStart: 'full' });
    table(full, { wcu: 100 });
    expect(hammer(full, 'a', 2000)).toBe(1000);
  });
});

describe('per-partition maxima and hot partitions', () => {
  // bp-partition-key-design.html: one partition serves at most 3,000 RCU and 1,000 WCU.
  it.each([
    ['write', 1000, { wcu: 4000 }],
    ['read', 3000, { rcu: 12000 }],
  ] as const)('should return ProvisionedThroughputExceededException for a hot key past %s %i units/s while the table has spare', (kind, max, capacity) => {
    const s = sim();
    table(s, capacity);
    s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'hot' } } });
    s.advance(1000);
    expect(s.partitions('tbl')).toBe(4);
    expect(hammer(s, 'hot', max + 10, kind)).toBe(max);
    const pool = s.pool('tbl', kind)!;
    expect(pool.consumed()).toBe(max);
    expect(pool.limit()).toBe(max * 4);
    expect(s.metrics.sum(kind === 'write' ? 'WriteThrottleEvents' : 'ReadThrottleEvents', { table: 'tbl' })).toBe(1);
  });

  it('lends a hot partition unused throughput through adaptive capacity', () => {
    const s = sim({ minPartitions: { tbl: 2 } });
    table(s, { wcu: 100 });
    expect(s.pool('tbl', 'write')!.share()).toBe(50);
    expect(hammer(s, 'hot', 90)).toBe(90);
  });

  it('should return ProvisionedThroughputExceededException with AWS message', () => {
    const s = sim();
    table(s, { wcu: 1 });
    s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'a' } } });
    expect(() => s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'b' } } })).toThrow(TABLE_THROUGHPUT_EXCEEDED_MESSAGE);
    // The throttled write left no trace, and a throttled overwrite leaves the old item.
    expect(s.execute('GetItem', { TableName: 'tbl', Key: { pk: { S: 'b' } }, ConsistentRead: true })).toEqual({});
    expect(() => s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'a' }, v: { S: 'new' } } })).toThrow(ProvisionedThroughputExceededException);
    s.advance(1000);
    expect(s.execute('GetItem', { TableName: 'tbl', Key: { pk: { S: 'a' } }, ConsistentRead: true })).toEqual({ Item: { pk: { S: 'a' } } });
  });

  it('keeps a throttled write out of the stream and the point-in-time history, its undo included', () => {
    const s = sim();
    table(s, { wcu: 1 });
    s.execute('UpdateTable', { TableName: 'tbl', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } });
    s.execute('UpdateContinuousBackups', { TableName: 'tbl', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'a' } } });
    expect(() => s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'b' } } })).toThrow(ProvisionedThroughputExceededException);
    s.advance(1000);
    s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'c' } } });
    const stream = s.database.streams.latestFor('tbl')!;
    expect(stream.records.map((r) => [r.eventName, r.keys.pk, r.sequence])).toEqual([
      ['INSERT', { S: 'a' }, 1],
      ['INSERT', { S: 'c' }, 2],
    ]);
    expect(s.database.streams.history.size).toBe(2);
  });

  it('should return ProvisionedThroughputExceededException for a base-table write when a GSI is short of write capacity', () => {
    const s = sim();
    table(s, { wcu: 100, gsiWcu: 1 });
    s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'a' }, g: { S: 'x' } } });
    expect(() => s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'b' }, g: { S: 'y' } } })).toThrow(INDEX_THROUGHPUT_EXCEEDED_MESSAGE);
    // The refused write was undone in the table and in the GSI.
    expect(s.execute('GetItem', { TableName: 'tbl', Key: { pk: { S: 'b' } }, ConsistentRead: true })).toEqual({});
    s.advance(1000);
    expect(
      (
        s.execute('Query', { TableName: 'tbl', IndexName: 'byG', KeyConditionExpression: 'g = :y', ExpressionAttributeValues: { ':y': { S: 'y' } } }) as {
          Count: number;
        }
      ).Count,
    ).toBe(0);
    // An item outside the sparse GSI writes nothing there and is served.
    s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'c' } } });
  });
});

describe('on-demand', () => {
  // on-demand-capacity-mode.html: a new table sustains 4,000 writes/s; up to double the previous peak at once.
  it('serves 4,000 write units in a new table’s first second and throttles the next', () => {
    const s = sim();
    table(s, { onDemand: true });
    const keys = keysPerPartition(s);
    expect(keys).toHaveLength(4);
    const served = keys.reduce((n, k) => n + hammer(s, k, 1000), 0);
    expect(served).toBe(4000);
    expect(() => s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: keys[0]! } } })).toThrow(ProvisionedThroughputExceededException);
  });

  it.each([
    [3000, 6000],
    [4000, 8000],
  ])('after a peak of %i units/s serves up to %i', (peak, limit) => {
    const s = sim();
    table(s, { onDemand: true });
    const keys = keysPerPartition(s);
    let left = peak;
    for (const k of keys) left -= hammer(s, k, Math.min(1000, left));
    s.advance(1000);
    expect(s.pool('tbl', 'write')!.limit()).toBe(limit);
    expect(s.partitions('tbl')).toBe(limit / 1000);
    const more = keysPerPartition(s);
    expect(more.reduce((n, k) => n + hammer(s, k, 1001), 0)).toBe(limit);
  });
});

describe('replicas and GSI propagation', () => {
  it('returns the previous version from an eventually consistent read at a fixed seed', () => {
    const s = sim({ seed: 7, replicationLag: { kind: 'fixed', ms: 500 } });
    table(s);
    s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'a' }, v: { N: '1' } } });
    s.advance(2000);
    s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'a' }, v: { N: '2' } } });
    const seen = Array.from(
      { length: 20 },
      () => (s.execute('GetItem', { TableName: 'tbl', Key: { pk: { S: 'a' } } }) as { Item: { v: { N: string } } }).Item.v.N,
    );
    expect(seen).toContain('1');
    expect(seen).toContain('2');
    expect(s.timeline.filter((e) => e.stale)).toHaveLength(seen.filter((v) => v === '1').length);
    s.advance(500);
    expect((s.execute('GetItem', { TableName: 'tbl', Key: { pk: { S: 'a' } } }) as { Item: { v: { N: string } } }).Item.v.N).toBe('2');
  });

  it('never returns a stale strongly consistent read, over 200 seeds', () => {
    for (let seed = 0; seed < 200; seed++) {
      const s = sim({ seed, replicationLag: { kind: 'uniform', minMs: 100, maxMs: 1000 } });
      table(s);
      s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'a' }, v: { N: '1' } } });
      s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'a' }, v: { N: '2' } } });
      const got = s.execute('GetItem', { TableName: 'tbl', Key: { pk: { S: 'a' } }, ConsistentRead: true }) as { Item: { v: { N: string } } };
      expect(got.Item.v.N).toBe('2');
      const q = s.execute('Query', {
        TableName: 'tbl',
        KeyConditionExpression: 'pk = :a',
        ExpressionAttributeValues: { ':a': { S: 'a' } },
        ConsistentRead: true,
      }) as { Items: { v: { N: string } }[] };
      expect(q.Items[0]!.v.N).toBe('2');
    }
  });

  it('misses a write in a GSI Query until the index has caught up', () => {
    const s = sim({ indexLag: { kind: 'fixed', ms: 300 } });
    table(s, { gsiWcu: 100 });
    s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: 'a' }, g: { S: 'x' } } });
    const query = { TableName: 'tbl', IndexName: 'byG', KeyConditionExpression: 'g = :x', ExpressionAttributeValues: { ':x': { S: 'x' } } };
    expect((s.execute('Query', query) as { Count: number }).Count).toBe(0);
    s.advance(300);
    expect((s.execute('Query', query) as { Count: number }).Count).toBe(1);
  });
});

describe('seeded reproducibility', () => {
  function run(seed: number): unknown[] {
    const s = new Simulation({ seed });
    table(s, { wcu: 5, rcu: 5 });
    const out: unknown[] = [];
    for (let i = 0; i < 60; i++) {
      try {
        if (i % 3 === 0) out.push(s.execute('PutItem', { TableName: 'tbl', Item: { pk: { S: `k${i % 4}` }, v: { N: String(i) } } }));
        else out.push(s.execute('GetItem', { TableName: 'tbl', Key: { pk: { S: `k${i % 4}` } } }));
      } catch (e) {
        out.push((e as Error).name);
      }
      s.advance(150);
    }
    return [out, s.timeline, s.metrics.points()];
  }

  it('gives the same run for the same seed', () => {
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });
});
