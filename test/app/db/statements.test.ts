import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteStore, STATEMENT_CACHE_SIZE } from '../../../app/db/connection.ts';
import { inTransaction } from '../../../app/db/store.ts';

let store: SqliteStore;
beforeEach(() => {
  store = openSqlite(':memory:');
});
afterEach(() => store.close());

describe('the SQLite connection keeps its statements compiled', () => {
  it('hands out the same statement for the same SQL, and another for other SQL', () => {
    const first = store.sqlite.prepare('select 1 as one');
    expect(store.sqlite.prepare('select 1 as one')).toBe(first);
    expect(store.sqlite.prepare('select 2 as two')).not.toBe(first);
  });

  it('returns object rows after drizzle has read the same SQL as raw arrays', async () => {
    const query = sql`select 1 as one, 'x' as letter`;
    expect(await store.db.values(query)).toEqual([[1, 'x']]);
    expect(await store.db.all(query)).toEqual([{ one: 1, letter: 'x' }]);
    expect(await store.db.get(query)).toEqual({ one: 1, letter: 'x' });
    expect(store.sqlite.prepare("select 1 as one, 'x' as letter").pluck().get()).toBe(1);
    expect(await store.db.all(query)).toEqual([{ one: 1, letter: 'x' }]);
  });

  it('is bounded: past its size the least recently used statement is compiled again', () => {
    const oldest = store.sqlite.prepare('select 0');
    for (let i = 1; i <= STATEMENT_CACHE_SIZE; i++) store.sqlite.prepare(`select ${i}`);
    expect(store.sqlite.prepare('select 0')).not.toBe(oldest);
    expect(store.sqlite.prepare(`select ${STATEMENT_CACHE_SIZE}`)).toBe(store.sqlite.prepare(`select ${STATEMENT_CACHE_SIZE}`));
  });

  it('runs writes through a kept statement as often as they come', async () => {
    await store.db.run(sql`create table t (n integer)`);
    for (let n = 0; n < 3; n++) await store.db.run(sql`insert into t (n) values (${n})`);
    expect(await store.db.all(sql`select n from t order by n`)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
  });
});

describe('a transaction waiting for another process to finish writing', () => {
  it('waits on timers, so this process goes on serving, and commits once the other has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dynamodb-study-busy-'));
    const ours = openSqlite(join(dir, 'app.db'));
    const other = new Database(join(dir, 'app.db'));
    try {
      other.exec('BEGIN IMMEDIATE');
      let bodyRan = false;
      const transaction = inTransaction(ours.db, async (tx) => {
        bodyRan = true;
        await tx.run(sql`insert into profiles (token, created_at) values ('waited', 0)`);
      });
      // Other work of this process: reads go on while the transaction waits for the lock.
      for (let turn = 0; turn < 20; turn++) {
        expect(await ours.db.all(sql`select count(*) as n from profiles`)).toEqual([{ n: 0 }]);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      expect(bodyRan).toBe(false);
      other.exec('COMMIT');
      await transaction;
      expect(bodyRan).toBe(true);
      expect(await ours.db.all(sql`select token from profiles`)).toEqual([{ token: 'waited' }]);
    } finally {
      other.close();
      await ours.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
