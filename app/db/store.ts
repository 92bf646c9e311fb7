/**
 * The progress store, whichever database holds it. The queries in app/progress and app/auth are
 * written once, against drizzle's SQLite query builder types (`Db`); at run time `db` is either
 * better-sqlite3's drizzle (the embedded default) or node-postgres's (DATABASE_URL=postgres://…),
 * and the tables a query names come from `tablesOf(db)`, the dialect's own schema (schema.ts or
 * schema-pg.ts: the same tables and columns, the same JavaScript types, checked by a test).
 *
 * Only the forms both drivers run the same way are portable, so only they are used:
 * - `await db.select()…`, `await db.insert()…returning()`, `await db.update()…`, `await db.delete()…`;
 *   never `.all()`, `.get()`, `.run()` or `.values()`, which exist only on SQLite (the PostgreSQL
 *   run of the store and route tests fails on them);
 * - `firstRow(await …limit(1))` for one row, `(await ….returning({ id }))).length` for rows changed;
 * - `rowsOf(db, sql\`…\`)` for a raw statement, written in SQL both dialects accept (no
 *   `update or ignore`, no `strftime`; `count(*)` read with Number(), PostgreSQL returns it as text);
 * - `inTransaction(db, async (tx) => …)` for a transaction; its body runs database statements only;
 * - `prepared(db, build)` for a query run on most requests: built once per handle with
 *   `sql.placeholder`s, then `await prepared(db, build).execute({ … })`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type SQL, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema.ts';

export type Tables = typeof schema;

/** The query builder every query module writes against (see the module comment). */
export type Db = BetterSQLite3Database<Tables>;

export type Dialect = 'sqlite' | 'postgres';

/** What a dialect tells the helpers below about a drizzle database it opened. */
export interface DialectDriver {
  readonly dialect: Dialect;
  /** The dialect's tables, typed as SQLite's (schema-pg.ts mirrors schema.ts column for column). */
  readonly tables: Tables;
  rows<T>(db: Db, query: SQL): Promise<T[]>;
  transaction<T>(db: Db, body: (tx: Db) => Promise<T>): Promise<T>;
}

const drivers = new WeakMap<object, DialectDriver>();

/** Called by the dialect that opened `db` (and for each transaction handle it gives out). */
export function registerDb(db: Db, driver: DialectDriver): void {
  drivers.set(db, driver);
}

function driverOf(db: Db): DialectDriver {
  const driver = drivers.get(db);
  if (!driver) throw new Error('This database handle was not opened by openStore (app/db/connection.ts).');
  return driver;
}

export function dialectOf(db: Db): Dialect {
  return driverOf(db).dialect;
}

/** The tables of the dialect `db` speaks. */
export function tablesOf(db: Db): Tables {
  return driverOf(db).tables;
}

/** Rows of a raw statement, on either dialect. */
export function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return driverOf(db).rows<T>(db, query);
}

/** Runs `body` in one transaction: all its statements or none. Nested calls join the outer one. */
export function inTransaction<T>(db: Db, body: (tx: Db) => Promise<T>): Promise<T> {
  return driverOf(db).transaction(db, body);
}

const preparedQueries = new WeakMap<Db, Map<unknown, Map<string, unknown>>>();

/**
 * `build(db, tables)`, a query ending in `.prepare()`, built once per database handle. drizzle
 * builds a query's SQL anew on every run, which was most of the CPU of the few queries behind
 * every page and answer (--cpu-prof, issue 17). Keyed by the handle because a PostgreSQL
 * transaction's handle is its own connection; on SQLite a transaction runs on the one handle.
 * A placeholder compared with a column (`eq`, `lte`) is bound as given, without the column's
 * mapping: pass what the database stores (a timestamp as its milliseconds). Placeholders in an
 * insert's values or an update's set are mapped like the column's values.
 */
export function prepared<Q>(db: Db, build: (db: Db, tables: Tables) => Q): Q {
  return preparedShape(db, build, '', () => build(db, tablesOf(db)));
}

function preparedShape<Q>(db: Db, build: unknown, shape: string, make: () => Q): Q {
  let queries = preparedQueries.get(db);
  if (queries === undefined) {
    queries = new Map();
    preparedQueries.set(db, queries);
  }
  let shapes = queries.get(build);
  if (shapes === undefined) {
    shapes = new Map();
    queries.set(build, shapes);
  }
  let query = shapes.get(shape) as Q | undefined;
  if (query === undefined) {
    query = make();
    shapes.set(shape, query);
  }
  return query;
}

/**
 * A prepared insert or update whose columns are the keys of `values` that hold a value (an
 * undefined one is left to the column's default, as drizzle does): `build` gets a placeholder
 * per column and is built once per handle and set of columns; the query runs with `values`.
 * A null is written into the query itself: drizzle would pass it through the column's mapping,
 * which turns a null boolean into false.
 */
export function preparedWith<V extends Record<string, unknown>, Q>(
  db: Db,
  values: V,
  build: (db: Db, tables: Tables, placeholders: V) => Q,
): { query: Q; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const columns: Record<string, unknown> = {};
  const shape: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (value === null) {
      columns[key] = null;
      shape.push(`${key}=null`);
    } else {
      columns[key] = sql.placeholder(key);
      params[key] = value;
      shape.push(key);
    }
  }
  const query = preparedShape(db, build, shape.join(','), () => build(db, tablesOf(db), columns as V));
  return { query, params };
}

export function firstRow<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}

/** An opened store: the database handle the app's modules take, and what only its owner does. */
export interface Store {
  readonly dialect: Dialect;
  readonly db: Db;
  /**
   * A value that changes whenever any connection commits a change (SQLite's data_version and
   * total_changes), for caches of derived pages; undefined where no such cheap counter exists,
   * and then nothing is cached across requests.
   */
  readonly changeVersion: (() => string) | undefined;
  close(): Promise<void>;
}

/**
 * SQLite runs on one connection, so "in a transaction" must be known per async call chain: a
 * nested call joins the transaction its caller opened, and another request waits for it to end.
 */
export const sqliteTransactionScope = new AsyncLocalStorage<Db>();
