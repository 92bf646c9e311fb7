/**
 * Attribute names that are also Object.prototype members: DynamoDB stores `__proto__`,
 * `constructor` and the like as ordinary names, so every action must keep them as data.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../engine/database.ts';
import { COMPOSITE, expectFailure, newDatabase } from './helpers.ts';

/** The item as it arrives from the wire: JSON.parse makes `__proto__` an own member. */
function wireItem(sk: number): Record<string, unknown> {
  return JSON.parse(
    `{"pk":{"S":"p"},"sk":{"N":"${sk}"},"__proto__":{"S":"proto"},"constructor":{"M":{"__proto__":{"N":"1"},"toString":{"S":"t"}}},"hasOwnProperty":{"L":[{"S":"x"}]}}`,
  ) as Record<string, unknown>;
}

const KEY = { pk: { S: 'p' }, sk: { N: '1' } };
const NAMES = { '#p': '__proto__', '#c': 'constructor', '#t': 'toString', '#h': 'hasOwnProperty' };

function loaded(): Database {
  const db = newDatabase();
  db.execute('CreateTable', COMPOSITE);
  db.execute('PutItem', { TableName: 'orders', Item: wireItem(1) });
  return db;
}

/** The same object a client would get back after JSON: compares own members only. */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('attribute names that are Object.prototype members', () => {
  it('PutItem then GetItem returns every attribute', () => {
    const db = loaded();
    expect(wire(db.execute('GetItem', { TableName: 'orders', Key: KEY }))).toEqual({ Item: wireItem(1) });
  });

  it('Query and Scan return every attribute', () => {
    const db = loaded();
    const query = db.execute('Query', {
      TableName: 'orders',
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': { S: 'p' } },
    });
    expect(wire(query)).toEqual({ Items: [wireItem(1)], Count: 1, ScannedCount: 1 });
    expect(wire(db.execute('Scan', { TableName: 'orders' }))).toEqual({ Items: [wireItem(1)], Count: 1, ScannedCount: 1 });
  });

  it('a ProjectionExpression picks them, top level and nested', () => {
    const db = loaded();
    const result = db.execute('GetItem', {
      TableName: 'orders',
      Key: KEY,
      ProjectionExpression: '#p, #c.#p, #c.#t',
      ExpressionAttributeNames: { '#p': '__proto__', '#c': 'constructor', '#t': 'toString' },
    });
    expect(wire(result)).toEqual({
      Item: JSON.parse('{"__proto__":{"S":"proto"},"constructor":{"M":{"__proto__":{"N":"1"},"toString":{"S":"t"}}}}'),
    });
  });

  it.each([
    ['attribute_exists(#p)', true],
    ['attribute_exists(#c.#p)', true],
    ['attribute_exists(#c.#h)', false],
    ['attribute_not_exists(#t)', true],
    ['#p = :v', true],
  ])('a FilterExpression %s sees the attribute as data (%s)', (filter, matches) => {
    const db = loaded();
    const names = Object.fromEntries(Object.entries(NAMES).filter(([placeholder]) => filter.includes(placeholder)));
    const result = db.execute('Query', {
      TableName: 'orders',
      KeyConditionExpression: 'pk = :k',
      FilterExpression: filter,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':k': { S: 'p' }, ...(filter.includes(':v') ? { ':v': { S: 'proto' } } : {}) },
    }) as { Count: number };
    expect(result.Count).toBe(matches ? 1 : 0);
  });

  it('a condition on an inherited name that the item lacks fails the write', () => {
    const db = newDatabase();
    db.execute('CreateTable', COMPOSITE);
    db.execute('PutItem', { TableName: 'orders', Item: KEY });
    expectFailure(
      () =>
        db.execute('PutItem', {
          TableName: 'orders',
          Item: KEY,
          ConditionExpression: 'attribute_exists(#c)',
          ExpressionAttributeNames: { '#c': 'constructor' },
        }),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    );
  });

  it('UpdateItem sets, adds to and removes them', () => {
    const db = loaded();
    const result = db.execute('UpdateItem', {
      TableName: 'orders',
      Key: KEY,
      UpdateExpression: 'SET #p = :s, #c.#p = :n, #t = if_not_exists(#t, :s) ADD #v :n REMOVE #h',
      ExpressionAttributeNames: { '#p': '__proto__', '#c': 'constructor', '#t': 'toString', '#h': 'hasOwnProperty', '#v': 'valueOf' },
      ExpressionAttributeValues: { ':s': { S: 'new' }, ':n': { N: '5' } },
      ReturnValues: 'ALL_NEW',
    });
    const expected = JSON.parse(
      '{"pk":{"S":"p"},"sk":{"N":"1"},"__proto__":{"S":"new"},"constructor":{"M":{"__proto__":{"N":"5"},"toString":{"S":"t"}}},"toString":{"S":"new"},"valueOf":{"N":"5"}}',
    ) as unknown;
    expect(wire(result)).toEqual({ Attributes: expected });
    expect(wire(db.execute('GetItem', { TableName: 'orders', Key: KEY }))).toEqual({ Item: expected });
  });

  it('UPDATED_OLD returns the previous values under those names', () => {
    const db = loaded();
    const result = db.execute('UpdateItem', {
      TableName: 'orders',
      Key: KEY,
      UpdateExpression: 'SET #p = :s',
      ExpressionAttributeNames: { '#p': '__proto__' },
      ExpressionAttributeValues: { ':s': { S: 'new' } },
      ReturnValues: 'UPDATED_OLD',
    });
    expect(wire(result)).toEqual({ Attributes: JSON.parse('{"__proto__":{"S":"proto"}}') });
  });

  it('a key attribute may be called __proto__', () => {
    const db = newDatabase();
    db.execute('CreateTable', {
      TableName: 'protos',
      KeySchema: [{ AttributeName: '__proto__', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: '__proto__', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    const item = JSON.parse('{"__proto__":{"S":"k"},"v":{"N":"1"}}') as Record<string, unknown>;
    db.execute('PutItem', { TableName: 'protos', Item: item });
    const key = JSON.parse('{"__proto__":{"S":"k"}}') as Record<string, unknown>;
    expect(wire(db.execute('GetItem', { TableName: 'protos', Key: key }))).toEqual({ Item: item });
    const page = db.execute('Scan', { TableName: 'protos', Limit: 1 }) as { LastEvaluatedKey: unknown };
    expect(wire(page.LastEvaluatedKey)).toEqual(key);
  });
});
