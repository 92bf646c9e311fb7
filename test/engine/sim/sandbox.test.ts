/**
 * The simulation as a sandbox serves it (engine/sim/sandbox.ts, tags.ts): settings read off
 * `sim:` tags, untagged tables left to the plain engine, bounded timelines and metrics.
 */
import { describe, expect, it } from 'vitest';
import { Database, SandboxSimulations, SIM_TIMELINE_EVENTS, simSettings } from '../../../engine/index.ts';

const table = (name: string, tags?: Record<string, string>) => ({
  TableName: name,
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  ProvisionedThroughput: { ReadCapacityUnits: 1000, WriteCapacityUnits: 1000 },
  ...(tags && { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
});

describe('simSettings', () => {
  it.each([
    [{}, { enabled: false, enforceThroughput: true, seed: 1, burstAtStart: 'empty', partitions: 1, daxNodes: 1 }],
    [
      { 'sim:enabled': 'true', 'sim:replication-lag-ms': '200' },
      { enabled: true, replicationLag: { kind: 'fixed', ms: 200 } },
    ],
    [{ 'sim:replication-lag-ms': '10-1000' }, { replicationLag: { kind: 'uniform', minMs: 10, maxMs: 1000 } }],
    [{ 'sim:index-lag-ms': '5-5' }, { indexLag: { kind: 'fixed', ms: 5 } }],
    [
      { 'sim:seed': '4294967295', 'sim:burst-at-start': 'full', 'sim:partitions': '100' },
      { seed: 4294967295, burstAtStart: 'full', partitions: 100 },
    ],
    [
      { 'sim:dax-nodes': '11', 'sim:dax-item-ttl-ms': '0', 'sim:dax-query-ttl-ms': '86400000' },
      { daxNodes: 11, daxItemTtlMs: 0, daxQueryTtlMs: 86400000 },
    ],
    [{ team: 'a', 'Sim:enabled': 'x' }, { enabled: false }],
  ])('reads %j', (tags, expected) => {
    expect(simSettings(tags)).toMatchObject(expected);
  });
});

describe('SandboxSimulations', () => {
  it('leaves an untagged table to the plain engine: same answers as a Database alone', () => {
    const plain = new Database({ now: () => 0 });
    const sims = new SandboxSimulations(new Database({ now: () => 0 }));
    sims.execute('CreateTable', table('sim-on', { 'sim:enabled': 'true' }));
    for (const db of [plain, sims]) db.execute('CreateTable', table('plain'));
    for (let i = 0; i < 50; i++) {
      const put = { TableName: 'plain', Item: { pk: { S: `k${i % 7}` }, n: { N: String(i) } }, ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'TOTAL' };
      expect(sims.execute('PutItem', put)).toEqual(plain.execute('PutItem', put));
      const get = { TableName: 'plain', Key: { pk: { S: `k${i % 5}` } } };
      expect(sims.execute('GetItem', get)).toEqual(plain.execute('GetItem', get));
    }
    expect(sims.simulationOf('plain')).toBeUndefined();
    expect(sims.simulationOf('sim-on')).toBeDefined();
  });

  it('forgets a table’s simulation on DeleteTable and on sim:enabled=false', () => {
    const sims = new SandboxSimulations(new Database({ now: () => 0 }));
    sims.execute('CreateTable', table('gone', { 'sim:enabled': 'true' }));
    sims.execute('DeleteTable', { TableName: 'gone' });
    expect(sims.active).toBe(false);
    sims.execute('CreateTable', table('off', { 'sim:enabled': 'true' }));
    sims.execute('TagResource', { ResourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/off', Tags: [{ Key: 'sim:enabled', Value: 'false' }] });
    expect(sims.simulationOf('off')).toBeUndefined();
    expect(sims.active).toBe(false);
  });

  it('keeps about the last SIM_TIMELINE_EVENTS events and the last hour of metrics', () => {
    let now = 0;
    const sims = new SandboxSimulations(new Database({ now: () => now }));
    sims.execute('CreateTable', table('long', { 'sim:enabled': 'true', 'sim:enforce-throughput': 'false' }));
    for (let i = 0; i < 3 * SIM_TIMELINE_EVENTS; i++) {
      now += 2000;
      sims.execute('PutItem', { TableName: 'long', Item: { pk: { S: `k${i % 10}` } } });
    }
    const sim = sims.simulationOf('long')!;
    expect(sim.timeline.length).toBeLessThan(2 * SIM_TIMELINE_EVENTS);
    expect(sim.timeline.at(-1)!.at).toBe(now);
    const seconds = sim.metrics.get('ConsumedWriteCapacityUnits', { table: 'long' }).map((p) => p.second);
    expect(Math.min(...seconds)).toBeGreaterThanOrEqual(now / 1000 - 3600 - 60);
    const report = sims.report('long');
    expect(report).toMatchObject({ TableName: 'long', Simulated: true, Partitions: 1, Capacity: { Write: { Limit: 1000 } } });
    expect(report.Timeline).toHaveLength(100);
  });
});

describe('malformed requests on a simulated table', () => {
  const bad: unknown[] = [{ N: '1' }, { S: 123 }, {}, { S: '' }, { S: 'x', N: '1' }, { L: [] }, null, 'str', { S: 'x'.repeat(3000) }];
  const lagging = { 'sim:enabled': 'true', 'sim:replication-lag-ms': '1000', 'sim:index-lag-ms': '1000' };

  it.each(bad.map((v) => [JSON.stringify(v), v]))('answers only DynamoDB errors for the key value %s, through the simulation and through DAX', (_, value) => {
    let now = 0;
    const sims = new SandboxSimulations(new Database({ now: () => now }));
    sims.execute('CreateTable', {
      TableName: 'composite',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      Tags: Object.entries(lagging).map(([Key, Value]) => ({ Key, Value })),
    });
    sims.execute('PutItem', { TableName: 'composite', Item: { pk: { S: 'a' }, sk: { S: 'b' } } });
    const keys = [{ pk: value, sk: { S: 'b' } }, { pk: { S: 'a' }, sk: value }, { pk: value }];
    for (const key of keys) {
      const requests: [string, unknown][] = [
        ['PutItem', { TableName: 'composite', Item: key }],
        ['GetItem', { TableName: 'composite', Key: key }],
        ['DeleteItem', { TableName: 'composite', Key: key }],
        ['UpdateItem', { TableName: 'composite', Key: key, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '1' } } }],
        ['Query', { TableName: 'composite', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': value } }],
        ['Scan', { TableName: 'composite', ExclusiveStartKey: key }],
        ['BatchWriteItem', { RequestItems: { composite: [{ PutRequest: { Item: key } }] } }],
        ['TransactWriteItems', { TransactItems: [{ Put: { TableName: 'composite', Item: key } }] }],
      ];
      for (const [action, input] of requests) {
        for (const run of [() => sims.execute(action, input), () => sims.executeDax(action, input)]) {
          try {
            run();
          } catch (e) {
            expect((e as { name?: string }).name, `${action} ${JSON.stringify(input)}: ${String(e)}`).toMatch(/Exception$/);
          }
          now += 10;
        }
      }
    }
  });
});
