/**
 * Fixtures of hands-on questions: a table with its indexes and items, built once per variant
 * in the engine and then copied with Database.clone() for every run, so a grade never rebuilds
 * a table. Built fixtures live in a small LRU keyed by their resolved spec.
 */
import { Database, type Item } from '../../engine/index.ts';
import { FIXTURE_GENERATORS } from './fixture-generators.ts';
import { marshallItem } from './request-input.ts';
import { LruCache } from '../lru-cache.ts';

/** A fixture as the scenario declares it, after placeholders are filled. Items are plain JSON. */
export interface FixtureSpec {
  /** A CreateTable request: the engine validates it, so its errors are DynamoDB's. */
  readonly table: Record<string, unknown>;
  /** A named pure generator (fixture-generators.ts) that adds visible and hidden items. */
  readonly generator?: { readonly name: string; readonly args: Readonly<Record<string, unknown>> };
  readonly items?: readonly Record<string, unknown>[];
  /** Items the learner is not shown: they catch answers that only fit the sample. */
  readonly hidden?: readonly Record<string, unknown>[];
  /** Items written over the base for the condition replay: the state where the condition must fail. */
  readonly conflict?: readonly Record<string, unknown>[];
}

export interface Fixture {
  readonly tableName: string;
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
  /** Never written: clone() it. */
  readonly base: Database;
  readonly conflict: Database | undefined;
  readonly visible: readonly Item[];
  readonly hidden: readonly Item[];
  /** Key fingerprints of the hidden items, to say "not in the sample you were shown". */
  readonly hiddenKeys: ReadonlySet<string>;
  /** The CreateTable request, for the editor's table summary. */
  readonly table: Readonly<Record<string, unknown>>;
}

export const FIXTURE_LIMITS = { maxItems: 2_000, cacheSize: 64 } as const;

export class FixtureError extends Error {
  override readonly name = 'FixtureError';
}

/** Engine time is fixed: fixtures and grades must not depend on the wall clock. */
const FIXED_NOW = Date.UTC(2025, 0, 1);

/** A fingerprint of an item's table key, or undefined when the item lacks it (a projection). */
export function keyFingerprint(item: Item, hashKey: string, rangeKey: string | undefined): string | undefined {
  const hash = item[hashKey];
  const range = rangeKey === undefined ? undefined : item[rangeKey];
  if (hash === undefined || (rangeKey !== undefined && range === undefined)) return undefined;
  return JSON.stringify([hash, range ?? null]);
}

function toItems(list: readonly Record<string, unknown>[] | undefined, what: string): Item[] {
  return (list ?? []).map((plain, i) => {
    const item = marshallItem(plain, `${what}[${i}]`);
    if (typeof item === 'string') throw new FixtureError(item);
    return item;
  });
}

export function buildFixture(spec: FixtureSpec): Fixture {
  const generated = spec.generator ? runGenerator(spec.generator.name, spec.generator.args) : { items: [], hidden: [] };
  const visible = [...toItems(spec.items, 'items'), ...toItems(generated.items, 'generated')];
  const hidden = [...toItems(spec.hidden, 'hidden'), ...toItems(generated.hidden, 'generated hidden')];
  if (visible.length + hidden.length > FIXTURE_LIMITS.maxItems) {
    throw new FixtureError(`The fixture holds ${visible.length + hidden.length} items; the limit is ${FIXTURE_LIMITS.maxItems}`);
  }
  const base = new Database({ now: () => FIXED_NOW });
  base.execute('CreateTable', spec.table);
  const tableName = String(spec.table.TableName);
  const keySchema = spec.table.KeySchema as { AttributeName: string; KeyType: string }[];
  const hashKey = keySchema.find((k) => k.KeyType === 'HASH')!.AttributeName;
  const rangeKey = keySchema.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  for (const item of [...visible, ...hidden]) base.execute('PutItem', { TableName: tableName, Item: item });
  let conflict: Database | undefined;
  if (spec.conflict) {
    conflict = base.clone();
    for (const item of toItems(spec.conflict, 'conflict')) conflict.execute('PutItem', { TableName: tableName, Item: item });
  }
  const hiddenKeys = new Set(hidden.map((item) => keyFingerprint(item, hashKey, rangeKey)).filter((k): k is string => k !== undefined));
  return { tableName, hashKey, rangeKey, base, conflict, visible, hidden, hiddenKeys, table: spec.table };
}

function runGenerator(name: string, args: Readonly<Record<string, unknown>>) {
  const generator = Object.hasOwn(FIXTURE_GENERATORS, name) ? FIXTURE_GENERATORS[name] : undefined;
  if (!generator) throw new FixtureError(`Unknown fixture generator "${name}"; known: ${Object.keys(FIXTURE_GENERATORS).join(', ')}`);
  return generator(args);
}

const cache = new LruCache<string, Fixture>(FIXTURE_LIMITS.cacheSize);

/** The fixture for a spec, built on first use and then served from the LRU. */
export function loadFixture(spec: FixtureSpec): Fixture {
  const key = JSON.stringify(spec);
  const cached = cache.get(key);
  if (cached) return cached;
  const fixture = buildFixture(spec);
  cache.set(key, fixture);
  return fixture;
}

/** Every item of the table, in the engine's Scan order. */
export function scanAll(db: Database, tableName: string): Item[] {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = db.execute('Scan', { TableName: tableName, ...(start ? { ExclusiveStartKey: start } : {}) }) as { Items: Item[]; LastEvaluatedKey?: Item };
    items.push(...page.Items);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
