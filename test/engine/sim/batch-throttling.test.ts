/**
 * BatchWriteItem, BatchGetItem and TransactWriteItems under enforced throughput, as AWS
 * documents them: a batch returns what it could not do (UnprocessedItems, UnprocessedKeys) and
 * is throttled only when it did nothing; a transaction is cancelled whole, ThrottlingError for
 * the throttled write. Hand-worked on a table of 5 WCU / 4 RCU with an empty burst bucket.
 */
import { describe, expect, it } from 'vitest';
import { ProvisionedThroughputExceededException, TransactionCanceledException } from '../../../engine/errors.ts';
import { INDEX_THROUGHPUT_EXCEEDED_MESSAGE, Simulation } from '../../../engine/sim/index.ts';

const NO_LAG = { kind: 'fixed', ms: 0 } as const;

function setup(options: { wcu?: number; rcu?: number; stream?: boolean } = {}): Simulation {
  const sim = new Simulation({ seed: 1, replicationLag: NO_LAG, indexLag: NO_LAG });
  sim.execute('CreateTable', {
    TableName: 'tbl',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    ProvisionedThroughput: { ReadCapacityUnits: options.rcu ?? 4, WriteCapacityUnits: options.wcu ?? 5 },
  });
  return sim;
}

const put = (pk: string) => ({ PutRequest: { Item: { pk: { S: pk }, v: { N: '1' } } } });
const batch = (n: number, from = 0) => ({ RequestItems: { tbl: Array.from({ length: n }, (_, i) => put(`k${from + i}`)) } });
/** What a batch answers, loosely typed for the assertions. */
// biome-ignore lint/suspicious/noExplicitAny: response members are read by name in the assertions
type Batch = Record<string, any>;
const count = (sim: Simulation) => (sim.database.execute('Scan', { TableName: 'tbl', Select: 'COUNT' }) as { Count: number }).Count;

describe('BatchWriteItem under enforced throughput', () => {
  it.each([
    // 5 WCU, nothing banked: the first five 1 KB writes of the second are made, the rest come back.
    { size: 3, made: 3, unprocessed: 0 },
    { size: 5, made: 5, unprocessed: 0 },
    { size: 8, made: 5, unprocessed: 3 },
    { size: 25, made: 5, unprocessed: 20 },
  ])('a batch of $size in one second: $made made, $unprocessed in UnprocessedItems', ({ size, made, unprocessed }) => {
    const sim = setup();
    const response = sim.execute('BatchWriteItem', { ...batch(size), ReturnConsumedCapacity: 'TOTAL' }) as Batch;
    expect(count(sim)).toBe(made);
    expect(response.UnprocessedItems.tbl?.length ?? 0).toBe(unprocessed);
    expect(response.ConsumedCapacity).toEqual([{ TableName: 'tbl', CapacityUnits: made, WriteCapacityUnits: made }]);
    // What comes back is what was not written, in the request's shape, ready to resend.
    if (unprocessed > 0) expect(response.UnprocessedItems.tbl[0]).toEqual(put(`k${made}`));
  });

  it('is throttled whole, with AWS exception, only when no write could be made', () => {
    const sim = setup();
    sim.execute('BatchWriteItem', batch(5));
    expect(() => sim.execute('BatchWriteItem', batch(3, 10))).toThrow(ProvisionedThroughputExceededException);
    expect(count(sim)).toBe(5);
    // The next second brings five more units.
    sim.advance(1000);
    expect((sim.execute('BatchWriteItem', batch(3, 10)) as Batch).UnprocessedItems).toEqual({});
    expect(count(sim)).toBe(8);
  });

  it('refuses a malformed batch with the engine error and writes nothing', () => {
    const sim = setup();
    const bad = { RequestItems: { tbl: [put('a'), put('a')] } };
    expect(() => sim.execute('BatchWriteItem', bad)).toThrow(/duplicates/);
    expect(count(sim)).toBe(0);
  });
});

describe('BatchGetItem under enforced throughput', () => {
  it('reads what the second allows and returns the other keys in UnprocessedKeys, with their options', () => {
    // 4 RCU, nothing banked (reads in the second the table was filled): eight eventually consistent reads of small items (0.5 each), or four strong ones.
    const sim = setup({ wcu: 50 });
    sim.execute('BatchWriteItem', batch(10));
    const keys = Array.from({ length: 10 }, (_, i) => ({ pk: { S: `k${i}` } }));
    const response = sim.execute('BatchGetItem', {
      RequestItems: { tbl: { Keys: keys, ConsistentRead: true, ProjectionExpression: 'pk' } },
      ReturnConsumedCapacity: 'TOTAL',
    }) as Batch;
    expect(response.Responses.tbl).toHaveLength(4);
    expect(response.UnprocessedKeys.tbl).toEqual({ ConsistentRead: true, ProjectionExpression: 'pk', Keys: keys.slice(4) });
    expect(response.ConsumedCapacity).toEqual([{ TableName: 'tbl', CapacityUnits: 4, ReadCapacityUnits: 4 }]);
    expect(() => sim.execute('BatchGetItem', { RequestItems: { tbl: { Keys: keys.slice(4), ConsistentRead: true } } })).toThrow(
      ProvisionedThroughputExceededException,
    );
    sim.advance(1000);
    const eventual = sim.execute('BatchGetItem', { RequestItems: { tbl: { Keys: keys } } }) as Batch;
    expect(eventual.Responses.tbl).toHaveLength(8);
    expect(eventual.UnprocessedKeys.tbl.Keys).toHaveLength(2);
  });
});

describe('TransactWriteItems under enforced throughput', () => {
  it('cancels the whole transaction when its writes exceed their partition: ThrottlingError for each write there', () => {
    // A transactional write of a 1 KB item costs 2 WCU: 5 WCU hold two of them, not three.
    const sim = setup();
    const items = ['a', 'b', 'c'].map((pk) => ({ Put: { TableName: 'tbl', Item: { pk: { S: pk } } } }));
    let error: unknown;
    try {
      sim.execute('TransactWriteItems', { TransactItems: items });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TransactionCanceledException);
    const reasons = (error as TransactionCanceledException).extra.CancellationReasons as { Code: string }[];
    expect(reasons.map((r) => r.Code)).toEqual(['ThrottlingError', 'ThrottlingError', 'ThrottlingError']);
    expect((error as Error).message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [ThrottlingError, ThrottlingError, ThrottlingError]',
    );
    expect(count(sim)).toBe(0);
    expect(sim.database.capacityUsage('tbl').writeUnits).toBe(0);
  });

  it("cancels a transaction its GSI has no capacity for, with the index's throughput message", () => {
    const sim = new Simulation({ seed: 1, replicationLag: NO_LAG, indexLag: NO_LAG });
    sim.execute('CreateTable', {
      TableName: 'tbl',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'g', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 100 },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byG',
          KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 3 },
        },
      ],
    });
    // The table has room; the GSI's 3 WCU hold one transactional index write (2), not two (4). An item without g stays out of the index.
    const put = (pk: string, g?: string) => ({ Put: { TableName: 'tbl', Item: { pk: { S: pk }, ...(g ? { g: { S: g } } : {}) } } });
    sim.execute('TransactWriteItems', { TransactItems: [put('a', 'x'), put('b')] });
    let error: unknown;
    try {
      sim.execute('TransactWriteItems', { TransactItems: [put('c'), put('d', 'y')] });
    } catch (e) {
      error = e;
    }
    const reasons = (error as TransactionCanceledException).extra.CancellationReasons as { Code: string; Message?: string }[];
    expect(reasons).toEqual([{ Code: 'None' }, { Code: 'ThrottlingError', Message: INDEX_THROUGHPUT_EXCEEDED_MESSAGE }]);
    expect(count(sim)).toBe(2);
  });

  it('serves a transaction that fits, and names only the throttled write when they are on different partitions', () => {
    const sim = setup({ wcu: 4 });
    sim.execute('TransactWriteItems', {
      TransactItems: [{ Put: { TableName: 'tbl', Item: { pk: { S: 'a' } } } }, { Put: { TableName: 'tbl', Item: { pk: { S: 'b' } } } }],
    });
    expect(count(sim)).toBe(2);
    // The second's 4 WCU are spent: one more transactional write is refused, the condition check beside it is not.
    let error: unknown;
    try {
      sim.execute('TransactWriteItems', {
        TransactItems: [
          { ConditionCheck: { TableName: 'tbl', Key: { pk: { S: 'a' } }, ConditionExpression: 'attribute_exists(pk)' } },
          { Put: { TableName: 'tbl', Item: { pk: { S: 'c' } } } },
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(((error as TransactionCanceledException).extra.CancellationReasons as { Code: string }[]).map((r) => r.Code)).toEqual(['None', 'ThrottlingError']);
    expect(count(sim)).toBe(2);
  });
});
