/**
 * SandboxStore (app/routes/dynamodb/sandbox-store.ts) on its own: which actions count as changes,
 * how sync off coalesces saves on the engine clock, and the version each save is conditional on.
 * The endpoint's behaviour with two instances is in test/sdk/persisted-sandboxes.test.ts.
 */
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxSnapshots, users } from '../../../app/db/schema.ts';
import type { Store } from '../../../app/db/store.ts';
import { changesSandbox, SandboxStore, type SandboxSync } from '../../../app/routes/dynamodb/sandbox-store.ts';
import { SandboxRegistry } from '../../../app/routes/dynamodb/sandboxes.ts';
import { openTestStore, storeTable } from '../../helpers/database.ts';

const KEY = 'AKIASTORESTORESTORE0';
const TABLE = {
  TableName: 'Tbl',
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  BillingMode: 'PAY_PER_REQUEST',
};

describe('changesSandbox', () => {
  it.each<[string, 'dynamodb' | 'dax' | 'streams' | 'sim', string, unknown, boolean]>([
    ['a PutItem', 'dynamodb', 'PutItem', {}, true],
    ['a PutItem through DAX', 'dax', 'PutItem', {}, true],
    ['a CreateTable', 'dynamodb', 'CreateTable', {}, true],
    ['a TagResource', 'dynamodb', 'TagResource', {}, true],
    ['an action this list does not know', 'dynamodb', 'SomeFutureAction', {}, true],
    ['a GetItem', 'dynamodb', 'GetItem', {}, false],
    ['a Query through DAX', 'dax', 'Query', {}, false],
    ['a DescribeTable', 'dynamodb', 'DescribeTable', {}, false],
    ['a Streams GetRecords', 'streams', 'GetRecords', {}, false],
    ['the simulation report', 'sim', 'GetMetrics', {}, false],
    ['a PartiQL SELECT', 'dynamodb', 'ExecuteStatement', { Statement: '  select * FROM "T"' }, false],
    ['a PartiQL UPDATE', 'dynamodb', 'ExecuteStatement', { Statement: 'UPDATE "T" SET a = 1 WHERE pk = 1' }, true],
  ])('says whether %s may change the sandbox', (_, target, action, input, expected) => {
    expect(changesSandbox(target, action, input)).toBe(expected);
  });
});

describe('SandboxStore', () => {
  let database: Store;
  let now: number;
  let timers: { run: () => void; ms: number; cancelled: boolean }[];
  let logged: string[];

  beforeEach(async () => {
    database = await openTestStore();
    await database.db.insert(storeTable(database, users)).values({ username: 'ada', usernameKey: 'ada', passwordHash: 'x', createdAt: new Date(0) });
    now = 1_700_000_000_000;
    timers = [];
    logged = [];
  });
  afterEach(() => database.close());

  function setUp(sync: SandboxSync, maxSnapshotBytes = 1024 * 1024) {
    const registry = new SandboxRegistry({ now: () => now });
    const store = new SandboxStore(registry, {
      db: database.db,
      sync,
      maxSnapshotBytes,
      logger: { info: (m) => logged.push(m), error: (m) => logged.push(m) },
      schedule: (run, ms) => {
        const timer = { run, ms, cancelled: false };
        timers.push(timer);
        return { cancel: () => (timer.cancelled = true) };
      },
    });
    const write = (item: string) => {
      registry.enter(KEY, 'account')!.execute('PutItem', { TableName: 'Tbl', Item: { pk: { S: item } } });
      store.markChanged(KEY);
    };
    return { registry, store, write };
  }

  const stored = () => database.db.select().from(storeTable(database, sandboxSnapshots));

  /** Runs the timers that are due and waits for the save each starts (it runs on its own, unawaited). */
  async function runTimers(registry: SandboxRegistry) {
    const due = timers.splice(0).filter((t) => !t.cancelled);
    for (const timer of due) {
      timer.run();
      await registry.persisted(KEY)?.state.saving;
    }
  }

  it('with sync off, saves the first change at once, then at most once per second of engine time', async () => {
    const { registry, store, write } = setUp('off');
    await store.prepare(KEY, 1);
    registry.enter(KEY, 'account')!.execute('CreateTable', TABLE);
    store.markChanged(KEY);
    expect(timers.map((t) => t.ms)).toEqual([0]);
    await runTimers(registry);
    expect((await stored()).map((r) => r.version)).toEqual([1]);

    now += 300;
    write('a');
    write('b');
    write('c');
    // Three changes, one timer: due when a second has passed since the last save.
    expect(timers.map((t) => t.ms)).toEqual([700]);
    await runTimers(registry);
    expect((await stored()).map((r) => r.version)).toEqual([2]);
    const [row] = await stored();
    const snapshot = JSON.parse(gunzipSync(row!.snapshot).toString('utf8'));
    expect(snapshot.tables[0].items.map((i: { pk: { S: string } }) => i.pk.S).sort()).toEqual(['a', 'b', 'c']);
    expect(row!.bytes).toBe(Buffer.byteLength(JSON.stringify(snapshot)));
  });

  it('with sync off, flush saves what waits on a timer and cancels the timer', async () => {
    const { registry, store, write } = setUp('off');
    await store.prepare(KEY, 1);
    registry.enter(KEY, 'account')!.execute('CreateTable', TABLE);
    store.markChanged(KEY);
    await runTimers(registry);
    write('x');
    expect(timers).toHaveLength(1);
    await store.flush();
    expect(timers[0]!.cancelled).toBe(true);
    expect((await stored()).map((r) => r.version)).toEqual([2]);
    // Nothing pending: a second flush writes nothing.
    await store.flush();
    expect((await stored()).map((r) => r.version)).toEqual([2]);
  });

  it('refuses a save from a copy older than the stored version, and a reload brings the copy up to it', async () => {
    const first = setUp('always');
    const second = setUp('always');
    await first.store.prepare(KEY, 1);
    await second.store.prepare(KEY, 1);
    first.registry.enter(KEY, 'account')!.execute('CreateTable', TABLE);
    first.store.markChanged(KEY);
    expect(await first.store.saveNow(KEY)).toBe('saved');
    second.store.markChanged(KEY);
    expect(await second.store.saveNow(KEY)).toBe('conflict');
    expect((await stored()).map((r) => r.version)).toEqual([1]);
    await second.store.prepare(KEY, 1);
    expect(second.registry.persisted(KEY)!.state.version).toBe(1);
    expect(second.registry.persisted(KEY)!.database.tableNames()).toEqual(['Tbl']);
  });

  it('does not save a snapshot over the cap, logs it once per size, and saves again once it fits', async () => {
    const { registry, store } = setUp('always', 1500);
    await store.prepare(KEY, 1);
    const db = registry.enter(KEY, 'account')!;
    db.execute('CreateTable', TABLE);
    store.markChanged(KEY);
    expect(await store.saveNow(KEY)).toBe('saved');
    db.execute('PutItem', { TableName: 'Tbl', Item: { pk: { S: 'big' }, pad: { S: 'x'.repeat(2000) } } });
    store.markChanged(KEY);
    expect(await store.saveNow(KEY)).toBe('too large');
    store.markChanged(KEY);
    expect(await store.saveNow(KEY)).toBe('too large');
    expect(logged.filter((m) => m.includes('over the cap of 1500'))).toHaveLength(1);
    db.execute('DeleteItem', { TableName: 'Tbl', Key: { pk: { S: 'big' } } });
    store.markChanged(KEY);
    expect(await store.saveNow(KEY)).toBe('saved');
    expect((await stored()).map((r) => r.version)).toEqual([2]);
  });

  it('refuses to load a stored snapshot it cannot read, and keeps it', async () => {
    await database.db
      .insert(storeTable(database, sandboxSnapshots))
      .values({ userId: 1, version: 3, snapshot: Buffer.from('not gzip'), bytes: 8, updatedAt: new Date(0) });
    const { registry, store } = setUp('always');
    await expect(store.prepare(KEY, 1)).rejects.toThrow();
    expect(registry.persisted(KEY)).toBeUndefined();
    expect((await stored()).map((r) => r.version)).toEqual([3]);
  });
});
