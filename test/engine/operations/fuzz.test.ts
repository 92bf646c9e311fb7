/**
 * Property: whatever JSON a request carries, an action either answers or throws a DynamoDB
 * error; never a TypeError or anything else that would become a 500.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDynamoDBError } from '../../../engine/errors.ts';
import { OPERATIONS } from '../../../engine/operations/registry.ts';
import { COMPOSITE, newDatabase } from './helpers.ts';

const scalar = fc.oneof(
  fc.constantFrom('orders', 'users', 'pk', 'sk', 'x', '', '#n', ':v', 'ALL_OLD', 'COUNT', 'PAY_PER_REQUEST', 'HASH', 'RANGE'),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const attributeValue = fc.oneof(
  fc.record({ S: fc.constantFrom('a', 'b', '') }),
  fc.record({ N: fc.constantFrom('1', '-2.5', 'x', '1e400') }),
  fc.record({ B: fc.constantFrom('AA==', 'bad') }),
  fc.record({ SS: fc.array(fc.constantFrom('a', 'b'), { maxLength: 3 }) }),
  fc.record({ L: fc.array(fc.record({ S: fc.constant('z') }), { maxLength: 2 }) }),
  fc.record({ BOOL: fc.boolean() }),
  fc.record({ NULL: fc.boolean() }),
  scalar,
);
const item = fc.dictionary(fc.constantFrom('pk', 'sk', 'v', 'g'), attributeValue, { maxKeys: 4 });
const expression = fc.constantFrom(
  'pk = :v',
  'attribute_exists(pk)',
  'SET v = :v',
  'REMOVE v',
  'v, sk',
  'pk = :v AND sk > :v',
  'begins_with(pk, :v)',
  '#n = :v',
  '((',
  'size(v) > :v',
  '',
);
const member = fc.oneof(
  scalar,
  item,
  expression,
  fc.array(
    fc.oneof(item, fc.record({ PutRequest: fc.record({ Item: item }) }), fc.record({ Put: fc.record({ TableName: fc.constant('orders'), Item: item }) })),
    { maxLength: 3 },
  ),
  fc.dictionary(fc.constantFrom('#n', ':v', 'orders'), fc.oneof(attributeValue, fc.constant('v'), fc.record({ Keys: fc.array(item, { maxLength: 2 }) })), {
    maxKeys: 2,
  }),
);
const request = fc.dictionary(
  fc.constantFrom(
    'TableName',
    'Key',
    'Item',
    'KeyConditionExpression',
    'FilterExpression',
    'ProjectionExpression',
    'ConditionExpression',
    'UpdateExpression',
    'ExpressionAttributeNames',
    'ExpressionAttributeValues',
    'ReturnValues',
    'Select',
    'Limit',
    'IndexName',
    'ExclusiveStartKey',
    'Segment',
    'TotalSegments',
    'RequestItems',
    'TransactItems',
    'KeySchema',
    'AttributeDefinitions',
    'BillingMode',
    'ScanIndexForward',
    'ConsistentRead',
    'ReturnConsumedCapacity',
    'GlobalSecondaryIndexUpdates',
  ),
  member,
  { maxKeys: 6 },
);

describe('every action on arbitrary requests', () => {
  it.each(Object.keys(OPERATIONS))('%s throws only DynamoDB errors', (action) => {
    const db = newDatabase();
    db.execute('CreateTable', COMPOSITE);
    db.execute('PutItem', { TableName: 'orders', Item: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'x' } } });
    fc.assert(
      fc.property(request, (input) => {
        const withTable = { TableName: 'orders', ...input };
        for (const body of [input, withTable]) {
          try {
            db.execute(action, body);
          } catch (error) {
            if (!isDynamoDBError(error)) throw error;
            expect(error.message).not.toMatch(/undefined|\[object Object\]/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
