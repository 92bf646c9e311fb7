/**
 * Opening the progress store: one better-sqlite3 connection wrapped by drizzle, with the
 * pragmas the app relies on, and the migrations from migrations/ applied.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  readonly db: Db;
  readonly sqlite: Database.Database;
  close(): void;
}

/** migrations/ at the repository root, wherever the process was started from. */
export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Opens (creating when absent) the database at `path`, or an in-memory one for `:memory:`,
 * and brings its schema up to date.
 */
export function openDatabase(path: string, migrationsDir: string = MIGRATIONS_DIR): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets page reads proceed while an attempt is being written; an in-memory database
  // ignores it and stays in 'memory' mode.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsDir });
  return { db, sqlite, close: () => sqlite.close() };
}
