/**
 * The progress store on PostgreSQL (DATABASE_URL=postgres://…), for deployments that run several
 * app instances on one database. Loaded by openStore only for a postgres:// URL, so the SQLite
 * default never loads `pg`. The queries are the ones SQLite runs (store.ts's contract); this file
 * supplies the tables of schema-pg.ts, a pool, transactions, and migrations from migrations-pg/.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema-pg.ts';
import { type Db, type DialectDriver, registerDb, type Store, type Tables } from './store.ts';

/** migrations-pg/ at the repository root, wherever the process was started from. */
export const PG_MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations-pg');

/** node-postgres's own default; two instances hold 20 of PostgreSQL's default 100 connections. */
export const DEFAULT_POOL_SIZE = 10;
const MAX_POOL_SIZE = 1000;

/**
 * Held while migrating, so that instances starting together apply each migration once: the
 * others wait, then find nothing left to apply. Any fixed 64-bit number ("dynstudy" in ASCII).
 */
const MIGRATION_LOCK_KEY = '7312272981990355321';

/*
 * node-postgres reads int8 (count(*), sum(integer), our bigint columns) and numeric (sum(bigint),
 * avg(integer)) as text, because they may not fit a JavaScript number. Every such value in this
 * store does (millisecond timestamps, counts, seeds, scores), and SQLite returns them as numbers,
 * so a raw row must read the same on both: parse them here. This is process-wide (drizzle's
 * driver consults pg's global parsers), which is harmless as this store is pg's only user. Query
 * code still wraps counts in Number(): `sql<number>` is a claim about the type, not a conversion,
 * and another PostgreSQL driver would hand back the string.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (text) => Number(text));

type PgDb = NodePgDatabase<typeof schema>;

export class PostgresUrlError extends Error {
  override readonly name = 'PostgresUrlError';
}

export interface PostgresOptions {
  /** Where the migrations are; tests point elsewhere to check a failing migration. */
  readonly migrationsDir?: string;
}

/**
 * The pool's settings from the URL: `?max=N` sets the pool size (pg's name for it), and is taken
 * out of the URL handed to pg, which would otherwise pass it on as a connection parameter.
 */
export function poolConfigOf(url: string): pg.PoolConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new PostgresUrlError('DATABASE_URL is not a URL (expected postgres://user:password@host:5432/database).', { cause });
  }
  const max = parsed.searchParams.get('max');
  parsed.searchParams.delete('max');
  let size = DEFAULT_POOL_SIZE;
  if (max !== null) {
    size = Number(max);
    if (!/^\d+$/.test(max) || size < 1 || size > MAX_POOL_SIZE) {
      throw new PostgresUrlError(`DATABASE_URL: max (the pool size) must be a whole number from 1 to ${MAX_POOL_SIZE}; got "${max}".`);
    }
  }
  return { connectionString: parsed.toString(), max: size, application_name: 'dynamodb-study' };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** The transaction a call chain is in, so a nested inTransaction(db, …) on the pool joins it. */
interface OpenTransaction {
  readonly root: Db;
  readonly tx: Db;
}

function postgresDriver(): DialectDriver {
  const scope = new AsyncLocalStorage<OpenTransaction>();
  const tables = schema as unknown as Tables;
  const rows = async <T>(db: Db, query: SQL): Promise<T[]> => {
    const result = await (db as unknown as PgDb).execute(query);
    return result.rows as T[];
  };
  /** A transaction handle: statements on it run in its transaction; a nested one joins it. */
  const inside: DialectDriver = {
    dialect: 'postgres',
    tables,
    rows,
    transaction: (tx, body) => body(tx),
  };
  return {
    dialect: 'postgres',
    tables,
    rows,
    transaction: <T>(db: Db, body: (tx: Db) => Promise<T>): Promise<T> => {
      // As on SQLite, where the one connection makes this automatic: code inside a transaction
      // that opens one on the pool handle joins the outer one instead of taking a second
      // connection (which could wait on rows the outer one holds, or on the pool it exhausts).
      const open = scope.getStore();
      if (open?.root === db) return body(open.tx);
      return (db as unknown as PgDb).transaction(async (pgTx) => {
        const tx = pgTx as unknown as Db;
        registerDb(tx, inside);
        return scope.run({ root: db, tx }, () => body(tx));
      });
    },
  };
}

/** Applies migrations-pg/ under an advisory lock: one instance migrates, the others wait for it. */
async function migrateLocked(pool: pg.Pool, migrationsFolder: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** Connects to the PostgreSQL database at `url`, brings its schema up to date and hands it out. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool(poolConfigOf(url));
  // An idle client whose server goes away emits 'error' on the pool; unheard, it ends the
  // process. The next query gets a fresh connection, so logging it is enough.
  pool.on('error', (error) => console.error(`PostgreSQL (${redactUrl(url)}): an idle connection failed:`, error.message));
  try {
    await migrateLocked(pool, options.migrationsDir ?? PG_MIGRATIONS_DIR);
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not open the PostgreSQL store at ${redactUrl(url)}: ${reason}`, { cause: error });
  }
  const db = drizzle(pool, { schema });
  registerDb(db as unknown as Db, postgresDriver());
  let closed: Promise<void> | undefined;
  return {
    dialect: 'postgres',
    db: db as unknown as Db,
    // No counter moves on every commit from every instance, so nothing is cached across
    // requests: each instance reads what any of them wrote.
    changeVersion: undefined,
    close: () => {
      closed ??= pool.end();
      return closed;
    },
  };
}
