/**
 * openPostgres: migrations under the advisory lock, the column types read back as SQLite's do,
 * transactions (commit, rollback, nesting), raw rows, and the errors of a bad URL or a server
 * that is not there. Needs a PostgreSQL server (test/helpers/postgres.ts says which).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POOL_SIZE, openPostgres, PG_MIGRATIONS_DIR, PostgresUrlError, poolConfigOf, redactUrl } from '../../../app/db/postgres.ts';
import { dialectOf, inTransaction, rowsOf, type Store, tablesOf } from '../../../app/db/store.ts';
import { createTestDatabase, noticeSkippedPostgresSuite, openPostgresTestStore, POSTGRES_TEST_URL } from '../../helpers/postgres.ts';

describe('poolConfigOf', () => {
  it('takes the pool size from ?max= and leaves it out of the connection string', () => {
    const config = poolConfigOf('postgres://u:p@db.internal:5432/study?max=25&sslmode=require');
    expect(config.max).toBe(25);
    expect(config.connectionString).toBe('postgres://u:p@db.internal:5432/study?sslmode=require');
    expect(poolConfigOf('postgres://u:p@db.internal/study').max).toBe(DEFAULT_POOL_SIZE);
  });

  it.each(['0', '-1', '2.5', 'ten', '1001'])('refuses max=%s, naming the setting', (max) => {
    expect(() => poolConfigOf(`postgres://u:p@h/db?max=${max}`)).toThrow(PostgresUrlError);
    expect(() => poolConfigOf(`postgres://u:p@h/db?max=${max}`)).toThrow(/DATABASE_URL: max \(the pool size\)/);
  });

  it('never puts the password in a message', () => {
    expect(redactUrl('postgres://study:s3cret@h:5432/db')).toBe('postgres://study:***@h:5432/db');
  });
});

noticeSkippedPostgresSuite('test/app/db/postgres.test.ts');

describe.skipIf(!POSTGRES_TEST_URL)('openPostgres', () => {
  const server = POSTGRES_TEST_URL!;
  let store: Store;

  beforeAll(async () => {
    store = await openPostgresTestStore(server);
  });
  afterAll(async () => {
    await store?.close();
  });

  async function newUser(db: Store['db'], key: string): Promise<number> {
    const { users } = tablesOf(db);
    const [row] = await db
      .insert(users)
      .values({ username: key, usernameKey: key, passwordHash: 'x', createdAt: new Date(0) })
      .returning({ id: users.id });
    return row!.id;
  }

  it('migrates once when two instances open a new database together', async () => {
    const database = await createTestDatabase(server);
    try {
      const [a, b] = await Promise.all([openPostgres(database.url), openPostgres(database.url)]);
      const journal = JSON.parse(readFileSync(join(PG_MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
      const applied = await rowsOf<{ n: number }>(a.db, sql`select count(*) as n from drizzle.__drizzle_migrations`);
      expect(applied).toEqual([{ n: journal.entries.length }]);
      // Both work on the one schema: a row written through one is read through the other.
      const id = await newUser(a.db, 'both');
      const { users } = tablesOf(b.db);
      expect(await b.db.select({ key: users.usernameKey }).from(users).where(eq(users.id, id))).toEqual([{ key: 'both' }]);
      await Promise.all([a.close(), b.close()]);
      // A restart finds nothing left to apply.
      const again = await openPostgres(database.url);
      expect(await rowsOf(again.db, sql`select count(*) as n from drizzle.__drizzle_migrations`)).toEqual(applied);
      await again.close();
    } finally {
      await database.drop();
    }
  });

  it('reads every column type back as the SQLite store does', async () => {
    const { db } = store;
    expect(dialectOf(db)).toBe('postgres');
    const { attempts, profiles, sandboxSnapshots } = tablesOf(db);
    const userId = await newUser(db, 'types');
    const [profile] = await db
      .insert(profiles)
      .values({ token: 'types', userId, createdAt: new Date(1_700_000_000_001) })
      .returning();
    const answer = { TableName: 'Orders', Key: { pk: { S: 'é\u0000"' } }, Limit: 1.5 };
    await db.insert(attempts).values({
      profileId: profile!.id,
      submissionToken: 'types-1',
      scenarioId: 'capacity/x',
      seed: 4_294_967_295,
      area: 'capacity',
      objectives: ['o2', 'o1'],
      params: { z: 1, a: 'two', m: true },
      answer,
      verdict: 'partial',
      score: 0.1 + 0.2,
      essentialPassed: false,
      createdAt: new Date(1_733_000_000_123),
    });
    const [row] = await db.select().from(attempts).where(eq(attempts.submissionToken, 'types-1'));
    expect(row).toMatchObject({ seed: 4_294_967_295, objectives: ['o2', 'o1'], score: 0.1 + 0.2, essentialPassed: false, source: 'practice' });
    expect(row!.createdAt).toEqual(new Date(1_733_000_000_123));
    expect(row!.answer).toEqual(answer);
    expect(Object.keys(row!.params)).toEqual(['z', 'a', 'm']);
    expect(row!.variant).toBeNull();

    const blob = Buffer.from([0, 1, 254, 255]);
    await db.insert(sandboxSnapshots).values({ userId, version: 1, snapshot: blob, bytes: 4, updatedAt: new Date(5) });
    const [saved] = await db.select().from(sandboxSnapshots).where(eq(sandboxSnapshots.userId, userId));
    expect(Buffer.isBuffer(saved!.snapshot) && saved!.snapshot.equals(blob)).toBe(true);
  });

  it('returns raw rows with counts and millisecond columns as numbers, as SQLite does', async () => {
    const { db } = store;
    const userId = await newUser(db, 'raw');
    const rows = await rowsOf<{ n: unknown; created: unknown; total: unknown }>(
      db,
      sql`select count(*) as n, max(created_at) as created, sum(created_at) as total from users where id = ${userId}`,
    );
    expect(rows).toEqual([{ n: 1, created: 0, total: 0 }]);
  });

  it('commits a transaction, and rolls all of it back when its body throws', async () => {
    const { db } = store;
    const { users } = tablesOf(db);
    const kept = await inTransaction(db, async (tx) => newUser(tx, 'committed'));
    await expect(
      inTransaction(db, async (tx) => {
        await newUser(tx, 'rolled-back');
        throw new Error('the body failed');
      }),
    ).rejects.toThrow('the body failed');
    const keys = (await db.select({ key: users.usernameKey }).from(users)).map((r) => r.key);
    expect(keys).toContain('committed');
    expect(keys).not.toContain('rolled-back');
    expect(kept).toBeGreaterThan(0);
  });

  it('joins the outer transaction when one is opened inside it, on the handle or on the pool', async () => {
    const { db } = store;
    const { users } = tablesOf(db);
    await expect(
      inTransaction(db, async (tx) => {
        await inTransaction(tx, async (inner) => newUser(inner, 'nested-on-tx'));
        await inTransaction(db, async (inner) => {
          expect(inner).toBe(tx);
          await newUser(inner, 'nested-on-pool');
        });
        throw new Error('undo both');
      }),
    ).rejects.toThrow('undo both');
    const keys = (await db.select({ key: users.usernameKey }).from(users)).map((r) => r.key);
    expect(keys).not.toContain('nested-on-tx');
    expect(keys).not.toContain('nested-on-pool');
  });

  it('keeps concurrent transactions apart', async () => {
    const { db } = store;
    const { users } = tablesOf(db);
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((name) =>
        inTransaction(db, async (tx) => {
          await newUser(tx, `concurrent-${name}`);
          if (name === 'b') throw new Error('b fails alone');
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const keys = (await db.select({ key: users.usernameKey }).from(users)).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith('concurrent-')).sort()).toEqual(['concurrent-a', 'concurrent-c']);
  });

  it('says which server it could not reach, without the password, and holds no connection after', async () => {
    const unreachable = 'postgres://study:s3cret@127.0.0.1:1/nowhere';
    const error = await openPostgres(unreachable).then(
      () => new Error('opened'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toMatch(/^Could not open the PostgreSQL store at /);
    expect(error.message).toContain('postgres://study:***@127.0.0.1:1/nowhere');
    expect(error.message).not.toContain('s3cret');
  });

  it('closes its pool once, however often close is called', async () => {
    const database = await createTestDatabase(server);
    try {
      const opened = await openPostgres(database.url);
      await Promise.all([opened.close(), opened.close()]);
      await opened.close();
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      const { rows } = await admin.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      await admin.end();
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await database.drop();
    }
  });
});
