/**
 * PartiQL statements translated into the API requests DynamoDB runs for them, so that capacity,
 * indexes, streams and errors are those of the ordinary operations:
 *
 * - SELECT with an equality on the partition key: Query (a sort-key condition in the key
 *   condition, the rest as a filter); any other SELECT: Scan with the WHERE as a filter, as AWS
 *   documents ("a full table scan if an equality or IN condition with a partition key is not
 *   provided").
 * - INSERT: PutItem on condition that no item has the key (DuplicateItemException otherwise).
 * - UPDATE: UpdateItem on condition that the item exists and the rest of the WHERE holds.
 * - DELETE: DeleteItem on condition that the item is missing or the rest of the WHERE holds
 *   (AWS: deleting a missing item succeeds; an existing item failing the WHERE is a
 *   ConditionalCheckFailedException).
 *
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.select.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.delete.html
 */
import { ValidationException } from '../errors.ts';
import type { KeySchema } from '../storage/table.ts';
import type { AttributeValue, Item } from '../values/attribute-value.ts';
import { normaliseNumber } from '../values/number.ts';
import type { Expr, PathExpr, Statement } from './ast.ts';

/** AWS's texts for statements that parse but cannot run. */
export const PARTIQL_MESSAGES = {
  keyEquality: 'Where clause does not contain a mandatory equality on all key attributes',
  parameterCount: "Number of parameters in request and statement don't match.",
  // The next three are not confirmed against AWS; dynamodb-local's wording where it has one.
  unsupportedExpression: 'Unsupported expression in statement',
  insertNotMap: "Statement wasn't well formed, can't be processed: Expected a tuple in VALUE",
  mixedSet: 'Unsupported data type in Bag',
  // dynamodb-local's text (BatchExecuteStatementFunction); AWS documents EXISTS for transactions only.
  existsOutsideTransaction: 'EXISTS can only be used in ExecuteTransaction write requests.',
} as const;

/** The kind of API request a statement becomes, and the request itself. */
export interface Translation {
  readonly action: 'Query' | 'Scan' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheck';
  readonly request: Record<string, unknown>;
  /**
   * A SELECT whose partition key is one of several values (`pk IN [...]`, `pk = a OR pk = b`)
   * runs one Query per value, in the order written; `request` is the first of them.
   */
  readonly requests?: readonly Record<string, unknown>[];
  /** The key of the item a write targets (its table's key attributes). */
  readonly key?: Item;
}

/** Resolves a table (and index) to the key schema reads and writes use; throws for a missing one. */
export type KeySchemaLookup = (table: string, index?: string) => KeySchema;

/** Builds a DynamoDB expression with #n and :v placeholders for every name and value. */
class ExpressionWriter {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  private readonly nameIds = new Map<string, string>();
  private valueCount = 0;

  constructor(private readonly parameters: readonly AttributeValue[]) {}

  name(name: string): string {
    let id = this.nameIds.get(name);
    if (!id) {
      id = `#n${this.nameIds.size}`;
      this.nameIds.set(name, id);
      this.names[id] = name;
    }
    return id;
  }

  path(path: PathExpr): string {
    return path.elements.map((e, i) => (typeof e === 'number' ? `[${e}]` : `${i ? '.' : ''}${this.name(e)}`)).join('');
  }

  value(value: AttributeValue): string {
    const id = `:v${this.valueCount++}`;
    this.values[id] = value;
    return id;
  }

  /**
   * The value of a constant expression (literals, parameters, and lists, maps and sets of them).
   * A number literal beyond DynamoDB's range gets the ordinary number message with its place in
   * the value appended, " under root.x" or " under root[1]", as AWS words it (pinned by a public
   * conformance suite against AWS, October 2026).
   */
  constant(expr: Expr, at = 'root'): AttributeValue | undefined {
    switch (expr.kind) {
      case 'Literal':
        if ('N' in expr.value) {
          try {
            normaliseNumber(expr.value.N);
          } catch (error) {
            if (error instanceof ValidationException) throw new ValidationException(`${error.message} under ${at}`, {}, { cause: error });
            throw error;
          }
        }
        return expr.value;
      case 'Parameter': {
        const value = this.parameters[expr.index];
        if (!value) throw new ValidationException(PARTIQL_MESSAGES.parameterCount);
        return value;
      }
      case 'List': {
        const list: AttributeValue[] = [];
        for (const [i, element] of expr.elements.entries()) {
          const value = this.constant(element, `${at}[${i}]`);
          if (!value) return undefined;
          list.push(value);
        }
        return { L: list };
      }
      case 'Map': {
        const map: Record<string, AttributeValue> = Object.create(null);
        for (const entry of expr.entries) {
          const value = this.constant(entry.value, `${at}.${entry.key}`);
          if (!value) return undefined;
          map[entry.key] = value;
        }
        return { M: map };
      }
      case 'Set': {
        const members = expr.elements.map((e, i) => this.constant(e, `${at}[${i}]`));
        if (members.every((m) => m && 'S' in m)) return { SS: members.map((m) => (m as { S: string }).S) };
        if (members.every((m) => m && 'N' in m)) return { NS: members.map((m) => (m as { N: string }).N) };
        if (members.every((m) => m && 'B' in m)) return { BS: members.map((m) => (m as { B: string }).B) };
        throw new ValidationException(PARTIQL_MESSAGES.mixedSet);
      }
      default:
        return undefined;
    }
  }

  /** An operand of a condition: a path, size(path) or a constant. */
  operand(expr: Expr): string {
    if (expr.kind === 'Path') return this.path(expr);
    if (expr.kind === 'Call' && expr.name === 'size' && expr.args.length === 1) return `size(${this.operand(expr.args[0]!)})`;
    const value = this.constant(expr);
    if (!value) throw new ValidationException(PARTIQL_MESSAGES.unsupportedExpression);
    return this.value(value);
  }

  /** A WHERE condition as a ConditionExpression. */
  condition(expr: Expr): string {
    switch (expr.kind) {
      case 'Binary':
        if (expr.operator === 'AND' || expr.operator === 'OR') return `(${this.condition(expr.left)}) ${expr.operator} (${this.condition(expr.right)})`;
        if (expr.operator === '+' || expr.operator === '-') break;
        return `${this.operand(expr.left)} ${expr.operator} ${this.operand(expr.right)}`;
      case 'Not':
        return `NOT (${this.condition(expr.operand)})`;
      case 'Between':
        return `${this.operand(expr.operand)} BETWEEN ${this.operand(expr.low)} AND ${this.operand(expr.high)}`;
      case 'In':
        return `${this.operand(expr.operand)} IN (${expr.candidates.map((c) => this.operand(c)).join(', ')})`;
      case 'Is': {
        const test =
          expr.test === 'MISSING'
            ? `attribute_not_exists(${this.operand(expr.operand)})`
            : `attribute_type(${this.operand(expr.operand)}, ${this.value({ S: 'NULL' })})`;
        return expr.negated ? `NOT ${test}` : test;
      }
      case 'Call':
        if (['begins_with', 'contains', 'attribute_type'].includes(expr.name)) {
          return `${expr.name}(${expr.args.map((a) => this.operand(a)).join(', ')})`;
        }
        // exists(path) and missing(path), PartiQL's function forms of IS NOT MISSING and IS MISSING.
        if (expr.name === 'missing' && expr.args.length === 1) return `attribute_not_exists(${this.operand(expr.args[0]!)})`;
        if (expr.name === 'exists' && expr.args.length === 1 && expr.args[0]!.kind === 'Path') return `attribute_exists(${this.operand(expr.args[0]!)})`;
        break;
      default:
        break;
    }
    throw new ValidationException(PARTIQL_MESSAGES.unsupportedExpression);
  }

  /** The right of SET: a constant, a path, `a + b`, list_append, if_not_exists. */
  updateValue(expr: Expr): string {
    if (expr.kind === 'Binary' && (expr.operator === '+' || expr.operator === '-')) {
      return `${this.updateValue(expr.left)} ${expr.operator} ${this.updateValue(expr.right)}`;
    }
    if (expr.kind === 'Call' && (expr.name === 'list_append' || expr.name === 'if_not_exists') && expr.args.length === 2) {
      return `${expr.name}(${this.updateValue(expr.args[0]!)}, ${this.updateValue(expr.args[1]!)})`;
    }
    if (expr.kind === 'Path') return this.path(expr);
    const value = this.constant(expr);
    if (!value) throw new ValidationException(PARTIQL_MESSAGES.unsupportedExpression);
    return this.value(value);
  }

  /** ExpressionAttributeNames and ExpressionAttributeValues, when there are any. */
  placeholders(): Record<string, unknown> {
    return {
      ...(Object.keys(this.names).length && { ExpressionAttributeNames: this.names }),
      ...(Object.keys(this.values).length && { ExpressionAttributeValues: this.values }),
    };
  }
}

/** The conjuncts of a WHERE joined by AND at the top. */
function conjuncts(expr: Expr | undefined): Expr[] {
  if (!expr) return [];
  if (expr.kind === 'Binary' && expr.operator === 'AND') return [...conjuncts(expr.left), ...conjuncts(expr.right)];
  return [expr];
}

/** `name = constant` (either way round) on a top-level attribute: its name and value expression. */
function equality(expr: Expr): { name: string; value: Expr } | undefined {
  if (expr.kind !== 'Binary' || expr.operator !== '=') return undefined;
  for (const [path, value] of [
    [expr.left, expr.right],
    [expr.right, expr.left],
  ] as const) {
    if (path.kind === 'Path' && path.elements.length === 1 && value.kind !== 'Path' && value.kind !== 'Call') {
      return { name: path.elements[0] as string, value };
    }
  }
  return undefined;
}

/** The top-level attribute names a condition reads. */
function heads(expr: Expr, into = new Set<string>()): Set<string> {
  switch (expr.kind) {
    case 'Path':
      into.add(expr.elements[0] as string);
      break;
    case 'Binary':
      heads(expr.left, into);
      heads(expr.right, into);
      break;
    case 'Not':
    case 'Is':
      heads(expr.operand, into);
      break;
    case 'Between':
      for (const e of [expr.operand, expr.low, expr.high]) heads(e, into);
      break;
    case 'In':
      for (const e of [expr.operand, ...expr.candidates]) heads(e, into);
      break;
    case 'Call':
      for (const e of expr.args) heads(e, into);
      break;
    default:
      break;
  }
  return into;
}

/** A condition on the sort key that a KeyConditionExpression can hold. */
function isSortKeyCondition(expr: Expr, sortKey: string): boolean {
  const isKey = (e: Expr): boolean => e.kind === 'Path' && e.elements.length === 1 && e.elements[0] === sortKey;
  const isConstant = (e: Expr): boolean => e.kind === 'Literal' || e.kind === 'Parameter';
  if (expr.kind === 'Binary' && ['=', '<', '<=', '>', '>='].includes(expr.operator)) return isKey(expr.left) && isConstant(expr.right);
  if (expr.kind === 'Between') return isKey(expr.operand) && isConstant(expr.low) && isConstant(expr.high);
  if (expr.kind === 'Call' && expr.name === 'begins_with') return expr.args.length === 2 && isKey(expr.args[0]!) && isConstant(expr.args[1]!);
  return false;
}

function and(parts: readonly string[]): string | undefined {
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' AND ');
}

/** The full key of a write from its WHERE, and the rest of the WHERE as conditions. */
function writeTarget(where: Expr | undefined, keys: KeySchema, writer: ExpressionWriter): { key: Item; rest: Expr[] } {
  const names = keys.range ? [keys.hash.name, keys.range.name] : [keys.hash.name];
  const key: Record<string, AttributeValue> = Object.create(null);
  const rest: Expr[] = [];
  for (const c of conjuncts(where)) {
    const eq = equality(c);
    const value = eq && names.includes(eq.name) && !(eq.name in key) ? writer.constant(eq.value) : undefined;
    if (eq && value) key[eq.name] = value;
    else rest.push(c);
  }
  if (names.some((n) => !(n in key))) throw new ValidationException(PARTIQL_MESSAGES.keyEquality);
  return { key, rest };
}

/** Common members every translated request carries. */
export interface TranslationOptions {
  readonly parameters: readonly AttributeValue[];
  readonly consistentRead?: boolean;
  readonly limit?: number;
  readonly exclusiveStartKey?: Item;
  readonly returnConsumedCapacity?: string;
  readonly returnValuesOnConditionCheckFailure?: string;
}

/** Translates a parsed statement into the request of the operation that runs it. */
export function translateStatement(statement: Statement, keysOf: KeySchemaLookup, options: TranslationOptions): Translation {
  if (options.parameters.length < statement.parameterCount) throw new ValidationException(PARTIQL_MESSAGES.parameterCount);
  const writer = new ExpressionWriter(options.parameters);
  const common = {
    ...(options.returnConsumedCapacity !== undefined && { ReturnConsumedCapacity: options.returnConsumedCapacity }),
  };
  switch (statement.kind) {
    case 'Select':
      return translateSelect(statement, keysOf(statement.from.table, statement.from.index), options);
    case 'Insert': {
      const keys = keysOf(statement.table);
      // Each attribute's value is its own "root" in AWS's number messages.
      const value = statement.value;
      const item = value.kind === 'Map' ? writer.constant({ ...value, entries: [] }) : writer.constant(value);
      if (!item || !('M' in item)) throw new ValidationException(PARTIQL_MESSAGES.insertNotMap);
      if (value.kind === 'Map') {
        for (const entry of value.entries) {
          const attribute = writer.constant(entry.value);
          if (!attribute) throw new ValidationException(PARTIQL_MESSAGES.unsupportedExpression);
          (item.M as Record<string, AttributeValue>)[entry.key] = attribute;
        }
      }
      return {
        action: 'PutItem',
        request: {
          TableName: statement.table,
          Item: item.M,
          ConditionExpression: `attribute_not_exists(${writer.name(keys.hash.name)})`,
          ...writer.placeholders(),
          ...common,
        },
      };
    }
    case 'Update': {
      const keys = keysOf(statement.table);
      const { key, rest } = writeTarget(statement.where, keys, writer);
      const sets: string[] = [];
      const removes: string[] = [];
      const adds: string[] = [];
      const deletes: string[] = [];
      for (const clause of statement.clauses) {
        if (clause.kind === 'Remove') {
          removes.push(writer.path(clause.path));
          continue;
        }
        const value = clause.value;
        // SET a = set_add(a, <<...>>) and set_delete are UpdateItem's ADD and DELETE on a set.
        if (value.kind === 'Call' && (value.name === 'set_add' || value.name === 'set_delete') && value.args.length === 2) {
          const members = writer.constant(value.args[1]!);
          if (!members) throw new ValidationException(PARTIQL_MESSAGES.unsupportedExpression);
          (value.name === 'set_add' ? adds : deletes).push(`${writer.path(clause.path)} ${writer.value(members)}`);
          continue;
        }
        sets.push(`${writer.path(clause.path)} = ${writer.updateValue(value)}`);
      }
      const update = [
        sets.length ? `SET ${sets.join(', ')}` : '',
        removes.length ? `REMOVE ${removes.join(', ')}` : '',
        adds.length ? `ADD ${adds.join(', ')}` : '',
        deletes.length ? `DELETE ${deletes.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      const condition = and([`attribute_exists(${writer.name(keys.hash.name)})`, ...rest.map((c) => writer.condition(c))])!;
      return {
        action: 'UpdateItem',
        key,
        request: {
          TableName: statement.table,
          Key: key,
          UpdateExpression: update,
          ConditionExpression: condition,
          ...writer.placeholders(),
          ...(statement.returning && { ReturnValues: statement.returning }),
          ...(options.returnValuesOnConditionCheckFailure && { ReturnValuesOnConditionCheckFailure: options.returnValuesOnConditionCheckFailure }),
          ...common,
        },
      };
    }
    case 'Exists':
      throw new ValidationException(PARTIQL_MESSAGES.existsOutsideTransaction);
    case 'Delete': {
      const keys = keysOf(statement.table);
      const { key, rest } = writeTarget(statement.where, keys, writer);
      const extra = and(rest.map((c) => writer.condition(c)));
      return {
        action: 'DeleteItem',
        key,
        request: {
          TableName: statement.table,
          Key: key,
          ...(extra !== undefined && { ConditionExpression: `attribute_not_exists(${writer.name(keys.hash.name)}) OR (${extra})` }),
          ...writer.placeholders(),
          ...(statement.returning && { ReturnValues: statement.returning }),
          ...(options.returnValuesOnConditionCheckFailure && { ReturnValuesOnConditionCheckFailure: options.returnValuesOnConditionCheckFailure }),
          ...common,
        },
      };
    }
  }
}

/**
 * A SELECT that names one item by its full primary key on the table, as GetItem's request; the
 * only SELECT a transaction or a batch may hold. `refusal` is the message when it is not one.
 */
export function translateKeyRead(statement: Statement, keysOf: KeySchemaLookup, options: TranslationOptions, refusal: string): Translation & { key: Item } {
  if (statement.kind !== 'Select') throw new Error('translateKeyRead takes a SELECT');
  if (options.parameters.length < statement.parameterCount) throw new ValidationException(PARTIQL_MESSAGES.parameterCount);
  const writer = new ExpressionWriter(options.parameters);
  if (statement.from.index !== undefined) throw new ValidationException(refusal);
  const keys = keysOf(statement.from.table);
  let target: { key: Item; rest: Expr[] };
  try {
    target = writeTarget(statement.where, keys, writer);
  } catch (error) {
    if (error instanceof ValidationException) throw new ValidationException(refusal, {}, { cause: error });
    throw error;
  }
  if (target.rest.length) throw new ValidationException(refusal);
  const projection = statement.projection?.map((p) => writer.path(p)).join(', ');
  return {
    action: 'Query',
    key: target.key,
    request: {
      TableName: statement.from.table,
      Key: target.key,
      ...(projection !== undefined && { ProjectionExpression: projection, ExpressionAttributeNames: writer.names }),
      ...(options.consistentRead !== undefined && { ConsistentRead: options.consistentRead }),
      ...(options.returnConsumedCapacity !== undefined && { ReturnConsumedCapacity: options.returnConsumedCapacity }),
    },
  };
}

/**
 * EXISTS(SELECT ... WHERE <full key> AND <condition>) in a transaction of writes: a
 * TransactWriteItems ConditionCheck that the item exists and meets the rest of the WHERE.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.multiplestatements.transactions.html
 */
export function translateExists(statement: Statement, keysOf: KeySchemaLookup, options: TranslationOptions): Translation & { key: Item } {
  if (statement.kind !== 'Exists') throw new Error('translateExists takes an EXISTS');
  if (options.parameters.length < statement.parameterCount) throw new ValidationException(PARTIQL_MESSAGES.parameterCount);
  const select = statement.select;
  const writer = new ExpressionWriter(options.parameters);
  const keys = keysOf(select.from.table);
  const { key, rest } = writeTarget(select.where, keys, writer);
  const condition = and([`attribute_exists(${writer.name(keys.hash.name)})`, ...rest.map((c) => writer.condition(c))])!;
  return {
    action: 'ConditionCheck',
    key,
    request: {
      TableName: select.from.table,
      Key: key,
      ConditionExpression: condition,
      ...writer.placeholders(),
      ...(options.returnValuesOnConditionCheckFailure && { ReturnValuesOnConditionCheckFailure: options.returnValuesOnConditionCheckFailure }),
    },
  };
}

/** The partition-key values a condition allows: `pk = v`, `pk IN [v, ...]`, or an OR of those. */
function partitionValues(expr: Expr, hashName: string): Expr[] | undefined {
  const eq = equality(expr);
  if (eq) return eq.name === hashName ? [eq.value] : undefined;
  const isConstant = (e: Expr): boolean => e.kind === 'Literal' || e.kind === 'Parameter';
  if (expr.kind === 'In' && expr.operand.kind === 'Path' && expr.operand.elements.length === 1 && expr.operand.elements[0] === hashName) {
    return expr.candidates.length > 0 && expr.candidates.every(isConstant) ? [...expr.candidates] : undefined;
  }
  if (expr.kind === 'Binary' && expr.operator === 'OR') {
    const left = partitionValues(expr.left, hashName);
    const right = left && partitionValues(expr.right, hashName);
    return left && right ? [...left, ...right] : undefined;
  }
  return undefined;
}

/**
 * A SELECT as Queries when the WHERE fixes the partition key to one or more values (AWS: "an
 * equality or IN condition with a partition key"), else as a Scan with the WHERE as its filter.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.select.html
 */
function translateSelect(statement: Statement & { kind: 'Select' }, keys: KeySchema, options: TranslationOptions): Translation {
  const base = (writer: ExpressionWriter): Record<string, unknown> => {
    const projection = statement.projection?.map((p) => writer.path(p)).join(', ');
    return {
      TableName: statement.from.table,
      ...(statement.from.index !== undefined && { IndexName: statement.from.index }),
      ...(projection !== undefined && { ProjectionExpression: projection }),
      ...(options.consistentRead !== undefined && { ConsistentRead: options.consistentRead }),
      ...(options.limit !== undefined && { Limit: options.limit }),
      ...(options.exclusiveStartKey !== undefined && { ExclusiveStartKey: options.exclusiveStartKey }),
      ...(options.returnConsumedCapacity !== undefined && { ReturnConsumedCapacity: options.returnConsumedCapacity }),
    };
  };
  const parts = conjuncts(statement.where);
  const probe = new ExpressionWriter(options.parameters);
  const partition = parts.findIndex((c) => partitionValues(c, keys.hash.name)?.every((v) => probe.constant(v) !== undefined));
  if (partition >= 0) {
    const values = partitionValues(parts[partition]!, keys.hash.name)!;
    const rest = parts.filter((_, i) => i !== partition);
    const sortIndex = keys.range ? rest.findIndex((c) => isSortKeyCondition(c, keys.range!.name)) : -1;
    const sort = sortIndex >= 0 ? rest[sortIndex] : undefined;
    const filter = rest.filter((_, i) => i !== sortIndex);
    const keyNames = new Set([keys.hash.name, ...(keys.range ? [keys.range.name] : [])]);
    // A filter that reads a key attribute cannot go with a Query; the whole WHERE becomes a Scan's filter.
    if (!filter.some((c) => [...heads(c)].some((h) => keyNames.has(h)))) {
      const requests = values.map((value) => {
        const writer = new ExpressionWriter(options.parameters);
        const request = base(writer);
        const keyCondition = and([`${writer.name(keys.hash.name)} = ${writer.operand(value)}`, ...(sort ? [writer.condition(sort)] : [])])!;
        const filterExpression = and(filter.map((c) => writer.condition(c)));
        return {
          ...request,
          KeyConditionExpression: keyCondition,
          ...(filterExpression !== undefined && { FilterExpression: filterExpression }),
          ...(statement.descending && { ScanIndexForward: false }),
          ...writer.placeholders(),
        };
      });
      return { action: 'Query', request: requests[0]!, ...(requests.length > 1 && { requests }) };
    }
  }
  const writer = new ExpressionWriter(options.parameters);
  const request = base(writer);
  const filterExpression = statement.where ? writer.condition(statement.where) : undefined;
  return {
    action: 'Scan',
    request: { ...request, ...(filterExpression !== undefined && { FilterExpression: filterExpression }), ...writer.placeholders() },
  };
}
