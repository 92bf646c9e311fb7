import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type DynamodbSettings } from '../../../app/create-app.ts';
import { parseEnv } from '../../../app/env.ts';
import { loadContentBank } from '../../helpers/content-bank.ts';
import { openTestStore } from '../../helpers/database.ts';

const databases: { close(): void }[] = [];
afterEach(() => {
  for (const database of databases.splice(0)) database.close();
});

async function endpoint(dynamodb: DynamodbSettings) {
  const database = await openTestStore();
  databases.push(database);
  const app = createApp({ db: database.db, bank: loadContentBank(), dynamodb, logger: { info: () => {}, error: () => {} } });
  return async (action: string, body: object, key = 'settings') => {
    const response = await app.request('/dynamodb', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `DynamoDB_20120810.${action}`,
        Authorization: `AWS4-HMAC-SHA256 Credential=${key}/20260101/us-east-1/dynamodb/aws4_request`,
      },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

const table = (name: string) => ({
  TableName: name,
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  BillingMode: 'PAY_PER_REQUEST',
});

describe('the /dynamodb sandbox limits from the environment', () => {
  it('defaults to 50 tables and 10 MB per sandbox, and reads DYNAMODB_TABLES_PER_SANDBOX and DYNAMODB_BYTES_PER_SANDBOX', () => {
    expect(parseEnv({})).toMatchObject({ DYNAMODB_TABLES_PER_SANDBOX: 50, DYNAMODB_BYTES_PER_SANDBOX: 10 * 1024 * 1024 });
    expect(parseEnv({ DYNAMODB_TABLES_PER_SANDBOX: '3', DYNAMODB_BYTES_PER_SANDBOX: '1048576' })).toMatchObject({
      DYNAMODB_TABLES_PER_SANDBOX: 3,
      DYNAMODB_BYTES_PER_SANDBOX: 1024 * 1024,
    });
    expect(() => parseEnv({ DYNAMODB_TABLES_PER_SANDBOX: '0' })).toThrow(/^Invalid environment: DYNAMODB_TABLES_PER_SANDBOX: /);
    expect(() => parseEnv({ DYNAMODB_BYTES_PER_SANDBOX: '10' })).toThrow(/^Invalid environment: DYNAMODB_BYTES_PER_SANDBOX: /);
  });

  it('refuses a table past tablesPerSandbox with LimitExceededException, in that sandbox only', async () => {
    const call = await endpoint({ tablesPerSandbox: 1 });
    expect((await call('CreateTable', table('first'))).status).toBe(200);
    const refused = await call('CreateTable', table('second'));
    expect(refused.status).toBe(400);
    expect(String(refused.body.__type)).toMatch(/LimitExceededException$/);
    expect((await call('CreateTable', table('first'), 'another-key')).status).toBe(200);
  });

  it('refuses a write past bytesPerSandbox', async () => {
    const call = await endpoint({ bytesPerSandbox: 64 * 1024 });
    expect((await call('CreateTable', table('big'))).status).toBe(200);
    const big = 'x'.repeat(40 * 1024);
    expect((await call('PutItem', { TableName: 'big', Item: { pk: { S: 'a' }, v: { S: big } } })).status).toBe(200);
    const refused = await call('PutItem', { TableName: 'big', Item: { pk: { S: 'b' }, v: { S: big } } });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('This sandbox is limited to 65536 bytes of item data; delete items or tables to make room');
  });

  it('reads DYNAMODB_NEW_SANDBOXES_PER_ADDRESS (default 30) and refuses the next new key id from that address, unless the profile is local', async () => {
    expect(parseEnv({})).toMatchObject({ DYNAMODB_NEW_SANDBOXES_PER_ADDRESS: 30 });
    expect(parseEnv({ DYNAMODB_NEW_SANDBOXES_PER_ADDRESS: '2' })).toMatchObject({ DYNAMODB_NEW_SANDBOXES_PER_ADDRESS: 2 });
    const shared = await endpoint({ newSandboxesPerAddress: 2 });
    const local = await endpoint({ newSandboxesPerAddress: 2, profile: 'local' });
    for (const call of [shared, local]) {
      expect((await call('ListTables', {}, 'key-1')).status).toBe(200);
      expect((await call('ListTables', {}, 'key-2')).status).toBe(200);
    }
    expect((await shared('ListTables', {}, 'key-3')).body.__type).toBe('com.amazon.coral.availability#ThrottlingException');
    expect((await shared('ListTables', {}, 'key-1')).status).toBe(200);
    expect((await local('ListTables', {}, 'key-3')).status).toBe(200);
  });
});
