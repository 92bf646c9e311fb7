/**
 * The store tests' PostgreSQL mode: with TEST_DATABASE_URL set, every test store is a database of
 * its own on that server, created, migrated, and dropped when the store closes. Without it they
 * run on SQLite, and the PostgreSQL-only suites skip with a notice, unless E2E=1 (CI), which
 * makes them run against the local default server and fail when it is not there, as the
 * browser suites do without Chromium.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres, PG_MIGRATIONS_DIR } from '../../app/db/postgres.ts';
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

/** A new database on the server of `serverUrl`, empty or a copy of `templateName`. */
export async function createTestDatabase(serverUrl: string, templateName?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dynstudy_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(serverUrl, `create database ${name}${templateName ? ` template ${templateName}` : ''}`);
  return {
    url: databaseUrl(serverUrl, name),
    // force: a connection a failed test left open must not keep the database alive.
    drop: () => asAdmin(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/**
 * A database with every migration applied, named by a hash of migrations-pg/, which each test
 * database is copied from: a copy takes a fraction of creating and migrating one. The first
 * worker to need it builds it under an advisory lock; the others wait, then find it.
 */
let template: Promise<string> | undefined;
const TEMPLATE_LOCK_KEY = '7312272981990355322';

async function migratedTemplate(serverUrl: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of readdirSync(PG_MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(join(PG_MIGRATIONS_DIR, file)));
  }
  const name = `dynstudy_template_${hash.digest('hex').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`drop database if exists ${name}_build with (force)`);
      await client.query(`create database ${name}_build`);
      const store = await openPostgres(databaseUrl(serverUrl, `${name}_build`));
      await store.close();
      // Renamed once complete, so a build cut short is never copied.
      await client.query(`alter database ${name}_build rename to ${name}`);
    }
    await client.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
  } finally {
    await client.end();
  }
  return name;
}

/** A migrated store in a database of its own, dropped on close. */
export async function openPostgresTestStore(serverUrl: string): Promise<Store> {
  template ??= migratedTemplate(serverUrl);
  const database = await createTestDatabase(serverUrl, await template);
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
