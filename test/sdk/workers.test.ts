/**
 * WORKERS=2 (app/cluster.ts): node:cluster hands each new connection to the next worker, so a
 * client that opens a connection per request meets both. Two workers must never split a
 * sandbox (the second passes sandbox requests to the first), and a learner's session and
 * answers, kept in the database, follow them from one worker to the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

let dir: string;
let server: ServerProcess | undefined;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dynamodb-study-workers-'));
  server = await startServerProcess(
    dir,
    { WORKERS: '2', DYNAMODB_PROFILE: 'local', DATABASE_PATH: join(dir, 'app.db') },
    /Listening on (http:\/\/\S+) \(2 workers\)/,
  );
  url = server.url;
}, 120_000);

afterAll(() => {
  server?.process.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** One request on a connection of its own (so the next may reach the other worker). */
function once(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('WORKERS=2', () => {
  it('serves one sandbox whichever worker takes the connection', async () => {
    const client = new DynamoDBClient({
      endpoint: `${url}/dynamodb`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'workers-test', secretAccessKey: 'x' },
      // No keep-alive: each request is a new connection, handed to the next worker in turn.
      requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: false }) }),
    });
    await client.send(
      new CreateTableCommand({
        TableName: 'Split',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    for (let i = 0; i < 20; i++) await client.send(new PutItemCommand({ TableName: 'Split', Item: { pk: { S: `item-${i}` } } }));
    // Every read, on either worker, sees all twenty.
    for (let i = 0; i < 4; i++) expect((await client.send(new ScanCommand({ TableName: 'Split' }))).Count).toBe(20);
    client.destroy();
  });

  it('keeps a learner logged in on both workers, and their playground in one place', async () => {
    const signedUp = await once('/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'two-workers', password: 'a long enough password 1' }).toString(),
    });
    expect(signedUp.status).toBe(303);
    const cookie = ([] as string[])
      .concat(signedUp.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    for (let i = 0; i < 4; i++) {
      const account = await once('/account', { headers: { cookie } });
      expect(account.status).toBe(200);
      expect(account.body).toContain('two-workers');
    }
    // A table made in the playground is listed on every visit, from either worker.
    const created = await once('/playground/tables', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ tableName: 'FromTheForm', pkName: 'pk', pkType: 'S', billingMode: 'PAY_PER_REQUEST' }).toString(),
    });
    expect(created.status).toBeLessThan(400);
    for (let i = 0; i < 4; i++) expect((await once('/playground', { headers: { cookie } })).body).toContain('FromTheForm');
  });
});
