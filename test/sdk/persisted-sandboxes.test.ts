/**
 * Account sandboxes saved in the database (app/routes/dynamodb/sandbox-store.ts), through the
 * AWS SDK v3 over HTTP: a server restarted on the same SQLite file serves the same tables; two
 * servers on one file with DYNAMODB_SANDBOX_SYNC=always stand for two instances behind a load
 * balancer and lose no update; a sandbox over the snapshot cap still answers and is not saved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { selectSandboxKeyById } from '../../app/auth/sandbox-keys.ts';
import { openSqlite, type SqliteStore } from '../../app/db/connection.ts';
import { openPostgres } from '../../app/db/postgres.ts';
import { sandboxKeys, sandboxSnapshots, users } from '../../app/db/schema.ts';
import { tablesOf } from '../../app/db/store.ts';
import { endpointListener } from '../../app/routes/dynamodb/front-door.ts';
import { dynamodbEndpoint, SandboxRegistry, SandboxStore, type SandboxSync } from '../../app/routes/dynamodb/index.ts';
import { listen } from '../helpers/listen.ts';
import { DEFAULT_SAVE_ATTEMPTS } from '../../app/routes/dynamodb/sandbox-store.ts';
import { createTestDatabase, noticeSkippedPostgresSuite, POSTGRES_TEST_URL } from '../helpers/postgres.ts';

const ACCOUNT = { accessKeyId: 'AKIAPERSISTPERSIST00', secretAccessKey: 'persist-secret-persist-secret-persist-00' };

/** The engine clock: near the real time, as the SDK signs with it (15 minutes of skew allowed), moved by hand. */
const clock = { ms: Date.now() };

interface Instance {
  readonly client: DynamoDBClient;
  readonly store: SandboxStore;
  readonly registry: SandboxRegistry;
  readonly database: SqliteStore;
  readonly logged: string[];
  /** Saves waiting on the coalescing timer (sync off); tests run them by hand instead of waiting. */
  readonly scheduled: (() => void)[];
  close(): Promise<void>;
}

let dir: string;
let file: string;
const open: Instance[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'persisted-sandboxes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  for (const instance of open.splice(0)) await instance.close();
});

/** A fresh database file holding one account with its sandbox key. */
function freshFile(name: string): string {
  file = join(dir, `${name}.db`);
  const database = openSqlite(file);
  const [user] = database.db
    .insert(users)
    .values({ username: 'ada', usernameKey: 'ada', passwordHash: 'x', createdAt: new Date(clock.ms) })
    .returning()
    .all();
  database.db
    .insert(sandboxKeys)
    .values({ userId: user!.id, ...ACCOUNT, createdAt: new Date(clock.ms) })
    .run();
  database.sqlite.close();
  return file;
}

/** One server on `path`, as main.ts builds the /dynamodb part of the app. */
async function start(path: string, sync: SandboxSync, maxSnapshotBytes = 20 * 1024 * 1024): Promise<Instance> {
  const database = openSqlite(path);
  const registry = new SandboxRegistry({ now: () => clock.ms, requestsPerSecond: Number.POSITIVE_INFINITY });
  const logged: string[] = [];
  const scheduled: (() => void)[] = [];
  const logger = { info: (message: string) => logged.push(message), error: (message: string) => logged.push(message) };
  const store = new SandboxStore(registry, {
    db: database.db,
    sync,
    maxSnapshotBytes,
    logger,
    schedule: (run) => {
      scheduled.push(run);
      return { cancel: () => scheduled.splice(scheduled.indexOf(run), 1) };
    },
  });
  const endpoint = dynamodbEndpoint(registry, { accounts: (id) => selectSandboxKeyById(database.db, id), sandboxStore: store, logger });
  const { url, close: stop } = await listen(endpointListener(endpoint));
  const client = new DynamoDBClient({ endpoint: url, region: 'us-east-1', credentials: ACCOUNT, maxAttempts: 3 });
  const instance: Instance = {
    client,
    store,
    registry,
    database,
    logged,
    scheduled,
    close: async () => {
      client.destroy();
      await stop();
      database.sqlite.close();
    },
  };
  open.push(instance);
  return instance;
}

const ORDERS = new CreateTableCommand({
  TableName: 'Orders',
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'status', AttributeType: 'S' },
    { AttributeName: 'placed', AttributeType: 'N' },
  ],
  BillingMode: 'PAY_PER_REQUEST',
  GlobalSecondaryIndexes: [{ IndexName: 'by-status', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
  LocalSecondaryIndexes: [
    {
      IndexName: 'by-placed',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'placed', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
});

const COUNTERS = new CreateTableCommand({
  TableName: 'Counters',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  BillingMode: 'PAY_PER_REQUEST',
});

function storedRow(instance: Instance) {
  return instance.database.db
    .select({ version: sandboxSnapshots.version, bytes: sandboxSnapshots.bytes })
    .from(sandboxSnapshots)
    .where(eq(sandboxSnapshots.userId, 1))
    .all()[0];
}

describe('account sandboxes saved in the database', () => {
  it('survive a restart on the same SQLite file: items, indexes, TTL and stream settings', async () => {
    const path = freshFile('restart');
    const first = await start(path, 'off');
    await first.client.send(ORDERS);
    for (const [sk, status, placed] of [
      ['o1', 'open', '3'],
      ['o2', 'shipped', '1'],
      ['o3', 'open', '2'],
    ] as const) {
      await first.client.send(
        new PutItemCommand({ TableName: 'Orders', Item: { pk: { S: 'ada' }, sk: { S: sk }, status: { S: status }, placed: { N: placed } } }),
      );
    }
    await first.client.send(new UpdateTimeToLiveCommand({ TableName: 'Orders', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }));
    // With sync off the saves wait on the coalescing timer; shutting down saves what is pending.
    expect(first.scheduled.length).toBeGreaterThan(0);
    await first.store.flush();
    expect(storedRow(first)?.version).toBe(1);
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await start(path, 'off');
    const got = await second.client.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: { S: 'ada' }, sk: { S: 'o2' } } }));
    expect(got.Item).toEqual({ pk: { S: 'ada' }, sk: { S: 'o2' }, status: { S: 'shipped' }, placed: { N: '1' } });
    const open_ = await second.client.send(
      new QueryCommand({
        TableName: 'Orders',
        IndexName: 'by-status',
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'open' } },
      }),
    );
    expect(open_.Items?.map((i) => i.sk?.S).sort()).toEqual(['o1', 'o3']);
    const byPlaced = await second.client.send(
      new QueryCommand({ TableName: 'Orders', IndexName: 'by-placed', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'ada' } } }),
    );
    expect(byPlaced.Items?.map((i) => i.sk?.S)).toEqual(['o2', 'o3', 'o1']);
    const ttl = await second.client.send(new DescribeTimeToLiveCommand({ TableName: 'Orders' }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
    const table = (await second.client.send(new DescribeTableCommand({ TableName: 'Orders' }))).Table!;
    expect(table.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(table.ItemCount).toBe(3);
  });

  it('keeps an anonymous key in memory only: a restart forgets its tables', async () => {
    const path = freshFile('anonymous');
    const first = await start(path, 'off');
    const anonymous = { endpoint: await endpointOf(first), region: 'us-east-1', credentials: { accessKeyId: 'visitor', secretAccessKey: 'x' }, maxAttempts: 1 };
    await new DynamoDBClient(anonymous).send(COUNTERS);
    await first.store.flush();
    expect(storedRow(first)).toBeUndefined();
    await first.close();
    open.splice(open.indexOf(first), 1);
    const second = await start(path, 'off');
    const listed = await new DynamoDBClient({ ...anonymous, endpoint: await endpointOf(second) }).send(new ListTablesCommand({}));
    expect(listed.TableNames).toEqual([]);
  });

  it('serves one sandbox from two instances with sync always: a write through one is read through the other', async () => {
    const path = freshFile('two-read');
    const a = await start(path, 'always');
    const b = await start(path, 'always');
    await a.client.send(COUNTERS);
    await a.client.send(new PutItemCommand({ TableName: 'Counters', Item: { id: { S: 'x' }, note: { S: 'from a' } } }));
    const got = await b.client.send(new GetItemCommand({ TableName: 'Counters', Key: { id: { S: 'x' } } }));
    expect(got.Item?.note).toEqual({ S: 'from a' });
    await b.client.send(new PutItemCommand({ TableName: 'Counters', Item: { id: { S: 'x' }, note: { S: 'from b' } } }));
    expect((await a.client.send(new GetItemCommand({ TableName: 'Counters', Key: { id: { S: 'x' } } }))).Item?.note).toEqual({ S: 'from b' });
  });

  it('loses no update: a counter incremented 50 times through both instances, alternately and then at once, counts them all', async () => {
    const path = freshFile('two-counter');
    const a = await start(path, 'always');
    const b = await start(path, 'always');
    await a.client.send(COUNTERS);
    const increment = (instance: Instance) =>
      instance.client.send(
        new UpdateItemCommand({
          TableName: 'Counters',
          Key: { id: { S: 'n' } },
          UpdateExpression: 'ADD n :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        }),
      );
    for (let i = 0; i < 50; i++) await increment(i % 2 ? b : a);
    const read = async (instance: Instance) => (await instance.client.send(new GetItemCommand({ TableName: 'Counters', Key: { id: { S: 'n' } } }))).Item?.n;
    expect(await read(b)).toEqual({ N: '50' });
    // At once: the two instances' requests interleave, and any whose copy went stale runs again.
    await Promise.all(Array.from({ length: 50 }, (_, i) => increment(i % 2 ? b : a)));
    expect(await read(a)).toEqual({ N: '100' });
    expect(await read(b)).toEqual({ N: '100' });
    expect(storedRow(a)?.version).toBe(101);
  });

  it('runs a request again when another instance saved while it ran, and answers ThrottlingException when that keeps happening', async () => {
    const path = freshFile('two-stale');
    const a = await start(path, 'always');
    const b = await start(path, 'always');
    await a.client.send(COUNTERS);
    const increment = (instance: Instance, client = instance.client) =>
      client.send(
        new UpdateItemCommand({
          TableName: 'Counters',
          Key: { id: { S: 'n' } },
          UpdateExpression: 'ADD n :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
    // In one process the two instances' requests never interleave on their own (better-sqlite3
    // answers at once), so B's write is put between A's check of the stored version and its save.
    const prepare = a.store.prepare.bind(a.store);
    let interruptions = 1;
    a.store.prepare = async (key, userId) => {
      await prepare(key, userId);
      if (interruptions-- > 0) await increment(b);
    };
    const saves: string[] = [];
    const saveNow = a.store.saveNow.bind(a.store);
    a.store.saveNow = async (key) => {
      const outcome = await saveNow(key);
      saves.push(outcome);
      return outcome;
    };
    const answered = await increment(a);
    expect(saves).toEqual(['conflict', 'saved']);
    // B's increment counted, then A's ran again on top of it: the answer A gave is the stored truth.
    expect(answered.Attributes?.n).toEqual({ N: '2' });
    expect((await b.client.send(new GetItemCommand({ TableName: 'Counters', Key: { id: { S: 'n' } } }))).Item?.n).toEqual({ N: '2' });

    interruptions = Number.POSITIVE_INFINITY;
    const once = new DynamoDBClient({ endpoint: await endpointOf(a), region: 'us-east-1', credentials: ACCOUNT, maxAttempts: 1 });
    await expect(increment(a, once)).rejects.toMatchObject({ name: 'ThrottlingException' });
    once.destroy();
    // Each of B's interruptions counted (one per attempt); none of A's stale runs did.
    interruptions = 0;
    expect((await a.client.send(new GetItemCommand({ TableName: 'Counters', Key: { id: { S: 'n' } } }))).Item?.n).toEqual({
      N: String(2 + DEFAULT_SAVE_ATTEMPTS),
    });
  });

  it('runs a conditional write across instances as on one: the second of two creates fails its condition', async () => {
    const path = freshFile('two-condition');
    const a = await start(path, 'always');
    const b = await start(path, 'always');
    await a.client.send(COUNTERS);
    const create = (instance: Instance, by: string) =>
      instance.client.send(
        new PutItemCommand({ TableName: 'Counters', Item: { id: { S: 'only' }, by: { S: by } }, ConditionExpression: 'attribute_not_exists(id)' }),
      );
    await create(a, 'a');
    await expect(create(b, 'b')).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    const outcomes = await Promise.allSettled([create(a, 'a2'), create(b, 'b2')].map((p, i) => p.then(() => i)));
    expect(outcomes.every((o) => o.status === 'rejected' && o.reason instanceof ConditionalCheckFailedException)).toBe(true);
    const racers = await Promise.allSettled(
      ['a', 'b'].map((by, i) =>
        (i ? b : a).client.send(
          new PutItemCommand({ TableName: 'Counters', Item: { id: { S: 'race' }, by: { S: by } }, ConditionExpression: 'attribute_not_exists(id)' }),
        ),
      ),
    );
    expect(racers.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(racers.filter((o) => o.status === 'rejected' && o.reason instanceof ConditionalCheckFailedException)).toHaveLength(1);
  });

  it('answers a write that takes the sandbox over the snapshot cap, and does not save it', async () => {
    const path = freshFile('cap');
    const small = await start(path, 'always', 4096);
    await small.client.send(COUNTERS);
    expect(storedRow(small)?.version).toBe(1);
    await small.client.send(new PutItemCommand({ TableName: 'Counters', Item: { id: { S: 'big' }, pad: { S: 'x'.repeat(8000) } } }));
    expect((await small.client.send(new GetItemCommand({ TableName: 'Counters', Key: { id: { S: 'big' } } }))).Item?.pad?.S).toHaveLength(8000);
    expect(storedRow(small)?.version).toBe(1);
    expect(small.logged.filter((m) => m.includes('not saved'))).toHaveLength(1);
    const other = await start(path, 'always');
    expect((await other.client.send(new GetItemCommand({ TableName: 'Counters', Key: { id: { S: 'big' } } }))).Item).toBeUndefined();
  });
});

async function endpointOf(instance: Instance): Promise<string> {
  const endpoint = await instance.client.config.endpoint!();
  return `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`;
}

/**
 * The same two instances on one PostgreSQL database, where sync is `always` by default. There
 * each query is a round trip, so the two instances' requests really interleave between reading
 * the stored version and saving, and a stale copy's request runs again on its own.
 */
const onPostgres = POSTGRES_TEST_URL ? describe : describe.skip;
noticeSkippedPostgresSuite('account sandboxes on PostgreSQL (test/sdk/persisted-sandboxes.test.ts)');
onPostgres('account sandboxes saved in PostgreSQL, two instances', () => {
  let url: string;
  let drop: (() => Promise<void>) | undefined;
  const running: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    const created = await createTestDatabase(POSTGRES_TEST_URL!);
    url = created.url;
    drop = created.drop;
    const setup = await openPostgres(url);
    const tables = tablesOf(setup.db);
    const [user] = await setup.db
      .insert(tables.users)
      .values({ username: 'ada', usernameKey: 'ada', passwordHash: 'x', createdAt: new Date(clock.ms) })
      .returning();
    await setup.db.insert(tables.sandboxKeys).values({ userId: user!.id, ...ACCOUNT, createdAt: new Date(clock.ms) });
    await setup.close();
  });
  afterEach(async () => {
    for (const instance of running.splice(0)) await instance.close();
  });
  afterAll(() => drop?.());

  async function startOnPostgres(): Promise<{ client: DynamoDBClient }> {
    const database = await openPostgres(url);
    const registry = new SandboxRegistry({ now: () => clock.ms, requestsPerSecond: Number.POSITIVE_INFINITY });
    const logger = { info: () => {}, error: () => {} };
    const store = new SandboxStore(registry, { db: database.db, sync: 'always', maxSnapshotBytes: 20 * 1024 * 1024, logger });
    const wire = dynamodbEndpoint(registry, { accounts: (id) => selectSandboxKeyById(database.db, id), sandboxStore: store, logger });
    const { url: endpoint, close: stop } = await listen(endpointListener(wire));
    // Retries with the SDK's backoff, for the rare request that stays stale through every attempt.
    const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: ACCOUNT, maxAttempts: 5 });
    running.push({
      close: async () => {
        client.destroy();
        await stop();
        await database.close();
      },
    });
    return { client };
  }

  it('loses no update: 50 increments sent at once through both instances count 50, and a conditional create wins once', async () => {
    const a = await startOnPostgres();
    const b = await startOnPostgres();
    await a.client.send(COUNTERS);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? b : a).client.send(
          new UpdateItemCommand({
            TableName: 'Counters',
            Key: { id: { S: 'n' } },
            UpdateExpression: 'ADD n :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          }),
        ),
      ),
    );
    for (const instance of [a, b]) {
      expect((await instance.client.send(new GetItemCommand({ TableName: 'Counters', Key: { id: { S: 'n' } } }))).Item?.n).toEqual({ N: '50' });
    }
    const racers = await Promise.allSettled(
      [a, b].map((instance, i) =>
        instance.client.send(
          new PutItemCommand({ TableName: 'Counters', Item: { id: { S: 'race' }, by: { N: String(i) } }, ConditionExpression: 'attribute_not_exists(id)' }),
        ),
      ),
    );
    expect(racers.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(racers.filter((o) => o.status === 'rejected' && o.reason instanceof ConditionalCheckFailedException)).toHaveLength(1);
  });
});
