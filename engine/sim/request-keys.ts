/**
 * Which partitions a request touches, read off the request before or after the engine runs
 * it. A request the engine would reject yields nothing here; the engine then throws its own
 * error with AWS's text.
 */
import { keyConditionFor } from '../expressions/index.ts';
import { keyAttributes } from '../operations/common.ts';
import { checkConstraints } from '../operations/constraints.ts';
import { compiledExpressions } from '../operations/expression-support.ts';
import { OPERATIONS } from '../operations/registry.ts';
import { checkShape } from '../operations/shape.ts';
import type { Table } from '../storage/table.ts';
import type { AttributeValue, Item } from '../values/attribute-value.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The partition key value of an item or key, when present and a key value (one S, N or B string; the engine refuses anything else). */
export function hashValue(table: Table, itemOrKey: unknown): AttributeValue | undefined {
  if (!isObject(itemOrKey)) return undefined;
  const v = itemOrKey[table.keySchema.hash.name];
  if (!isObject(v)) return undefined;
  const types = Object.keys(v);
  if (types.length !== 1 || (types[0] !== 'S' && types[0] !== 'N' && types[0] !== 'B') || typeof v[types[0]] !== 'string') return undefined;
  return v as AttributeValue;
}

/** The item or key a single-item write names (PutItem's Item, UpdateItem's and DeleteItem's Key). */
export function writeTarget(action: string, input: Record<string, unknown>): Item | undefined {
  const target = action === 'PutItem' ? input.Item : input.Key;
  return isObject(target) ? (target as Item) : undefined;
}

/** Each table and item or key a BatchWriteItem or TransactWriteItems names. */
export function multiWriteTargets(action: string, input: Record<string, unknown>): { table: string; target: unknown }[] {
  const out: { table: string; target: unknown }[] = [];
  if (action === 'BatchWriteItem' && isObject(input.RequestItems)) {
    for (const [table, requests] of Object.entries(input.RequestItems)) {
      if (!Array.isArray(requests)) continue;
      for (const r of requests as unknown[]) {
        if (!isObject(r)) continue;
        const put = r.PutRequest;
        const del = r.DeleteRequest;
        if (isObject(put)) out.push({ table, target: put.Item });
        else if (isObject(del)) out.push({ table, target: del.Key });
      }
    }
  }
  if (action === 'TransactWriteItems' && Array.isArray(input.TransactItems)) {
    for (const t of input.TransactItems as unknown[]) {
      if (!isObject(t)) continue;
      for (const [kind, op] of Object.entries(t)) {
        if (!isObject(op) || typeof op.TableName !== 'string' || kind === 'ConditionCheck') continue;
        out.push({ table: op.TableName, target: kind === 'Put' ? op.Item : op.Key });
      }
    }
  }
  return out;
}

/**
 * The partition key value a Query on the table or an LSI names in its key condition, found by
 * running the engine's own validation on a copy of the request; undefined when it fails.
 */
export function queryPartitionValue(table: Table, input: unknown): AttributeValue | undefined {
  try {
    const operation = OPERATIONS.Query!;
    const request = checkShape(input ?? {}, operation.shape);
    checkConstraints(request, operation.shape);
    operation.validate?.(request);
    const keyConditions = compiledExpressions(request).keyConditions;
    if (!keyConditions) return undefined;
    const indexName = request.IndexName as string | undefined;
    const keySchema = indexName ? table.index(indexName)?.definition.key : table.keySchema;
    if (!keySchema) return undefined;
    return keyConditionFor(keyConditions, keyAttributes(keySchema)).partition;
  } catch {
    return undefined;
  }
}
