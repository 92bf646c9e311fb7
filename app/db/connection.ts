/**
 * Opening the progress store: the embedded SQLite file by default, PostgreSQL when the location
 * is a postgres:// URL (postgres.ts, loaded only then). Either way the migrations of its dialect
 * are applied before the store is handed out.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { LruCache } from '../lru-cache.ts';
import * as schema from './schema.ts';
import { type Db, type DialectDriver, registerDb, type Store, sqliteTransactionScope } from './store.ts';

export type { Db, Store } from './store.ts';

/** migrations/ at the repository root, wherever the process was started from. */
export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens the store at `location`: a SQLite file path, `:memory:`, or a postgres:// URL. */
export async function openStore(location: string): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(location);
  }
  return openSqlite(location);
}

export interface SqliteStore extends Store {
  readonly dialect: 'sqlite';
  /** The connection itself, for what only SQLite has (pragmas, checkpoints). */
  readonly sqlite: Database.Database;
}

/** How long a statement waits for another process's write to end before it fails (SQLITE_BUSY). */
export const BUSY_TIMEOUT_MS = 5000;

const isBusy = (error: unknown): boolean => (error as { code?: string }).code === 'SQLITE_BUSY';

/**
 * BEGIN IMMEDIATE without blocking the event loop: with WORKERS > 1 another process may hold
 * the write lock, and SQLite's own busy handler would sleep this whole worker (pages and all)
 * while it waits. Here only this transaction waits, on timers, up to BUSY_TIMEOUT_MS.
 */
async function beginImmediate(statements: TransactionStatements): Promise<void> {
  for (let waited = 0, pause = 1; ; waited += pause, pause = Math.min(pause * 2, 8)) {
    // Only this statement goes without the busy handler: others run meanwhile, as before.
    statements.noWait.run();
    try {
      statements.begin.run();
      return;
    } catch (error) {
      if (!isBusy(error) || waited >= BUSY_TIMEOUT_MS) throw error;
    } finally {
      statements.wait.run();
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** Compiled once per connection: they run around every transaction. */
interface TransactionStatements {
  readonly noWait: Database.Statement;
  readonly begin: Database.Statement;
  readonly wait: Database.Statement;
  readonly commit: Database.Statement;
}

/**
 * Transactions on the one SQLite connection. A body's awaits on SQLite statements settle as
 * microtasks, so no other request's statement runs inside it; a second transaction that starts
 * while one is open (a body awaiting something else) waits for it instead of joining it.
 */
function sqliteDriver(sqlite: Database.Database): DialectDriver {
  let queue: Promise<unknown> = Promise.resolve();
  const statements: TransactionStatements = {
    noWait: sqlite.prepare('PRAGMA busy_timeout = 0'),
    begin: sqlite.prepare('BEGIN IMMEDIATE'),
    wait: sqlite.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`),
    commit: sqlite.prepare('COMMIT'),
  };
  const run = async <T>(db: Db, body: (tx: Db) => Promise<T>): Promise<T> => {
    await beginImmediate(statements);
    try {
      const result = await sqliteTransactionScope.run(db, () => body(db));
      statements.commit.run();
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  };
  return {
    dialect: 'sqlite',
    tables: schema,
    rows: async <T>(db: Db, query: SQL) => db.all<T>(query),
    transaction: <T>(db: Db, body: (tx: Db) => Promise<T>): Promise<T> => {
      if (sqliteTransactionScope.getStore() === db) return body(db);
      const turn = queue.then(() => run(db, body));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

/** Statements kept compiled per connection: the app's queries are a few dozen shapes. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every query it runs, and compiling the SQL was a tenth of an answer's CPU
 * (--cpu-prof, issue 17): the connection keeps each compiled statement by its text and hands it
 * out again. drizzle switches a statement to raw (array) rows for some reads, so a statement
 * handed out again is set back to plain object rows first. Statements run to completion
 * synchronously, so one is never shared by two queries at once (nothing here iterates).
 */
function reuseStatements(sqlite: Database.Database, capacity = STATEMENT_CACHE_SIZE): void {
  const statements = new LruCache<string, Database.Statement>(capacity);
  const compile = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (statement === undefined) {
      statement = compile(source);
      statements.set(source, statement);
    } else if (statement.reader) {
      statement.raw(false).pluck(false).expand(false);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * Opens (creating when absent) the SQLite database at `path`, or an in-memory one for
 * `:memory:`, and brings its schema up to date.
 */
export function openSqlite(path: string, migrationsDir: string = MIGRATIONS_DIR): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets page reads proceed while an attempt is being written; an in-memory database
  // ignores it and stays in 'memory' mode.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  reuseStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsDir });
  registerDb(db, sqliteDriver(sqlite));
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  const totalChanges = sqlite.prepare('SELECT total_changes()').pluck();
  let uncommitted = 0;
  return {
    dialect: 'sqlite',
    db,
    sqlite,
    // data_version moves when another connection commits; total_changes when this one writes.
    // While a transaction is open (another request's, awaiting its next statement) what a read
    // sees may yet be rolled back, which total_changes would not undo: a value never seen again.
    changeVersion: () => (sqlite.inTransaction ? `uncommitted:${++uncommitted}` : `${dataVersion.get()}:${totalChanges.get()}`),
    close: async () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
