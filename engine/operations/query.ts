/**
 * Query: the items of one partition (of the table or of an index) whose sort key meets the key
 * condition, in sort-key order or reversed, a page at a time.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
 */
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import { keyConditionFor, multiKeyConditionFor, type ConditionNode, type Operand, type SortKeyCondition } from '../expressions/index.ts';
import type { Entry, Partition } from '../storage/collection.ts';
import { encodeKeyValue, escapeEncoded, JOIN_AFTER, JOIN_SEPARATOR, joinEncoded } from '../storage/key-encoding.ts';
import { encodeKeyParts, isMultiAttributeKey, partitionAttributes, sortAttributes, type KeySchema } from '../storage/table.ts';
import type { AttributeValue } from '../values/attribute-value.ts';
import type { Item } from '../values/attribute-value.ts';
import { validateItem } from '../values/validate.ts';
import { ATTRIBUTES_TO_GET_FIELD, checkExpressionParameters, keyAttributes, LEGACY_FILTER_FIELD } from './common.ts';
import { compileRequestExpressions } from './expression-support.ts';
import {
  EXPRESSION_ATTRIBUTE_NAMES_FIELD,
  EXPRESSION_ATTRIBUTE_VALUES_FIELD,
  RETURN_CONSUMED_CAPACITY_FIELD,
  TABLE_NAME_FIELD,
  type Operation,
} from './operation.ts';
import { readRequestPage, resolveReadSource, type EntryCursor } from './read-page.ts';
import type { ShapeSpec } from './shape.ts';
import { checkStartKey } from './start-key.ts';

export const INDEX_NAME_REQUEST_FIELD = {
  type: 'String',
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 3,
  lengthLessThanOrEqual: 255,
} as const;

const shape: ShapeSpec = {
  Select: { type: 'String', enum: ['SPECIFIC_ATTRIBUTES', 'COUNT', 'ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES'] },
  IndexName: INDEX_NAME_REQUEST_FIELD,
  ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY_FIELD,
  QueryFilter: LEGACY_FILTER_FIELD,
  TableName: TABLE_NAME_FIELD,
  ConditionalOperator: { type: 'String', enum: ['OR', 'AND'] },
  AttributesToGet: ATTRIBUTES_TO_GET_FIELD,
  Limit: { type: 'Integer', greaterThanOrEqual: 1 },
  KeyConditions: LEGACY_FILTER_FIELD,
  ExclusiveStartKey: { type: 'Item' },
  ConsistentRead: 'Boolean',
  ScanIndexForward: 'Boolean',
  KeyConditionExpression: 'String',
  FilterExpression: 'String',
  ProjectionExpression: 'String',
  ExpressionAttributeValues: EXPRESSION_ATTRIBUTE_VALUES_FIELD,
  ExpressionAttributeNames: EXPRESSION_ATTRIBUTE_NAMES_FIELD,
};

function validate(request: Record<string, unknown>): void {
  checkExpressionParameters(
    request,
    ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'],
    ['AttributesToGet', 'QueryFilter', 'ConditionalOperator', 'KeyConditions'],
  );
  if (request.ExclusiveStartKey) request.ExclusiveStartKey = validateItem(request.ExclusiveStartKey as Item);
  if (request.KeyConditions == null && request.KeyConditionExpression == null) {
    throw new ValidationException('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  }
  compileRequestExpressions(request, ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression']);
}

/** Entry positions [from, to) of `partition` that meet the sort-key condition. */
function rangeBounds(partition: Partition, range: SortKeyCondition | undefined): [number, number] {
  const n = partition.entries.length;
  if (!range) return [0, n];
  const v = range.values.map(encodeKeyValue);
  switch (range.operator) {
    case 'EQ':
      return [partition.lowerBound(v[0]!, false), partition.lowerBound(v[0]!, true)];
    case 'LT':
      return [0, partition.lowerBound(v[0]!, false)];
    case 'LE':
      return [0, partition.lowerBound(v[0]!, true)];
    case 'GT':
      return [partition.lowerBound(v[0]!, true), n];
    case 'GE':
      return [partition.lowerBound(v[0]!, false), n];
    case 'BETWEEN':
      return [partition.lowerBound(v[0]!, false), partition.lowerBound(v[1]!, true)];
    case 'BEGINS_WITH': {
      const from = partition.lowerBound(v[0]!, false);
      let to = from;
      while (to < n && partition.entries[to]!.range.startsWith(v[0]!)) to++;
      return [from, to];
    }
  }
}

/**
 * Entry positions [from, to) of a partition of a GSI whose sort key is made of several
 * attributes (entries' `range` is their joined encoding): equality on `prefix`, the leading
 * attributes, then `last` on the next one.
 */
function multiRangeBounds(partition: Partition, prefix: readonly AttributeValue[], last: SortKeyCondition | undefined): [number, number] {
  let from = 0;
  let to = partition.entries.length;
  let head = '';
  const at = (v: AttributeValue) => head + escapeEncoded(encodeKeyValue(v));
  // Items whose component equals v sit in [lowerBound(at(v)), lowerBound(at(v) + JOIN_AFTER)).
  const lo = (v: AttributeValue) => partition.lowerBound(at(v), false);
  const hi = (v: AttributeValue) => partition.lowerBound(at(v) + JOIN_AFTER, false);
  for (const v of prefix) {
    [from, to] = [lo(v), hi(v)];
    head = at(v) + JOIN_SEPARATOR;
  }
  if (!last) return [from, to];
  const [a, b] = last.values;
  switch (last.operator) {
    case 'EQ':
      return [lo(a!), hi(a!)];
    case 'LT':
      return [from, lo(a!)];
    case 'LE':
      return [from, hi(a!)];
    case 'GT':
      return [hi(a!), to];
    case 'GE':
      return [lo(a!), to];
    case 'BETWEEN': {
      const start = lo(a!);
      return [start, Math.max(start, hi(b!))];
    }
    case 'BEGINS_WITH': {
      const text = at(a!);
      const start = partition.lowerBound(text, false);
      let end = start;
      while (end < to && partition.entries[end]!.range.startsWith(text)) end++;
      return [start, end];
    }
  }
}

/** The partition to read and the positions to read in it, from the key condition. */
interface QueryTarget {
  readonly partitionKey: string;
  readonly bounds: (partition: Partition) => [number, number];
}

function queryTarget(keySchema: KeySchema, keyConditions: Parameters<typeof keyConditionFor>[0]): QueryTarget {
  if (!isMultiAttributeKey(keySchema)) {
    const condition = keyConditionFor(keyConditions, keyAttributes(keySchema));
    return { partitionKey: encodeKeyValue(condition.partition), bounds: (p) => rangeBounds(p, condition.sort) };
  }
  const sortKeys = sortAttributes(keySchema);
  const condition = multiKeyConditionFor(keyConditions, partitionAttributes(keySchema), sortKeys);
  return {
    partitionKey: joinEncoded(condition.partition.map(encodeKeyValue)),
    // With one sort key attribute the range is that attribute's plain encoding.
    bounds: (p) => (sortKeys.length > 1 ? multiRangeBounds(p, condition.sortPrefix, condition.sort) : rangeBounds(p, condition.sort)),
  };
}

/** The top-level attribute names a condition reads. */
function pathHeads(node: ConditionNode): Set<string> {
  const heads = new Set<string>();
  const visitOperand = (o: Operand): void => {
    if (o.kind === 'Path') heads.add(o.elements[0] as string);
    else if (o.kind === 'Size') visitOperand(o.operand);
  };
  const visit = (n: ConditionNode): void => {
    switch (n.kind) {
      case 'And':
      case 'Or':
        visit(n.left);
        visit(n.right);
        break;
      case 'Not':
        visit(n.operand);
        break;
      case 'Comparison':
        visitOperand(n.left);
        visitOperand(n.right);
        break;
      case 'Between':
        [n.operand, n.low, n.high].forEach(visitOperand);
        break;
      case 'In':
        [n.operand, ...n.candidates].forEach(visitOperand);
        break;
      case 'Function':
        n.args.forEach(visitOperand);
        break;
    }
  };
  visit(node);
  return heads;
}

function cursor(entries: readonly Entry[], from: number, to: number, forward: boolean): EntryCursor {
  let i = forward ? from : to - 1;
  return forward ? () => (i < to ? entries[i++] : undefined) : () => (i >= from ? entries[i--] : undefined);
}

function run(db: Database, request: Record<string, unknown>): unknown {
  const source = resolveReadSource(db, request);
  const { table, index, keySchema, collection, expressions } = source;
  const target = queryTarget(keySchema, expressions.keyConditions!);
  if (expressions.filter) {
    const heads = pathHeads(expressions.filter);
    for (const { name } of keyAttributes(keySchema)) {
      if (heads.has(name)) {
        // dynalite's actions/query.js names the parameter the filter came from.
        const parameter = request.QueryFilter != null ? 'QueryFilter' : 'Filter Expression';
        throw new ValidationException(`${parameter} can only contain non-primary key attributes: Primary key attribute: ${name}`);
      }
    }
  }
  const start = request.ExclusiveStartKey as Item | undefined;
  if (start) {
    checkStartKey(table, index, start);
    if (encodeKeyParts(partitionAttributes(keySchema), start) !== target.partitionKey) {
      throw new ValidationException('The provided starting key is outside query boundaries based on provided conditions');
    }
  }
  const forward = request.ScanIndexForward !== false;
  const partition = collection.partition(target.partitionKey);
  let next: EntryCursor = () => undefined;
  if (partition) {
    let [from, to] = target.bounds(partition);
    if (start) {
      const at = index ? table.indexStorageKey(index, start).sort : table.storageKey(start).sort;
      const after = partition.after(at);
      if (forward) from = Math.max(from, after);
      else {
        const found = partition.find(at);
        to = Math.min(to, found >= 0 ? found : after);
      }
    }
    next = cursor(partition.entries, from, to, forward);
  }
  return readRequestPage(db, request, source, next);
}

export const query: Operation = { shape, validate, run };
