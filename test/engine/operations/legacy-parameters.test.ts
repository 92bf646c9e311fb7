/**
 * The legacy (pre-expression) parameters run as their expression equivalents, with AWS's
 * validation messages (recorded by dynalite from the real service, validations/index.js).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../engine/database.ts';
import { COMPOSITE, expectFailure, newDatabase } from './helpers.ts';

let db: Database;
const key = (sk: number) => ({ pk: { S: 'a' }, sk: { N: String(sk) } });
beforeEach(() => {
  db = newDatabase();
  db.execute('CreateTable', COMPOSITE);
  for (let sk = 1; sk <= 5; sk++) {
    db.execute('PutItem', { TableName: 'orders', Item: { ...key(sk), n: { N: String(sk * 10) }, s: { S: `item-${sk}` }, tags: { SS: ['x', `t${sk}`] } } });
  }
});

const INVALID = 'One or more parameter values were invalid: ';

describe('Expected', () => {
  it.each<[string, Record<string, unknown>, string | undefined, boolean]>([
    ['Exists false on a missing attribute', { missing: { Exists: false } }, undefined, true],
    ['Exists false on a present attribute', { n: { Exists: false } }, undefined, false],
    ['Value (Exists implied) that matches', { n: { Value: { N: '10' } } }, undefined, true],
    ['Exists true with a Value that differs', { n: { Exists: true, Value: { N: '11' } } }, undefined, false],
    ['EQ', { n: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '10' }] } }, undefined, true],
    ['NE', { n: { ComparisonOperator: 'NE', AttributeValueList: [{ N: '10' }] } }, undefined, false],
    ['LE', { n: { ComparisonOperator: 'LE', AttributeValueList: [{ N: '10' }] } }, undefined, true],
    ['LT', { n: { ComparisonOperator: 'LT', AttributeValueList: [{ N: '10' }] } }, undefined, false],
    ['GE', { n: { ComparisonOperator: 'GE', Value: { N: '10' } } }, undefined, true],
    ['GT', { n: { ComparisonOperator: 'GT', Value: { N: '10' } } }, undefined, false],
    ['NOT_NULL', { s: { ComparisonOperator: 'NOT_NULL' } }, undefined, true],
    ['NULL', { s: { ComparisonOperator: 'NULL' } }, undefined, false],
    ['CONTAINS on a set', { tags: { ComparisonOperator: 'CONTAINS', AttributeValueList: [{ S: 't1' }] } }, undefined, true],
    ['NOT_CONTAINS on a string', { s: { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{ S: 'item' }] } }, undefined, false],
    ['BEGINS_WITH', { s: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ S: 'item-' }] } }, undefined, true],
    ['IN', { n: { ComparisonOperator: 'IN', AttributeValueList: [{ N: '5' }, { N: '10' }] } }, undefined, true],
    ['BETWEEN', { n: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '11' }, { N: '20' }] } }, undefined, false],
    ['AND of two (default)', { n: { Value: { N: '10' } }, s: { Value: { S: 'nope' } } }, undefined, false],
    ['OR of two', { n: { Value: { N: '10' } }, s: { Value: { S: 'nope' } } }, 'OR', true],
  ])('PutItem with %s', (_case, expected, conditionalOperator, holds) => {
    const request = { TableName: 'orders', Item: { ...key(1), n: { N: '99' } }, Expected: expected, ConditionalOperator: conditionalOperator };
    if (holds) {
      db.execute('PutItem', request);
      expect(db.execute('GetItem', { TableName: 'orders', Key: key(1) })).toEqual({ Item: { ...key(1), n: { N: '99' } } });
    } else {
      expectFailure(() => db.execute('PutItem', request), 'ConditionalCheckFailedException', 'The conditional request failed');
    }
  });

  it('conditions DeleteItem', () => {
    expectFailure(
      () => db.execute('DeleteItem', { TableName: 'orders', Key: key(2), Expected: { n: { Value: { N: '10' } } } }),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    );
    db.execute('DeleteItem', { TableName: 'orders', Key: key(2), Expected: { n: { Value: { N: '20' } } } });
    expect(db.execute('GetItem', { TableName: 'orders', Key: key(2) })).toEqual({});
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'Value and AttributeValueList',
      { a: { Value: { S: 'x' }, AttributeValueList: [{ S: 'x' }] } },
      `${INVALID}Value and AttributeValueList cannot be used together for Attribute: a`,
    ],
    [
      'Exists with a ComparisonOperator',
      { a: { Exists: true, ComparisonOperator: 'EQ', Value: { S: 'x' } } },
      `${INVALID}Exists and ComparisonOperator cannot be used together for Attribute: a`,
    ],
    [
      'a ComparisonOperator without a value',
      { a: { ComparisonOperator: 'EQ' } },
      `${INVALID}Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a`,
    ],
    [
      'NULL with a value',
      { a: { ComparisonOperator: 'NULL', AttributeValueList: [{ S: 'x' }] } },
      `${INVALID}Invalid number of argument(s) for the NULL ComparisonOperator`,
    ],
    [
      'EQ with two values',
      { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'x' }, { S: 'y' }] } },
      `${INVALID}Invalid number of argument(s) for the EQ ComparisonOperator`,
    ],
    [
      'BETWEEN with one value',
      { a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ S: 'x' }] } },
      `${INVALID}Invalid number of argument(s) for the BETWEEN ComparisonOperator`,
    ],
    ['IN with no value', { a: { ComparisonOperator: 'IN', AttributeValueList: [] } }, `${INVALID}Invalid number of argument(s) for the IN ComparisonOperator`],
    [
      'values of two types',
      { a: { ComparisonOperator: 'IN', AttributeValueList: [{ S: 'x' }, { N: '1' }] } },
      `${INVALID}AttributeValues inside AttributeValueList must be of same type`,
    ],
    [
      'BETWEEN upside down',
      { a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '2' }, { N: '1' }] } },
      'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound',
    ],
    [
      'an AttributeValueList without an operator',
      { a: { AttributeValueList: [{ S: 'x' }] } },
      `${INVALID}AttributeValueList can only be used with a ComparisonOperator for Attribute: a`,
    ],
    ['no Value when Exists is unset', { a: {} }, `${INVALID}Value must be provided when Exists is null for Attribute: a`],
    ['no Value when Exists is true', { a: { Exists: true } }, `${INVALID}Value must be provided when Exists is true for Attribute: a`],
    ['a Value when Exists is false', { a: { Exists: false, Value: { S: 'x' } } }, `${INVALID}Value cannot be used when Exists is false for Attribute: a`],
  ])('should return ValidationException for Expected with %s', (_case, expected, message) => {
    expectFailure(() => db.execute('PutItem', { TableName: 'orders', Item: key(9), Expected: expected }), 'ValidationException', message);
  });
});

describe('AttributeUpdates', () => {
  it('runs PUT, ADD (number, set, list) and DELETE (attribute, set members)', () => {
    db.execute('PutItem', { TableName: 'orders', Item: { ...key(7), gone: { S: 'x' }, list: { L: [{ S: 'a' }] }, tags: { SS: ['p', 'q'] } } });
    const result = db.execute('UpdateItem', {
      TableName: 'orders',
      Key: key(7),
      AttributeUpdates: {
        name: { Action: 'PUT', Value: { S: 'Ann' } },
        plain: { Value: { N: '1' } },
        count: { Action: 'ADD', Value: { N: '5' } },
        list: { Action: 'ADD', Value: { L: [{ S: 'b' }] } },
        newSet: { Action: 'ADD', Value: { NS: ['1'] } },
        gone: { Action: 'DELETE' },
        tags: { Action: 'DELETE', Value: { SS: ['p'] } },
      },
      ReturnValues: 'ALL_NEW',
    });
    expect(result).toEqual({
      Attributes: {
        ...key(7),
        name: { S: 'Ann' },
        plain: { N: '1' },
        count: { N: '5' },
        list: { L: [{ S: 'a' }, { S: 'b' }] },
        newSet: { NS: ['1'] },
        tags: { SS: ['q'] },
      },
    });
  });

  it('runs under Expected', () => {
    expectFailure(
      () =>
        db.execute('UpdateItem', { TableName: 'orders', Key: key(1), AttributeUpdates: { n: { Value: { N: '0' } } }, Expected: { n: { Value: { N: '0' } } } }),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['PUT without a value', { a: { Action: 'PUT' } }, `${INVALID}Only DELETE action is allowed when no attribute value is specified`],
    ['ADD without a value', { a: { Action: 'ADD' } }, `${INVALID}Only DELETE action is allowed when no attribute value is specified`],
    ['DELETE with a string', { a: { Action: 'DELETE', Value: { S: 'x' } } }, `${INVALID}DELETE action with value is not supported for the type S`],
    ['ADD of a string', { a: { Action: 'ADD', Value: { S: 'x' } } }, `${INVALID}ADD action is not supported for the type S`],
    ['ADD of a map', { a: { Action: 'ADD', Value: { M: {} } } }, `${INVALID}ADD action is not supported for the type M`],
    ['a key attribute', { sk: { Value: { N: '2' } } }, `${INVALID}Cannot update attribute sk. This attribute is part of the key`],
  ])('should return ValidationException for AttributeUpdates with %s', (_case, updates, message) => {
    expectFailure(() => db.execute('UpdateItem', { TableName: 'orders', Key: key(1), AttributeUpdates: updates }), 'ValidationException', message);
  });
});

describe('AttributesToGet', () => {
  it('projects GetItem, BatchGetItem, Query and Scan', () => {
    expect(db.execute('GetItem', { TableName: 'orders', Key: key(1), AttributesToGet: ['n', 'missing'] })).toEqual({ Item: { n: { N: '10' } } });
    const batch = db.execute('BatchGetItem', { RequestItems: { orders: { Keys: [key(2)], AttributesToGet: ['s'] } } }) as { Responses: unknown };
    expect(batch.Responses).toEqual({ orders: [{ s: { S: 'item-2' } }] });
    const query = db.execute('Query', {
      TableName: 'orders',
      KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } },
      AttributesToGet: ['sk'],
      Limit: 2,
    }) as { Items: unknown };
    expect(query.Items).toEqual([{ sk: { N: '1' } }, { sk: { N: '2' } }]);
    const scan = db.execute('Scan', { TableName: 'orders', AttributesToGet: ['n'], Limit: 1 }) as { Items: unknown };
    expect(scan.Items).toEqual([{ n: { N: '10' } }]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['duplicates in GetItem', { TableName: 'orders', Key: key(1), AttributesToGet: ['a', 'a'] }, `${INVALID}Duplicate value in attribute name: a`],
    [
      'with ProjectionExpression',
      { TableName: 'orders', Key: key(1), AttributesToGet: ['a'], ProjectionExpression: 'a' },
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}',
    ],
  ])('should return ValidationException for AttributesToGet %s', (_case, request, message) => {
    expectFailure(() => db.execute('GetItem', request), 'ValidationException', message);
  });
});

describe('KeyConditions and QueryFilter', () => {
  const partition = { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } };
  const sks = (result: unknown) => (result as { Items: { sk: { N: string } }[] }).Items.map((i) => Number(i.sk.N));

  it.each<[string, Record<string, unknown>, number[]]>([
    ['EQ', { sk: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '3' }] } }, [3]],
    ['LT', { sk: { ComparisonOperator: 'LT', AttributeValueList: [{ N: '3' }] } }, [1, 2]],
    ['LE', { sk: { ComparisonOperator: 'LE', AttributeValueList: [{ N: '3' }] } }, [1, 2, 3]],
    ['GT', { sk: { ComparisonOperator: 'GT', AttributeValueList: [{ N: '3' }] } }, [4, 5]],
    ['GE', { sk: { ComparisonOperator: 'GE', AttributeValueList: [{ N: '3' }] } }, [3, 4, 5]],
    ['BETWEEN', { sk: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '2' }, { N: '4' }] } }, [2, 3, 4]],
  ])('queries with the sort key %s', (_case, sortCondition, expected) => {
    expect(sks(db.execute('Query', { TableName: 'orders', KeyConditions: { ...partition, ...sortCondition } }))).toEqual(expected);
  });

  it('filters with QueryFilter and ConditionalOperator', () => {
    const filter = {
      n: { ComparisonOperator: 'GE', AttributeValueList: [{ N: '40' }] },
      s: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'item-1' }] },
    };
    expect(sks(db.execute('Query', { TableName: 'orders', KeyConditions: partition, QueryFilter: filter }))).toEqual([]);
    expect(sks(db.execute('Query', { TableName: 'orders', KeyConditions: partition, QueryFilter: filter, ConditionalOperator: 'OR' }))).toEqual([1, 4, 5]);
  });

  it('accepts KeyConditions beside a FilterExpression, as AWS does', () => {
    const result = db.execute('Query', {
      TableName: 'orders',
      KeyConditions: partition,
      FilterExpression: 'n > :n',
      ExpressionAttributeValues: { ':n': { N: '30' } },
    });
    expect(sks(result)).toEqual([4, 5]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a non-indexable operator',
      { KeyConditions: { pk: { ComparisonOperator: 'NE', AttributeValueList: [{ S: 'a' }] } } },
      'Attempted conditional constraint is not an indexable operation',
    ],
    [
      'three conditions',
      {
        KeyConditions: {
          ...partition,
          sk: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }] },
          x: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1' }] },
        },
      },
      'Conditions can be of length 1 or 2 only',
    ],
    [
      'an operator not valid for the type',
      { KeyConditions: { pk: { ComparisonOperator: 'LT', AttributeValueList: [{ SS: ['a'] }] } } },
      `${INVALID}ComparisonOperator LT is not valid for SS AttributeValue type`,
    ],
    [
      'BEGINS_WITH on a number',
      { KeyConditions: partition, QueryFilter: { n: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ N: '1' }] } } },
      `${INVALID}ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type`,
    ],
    [
      'a QueryFilter on a key attribute',
      { KeyConditions: partition, QueryFilter: { sk: { ComparisonOperator: 'NOT_NULL' } } },
      'QueryFilter can only contain non-primary key attributes: Primary key attribute: sk',
    ],
    [
      'KeyConditions with a KeyConditionExpression',
      { KeyConditions: partition, KeyConditionExpression: 'pk = :a', ExpressionAttributeValues: { ':a': { S: 'a' } } },
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}',
    ],
    [
      'QueryFilter with a FilterExpression',
      { KeyConditions: partition, QueryFilter: {}, FilterExpression: 'n > :n', ExpressionAttributeValues: { ':n': { N: '30' } } },
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {QueryFilter} Expression parameters: {FilterExpression}',
    ],
    [
      'Select COUNT with AttributesToGet',
      { KeyConditions: partition, Select: 'COUNT', AttributesToGet: ['n'] },
      'Cannot specify the AttributesToGet when choosing to get only the Count',
    ],
  ])('should return ValidationException for Query with %s', (_case, request, message) => {
    expectFailure(() => db.execute('Query', { TableName: 'orders', ...request }), 'ValidationException', message);
  });
});

describe('ScanFilter', () => {
  it.each<[string, Record<string, unknown>, string | undefined, number]>([
    ['NOT_NULL', { s: { ComparisonOperator: 'NOT_NULL' } }, undefined, 5],
    ['NULL', { s: { ComparisonOperator: 'NULL' } }, undefined, 0],
    ['IN', { n: { ComparisonOperator: 'IN', AttributeValueList: [{ N: '10' }, { N: '30' }] } }, undefined, 2],
    ['CONTAINS', { tags: { ComparisonOperator: 'CONTAINS', AttributeValueList: [{ S: 'x' }] } }, undefined, 5],
    ['NOT_CONTAINS', { tags: { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{ S: 't2' }] } }, undefined, 4],
    [
      'AND',
      { n: { ComparisonOperator: 'GT', AttributeValueList: [{ N: '10' }] }, s: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ S: 'item-5' }] } },
      'AND',
      1,
    ],
    ['OR', { n: { ComparisonOperator: 'LT', AttributeValueList: [{ N: '20' }] }, sk: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '5' }] } }, 'OR', 2],
  ])('scans with %s', (_case, filter, conditionalOperator, count) => {
    expect(db.execute('Scan', { TableName: 'orders', ScanFilter: filter, ConditionalOperator: conditionalOperator })).toMatchObject({
      Count: count,
      ScannedCount: 5,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing operand', { ScanFilter: { n: { ComparisonOperator: 'GT' } } }, `${INVALID}Invalid number of argument(s) for the GT ComparisonOperator`],
    [
      'ScanFilter with a FilterExpression',
      { ScanFilter: {}, FilterExpression: 'attribute_exists(n)' },
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {ScanFilter} Expression parameters: {FilterExpression}',
    ],
    [
      'ConditionalOperator with a FilterExpression',
      { ConditionalOperator: 'OR', FilterExpression: 'attribute_exists(n)' },
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {ConditionalOperator} Expression parameters: {FilterExpression}',
    ],
  ])('should return ValidationException for Scan with %s', (_case, request, message) => {
    expectFailure(() => db.execute('Scan', { TableName: 'orders', ...request }), 'ValidationException', message);
  });
});
