/**
 * Pieces the item and query actions share: the check on mixing expression and legacy parameters,
 * key schemas in the form the values module validates, write charging, and the condition
 * failure every conditional write raises.
 */
import { CapacityTally } from '../capacity/consumed.ts';
import { readUnitsForSize, writeUnitsForSize, type ReadConsistency } from '../capacity/units.ts';
import { ConditionalCheckFailedException, ValidationException } from '../errors.ts';
import { partitionAttributes, sortAttributes, type IndexChange, type KeySchema, type Table } from '../storage/table.ts';
import type { Item } from '../values/attribute-value.ts';
import { valuesEqual } from '../values/compare.ts';
import type { KeyAttribute } from '../values/validate.ts';
import { checkExpressionParameterMix } from '../expressions/index.ts';

/** The legacy (pre-expression) parameters each action declares, so that their JSON types are checked. */
export const LEGACY_CONDITION_FIELD = {
  type: 'Map<ExpectedAttributeValue>',
  children: {
    type: 'ValueStruct<ExpectedAttributeValue>',
    children: {
      AttributeValueList: { type: 'List', children: 'AttributeValue' },
      ComparisonOperator: {
        type: 'String',
        enum: ['IN', 'NULL', 'BETWEEN', 'LT', 'NOT_CONTAINS', 'EQ', 'GT', 'NOT_NULL', 'NE', 'LE', 'BEGINS_WITH', 'GE', 'CONTAINS'],
      },
      Exists: 'Boolean',
      Value: 'AttributeValue',
    },
  },
} as const;

export const LEGACY_FILTER_FIELD = {
  type: 'Map<Condition>',
  children: {
    type: 'ValueStruct<Condition>',
    children: {
      AttributeValueList: { type: 'List', children: 'AttributeValue' },
      ComparisonOperator: {
        type: 'String',
        notNull: true,
        enum: ['IN', 'NULL', 'BETWEEN', 'LT', 'NOT_CONTAINS', 'EQ', 'GT', 'NOT_NULL', 'NE', 'LE', 'BEGINS_WITH', 'GE', 'CONTAINS'],
      },
    },
  },
} as const;

export const ATTRIBUTES_TO_GET_FIELD = {
  type: 'List',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 255,
  children: 'String',
} as const;

/**
 * AWS's rule against mixing expression and legacy parameters. The legacy parameters alone are
 * served: compileRequestExpressions converts them into the trees their expressions compile to.
 */
export function checkExpressionParameters(data: Record<string, unknown>, expressions: readonly string[], legacy: readonly string[]): void {
  // Without an expression parameter there is nothing to mix, and most requests carry none.
  for (const expression of expressions) {
    if (data[expression] != null) {
      checkExpressionParameterMix(data, expressions, legacy);
      return;
    }
  }
}

/** The key schema as a list, partition key first, for the values module's key checks. */
export function keyAttributes(key: KeySchema): readonly KeyAttribute[] {
  let attributes = KEY_ATTRIBUTES.get(key);
  if (!attributes) {
    attributes = [...partitionAttributes(key), ...sortAttributes(key)];
    KEY_ATTRIBUTES.set(key, attributes);
  }
  return attributes;
}

// A key schema never changes once made, and every item action asks for its list.
const KEY_ATTRIBUTES = new WeakMap<KeySchema, readonly KeyAttribute[]>();

export function readConsistency(consistentRead: unknown): ReadConsistency {
  return consistentRead === true ? 'strong' : 'eventual';
}

/** One read of an item of `bytes` (0 when missing) on the table. */
export function chargeRead(bytes: number, consistency: ReadConsistency): CapacityTally {
  const tally = new CapacityTally();
  tally.table = readUnitsForSize(bytes, consistency);
  return tally;
}

function sameProjection(a: Item, b: Item): boolean {
  return valuesEqual({ M: a }, { M: b });
}

/**
 * Write units for one write: the table is charged for the larger of the old and new item; each
 * index for what happened to its entry (a put, a delete, both when its key changed, nothing when
 * its entry is unchanged or the item is absent from a sparse index).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes
 */
export function chargeWrite(oldSize: number, newSize: number, indexChanges: readonly IndexChange[], transactional = false): CapacityTally {
  const tally = new CapacityTally();
  tally.table = writeUnitsForSize(Math.max(oldSize, newSize), transactional);
  for (const change of indexChanges) {
    let units = 0;
    if (change.removed && change.added) {
      if (change.moved) units = writeUnitsForSize(change.removed.size, transactional) + writeUnitsForSize(change.added.size, transactional);
      else if (!sameProjection(change.removed.item, change.added.item)) {
        units = writeUnitsForSize(Math.max(change.removed.size, change.added.size), transactional);
      }
    } else {
      const entry = change.removed ?? change.added;
      if (entry) units = writeUnitsForSize(entry.size, transactional);
    }
    if (units) tally.addIndex(change.index.kind, change.index.name, units);
  }
  return tally;
}

/** ConditionalCheckFailedException, with the item when ReturnValuesOnConditionCheckFailure is ALL_OLD. */
export function conditionFailed(returnValuesOnFailure: unknown, old: Item | undefined): ConditionalCheckFailedException {
  const extra = returnValuesOnFailure === 'ALL_OLD' && old ? { Item: old } : {};
  return new ConditionalCheckFailedException('The conditional request failed', extra);
}

/** Refuses a write that would take the sandbox past its byte limit. */
export function checkSandboxBytes(db: { totalBytes(): number; limits: { maxBytes: number } }, growth: number): void {
  if (growth > 0 && db.totalBytes() + growth > db.limits.maxBytes) {
    throw new ValidationException(`This sandbox is limited to ${db.limits.maxBytes} bytes of item data; delete items or tables to make room`);
  }
}

export function tableKey(table: Table): readonly KeyAttribute[] {
  return keyAttributes(table.keySchema);
}

/**
 * An attribute that is an index key must have the index's declared type, and no empty string or
 * binary, or the write is refused (dynalite db/index.js validateUpdates and validateItem).
 */
export function checkIndexKeyTypes(table: Table, item: Item): void {
  for (const { definition: index } of table.indexes.values()) {
    for (const attribute of keyAttributes(index.key)) {
      const value = item[attribute.name];
      if (value === undefined) continue;
      if (!(attribute.type in value)) {
        const actual = Object.keys(value)[0];
        throw new ValidationException(
          `One or more parameter values were invalid: Type mismatch for Index Key ${attribute.name} Expected: ${attribute.type} Actual: ${actual} IndexName: ${index.name}`,
        );
      }
      if (('S' in value && value.S === '') || ('B' in value && value.B === '')) {
        throw new ValidationException(
          `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${'S' in value ? 'string' : 'binary'} value. IndexName: ${index.name}, IndexKey: ${attribute.name}`,
        );
      }
    }
  }
}
