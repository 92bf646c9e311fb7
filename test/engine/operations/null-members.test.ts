/**
 * A JSON null as a member of a list or map of the request is refused by DynamoDB's front end
 * (Coral) like any other null member, "Member must not be null" at the member's path, before any
 * action looks at the request; it is never a 500.
 */
import { beforeEach, describe, it } from 'vitest';
import type { Database } from '../../../engine/database.ts';
import { COMPOSITE, expectFailure, newDatabase } from './helpers.ts';

let db: Database;
beforeEach(() => {
  db = newDatabase();
  db.execute('CreateTable', COMPOSITE);
});

const key = { pk: { S: 'a' }, sk: { N: '1' } };
const notNull = (path: string) => `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`;
const table = {
  TableName: 'made',
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
};
const ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/orders';

describe('null members', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['TransactItems', 'TransactWriteItems', { TransactItems: [null] }, notNull('transactItems.1.member')],
    ['TransactItems', 'TransactGetItems', { TransactItems: [null] }, notNull('transactItems.1.member')],
    ['RequestItems', 'BatchGetItem', { RequestItems: { orders: null } }, notNull('requestItems.orders.member')],
    ['Keys', 'BatchGetItem', { RequestItems: { orders: { Keys: [null] } } }, notNull('requestItems.orders.member.keys.1.member')],
    ['write requests', 'BatchWriteItem', { RequestItems: { orders: [null] } }, notNull('requestItems.orders.member.1.member')],
    ['AttributeDefinitions', 'CreateTable', { ...table, AttributeDefinitions: [null] }, notNull('attributeDefinitions.1.member')],
    ['KeySchema', 'CreateTable', { ...table, KeySchema: [null] }, notNull('keySchema.1.member')],
    ['GlobalSecondaryIndexes', 'CreateTable', { ...table, GlobalSecondaryIndexes: [null] }, notNull('globalSecondaryIndexes.1.member')],
    [
      'a GSI KeySchema',
      'CreateTable',
      { ...table, GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: [null], Projection: { ProjectionType: 'ALL' } }] },
      notNull('globalSecondaryIndexes.1.member.keySchema.1.member'),
    ],
    ['Tags', 'CreateTable', { ...table, Tags: [null] }, notNull('tags.1.member')],
    [
      'GlobalSecondaryIndexUpdates',
      'UpdateTable',
      { TableName: 'orders', GlobalSecondaryIndexUpdates: [null] },
      notNull('globalSecondaryIndexUpdates.1.member'),
    ],
    ['Tags', 'TagResource', { ResourceArn: ARN, Tags: [null] }, notNull('tags.1.member')],
    ['TagKeys', 'UntagResource', { ResourceArn: ARN, TagKeys: [null] }, notNull('tagKeys.1.member')],
    ['Expected', 'PutItem', { TableName: 'orders', Item: key, Expected: { a: null } }, notNull('expected.a.member')],
    ['AttributeUpdates', 'UpdateItem', { TableName: 'orders', Key: key, AttributeUpdates: { a: null } }, notNull('attributeUpdates.a.member')],
    ['KeyConditions', 'Query', { TableName: 'orders', KeyConditions: { pk: null } }, notNull('keyConditions.pk.member')],
    ['ScanFilter', 'Scan', { TableName: 'orders', ScanFilter: { a: null } }, notNull('scanFilter.a.member')],
    ['AttributesToGet', 'Scan', { TableName: 'orders', AttributesToGet: [null] }, notNull('attributesToGet.1.member')],
    [
      'ExpressionAttributeNames',
      'GetItem',
      { TableName: 'orders', Key: key, ProjectionExpression: '#a', ExpressionAttributeNames: { '#a': null } },
      notNull('expressionAttributeNames.#a.member'),
    ],
  ])('should return ValidationException for a null member of %s in %s', (_member, action, request, message) => {
    expectFailure(() => db.execute(action, request), 'ValidationException', message);
  });
});
