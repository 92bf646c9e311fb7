/**
 * The store tests' PostgreSQL mode: with TEST_DATABASE_URL set, every test store is a database of
 * its own on that server, created, migrated, and dropped when the store closes. Without it they
 * run on SQLite, and the PostgreSQL-only suites skip with a notice, unless E2E=1 (CI), which
 * makes them run against the local default server and fail when it is not there, as the
 * browser suites do without Chromium.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../../app/db/postgres.ts';
import type { Store } from '../../app/db/store.ts';

/** The server `npm run test:postgres` and .ci/run use unless told otherwise. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://study:study@127.0.0.1:5432/postgres';

const E2E_REQUIRED = process.env.E2E === '1';

/** Where the PostgreSQL suites run, or undefined when they skip. */
export const POSTGRES_TEST_URL: string | undefined = process.env.TEST_DATABASE_URL || (E2E_REQUIRED ? DEFAULT_TEST_DATABASE_URL : undefined);

/** Set only by TEST_DATABASE_URL: every store the tests open is then a PostgreSQL one. */
export const STORES_ON_POSTGRES: string | undefined = process.env.TEST_DATABASE_URL || undefined;

export function noticeSkippedPostgresSuite(name: string): void {
  if (!POSTGRES_TEST_URL) console.warn(`[postgres] ${name} skipped: TEST_DATABASE_URL is not set (npm run test:postgres sets it; E2E=1 makes this a failure).`);
}

/** `serverUrl` with another database name. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function asAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server of `serverUrl`; the name is safe to interpolate. */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dynstudy_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(serverUrl, `create database ${name}`);
  return {
    url: databaseUrl(serverUrl, name),
    // force: a connection a failed test left open must not keep the database alive.
    drop: () => asAdmin(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/** A migrated store in a database of its own, dropped on close. */
export async function openPostgresTestStore(serverUrl: string): Promise<Store> {
  const database = await createTestDatabase(serverUrl);
  let store: Store;
  try {
    store = await openPostgres(database.url);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    dialect: store.dialect,
    db: store.db,
    changeVersion: store.changeVersion,
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}
