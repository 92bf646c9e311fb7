/**
 * schema.ts (SQLite) and schema-pg.ts (PostgreSQL) must describe the same tables: the queries are
 * written once against schema.ts's types and run on schema-pg.ts's tables, so a column added to
 * one only, or stored under a type that reads back differently, would break one dialect silently.
 * Then each dialect's latest migration snapshot must be what drizzle-kit would write from its
 * schema now: a schema change without `npm run db:generate` fails here, not at deploy time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { getTableName, is, Table } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, type PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type SQLiteColumn, type SQLiteTable, getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../../../app/db/schema-pg.ts';
import * as sqliteSchema from '../../../app/db/schema.ts';

type AnyColumn = SQLiteColumn | PgColumn;
type Described = ReturnType<typeof describeTable>;

function tablesIn(module: Record<string, unknown>): Table[] {
  return Object.values(module).filter((value): value is Table => is(value, Table));
}

/**
 * The SQLite column's kind (drizzle's class and mode) → what PostgreSQL must store it as. `key`
 * is for integers that are an identity id or a foreign key to one; other integers are 64-bit
 * in both (see schema-pg.ts's module comment).
 */
const CORRESPONDING: Record<string, { readonly key?: string; readonly value: string }> = {
  SQLiteInteger: { key: 'PgInteger:integer', value: 'PgBigInt53:bigint' },
  SQLiteTimestamp: { value: 'PgCustomColumn:bigint' },
  SQLiteBoolean: { value: 'PgBoolean:boolean' },
  SQLiteText: { value: 'PgText:text' },
  SQLiteTextJson: { value: 'PgJson:json' },
  SQLiteReal: { value: 'PgDoublePrecision:double precision' },
  SQLiteBlobBuffer: { value: 'PgCustomColumn:bytea' },
};

function kindOf(column: AnyColumn): string {
  return is(column.table, PgTable) ? `${column.columnType}:${column.getSQLType()}` : column.columnType;
}

function describeTable(table: Table) {
  const config = is(table, PgTable) ? pgTableConfig(table) : sqliteTableConfig(table as SQLiteTable);
  const foreignKeys = config.foreignKeys.map((fk) => {
    const reference = fk.reference();
    return {
      columns: reference.columns.map((c) => c.name),
      target: getTableName(reference.foreignTable),
      targetColumns: reference.foreignColumns.map((c) => c.name),
      onDelete: fk.onDelete ?? 'no action',
    };
  });
  const referencing = new Set(foreignKeys.flatMap((fk) => fk.columns));
  const columns = (config.columns as AnyColumn[]).map((column) => ({
    name: column.name,
    notNull: column.notNull,
    primaryKey: column.primary,
    unique: column.isUnique ? column.uniqueName : undefined,
    default: column.default,
    enumValues: column.enumValues,
    isKey: column.primary || referencing.has(column.name),
    kind: kindOf(column),
  }));
  return {
    name: config.name,
    columns,
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.name, columns: u.columns.map((c) => c.name) })),
    indexes: config.indexes
      .map((i) => ({ name: i.config.name ?? '', unique: i.config.unique, columns: i.config.columns.map((c) => ('name' in c ? c.name : String(c))) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: foreignKeys.sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
  };
}

/** Everything but the storage type, which CORRESPONDING checks. */
function withoutKinds(table: Described) {
  return { ...table, columns: table.columns.map(({ kind: _kind, ...rest }) => rest) };
}

const sqliteTables = new Map(tablesIn(sqliteSchema).map((t) => [sqliteTableConfig(t as SQLiteTable).name, describeTable(t)]));
const pgTables = new Map(tablesIn(pgSchema).map((t) => [pgTableConfig(t as PgTable).name, describeTable(t)]));
const tableNames = [...sqliteTables.keys()].sort();

describe('schema.ts and schema-pg.ts', () => {
  it('declare the same tables under the same export names', () => {
    expect([...pgTables.keys()].sort()).toEqual(tableNames);
    const exportsOf = (module: Record<string, unknown>) => Object.keys(module).filter((key) => is(module[key], Table));
    expect(exportsOf(pgSchema).sort()).toEqual(exportsOf(sqliteSchema).sort());
  });

  it.each(tableNames)('%s: same columns, nullability, defaults, keys, uniques, indexes and foreign keys', (name) => {
    expect(withoutKinds(pgTables.get(name)!)).toEqual(withoutKinds(sqliteTables.get(name)!));
  });

  it.each(tableNames)('%s: every column is stored as its SQLite type corresponds to', (name) => {
    const pg = new Map(pgTables.get(name)!.columns.map((c) => [c.name, c.kind]));
    for (const column of sqliteTables.get(name)!.columns) {
      const expected = CORRESPONDING[column.kind];
      expect(expected, `${name}.${column.name}: no PostgreSQL type is chosen for SQLite's ${column.kind}`).toBeDefined();
      const want = column.isKey && expected!.key ? expected!.key : expected!.value;
      expect(pg.get(column.name), `${name}.${column.name}`).toBe(want);
    }
  });

  it('read the values SQLite stores back as the same JavaScript values', () => {
    // The custom types are the ones a mistake in a mapping would get wrong; node-postgres hands
    // int8 over as a number (postgres.ts) or, under another driver, as text.
    const createdAt = pgSchema.attempts.createdAt;
    const when = new Date(1_733_000_000_123);
    expect(createdAt.mapToDriverValue(when)).toBe(when.getTime());
    expect(createdAt.mapFromDriverValue(when.getTime())).toEqual(when);
    expect(createdAt.mapFromDriverValue(String(when.getTime()))).toEqual(when);
    const snapshot = pgSchema.sandboxSnapshots.snapshot;
    expect(snapshot.mapFromDriverValue(Buffer.from([0, 255]))).toEqual(Buffer.from([0, 255]));
    // Key order survives a round trip (json keeps the text; jsonb would sort the keys).
    const answer = { TableName: 'Orders', Key: { pk: { S: 'a' } } };
    expect(Object.keys(pgSchema.attempts.answer.mapFromDriverValue(pgSchema.attempts.answer.mapToDriverValue(answer)) as object)).toEqual(['TableName', 'Key']);
  });
});

/**
 * drizzle-kit's own serialiser gives the snapshot `npm run db:generate` would compare against;
 * its diff is not used because an ambiguous change (a column added and one dropped) prompts.
 */
describe('the migration folders', () => {
  function latestSnapshot(folder: string): { tables: unknown } {
    const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
    const last = journal.entries.at(-1)!;
    return JSON.parse(readFileSync(join(folder, `meta/${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8'));
  }
  // undefined-valued keys are absent from a snapshot file.
  const asWritten = (value: unknown) => JSON.parse(JSON.stringify(value));

  it('migrations/ is up to date with schema.ts', async () => {
    const kit = await import('drizzle-kit/api');
    const now = asWritten(await kit.generateSQLiteDrizzleJson(sqliteSchema));
    expect(isDeepStrictEqual(now.tables, latestSnapshot('migrations').tables), 'schema.ts changed since the last migration: run npm run db:generate').toBe(
      true,
    );
  });

  it('migrations-pg/ is up to date with schema-pg.ts', async () => {
    const kit = await import('drizzle-kit/api');
    const now = asWritten(kit.generateDrizzleJson(pgSchema));
    expect(
      isDeepStrictEqual(now.tables, latestSnapshot('migrations-pg').tables),
      'schema-pg.ts changed since the last migration: run npm run db:generate',
    ).toBe(true);
    // The comparison sees a change: without one table the snapshots differ.
    const { users: _users, ...fewer } = pgSchema;
    expect(isDeepStrictEqual(asWritten(kit.generateDrizzleJson(fewer)).tables, latestSnapshot('migrations-pg').tables)).toBe(false);
  });
});
