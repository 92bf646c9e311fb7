/**
 * A fresh store with every migration applied, as the server opens it: in-memory SQLite here
 * (the PostgreSQL mode adds its branch), and a way to read it that both dialects answer.
 */
import { type SQL, sql } from 'drizzle-orm';
import { openSqlite } from '../../app/db/connection.ts';
import * as schema from '../../app/db/schema.ts';
import { rowsOf, type Store, tablesOf } from '../../app/db/store.ts';

export async function openTestStore(): Promise<Store> {
  // TEST_DATABASE_URL (npm run test:postgres): a database of its own on that server, dropped on
  // close. Loaded only then, so the SQLite runs never load pg.
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const { openPostgresTestStore } = await import('./postgres.ts');
    return openPostgresTestStore(server);
  }
  return openSqlite(':memory:');
}

/** Rows of a raw statement (plain SQL both dialects accept), for a test's own checks. */
export function queryRows<T extends Record<string, unknown>>(store: Store, query: string | SQL): Promise<T[]> {
  return rowsOf<T>(store.db, typeof query === 'string' ? sql.raw(query) : query);
}

/** The first column of the first row as a number (PostgreSQL returns count(*) as text). */
export async function queryNumber(store: Store, query: string | SQL): Promise<number> {
  const [row] = await queryRows(store, query);
  const value = row === undefined ? undefined : Object.values(row)[0];
  return Number(value);
}

/**
 * The store's own object for a table of schema.ts: the same table in the dialect the store
 * speaks (on PostgreSQL, schema-pg.ts's), so a test may name tables as schema.ts exports them.
 */
export function storeTable<T extends object>(store: Store, table: T): T {
  const name = Object.entries(schema).find(([, value]) => value === table)?.[0];
  const own = name === undefined ? undefined : (tablesOf(store.db) as unknown as Record<string, T | undefined>)[name];
  if (own === undefined) throw new Error('storeTable takes a table exported by app/db/schema.ts.');
  return own;
}
