/**
 * Behaviour of our endpoint alone: per-access-key sandboxes, the root path, limits, and a
 * failing operation that must not take the server down.
 */
import { CreateTableCommand, ListTablesCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createClients, startOurEndpoint, type Endpoint } from './endpoint.ts';
import { expectError, simpleTable } from './suite.ts';

let endpoint: Endpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

const signed = (accessKeyId: string) => ({
  'content-type': 'application/x-amz-json-1.0',
  authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
});

describe('our DynamoDB endpoint', () => {
  it('keeps each access key id’s tables apart', async () => {
    endpoint = await startOurEndpoint();
    const alice = createClients(endpoint.url, 'ALICE').client;
    const bob = createClients(endpoint.url, 'BOB').client;
    await alice.send(new CreateTableCommand(simpleTable('shared-name')));
    expect((await alice.send(new ListTablesCommand({}))).TableNames).toEqual(['shared-name']);
    expect((await bob.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    await bob.send(new CreateTableCommand(simpleTable('shared-name')));
  });

  it('serves POST / when it carries X-Amz-Target, as DynamoDB Local does', async () => {
    endpoint = await startOurEndpoint();
    const response = await fetch(`${endpoint.url}/`, {
      method: 'POST',
      headers: { ...signed('ROOT'), 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(await response.json()).toEqual({ TableNames: [] });
  });

  it('refuses an unsigned request with MissingAuthenticationTokenException', async () => {
    endpoint = await startOurEndpoint();
    const response = await fetch(`${endpoint.url}/dynamodb`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
  });

  it('refuses a body over the limit with 413 and DynamoDB’s error shape, and keeps serving', async () => {
    endpoint = await startOurEndpoint({}, 1000);
    const big = await fetch(`${endpoint.url}/dynamodb`, {
      method: 'POST',
      headers: { ...signed('BIG'), 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: JSON.stringify({ padding: 'x'.repeat(2000) }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { __type: string }).__type).toBe('com.amazon.coral.service#RequestEntityTooLarge');
    const { client } = createClients(endpoint.url, 'BIG');
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
  });

  it('throttles a client over its request rate while another client is served', async () => {
    let now = 1_000_000;
    endpoint = await startOurEndpoint({ now: () => now, requestsPerSecond: 5 });
    const greedy = createClients(endpoint.url, 'GREEDY').client;
    const polite = createClients(endpoint.url, 'POLITE').client;
    for (let i = 0; i < 5; i++) await greedy.send(new ListTablesCommand({}));
    await expectError(greedy.send(new ListTablesCommand({})), 'ThrottlingException', 'Rate of requests exceeds the allowed throughput.');
    const raw = await fetch(`${endpoint.url}/dynamodb`, {
      method: 'POST',
      headers: { ...signed('GREEDY'), 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({
      __type: 'com.amazon.coral.availability#ThrottlingException',
      message: 'Rate of requests exceeds the allowed throughput.',
    });
    expect((await polite.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    now += 1000;
    expect((await greedy.send(new ListTablesCommand({}))).TableNames).toEqual([]);
  });

  it('under a concurrent flood, refuses only the flooding client', async () => {
    endpoint = await startOurEndpoint({ now: () => 5_000_000, requestsPerSecond: 20 });
    const greedy = createClients(endpoint.url, 'FLOOD').client;
    const polite = createClients(endpoint.url, 'CALM').client;
    const flood = Array.from({ length: 60 }, () =>
      greedy.send(new ListTablesCommand({})).then(
        () => 'ok',
        (e: Error) => e.name,
      ),
    );
    const calm = Array.from({ length: 10 }, () => polite.send(new ListTablesCommand({})).then(() => 'ok'));
    const [floodResults, calmResults] = await Promise.all([Promise.all(flood), Promise.all(calm)]);
    expect(floodResults.filter((r) => r === 'ok')).toHaveLength(20);
    expect(floodResults.filter((r) => r === 'ThrottlingException')).toHaveLength(40);
    expect(calmResults).toEqual(Array(10).fill('ok'));
  });

  it('refuses a table past the sandbox limit with LimitExceededException', async () => {
    endpoint = await startOurEndpoint({ limits: { maxTables: 1 } });
    const { client } = createClients(endpoint.url, 'LIMITED');
    await client.send(new CreateTableCommand(simpleTable('first')));
    await expectError(client.send(new CreateTableCommand(simpleTable('second'))), 'LimitExceededException');
  });

  it('refuses a write past the sandbox byte limit and keeps the data it has', async () => {
    endpoint = await startOurEndpoint({ limits: { maxBytes: 1000 } });
    const { client } = createClients(endpoint.url, 'FULL');
    await client.send(new CreateTableCommand(simpleTable('bytes')));
    await client.send(new PutItemCommand({ TableName: 'bytes', Item: { pk: { S: 'a' }, d: { S: 'x'.repeat(500) } } }));
    await expectError(client.send(new PutItemCommand({ TableName: 'bytes', Item: { pk: { S: 'b' }, d: { S: 'x'.repeat(600) } } })), 'ValidationException');
  });

  it('turns an exception inside an operation into a 500 for that request alone', async () => {
    let broken = false;
    endpoint = await startOurEndpoint({
      now: () => {
        if (broken) throw new Error('clock failure');
        return 0;
      },
    });
    const { client } = createClients(endpoint.url, 'FRAGILE');
    await client.send(new ListTablesCommand({}));
    broken = true;
    const response = await fetch(`${endpoint.url}/dynamodb`, {
      method: 'POST',
      headers: { ...signed('OTHER'), 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { __type: string }).__type).toMatch(/#InternalServerError$/);
    broken = false;
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
  });
});

describe('the DynamoDB routes without a Node server', () => {
  it('read headers and body from a web Request alone (Hono app.request), with the same answers', async () => {
    const { dynamodbRoutes, SandboxRegistry } = await import('../../app/routes/dynamodb/index.ts');
    const app = dynamodbRoutes(new SandboxRegistry({ now: () => 0 }));
    const post = (target: string, body: string, headers: Record<string, string> = signed('WEB')) =>
      app.request('/dynamodb', { method: 'POST', headers: { ...headers, 'x-amz-target': `DynamoDB_20120810.${target}` }, body });
    expect((await post('CreateTable', JSON.stringify(simpleTable('web')))).status).toBe(200);
    const listed = await post('ListTables', '{}');
    expect(listed.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(listed.headers.get('x-amzn-requestid')).toMatch(/^[0-9A-Z]{52}$/);
    expect(await listed.json()).toEqual({ TableNames: ['web'] });
    const unsigned = await post('ListTables', '{}', { 'content-type': 'application/x-amz-json-1.0' });
    expect(await unsigned.json()).toEqual({
      __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
    const presigned = await app.request('/dynamodb?X-Amz-Credential=WEB%2F20250101%2Fus-east-1%2Fdynamodb%2Faws4_request', {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    expect(await presigned.json()).toEqual({ TableNames: ['web'] });
  });
});

describe('SandboxRegistry', () => {
  it('frees a sandbox idle for longer than the idle time, by the injected clock', async () => {
    const { SandboxRegistry } = await import('../../app/routes/dynamodb/sandboxes.ts');
    let now = 0;
    const registry = new SandboxRegistry({ now: () => now, idleMs: 1000 });
    registry.get('OLD').execute('CreateTable', simpleTable('kept-until-idle'));
    now = 600;
    registry.get('RECENT');
    now = 1500;
    expect(registry.sweep()).toBe(1);
    expect(registry.has('OLD')).toBe(false);
    expect(registry.has('RECENT')).toBe(true);
    expect(registry.get('OLD').tableCount()).toBe(0);
  });

  it('drops the least recently used sandbox when full', async () => {
    const { SandboxRegistry } = await import('../../app/routes/dynamodb/sandboxes.ts');
    const registry = new SandboxRegistry({ now: () => 0, maxSandboxes: 2, evictionGraceMs: 0 });
    registry.get('A');
    registry.get('B');
    registry.get('A');
    registry.get('C');
    expect([registry.has('A'), registry.has('B'), registry.has('C')]).toEqual([true, false, true]);
  });

  it('evicts only a sandbox idle for the grace time, and refuses a new one while every sandbox is in use', async () => {
    const { SandboxRegistry } = await import('../../app/routes/dynamodb/sandboxes.ts');
    let now = 0;
    const registry = new SandboxRegistry({ now: () => now, maxSandboxes: 2, evictionGraceMs: 60_000 });
    registry.get('LEARNER-1').execute('CreateTable', simpleTable('mine'));
    now = 10_000;
    expect(registry.enter('LEARNER-2', 'anonymous', '192.0.2.1')).toBeDefined();
    // Full, and both used within the last minute: a new key id is refused, nobody is evicted.
    now = 59_999;
    expect(registry.enter('CYCLER-1', 'anonymous', '203.0.113.9')).toBeUndefined();
    expect([registry.has('LEARNER-1'), registry.has('LEARNER-2'), registry.has('CYCLER-1')]).toEqual([true, true, false]);
    // A refused key id is not kept even when asked for through get (the playground's history).
    expect(registry.get('CYCLER-1').tableCount()).toBe(0);
    expect(registry.has('CYCLER-1')).toBe(false);
    // Once the least recently used has been idle a full minute, it alone makes room.
    now = 60_000;
    expect(registry.enter('CYCLER-1', 'anonymous', '203.0.113.9')).toBeDefined();
    expect([registry.has('LEARNER-1'), registry.has('LEARNER-2'), registry.has('CYCLER-1')]).toEqual([false, true, true]);
  });

  it('lets one client address start only so many anonymous sandboxes per window, and serves its existing ones', async () => {
    const { SandboxRegistry } = await import('../../app/routes/dynamodb/sandboxes.ts');
    let now = 0;
    const registry = new SandboxRegistry({ now: () => now, newSandboxesPerAddress: { limit: 3, windowMs: 60_000 } });
    const started = Array.from({ length: 5 }, (_, i) => registry.enter(`KEY${i}`, 'anonymous', '203.0.113.9') !== undefined);
    expect(started).toEqual([true, true, true, false, false]);
    // Its own sandboxes still answer, another address is not affected, nor is an account.
    expect(registry.enter('KEY0', 'anonymous', '203.0.113.9')).toBeDefined();
    expect(registry.enter('OTHER', 'anonymous', '198.51.100.7')).toBeDefined();
    expect(registry.enter('AKIAACCOUNT', 'account', '203.0.113.9')).toBeDefined();
    now = 60_000;
    expect(registry.enter('KEY3', 'anonymous', '203.0.113.9')).toBeDefined();
  });
});

describe('hostile requests', () => {
  const post = (url: string, target: string, body: string) =>
    fetch(`${url}/dynamodb`, { method: 'POST', headers: { ...signed('HOSTILE'), 'x-amz-target': `DynamoDB_20120810.${target}` }, body });

  it.each<[string, (table: string) => string, string, string]>([
    [
      'a document nested 100,000 levels deep',
      (table) => `{"TableName":"${table}","Item":{"pk":{"S":"a"},"deep":${'{"M":{"x":'.repeat(100_000)}{"S":"end"}${'}}'.repeat(100_000)}}}`,
      'ValidationException',
      'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit',
    ],
    [
      'a condition with 100,000 nested parentheses',
      (table) =>
        JSON.stringify({ TableName: table, Item: { pk: { S: 'a' } }, ConditionExpression: `${'('.repeat(100_000)}attribute_exists(pk)${')'.repeat(100_000)}` }),
      'ValidationException',
      'Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 200020',
    ],
    [
      'a list nested 100,000 levels deep in a request member',
      (table) => `{"TableName":"${table}","Item":{"pk":{"S":"a"}},"Expected":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      'SerializationException',
      'Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.ExpectedAttributeValue>',
    ],
  ])('refuses %s and keeps serving', async (_case, body, type, message) => {
    // How long a refusal takes is the benchmark's business (npm run bench, limits.ts); the work
    // is bounded by count in the engine's tests (validate.test.ts, parser.test.ts).
    endpoint = await startOurEndpoint();
    const { client } = createClients(endpoint.url, 'HOSTILE');
    await client.send(new CreateTableCommand(simpleTable('hostile')));
    const response = await post(endpoint.url, 'PutItem', body('hostile'));
    expect(response.status).toBe(400);
    const refusal = (await response.json()) as { __type: string; message?: string; Message?: string };
    expect(refusal.__type.split('#')[1]).toBe(type);
    expect(refusal.message ?? refusal.Message).toBe(message);
    // Nothing was written, and the server still answers.
    expect((await client.send(new ScanCommand({ TableName: 'hostile' }))).Count).toBe(0);
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual(['hostile']);
  });
});

describe('account and anonymous pools, and the server-wide limits', () => {
  const routes = async (options: Parameters<typeof import('../../app/routes/dynamodb/index.ts').dynamodbRoutes>[1] = {}, registryOptions = {}) => {
    const { dynamodbRoutes, SandboxRegistry } = await import('../../app/routes/dynamodb/index.ts');
    const registry = new SandboxRegistry({ now: () => 0, ...registryOptions });
    const app = dynamodbRoutes(registry, { logger: { error: () => {} }, ...options });
    const post = (key: string, target: string, body: BodyInit) =>
      app.request('/dynamodb', { method: 'POST', headers: { ...signed(key), 'x-amz-target': `DynamoDB_20120810.${target}` }, body });
    return { registry, post };
  };

  it('evicts anonymous sandboxes for room and never an account’s', async () => {
    const { SandboxRegistry } = await import('../../app/routes/dynamodb/index.ts');
    const registry = new SandboxRegistry({ now: () => 0, maxSandboxes: 2, evictionGraceMs: 0 });
    registry.get('AKIAACCOUNT', 'account').execute('CreateTable', simpleTable('kept'));
    for (let i = 0; i < 100; i++) registry.get(`anon-${i}`);
    expect(registry.poolSize('anonymous')).toBe(2);
    expect(registry.get('AKIAACCOUNT', 'account').tableNames()).toEqual(['kept']);
  });

  it('should return ThrottlingException for a new key id past the address’s share, and keep the learners’ sandboxes', async () => {
    let now = 0;
    const { dynamodbRoutes, SandboxRegistry } = await import('../../app/routes/dynamodb/index.ts');
    const registry = new SandboxRegistry({ now: () => now, maxSandboxes: 3, newSandboxesPerAddress: { limit: 2, windowMs: 60_000 } });
    const app = dynamodbRoutes(registry, { trustProxy: true, logger: { error: () => {} } });
    const post = (address: string, key: string) =>
      app.request('/dynamodb', {
        method: 'POST',
        headers: { ...signed(key), 'x-forwarded-for': address, 'x-amz-target': 'DynamoDB_20120810.CreateTable' },
        body: JSON.stringify(simpleTable('ttt')),
      });
    expect((await post('192.0.2.1', 'LEARNER')).status).toBe(200);
    expect((await post('203.0.113.9', 'CYCLE-1')).status).toBe(200);
    expect((await post('203.0.113.9', 'CYCLE-2')).status).toBe(200);
    const refused = await post('203.0.113.9', 'CYCLE-3');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      __type: 'com.amazon.coral.availability#ThrottlingException',
      message: 'Rate of requests exceeds the allowed throughput.',
    });
    // A new window, but the pool is full of sandboxes used within the grace time: still refused, nobody evicted.
    now = 60_000;
    expect((await post('203.0.113.9', 'CYCLE-3')).status).toBe(400);
    expect(registry.has('LEARNER')).toBe(true);
  });

  it('counts a sandbox’s point-in-time history in the bytes all sandboxes hold', async () => {
    const { SandboxRegistry } = await import('../../app/routes/dynamodb/index.ts');
    const registry = new SandboxRegistry({ now: () => 0 });
    const database = registry.get('PITR');
    database.execute('CreateTable', simpleTable('ttt'));
    database.execute('UpdateContinuousBackups', { TableName: 'ttt', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    for (const v of ['first', 'second']) database.execute('PutItem', { TableName: 'ttt', Item: { pk: { S: 'a' }, v: { S: v.repeat(100) } } });
    registry.settle(database);
    expect(database.streams.history.heldBytes).toBeGreaterThan(500);
    expect(registry.totalBytes).toBe(database.totalBytes() + database.streams.history.heldBytes);
  });

  it('keeps an anonymous key id that equals an account’s apart from the account’s sandbox', async () => {
    const { SandboxRegistry } = await import('../../app/routes/dynamodb/index.ts');
    const registry = new SandboxRegistry({ now: () => 0 });
    registry.get('SAME', 'account').execute('CreateTable', simpleTable('mine'));
    expect(registry.get('SAME', 'anonymous').tableNames()).toEqual([]);
  });

  it('should return LimitExceededException for a write past the server-wide byte cap, and still serves reads and deletes', async () => {
    const { post, registry } = await routes({ limits: { maxTotalBytes: 15_000 } });
    for (const key of ['A', 'B']) expect((await post(key, 'CreateTable', JSON.stringify(simpleTable('ttt')))).status).toBe(200);
    const put = (key: string, id: string) => post(key, 'PutItem', JSON.stringify({ TableName: 'ttt', Item: { pk: { S: id }, pad: { S: 'x'.repeat(6000) } } }));
    expect((await put('A', '1')).status).toBe(200);
    expect((await put('B', '1')).status).toBe(200);
    const refused = await put('A', '2');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { __type: string }).__type).toBe('com.amazonaws.dynamodb.v20120810#LimitExceededException');
    expect(registry.totalBytes).toBeLessThanOrEqual(15_000);
    expect((await post('B', 'GetItem', JSON.stringify({ TableName: 'ttt', Key: { pk: { S: '1' } } }))).status).toBe(200);
    expect((await post('B', 'DeleteItem', JSON.stringify({ TableName: 'ttt', Key: { pk: { S: '1' } } }))).status).toBe(200);
    expect((await put('A', '2')).status).toBe(200);
  });

  it('should return ThrottlingException for a request past the concurrency cap', async () => {
    const { post } = await routes({ limits: { maxConcurrent: 2 } });
    const holds: ReadableStreamDefaultController<Uint8Array>[] = [];
    const held = [0, 1].map(() => post('H', 'ListTables', new ReadableStream<Uint8Array>({ start: (controller) => void holds.push(controller) })));
    await new Promise((resolve) => setImmediate(resolve));
    const third = await post('H', 'ListTables', '{}');
    expect(third.status).toBe(400);
    expect(await third.json()).toEqual({
      __type: 'com.amazon.coral.availability#ThrottlingException',
      message: 'Rate of requests exceeds the allowed throughput.',
    });
    for (const controller of holds) {
      controller.enqueue(new TextEncoder().encode('{}'));
      controller.close();
    }
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    expect((await post('H', 'ListTables', '{}')).status).toBe(200);
  });

  it('should return ThrottlingException past the per-address rate, whatever key ids the address uses', async () => {
    const { post } = await routes({ limits: { requestsPerAddress: 5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(`KEY${i}`, 'ListTables', '{}')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 400, 400, 400]);
  });

  it('never echoes a huge request back in an error', async () => {
    const { post } = await routes();
    const response = await post('E', 'GetItem', JSON.stringify({ TableName: 'x'.repeat(2_000_000), Key: {} }));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(10_000);
    expect(JSON.parse(text).message).toMatch(/^1 validation error detected: Value 'xxx/);
  });
});
