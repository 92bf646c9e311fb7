/**
 * BatchWriteItem: up to 25 puts and deletes across tables, each charged on its own. Every
 * request is applied; nothing is throttled, so UnprocessedItems is always empty.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 */
import { CapacityTally, shapeConsumedCapacities, type ReturnConsumedCapacity } from '../capacity/consumed.ts';
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import type { Table } from '../storage/table.ts';
import { newAttributeMap, type Item } from '../values/attribute-value.ts';
import { itemSize } from '../values/item-size.ts';
import { MAX_ITEM_SIZE, validateItem, validateItemKey, validateKey, VALUE_MESSAGES } from '../values/validate.ts';
import { keyIdentity, TABLE_NAME_KEYS } from './batch-get-item.ts';
import { checkIndexKeyTypes, checkSandboxBytes, chargeWrite, tableKey } from './common.ts';
import { checkItemCollectionSize, hasLocalIndexes, itemCollectionMetrics } from './item-collections.ts';
import { RETURN_CONSUMED_CAPACITY_FIELD, RETURN_ITEM_COLLECTION_METRICS_FIELD, type Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';

export const BATCH_WRITE_MAX_REQUESTS = 25;

const shape: ShapeSpec = {
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
  ReturnItemCollectionMetrics: RETURN_ITEM_COLLECTION_METRICS_FIELD,
  RequestItems: {
    type: 'Map<java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    keys: TABLE_NAME_KEYS,
    values: { lengthLessThanOrEqual: 25, lengthGreaterThanOrEqual: 1 },
    children: {
      type: 'ParameterizedList',
      children: {
        type: 'ValueStruct<WriteRequest>',
        children: {
          DeleteRequest: { type: 'FieldStruct<DeleteRequest>', children: { Key: { type: 'Item', notNull: true } } },
          PutRequest: { type: 'FieldStruct<PutRequest>', children: { Item: { type: 'Item', notNull: true } } },
        },
      },
    },
  },
};

interface WriteRequest {
  PutRequest?: { Item: Item };
  DeleteRequest?: { Key: Item };
}

function validate(request: Record<string, unknown>): void {
  const requestItems = request.RequestItems as Record<string, WriteRequest[]>;
  let count = 0;
  for (const tableName of Object.keys(requestItems)) {
    for (const write of requestItems[tableName]!) {
      if ((write.PutRequest === undefined) === (write.DeleteRequest === undefined)) {
        throw new ValidationException('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
      }
      if (write.PutRequest) {
        write.PutRequest.Item = validateItem(write.PutRequest.Item);
        if (itemSize(write.PutRequest.Item) > MAX_ITEM_SIZE) throw new ValidationException(VALUE_MESSAGES.itemSize);
      } else write.DeleteRequest!.Key = validateItem(write.DeleteRequest!.Key);
      count++;
    }
  }
  if (count > BATCH_WRITE_MAX_REQUESTS) throw new ValidationException('Too many items requested for the BatchWriteItem call');
}

function keyOfWrite(table: Table, write: WriteRequest): Item {
  const item = write.PutRequest ? write.PutRequest.Item : write.DeleteRequest!.Key;
  const key = newAttributeMap();
  for (const k of tableKey(table)) key[k.name] = item[k.name]!;
  return key;
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const requestItems = request.RequestItems as Record<string, WriteRequest[]>;
  // Everything is checked before anything is written, so a bad request changes nothing.
  const plan: { table: Table; writes: WriteRequest[] }[] = [];
  let growth = 0;
  for (const name of Object.keys(requestItems)) {
    const table = db.table(name);
    const writes = requestItems[name]!;
    const seen = new Set<string>();
    for (const write of writes) {
      if (write.PutRequest) {
        validateItemKey(write.PutRequest.Item, tableKey(table));
        checkIndexKeyTypes(table, write.PutRequest.Item);
        growth += itemSize(write.PutRequest.Item);
      } else validateKey(write.DeleteRequest!.Key, tableKey(table));
      const identity = keyIdentity(keyOfWrite(table, write));
      if (seen.has(identity)) throw new ValidationException('Provided list of item keys contains duplicates');
      seen.add(identity);
    }
    plan.push({ table, writes });
  }
  checkSandboxBytes(db, growth);
  // Item collections (tables with LSIs) are checked up front too, so that a batch that would
  // overflow one writes nothing.
  for (const { table, writes } of plan) {
    if (!hasLocalIndexes(table)) continue;
    const growthByCollection = new Map<string, { key: Item; growth: number }>();
    for (const write of writes) {
      if (!write.PutRequest) continue;
      const item = write.PutRequest.Item;
      const id = keyIdentity({ [table.keySchema.hash.name]: item[table.keySchema.hash.name]! });
      const entry = growthByCollection.get(id) ?? { key: item, growth: 0 };
      const old = table.get(item)?.item;
      entry.growth += itemSize(item) - (old ? itemSize(old) : 0);
      for (const { definition } of table.indexes.values()) {
        if (definition.kind !== 'local') continue;
        entry.growth += (table.indexEntry(definition, item)?.entry.size ?? 0) - (old ? (table.indexEntry(definition, old)?.entry.size ?? 0) : 0);
      }
      growthByCollection.set(id, entry);
    }
    for (const { key, growth: bytes } of growthByCollection.values()) checkItemCollectionSize(table, key, bytes, db.limits.itemCollectionBytes);
  }

  const tallies = new Map<string, CapacityTally>();
  const touched = new Map<string, Item[]>();
  for (const { table, writes } of plan) {
    const tally = new CapacityTally();
    for (const write of writes) {
      if (write.PutRequest) {
        const item = write.PutRequest.Item;
        const size = itemSize(item);
        const result = table.put(item, size);
        tally.merge(chargeWrite(result.old?.size ?? 0, size, result.indexChanges));
      } else {
        const result = table.delete(write.DeleteRequest!.Key);
        tally.merge(chargeWrite(result.old?.size ?? 0, 0, result.indexChanges));
      }
      const keys = touched.get(table.definition.name) ?? [];
      keys.push(keyOfWrite(table, write));
      touched.set(table.definition.name, keys);
    }
    tallies.set(table.definition.name, tally);
  }
  const response: Record<string, unknown> = { UnprocessedItems: {} };
  for (const [name, tally] of tallies) db.meter(name, 'write', tally.total);
  const consumed = shapeConsumedCapacities(tallies, request.ReturnConsumedCapacity as ReturnConsumedCapacity, 'write');
  if (consumed) response.ConsumedCapacity = consumed;
  if (request.ReturnItemCollectionMetrics === 'SIZE') {
    const metrics: Record<string, unknown[]> = {};
    for (const { table } of plan) {
      // One entry per item collection written, however many of its items were.
      const byCollection = new Map<string, Record<string, unknown>>();
      for (const key of touched.get(table.definition.name) ?? []) {
        const metrics = itemCollectionMetrics(table, key);
        if (metrics) byCollection.set(JSON.stringify(metrics.ItemCollectionKey), metrics);
      }
      const list = [...byCollection.values()];
      if (list.length) metrics[table.definition.name] = list;
    }
    response.ItemCollectionMetrics = metrics;
  }
  return response;
}

export const batchWriteItem: Operation = { shape, validate, run };
