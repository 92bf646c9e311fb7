import { describe, expect, it } from 'vitest';
import {
  checkKeyCondition,
  choosePartitionKey,
  choosePrimaryKeyKind,
  countWriteShards,
  measureHottestKey,
  type KeyAttributeType,
  type KeyOperator,
  type PartitionKeyCandidate,
} from '../../../engine/rules/key-design.ts';

describe('checkKeyCondition', () => {
  it.each<[KeyOperator | undefined, KeyOperator | undefined, KeyAttributeType, string | undefined]>([
    ['=', undefined, 'S', undefined],
    ['=', 'BETWEEN', 'N', undefined],
    ['=', 'begins_with', 'S', undefined],
    ['=', '>=', 'N', undefined],
    [
      '=',
      'begins_with',
      'N',
      'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
    ],
    ['>', undefined, 'S', 'Query key condition not supported'],
    ['BETWEEN', '=', 'S', 'Query key condition not supported'],
    [undefined, '=', 'S', 'Query condition missed key schema element: deviceId'],
    ['=', 'contains', 'S', 'Invalid operator used in KeyConditionExpression: contains'],
    ['=', '<>', 'N', 'Invalid operator used in KeyConditionExpression: <>'],
    ['IN', undefined, 'S', 'Invalid operator used in KeyConditionExpression: IN'],
  ])('partition %s, sort %s on %s', (pk, sk, type, message) => {
    const verdict = checkKeyCondition('deviceId', pk, sk, type);
    expect(verdict.valid).toBe(message === undefined);
    expect(verdict.message).toBe(message);
  });
});

describe('measureHottestKey', () => {
  it.each<[number, number, number, number, boolean, number, number, boolean]>([
    // reads/s, writes/s, item bytes, hottest share, strong → hottest RCU, WCU, hot
    [10_000, 2_000, 800, 0.01, false, 50, 20, false],
    [10_000, 2_000, 800, 0.6, false, 3_000, 1_200, true],
    [4_000, 500, 3_500, 0.8, true, 3_200, 1_600, true],
    [20_000, 100, 9_000, 0.1, false, 3_000, 90, false],
  ])('%d reads, %d writes of %d B at share %d', (reads, writes, bytes, share, strong, rcu, wcu, hot) => {
    const load = measureHottestKey(
      { name: 'k', distinctValues: 100, hottestShare: share },
      { readsPerSecond: reads, writesPerSecond: writes, itemBytes: bytes, strongReads: strong },
    );
    expect(load).toEqual({ hottestRcu: rcu, hottestWcu: wcu, hot });
  });
});

describe('choosePartitionKey', () => {
  const workload = { readsPerSecond: 5_000, writesPerSecond: 2_000, itemBytes: 700 };
  it('prefers the high-cardinality, evenly used attribute', () => {
    const candidates: PartitionKeyCandidate[] = [
      { name: 'status', distinctValues: 4, hottestShare: 0.7 },
      { name: 'orderId', distinctValues: 5_000_000, hottestShare: 0.000001 },
      { name: 'country', distinctValues: 40, hottestShare: 0.3 },
    ];
    expect(choosePartitionKey(candidates, workload).name).toBe('orderId');
  });
  it('rejects a many-valued key whose busiest value still overloads one partition', () => {
    const candidates: PartitionKeyCandidate[] = [
      { name: 'artistId', distinctValues: 900_000, hottestShare: 0.55 },
      { name: 'fanId', distinctValues: 300_000, hottestShare: 0.001 },
    ];
    expect(choosePartitionKey(candidates, workload).name).toBe('fanId');
  });
});

describe('countWriteShards', () => {
  it.each([
    [800, 900, 1],
    [1_000, 1_024, 1],
    [1_001, 1_024, 2],
    [2_500, 1_500, 5],
    [4_000, 300, 4],
  ])('%d writes/s of %d B need %d shards', (writes, bytes, shards) => {
    expect(countWriteShards(writes, bytes)).toBe(shards);
  });
});

describe('choosePrimaryKeyKind', () => {
  it('is composite only when related items are read together', () => {
    expect(choosePrimaryKeyKind({ lookupById: true, relatedItemsInOrder: false })).toBe('simple');
    expect(choosePrimaryKeyKind({ lookupById: true, relatedItemsInOrder: true })).toBe('composite');
  });
});
