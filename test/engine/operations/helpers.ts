import { expect } from 'vitest';
import { Database } from '../../../engine/database.ts';
import type { DynamoDBError } from '../../../engine/errors.ts';

export const NOW = 1_700_000_000_000;

export function newDatabase(): Database {
  return new Database({ now: () => NOW });
}

/** Runs `action` and returns the error it throws, checking its class name and exact message. */
export function expectFailure(run: () => unknown, name: string, message?: string): DynamoDBError {
  try {
    run();
  } catch (error) {
    const e = error as DynamoDBError;
    expect(e.name).toBe(name);
    if (message !== undefined) expect(e.message).toBe(message);
    return e;
  }
  throw new Error(`expected ${name}, but the action succeeded`);
}

export const COMPOSITE = {
  TableName: 'orders',
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
  ],
  BillingMode: 'PAY_PER_REQUEST',
};

export const SIMPLE = {
  TableName: 'users',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
};
