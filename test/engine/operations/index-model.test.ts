/**
 * Property: after any sequence of writes, every secondary index holds exactly the projection of
 * the base items that have its key attributes, and a Query on it finds them in key order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeValue } from '../../../engine/values/attribute-value.ts';
import { newDatabase } from './helpers.ts';

type Item = Record<string, AttributeValue>;

const TABLE = {
  TableName: 'idx',
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
    { AttributeName: 'g', AttributeType: 'S' },
    { AttributeName: 'gs', AttributeType: 'N' },
    { AttributeName: 'l', AttributeType: 'S' },
  ],
  BillingMode: 'PAY_PER_REQUEST',
  LocalSecondaryIndexes: [
    {
      IndexName: 'lsi',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'l', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: 'gsi',
      KeySchema: [
        { AttributeName: 'g', KeyType: 'HASH' },
        { AttributeName: 'gs', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['v'] },
    },
    { IndexName: 'gsiAll', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
  ],
};

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const itemArb = fc.record({
  pk: fc.constantFrom('a', 'b', 'c'),
  sk: fc.constantFrom('1', '2', '3', '-4'),
  g: maybe(fc.constantFrom('x', 'y')),
  gs: maybe(fc.constantFrom('1', '5', '10')),
  l: maybe(fc.constantFrom('m', 'n', 'o')),
  v: maybe(fc.string({ maxLength: 3 })),
  w: maybe(fc.string({ maxLength: 3 })),
});
const writeArb = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), item: itemArb }),
  fc.record({ kind: fc.constant('delete' as const), item: itemArb }),
  fc.record({ kind: fc.constant('update' as const), item: itemArb }),
);

function toItem(raw: Record<string, string | undefined>): Item {
  const item: Item = { pk: { S: raw.pk! }, sk: { N: raw.sk! } };
  if (raw.g !== undefined) item.g = { S: raw.g };
  if (raw.gs !== undefined) item.gs = { N: raw.gs };
  if (raw.l !== undefined) item.l = { S: raw.l };
  if (raw.v !== undefined) item.v = { S: raw.v };
  if (raw.w !== undefined) item.w = { S: raw.w };
  return item;
}

function pick(item: Item, names: readonly string[]): Item {
  const out: Item = {};
  for (const n of names) if (item[n] !== undefined) out[n] = item[n]!;
  return out;
}

const canonical = (items: Item[]) =>
  items
    .map((i) =>
      JSON.stringify(
        Object.keys(i)
          .sort()
          .map((k) => [k, i[k]]),
      ),
    )
    .sort();

function scanAll(db: ReturnType<typeof newDatabase>, indexName?: string): Item[] {
  const items: Item[] = [];
  let start: unknown;
  do {
    const page = db.execute('Scan', { TableName: 'idx', IndexName: indexName, Limit: 4, ExclusiveStartKey: start }) as {
      Items: Item[];
      LastEvaluatedKey?: unknown;
    };
    items.push(...page.Items);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

describe('secondary indexes against their base table', () => {
  it('hold exactly the projections of the items that have their keys', () => {
    fc.assert(
      fc.property(fc.array(writeArb, { maxLength: 40 }), (writes) => {
        const db = newDatabase();
        db.execute('CreateTable', TABLE);
        for (const w of writes) {
          const item = toItem(w.item);
          if (w.kind === 'put') db.execute('PutItem', { TableName: 'idx', Item: item });
          else if (w.kind === 'delete') db.execute('DeleteItem', { TableName: 'idx', Key: pick(item, ['pk', 'sk']) });
          else {
            const sets = Object.keys(item).filter((k) => k !== 'pk' && k !== 'sk');
            const removes = ['g', 'gs', 'l', 'v', 'w'].filter((k) => item[k] === undefined);
            const clauses = [];
            if (sets.length) clauses.push(`SET ${sets.map((k) => `${k} = :${k}`).join(', ')}`);
            if (removes.length) clauses.push(`REMOVE ${removes.join(', ')}`);
            const values = Object.fromEntries(sets.map((k) => [`:${k}`, item[k]!]));
            db.execute('UpdateItem', {
              TableName: 'idx',
              Key: pick(item, ['pk', 'sk']),
              UpdateExpression: clauses.join(' '),
              ...(sets.length ? { ExpressionAttributeValues: values } : {}),
            });
          }
        }
        const base = scanAll(db);
        const expectedLsi = base.filter((i) => i.l).map((i) => pick(i, ['pk', 'sk', 'l']));
        const expectedGsi = base.filter((i) => i.g && i.gs).map((i) => pick(i, ['pk', 'sk', 'g', 'gs', 'v']));
        const expectedAll = base.filter((i) => i.g);
        expect(canonical(scanAll(db, 'lsi'))).toEqual(canonical(expectedLsi));
        expect(canonical(scanAll(db, 'gsi'))).toEqual(canonical(expectedGsi));
        expect(canonical(scanAll(db, 'gsiAll'))).toEqual(canonical(expectedAll));

        const { Table } = db.execute('DescribeTable', { TableName: 'idx' }) as {
          Table: { GlobalSecondaryIndexes: { IndexName: string; ItemCount: number }[] };
        };
        expect(Table.GlobalSecondaryIndexes.find((g) => g.IndexName === 'gsi')!.ItemCount).toBe(expectedGsi.length);

        for (const g of ['x', 'y']) {
          const page = db.execute('Query', {
            TableName: 'idx',
            IndexName: 'gsi',
            KeyConditionExpression: 'g = :g',
            ExpressionAttributeValues: { ':g': { S: g } },
          }) as { Items: Item[] };
          const numbers = page.Items.map((i) => Number((i.gs as { N: string }).N));
          expect(numbers).toEqual([...numbers].sort((p, q) => p - q));
          expect(page.Items.length).toBe(expectedGsi.filter((i) => (i.g as { S: string }).S === g).length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
