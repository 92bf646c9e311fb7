/**
 * What Query and Scan share once the entries to read are known: the page rule (stop at Limit
 * items read or after 1 MB read, before any filter), LastEvaluatedKey, the filter, Select and
 * the projection, and read capacity summed over the items read and rounded once.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
 */
import { CapacityTally, shapeConsumedCapacity, type ReturnConsumedCapacity } from '../capacity/consumed.ts';
import { PAGE_BYTES, readUnitsForSize, type ReadConsistency } from '../capacity/units.ts';
import { ValidationException } from '../errors.ts';
import type { ConditionNode, ProjectionNode } from '../expressions/ast.ts';
import type { Database } from '../database.ts';
import type { Collection, Entry } from '../storage/collection.ts';
import { projectedAttributeNames, type IndexDefinition, type KeySchema, type Table } from '../storage/table.ts';
import { newAttributeMap, type Item } from '../values/attribute-value.ts';
import { keyAttributes, readConsistency } from './common.ts';
import { compiledExpressions, conditionHolds, projectItem, type CompiledExpressions } from './expression-support.ts';

export type Select = 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';

/** A source of entries in read order; returns undefined when exhausted. */
export type EntryCursor = () => Entry | undefined;

export interface ReadPlan {
  readonly table: Table;
  readonly index: IndexDefinition | undefined;
  readonly limit: number | undefined;
  readonly filter: ConditionNode | undefined;
  readonly projection: ProjectionNode | undefined;
  readonly select: Select;
  readonly consistency: ReadConsistency;
  readonly returnConsumedCapacity: ReturnConsumedCapacity | undefined;
  /** Where the units read are recorded (Database.meter). */
  readonly meter: (tableName: string, kind: 'read', units: number) => void;
}

/** The index named in a Query or Scan, with AWS's checks on it. */
export function resolveIndex(table: Table, request: Record<string, unknown>): IndexDefinition | undefined {
  const name = request.IndexName as string | undefined;
  if (name === undefined) return undefined;
  const store = table.index(name);
  if (!store) throw new ValidationException(`The table does not have the specified index: ${name}`);
  if (store.definition.kind === 'global' && request.ConsistentRead === true) {
    throw new ValidationException('Consistent reads are not supported on global secondary indexes');
  }
  return store.definition;
}

/** What a Query or Scan reads: the table or the index it names, and how. */
export interface ReadSource {
  readonly table: Table;
  readonly index: IndexDefinition | undefined;
  readonly keySchema: KeySchema;
  readonly collection: Collection;
  readonly select: Select;
  readonly expressions: CompiledExpressions;
}

export function resolveReadSource(db: Database, request: Record<string, unknown>): ReadSource {
  const table = db.table(request.TableName as string);
  const index = resolveIndex(table, request);
  const select = resolveSelect(request, index);
  return {
    table,
    index,
    keySchema: index ? index.key : table.keySchema,
    collection: index ? table.index(index.name)!.items : table.items,
    select,
    expressions: compiledExpressions(request),
  };
}

/** AWS's text for Select SPECIFIC_ATTRIBUTES with neither ProjectionExpression nor AttributesToGet. */
export const SPECIFIC_ATTRIBUTES_WITHOUT_PROJECTION = 'Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES';

/** The Select a request gets: COUNT and SPECIFIC_ATTRIBUTES as asked; otherwise by index and projection. */
export function resolveSelect(request: Record<string, unknown>, index: IndexDefinition | undefined): Select {
  const select = request.Select as Select | undefined;
  // AttributesToGet is the legacy projection; AWS's text for it is not recorded by dynalite or
  // the AWS documentation, so it follows the ProjectionExpression message with the parameter's name.
  const projectionParameter = request.ProjectionExpression != null ? 'ProjectionExpression' : request.AttributesToGet != null ? 'AttributesToGet' : undefined;
  const hasProjection = projectionParameter !== undefined;
  if (select === 'SPECIFIC_ATTRIBUTES' && !hasProjection) {
    // Captured on AWS (localstack tests/aws/services/dynamodb, aws_verified): Query wraps the text
    // in the "1 validation error detected: " envelope, Scan does not. Only a Query request keeps
    // a key condition here (Scan's shape drops the member, Query's validate requires one).
    const query = request.KeyConditionExpression != null || request.KeyConditions != null;
    throw new ValidationException(`${query ? '1 validation error detected: ' : ''}${SPECIFIC_ATTRIBUTES_WITHOUT_PROJECTION}`);
  }
  if (select === 'ALL_ATTRIBUTES' && hasProjection) {
    throw new ValidationException(`Cannot specify the ${projectionParameter} when choosing to get ALL_ATTRIBUTES`);
  }
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && hasProjection) {
    throw new ValidationException(`Cannot specify the ${projectionParameter} when choosing to get ALL_PROJECTED_ATTRIBUTES`);
  }
  if (select === 'COUNT' && hasProjection) {
    throw new ValidationException(`Cannot specify the ${projectionParameter} when choosing to get only the Count`);
  }
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && !index) {
    throw new ValidationException('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
  }
  if (select === 'ALL_ATTRIBUTES' && index?.kind === 'global' && index.projection.type !== 'ALL') {
    throw new ValidationException(
      `One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index ${index.name} because its projection type is not ALL`,
    );
  }
  if (select) return select;
  if (hasProjection) return 'SPECIFIC_ATTRIBUTES';
  return index ? 'ALL_PROJECTED_ATTRIBUTES' : 'ALL_ATTRIBUTES';
}

/**
 * Whether reading through a local index must fetch the base items: ALL_ATTRIBUTES, or a
 * projection naming an attribute the index does not hold. Global indexes never fetch.
 */
function fetchesBaseItems(plan: ReadPlan): boolean {
  const index = plan.index;
  if (index?.kind !== 'local' || index.projection.type === 'ALL') return false;
  if (plan.select === 'ALL_ATTRIBUTES') return true;
  if (plan.select !== 'SPECIFIC_ATTRIBUTES' || !plan.projection) return false;
  const held = projectedAttributeNames(plan.table.keySchema, index)!;
  return plan.projection.paths.some((p) => !held.has(p.elements[0] as string));
}

/** The key attributes LastEvaluatedKey carries: the table's, plus the index's when reading one. */
export function pageKeyNames(table: Table, index: IndexDefinition | undefined): string[] {
  const names = [table.keySchema.hash.name];
  if (table.keySchema.range) names.push(table.keySchema.range.name);
  if (index) {
    for (const k of keyAttributes(index.key)) if (!names.includes(k.name)) names.push(k.name);
  }
  return names;
}

function keyOf(item: Item, names: readonly string[]): Item {
  const key = newAttributeMap();
  for (const name of names) {
    const v = item[name];
    if (v !== undefined) key[name] = v;
  }
  return key;
}

/** Reads one page from `next` and shapes the Query or Scan response. */
export function readPage(plan: ReadPlan, next: EntryCursor): Record<string, unknown> {
  const fetch = fetchesBaseItems(plan);
  const items: Item[] = [];
  let scanned = 0;
  let bytes = 0;
  let fetchedUnits = 0;
  let last: Entry | undefined;
  let truncated = false;
  for (;;) {
    if ((plan.limit !== undefined && scanned >= plan.limit) || bytes >= PAGE_BYTES) {
      truncated = true;
      break;
    }
    const entry = next();
    if (!entry) break;
    scanned++;
    bytes += entry.size;
    last = entry;
    let item = entry.item;
    if (fetch) {
      const base = plan.table.get(item);
      if (base) {
        item = base.item;
        fetchedUnits += readUnitsForSize(base.size, plan.consistency);
      }
    }
    if (!conditionHolds(plan.filter, item)) continue;
    items.push(item);
  }
  const response: Record<string, unknown> = {};
  if (plan.select !== 'COUNT') {
    response.Items = plan.select === 'SPECIFIC_ATTRIBUTES' ? items.map((i) => projectItem(plan.projection, i)) : items;
  }
  response.Count = items.length;
  response.ScannedCount = scanned;
  if (truncated && last) response.LastEvaluatedKey = keyOf(last.item, pageKeyNames(plan.table, plan.index));

  const tally = new CapacityTally();
  const units = readUnitsForSize(bytes, plan.consistency);
  if (plan.index) {
    tally.addIndex(plan.index.kind, plan.index.name, units);
    tally.table = fetchedUnits;
  } else tally.table = units;
  plan.meter(plan.table.definition.name, 'read', tally.total);
  const consumed = shapeConsumedCapacity(plan.table.definition.name, tally, plan.returnConsumedCapacity, 'read');
  if (consumed) response.ConsumedCapacity = consumed;
  return response;
}

/** Reads one page of a Query or Scan request from `next`, with the request's Limit, filter, projection and capacity options. */
export function readRequestPage(db: Database, request: Record<string, unknown>, source: ReadSource, next: EntryCursor): Record<string, unknown> {
  return readPage(
    {
      table: source.table,
      index: source.index,
      limit: request.Limit as number | undefined,
      filter: source.expressions.filter,
      projection: source.expressions.projection,
      select: source.select,
      consistency: readConsistency(request.ConsistentRead),
      returnConsumedCapacity: request.ReturnConsumedCapacity as ReturnConsumedCapacity | undefined,
      meter: (name, kind, units) => db.meter(name, kind, units),
    },
    next,
  );
}
