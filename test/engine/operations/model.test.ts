/**
 * Property: after any sequence of writes, Get, Query and Scan return what a plain map per table
 * (the reference model) says they should.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeValue } from '../../../engine/values/attribute-value.ts';
import { COMPOSITE, newDatabase } from './helpers.ts';

type Item = Record<string, AttributeValue>;

const pkArb = fc.constantFrom('a', 'b', 'é', '\u{1F600}', 'a\u0000b');
const skArb = fc.constantFrom('-10', '-1.5', '0', '0.25', '1', '2', '10', '100', '1E+3');
const valueArb = fc.oneof(
  fc.string({ maxLength: 5 }).map((s): AttributeValue => ({ S: s })),
  fc.integer({ min: -1000, max: 1000 }).map((n): AttributeValue => ({ N: String(n) })),
  fc.boolean().map((b): AttributeValue => ({ BOOL: b })),
);

const writeArb = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), pk: pkArb, sk: skArb, v: valueArb }),
  fc.record({ kind: fc.constant('delete' as const), pk: pkArb, sk: skArb }),
  fc.record({ kind: fc.constant('update' as const), pk: pkArb, sk: skArb, v: valueArb }),
);

const rangeArb = fc.oneof(
  fc.constant(undefined),
  fc.record({ op: fc.constantFrom('=', '<', '<=', '>', '>='), a: skArb }),
  fc.record({ op: fc.constant('BETWEEN'), a: skArb, b: skArb }),
);

const modelKey = (pk: string, sk: string) => `${pk}\u0001${Number(sk)}`;

function matches(sk: number, range: { op: string; a: string; b?: string } | undefined): boolean {
  if (!range) return true;
  const a = Number(range.a);
  switch (range.op) {
    case '=':
      return sk === a;
    case '<':
      return sk < a;
    case '<=':
      return sk <= a;
    case '>':
      return sk > a;
    case '>=':
      return sk >= a;
    default:
      return sk >= a && sk <= Number(range.b);
  }
}

describe('the engine against a reference model', () => {
  it('agrees on Get, Query and Scan after random writes', () => {
    fc.assert(
      fc.property(
        fc.array(writeArb, { maxLength: 60 }),
        pkArb,
        rangeArb,
        fc.boolean(),
        fc.integer({ min: 1, max: 7 }),
        (writes, queryPk, range, forward, limit) => {
          const db = newDatabase();
          db.execute('CreateTable', COMPOSITE);
          const model = new Map<string, { pk: string; sk: number; item: Item }>();
          for (const w of writes) {
            const key = { pk: { S: w.pk }, sk: { N: w.sk } };
            const id = modelKey(w.pk, w.sk);
            if (w.kind === 'put') {
              db.execute('PutItem', { TableName: 'orders', Item: { ...key, v: w.v } });
              model.set(id, { pk: w.pk, sk: Number(w.sk), item: { pk: key.pk, sk: { N: String(Number(w.sk)) }, v: w.v } });
            } else if (w.kind === 'delete') {
              db.execute('DeleteItem', { TableName: 'orders', Key: key });
              model.delete(id);
            } else {
              db.execute('UpdateItem', { TableName: 'orders', Key: key, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': w.v } });
              model.set(id, { pk: w.pk, sk: Number(w.sk), item: { pk: key.pk, sk: { N: String(Number(w.sk)) }, v: w.v } });
            }
          }
          for (const w of writes) {
            const got = db.execute('GetItem', { TableName: 'orders', Key: { pk: { S: w.pk }, sk: { N: w.sk } } }) as { Item?: Item };
            expect(got.Item).toEqual(model.get(modelKey(w.pk, w.sk))?.item);
          }

          const expected = [...model.values()]
            .filter((e) => e.pk === queryPk && matches(e.sk, range))
            .sort((x, y) => (forward ? x.sk - y.sk : y.sk - x.sk))
            .map((e) => e.item);
          const condition = !range ? '' : range.op === 'BETWEEN' ? ' AND sk BETWEEN :a AND :b' : ` AND sk ${range.op} :a`;
          const values: Record<string, AttributeValue> = { ':p': { S: queryPk } };
          if (range) values[':a'] = { N: range.a };
          if (range && 'b' in range) values[':b'] = { N: range.b };
          const betweenInverted = range?.op === 'BETWEEN' && Number(range.a) > Number(range.b);
          if (!betweenInverted) {
            const queried: Item[] = [];
            let start: unknown;
            let pages = 0;
            do {
              const page = db.execute('Query', {
                TableName: 'orders',
                KeyConditionExpression: `pk = :p${condition}`,
                ExpressionAttributeValues: values,
                ScanIndexForward: forward,
                Limit: limit,
                ExclusiveStartKey: start,
              }) as { Items: Item[]; LastEvaluatedKey?: unknown };
              queried.push(...page.Items);
              start = page.LastEvaluatedKey;
            } while (start && ++pages < 100);
            expect(queried).toEqual(expected);
          }

          const scanned: Item[] = [];
          for (let segment = 0; segment < 3; segment++) {
            let start: unknown;
            do {
              const page = db.execute('Scan', { TableName: 'orders', Segment: segment, TotalSegments: 3, Limit: limit, ExclusiveStartKey: start }) as {
                Items: Item[];
                LastEvaluatedKey?: unknown;
              };
              scanned.push(...page.Items);
              start = page.LastEvaluatedKey;
            } while (start);
          }
          const order = (i: Item) => JSON.stringify(i);
          expect(scanned.map(order).sort()).toEqual([...model.values()].map((e) => order(e.item)).sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});
