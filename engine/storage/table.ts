/**
 * One table: its definition, its items (a Collection) and one Collection per secondary index,
 * kept in step on every write. Knows nothing of requests or capacity; operations/ does that.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.CoreComponents.html
 */
import { newAttributeMap, type Item, type ScalarAttributeType } from '../values/attribute-value.ts';
import { itemSize } from '../values/item-size.ts';
import { Collection, type Entry } from './collection.ts';
import { encodeKeyValue, joinEncoded } from './key-encoding.ts';

export interface KeyAttribute {
  readonly name: string;
  readonly type: ScalarAttributeType;
}

export interface KeySchema {
  /** The partition key; on a GSI keyed on several attributes, the first of them. */
  readonly hash: KeyAttribute;
  /** The sort key; on a GSI keyed on several attributes, the first sort key attribute. */
  readonly range?: KeyAttribute | undefined;
  /**
   * A GSI keyed on several attributes (up to four partition key and four sort key attributes,
   * added in 2025): every partition key attribute in KeySchema order. Absent when there is one.
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html
   */
  readonly hashParts?: readonly KeyAttribute[] | undefined;
  /** Every sort key attribute of such a GSI, in KeySchema order. Absent when there are fewer than two. */
  readonly rangeParts?: readonly KeyAttribute[] | undefined;
}

/** The partition key attributes of a key schema, in order (one, except on a multi-attribute GSI). */
export function partitionAttributes(key: KeySchema): readonly KeyAttribute[] {
  return key.hashParts ?? [key.hash];
}

/** The sort key attributes of a key schema, in order (none or one, except on a multi-attribute GSI). */
export function sortAttributes(key: KeySchema): readonly KeyAttribute[] {
  return key.rangeParts ?? (key.range ? [key.range] : []);
}

/** True when the partition key or the sort key is made of several attributes. */
export function isMultiAttributeKey(key: KeySchema): boolean {
  return key.hashParts !== undefined || key.rangeParts !== undefined;
}

/**
 * The encoded partition key or sort key of `item` from its attributes `parts` (joined so that
 * the strings order like the tuples, as DynamoDB orders a multi-attribute sort key attribute by
 * attribute, left to right), or undefined when one is missing or of another type (sparse index).
 */
export function encodeKeyParts(parts: readonly KeyAttribute[], item: Item): string | undefined {
  if (parts.length === 1) {
    const v = item[parts[0]!.name];
    return v && parts[0]!.type in v ? encodeKeyValue(v) : undefined;
  }
  const encoded: string[] = [];
  for (const part of parts) {
    const v = item[part.name];
    if (!v || !(part.type in v)) return undefined;
    encoded.push(encodeKeyValue(v));
  }
  return joinEncoded(encoded);
}

export type ProjectionType = 'ALL' | 'KEYS_ONLY' | 'INCLUDE';

export interface Projection {
  readonly type: ProjectionType;
  readonly nonKeyAttributes?: readonly string[] | undefined;
}

export interface Throughput {
  readCapacityUnits: number;
  writeCapacityUnits: number;
  lastIncreaseDateTime?: number | undefined;
  lastDecreaseDateTime?: number | undefined;
  numberOfDecreasesToday: number;
}

export type IndexStatus = 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE';

export interface IndexDefinition {
  readonly name: string;
  readonly kind: 'local' | 'global';
  readonly key: KeySchema;
  readonly projection: Projection;
  /** Global indexes on provisioned tables have their own throughput. */
  throughput?: Throughput | undefined;
  status: IndexStatus;
  backfilling?: boolean;
}

export type BillingMode = 'PROVISIONED' | 'PAY_PER_REQUEST';
export type TableStatus = 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE';

export interface TimeToLive {
  status: 'ENABLED' | 'DISABLED' | 'ENABLING' | 'DISABLING';
  attributeName?: string | undefined;
}

export interface TableDefinition {
  readonly name: string;
  readonly key: KeySchema;
  attributeDefinitions: { AttributeName: string; AttributeType: ScalarAttributeType }[];
  billingMode: BillingMode;
  /** Seconds since the epoch, engine time, when the billing mode last changed. */
  billingModeChangedAt?: number | undefined;
  throughput: Throughput;
  /** Seconds since the epoch, engine time. */
  readonly createdAt: number;
  readonly tableId: string;
  readonly arn: string;
  status: TableStatus;
  timeToLive: TimeToLive;
  deletionProtection?: boolean | undefined;
  /** Resource tags, key to value. */
  tags?: Record<string, string> | undefined;
  /** Point-in-time recovery while enabled (engine/operations/continuous-backups.ts); undefined when disabled. */
  pointInTimeRecovery?: { readonly enabledAt: number; readonly recoveryPeriodInDays: number } | undefined;
  /** The view type of the table's enabled stream; undefined while no stream is enabled. */
  streamViewType?: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | undefined;
  /** The most recent stream's ARN and label, kept after the stream is disabled (as AWS keeps them). */
  latestStream?: { readonly arn: string; readonly label: string } | undefined;
}

/**
 * Told of every item a table stores or deletes, with the item before and after (undefined when
 * absent), so that DynamoDB Streams can record changes in one place (engine/streams/store.ts).
 */
export type ChangeListener = (table: Table, at: string, before: Item | undefined, after: Item | undefined) => void;

/** Where an item sits in a collection: its partition and its position within the partition. */
export interface StorageKey {
  readonly partition: string;
  readonly sort: string;
  readonly range: string;
}

/** What a write did to one index: the entry it removed and the entry it added, if any. */
export interface IndexChange {
  readonly index: IndexDefinition;
  readonly removed?: Entry | undefined;
  readonly added?: Entry | undefined;
  /** True when the item's index key changed: a delete plus a put on the index. */
  readonly moved: boolean;
}

export interface WriteResult {
  readonly old?: Entry | undefined;
  readonly indexChanges: readonly IndexChange[];
}

interface IndexStore {
  readonly definition: IndexDefinition;
  readonly items: Collection;
}

export class Table {
  readonly definition: TableDefinition;
  readonly items: Collection;
  readonly indexes: Map<string, IndexStore>;
  /** Set by the Database that holds the table; a clone starts without one. */
  onChange: ChangeListener | undefined;

  constructor(definition: TableDefinition, items = new Collection(), indexes = new Map<string, IndexStore>()) {
    this.definition = definition;
    this.items = items;
    this.indexes = indexes;
  }

  /** A copy sharing items and partitions until either side writes (see Collection). */
  clone(): Table {
    const definition = structuredClone(this.definition);
    const indexes = new Map<string, IndexStore>();
    for (const [name, store] of this.indexes) {
      indexes.set(name, { definition: structuredClone(store.definition), items: store.items.clone() });
    }
    return new Table(definition, this.items.clone(), indexes);
  }

  get keySchema(): KeySchema {
    return this.definition.key;
  }

  /** The storage key of a key or item that holds the table's key attributes (already validated). */
  storageKey(key: Item): StorageKey {
    const { hash, range } = this.definition.key;
    const partition = encodeKeyValue(key[hash.name]!);
    const sort = range ? encodeKeyValue(key[range.name]!) : '';
    return { partition, sort, range: sort };
  }

  get(key: Item): Entry | undefined {
    const { hash, range } = this.definition.key;
    const partition = encodeKeyValue(key[hash.name]!);
    const sort = range ? encodeKeyValue(key[range.name]!) : '';
    return this.items.get(partition, sort);
  }

  /** Stores `item` (whose size is `size`), replacing any item with the same key. */
  put(item: Item, size = itemSize(item)): WriteResult {
    const at = this.storageKey(item);
    const old = this.items.put(at.partition, { sort: at.sort, range: at.range, item, size });
    this.onChange?.(this, `${at.partition}\u0000${at.sort}`, old?.item, item);
    return { old, indexChanges: this.updateIndexes(old?.item, item) };
  }

  delete(key: Item): WriteResult {
    const at = this.storageKey(key);
    const old = this.items.delete(at.partition, at.sort);
    if (old) this.onChange?.(this, `${at.partition}\u0000${at.sort}`, old.item, undefined);
    return { old, indexChanges: old ? this.updateIndexes(old.item, undefined) : [] };
  }

  index(name: string): IndexStore | undefined {
    return this.indexes.get(name);
  }

  addIndex(definition: IndexDefinition): IndexStore {
    const store: IndexStore = { definition, items: new Collection() };
    this.indexes.set(definition.name, store);
    // Backfill: every existing item that has the index keys enters the new index.
    for (let p = 0; p < this.items.partitionCount; p++) {
      for (const entry of this.items.partitionAt(p)!.entries) {
        const added = this.indexEntry(definition, entry.item);
        if (added) store.items.put(added.partition, added.entry);
      }
    }
    return store;
  }

  removeIndex(name: string): void {
    this.indexes.delete(name);
  }

  /** The entry `item` has in `index`, or undefined when the item lacks an index key (sparse). */
  indexEntry(index: IndexDefinition, item: Item): { partition: string; entry: Entry } | undefined {
    // On a multi-attribute GSI an item enters only when it has every key attribute.
    const partition = encodeKeyParts(partitionAttributes(index.key), item);
    if (partition === undefined) return undefined;
    const rangeParts = sortAttributes(index.key);
    const range = rangeParts.length ? encodeKeyParts(rangeParts, item) : '';
    if (range === undefined) return undefined;
    const table = this.definition.key;
    const parts = [range];
    // Items with equal index keys are ordered by the table key, which also makes the position unique.
    if (index.kind === 'global') parts.push(encodeKeyValue(item[table.hash.name]!));
    if (table.range) parts.push(encodeKeyValue(item[table.range.name]!));
    const projected = projectForIndex(this.definition.key, index, item);
    return {
      partition,
      entry: { sort: joinEncoded(parts), range, item: projected, size: itemSize(projected) },
    };
  }

  /** The index storage key of an ExclusiveStartKey holding both table and index keys. */
  indexStorageKey(index: IndexDefinition, key: Item): StorageKey {
    const table = this.definition.key;
    const rangeParts = sortAttributes(index.key);
    const range = rangeParts.length ? encodeKeyParts(rangeParts, key)! : '';
    const parts = [range];
    if (index.kind === 'global') parts.push(encodeKeyValue(key[table.hash.name]!));
    if (table.range) parts.push(encodeKeyValue(key[table.range.name]!));
    return { partition: encodeKeyParts(partitionAttributes(index.key), key)!, sort: joinEncoded(parts), range };
  }

  private updateIndexes(oldItem: Item | undefined, newItem: Item | undefined): IndexChange[] {
    if (this.indexes.size === 0) return [];
    const changes: IndexChange[] = [];
    for (const store of this.indexes.values()) {
      const before = oldItem ? this.indexEntry(store.definition, oldItem) : undefined;
      const after = newItem ? this.indexEntry(store.definition, newItem) : undefined;
      if (!before && !after) continue;
      let removed: Entry | undefined;
      const moved = before !== undefined && after !== undefined && !(after.partition === before.partition && after.entry.sort === before.entry.sort);
      if (before && (moved || !after)) {
        removed = store.items.delete(before.partition, before.entry.sort);
      }
      let added: Entry | undefined;
      if (after) {
        const replaced = store.items.put(after.partition, after.entry);
        if (replaced) removed = replaced;
        added = after.entry;
      }
      changes.push({ index: store.definition, removed, added, moved });
    }
    return changes;
  }
}

/** The attributes an index stores for an item: its keys, the table's keys, and the projection. */
export function projectForIndex(table: KeySchema, index: IndexDefinition, item: Item): Item {
  if (index.projection.type === 'ALL') return item;
  const out = newAttributeMap();
  const copy = (name: string | undefined) => {
    if (name === undefined) return;
    const v = item[name];
    if (v !== undefined) out[name] = v;
  };
  copy(table.hash.name);
  copy(table.range?.name);
  for (const k of partitionAttributes(index.key)) copy(k.name);
  for (const k of sortAttributes(index.key)) copy(k.name);
  if (index.projection.type === 'INCLUDE') for (const name of index.projection.nonKeyAttributes ?? []) copy(name);
  return out;
}

/** Names of the attributes an index holds, or undefined when it holds them all. */
export function projectedAttributeNames(table: KeySchema, index: IndexDefinition): Set<string> | undefined {
  if (index.projection.type === 'ALL') return undefined;
  const names = new Set<string>([table.hash.name]);
  if (table.range) names.add(table.range.name);
  for (const k of partitionAttributes(index.key)) names.add(k.name);
  for (const k of sortAttributes(index.key)) names.add(k.name);
  if (index.projection.type === 'INCLUDE') for (const n of index.projection.nonKeyAttributes ?? []) names.add(n);
  return names;
}
