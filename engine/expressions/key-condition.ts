/**
 * KeyConditionExpression: which shapes DynamoDB accepts (checked once the expression is parsed,
 * before the table is known) and how the condition maps onto a table's key schema.
 * Messages follow dynalite's convertKeyCondition and Query action, which mirror AWS.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
 */
import { ValidationException } from '../errors.ts';
import type { AttributeValue } from '../values/attribute-value.ts';
import { compareForCondition, decodeBase64 } from '../values/compare.ts';
import { attributeTypeOf, type KeyAttribute } from '../values/validate.ts';
import type { ConditionNode, Operand } from './ast.ts';

/** A condition on one key attribute, as the legacy KeyConditions parameter would state it. */
export interface KeyAttributeCondition {
  readonly operator: 'EQ' | 'LT' | 'LE' | 'GT' | 'GE' | 'BETWEEN' | 'BEGINS_WITH';
  readonly values: readonly AttributeValue[];
}

/** A shape-checked KeyConditionExpression: one condition per named attribute. */
export interface KeyConditions {
  readonly conditions: ReadonlyMap<string, KeyAttributeCondition>;
}

/** The sort key part of a Query: the operator and its one or two values. */
export interface SortKeyCondition extends KeyAttributeCondition {
  readonly attribute: string;
}

/** A Query's key condition resolved against the table's key schema. */
export interface ResolvedKeyCondition {
  readonly partitionKey: string;
  readonly partition: AttributeValue;
  readonly sort?: SortKeyCondition;
}

const fail = (message: string) => new ValidationException(message);

const FLIPPED = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;
const OPERATOR_NAMES = { '=': 'EQ', '<': 'LT', '<=': 'LE', '>': 'GT', '>=': 'GE' } as const;

/** Types each operator accepts, from the legacy ComparisonOperator rules. */
const VALID_TYPES: Readonly<Record<KeyAttributeCondition['operator'], readonly string[]>> = {
  EQ: ['S', 'N', 'B', 'SS', 'NS', 'BS'],
  LT: ['S', 'N', 'B'],
  LE: ['S', 'N', 'B'],
  GT: ['S', 'N', 'B'],
  GE: ['S', 'N', 'B'],
  BETWEEN: ['S', 'N', 'B'],
  BEGINS_WITH: ['S', 'B'],
};

function record(
  conditions: Map<string, KeyAttributeCondition>,
  args: readonly Operand[],
  operator: KeyAttributeCondition['operator'] | 'COMPARE',
  comparator?: keyof typeof FLIPPED,
): void {
  let attribute: string | undefined;
  let attributeIndex = 0;
  args.forEach((arg, i) => {
    if (arg.kind === 'Size') throw fail('KeyConditionExpressions cannot contain nested operations');
    if (arg.kind !== 'Path') return;
    if (attribute !== undefined) {
      throw fail('Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition');
    }
    if (arg.elements.length > 1) throw fail('KeyConditionExpressions cannot have conditions on nested attributes');
    attribute = arg.elements[0] as string;
    attributeIndex = i;
  });
  if (attribute === undefined) throw fail('Invalid condition in KeyConditionExpression: No key attribute specified');
  if (conditions.has(attribute)) throw fail('KeyConditionExpressions must only contain one condition per key');
  const values = args.filter((_, i) => i !== attributeIndex).map((a) => (a as { value: AttributeValue }).value);
  let name: KeyAttributeCondition['operator'];
  if (operator === 'COMPARE') {
    const effective = attributeIndex === 0 ? comparator! : FLIPPED[comparator!];
    name = OPERATOR_NAMES[effective];
  } else name = operator;
  conditions.set(attribute, { operator: name, values });
}

/**
 * Checks the shape of a parsed KeyConditionExpression: only `=`, `<`, `<=`, `>`, `>=`,
 * BETWEEN and begins_with on top-level attributes, joined by AND, one condition per attribute.
 */
export function checkKeyConditionShape(condition: ConditionNode): KeyConditions {
  const conditions = new Map<string, KeyAttributeCondition>();
  const stack: ConditionNode[] = [condition];
  const leaves: ConditionNode[] = [];
  // Depth-first, left to right, so "one condition per key" names the same clause DynamoDB does.
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'And') stack.push(node.right, node.left);
    else leaves.push(node);
  }
  for (const node of leaves) {
    switch (node.kind) {
      case 'Or':
      case 'Not':
      case 'In':
        throw fail(`Invalid operator used in KeyConditionExpression: ${node.kind.toUpperCase()}`);
      case 'Comparison':
        if (node.operator === '<>') throw fail('Invalid operator used in KeyConditionExpression: <>');
        record(conditions, [node.left, node.right], 'COMPARE', node.operator);
        break;
      case 'Between':
        if (node.operand.kind !== 'Path') {
          throw fail('Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand');
        }
        record(conditions, [node.operand, node.low, node.high], 'BETWEEN');
        break;
      case 'Function':
        if (node.name !== 'begins_with') throw fail(`Invalid operator used in KeyConditionExpression: ${node.name}`);
        if (node.args[0]!.kind !== 'Path') {
          throw fail('Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand');
        }
        record(conditions, node.args, 'BEGINS_WITH');
        break;
      case 'And':
        break;
    }
  }
  for (const [, c] of conditions) {
    const types = c.values.map(attributeTypeOf);
    if (types.some((t) => t !== types[0])) {
      throw fail('One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type');
    }
    const invalid = types.find((t) => !VALID_TYPES[c.operator].includes(t));
    if (invalid !== undefined) {
      throw fail(`One or more parameter values were invalid: ComparisonOperator ${c.operator} is not valid for ${invalid} AttributeValue type`);
    }
    if (c.operator === 'BETWEEN') {
      const order = compareForCondition(c.values[0]!, c.values[1]!);
      if (order !== undefined && order > 0) {
        throw fail('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound');
      }
    }
  }
  checkConditionCount(conditions.size);
  return { conditions };
}

/**
 * The most conditions a key condition can hold: one per key attribute of a GSI keyed on four
 * partition key and four sort key attributes.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html
 */
export const MAX_KEY_CONDITIONS = 8;

/**
 * Before the table is known, more than two conditions can only be refused when no key schema
 * could take them (since GSIs keyed on several attributes); keyConditionFor refuses a third
 * condition on a single-attribute key schema with the same message.
 */
export function checkConditionCount(size: number): void {
  if (size < 1 || size > MAX_KEY_CONDITIONS) throw fail('Conditions can be of length 1 or 2 only');
}

/**
 * Maps a key condition onto a table's (or index's) key schema, partition key first: equality
 * on the partition key, at most one condition on the sort key, nothing else.
 */
export function keyConditionFor(keyConditions: KeyConditions, keySchema: readonly KeyAttribute[]): ResolvedKeyCondition {
  const { conditions } = keyConditions;
  const [partitionKey, sortKey] = keySchema;
  if (partitionKey === undefined) throw fail('The provided key element does not match the schema');
  if (conditions.size > 2) throw fail('Conditions can be of length 1 or 2 only');
  let sort: SortKeyCondition | undefined;
  let partition: AttributeValue | undefined;
  for (const [i, attribute] of keySchema.entries()) {
    const isPartition = i === 0;
    if (isPartition && keySchema.length === 1 && conditions.size > 1) throw fail('Query key condition not supported');
    const condition = conditions.get(attribute.name);
    if (condition === undefined) {
      if (isPartition || conditions.size > 1) throw fail(`Query condition missed key schema element: ${attribute.name}`);
      continue;
    }
    checkConditionValues(attribute, condition);
    if (isPartition) {
      if (condition.operator !== 'EQ') throw fail('Query key condition not supported');
      partition = condition.values[0];
    } else sort = { attribute: attribute.name, ...condition };
  }
  if (sortKey === undefined && conditions.size > 1) throw fail('Query key condition not supported');
  return { partitionKey: partitionKey.name, partition: partition!, ...(sort ? { sort } : {}) };
}

/** A Query's key condition resolved against a GSI keyed on several attributes. */
export interface ResolvedMultiKeyCondition {
  /** The value of each partition key attribute, in KeySchema order. */
  readonly partition: readonly AttributeValue[];
  /** Equality on the leading sort key attributes, left to right, before `sort`. */
  readonly sortPrefix: readonly AttributeValue[];
  /** The condition on the last sort key attribute named (equality included). */
  readonly sort?: SortKeyCondition;
}

function checkConditionValues(attribute: KeyAttribute, condition: KeyAttributeCondition): void {
  if (condition.values.some((v) => !(attribute.type in v))) {
    throw fail('One or more parameter values were invalid: Condition parameter type does not match schema type');
  }
  const empty = condition.values.find((v) => ('S' in v && v.S === '') || ('B' in v && v.B === ''));
  if (empty !== undefined) {
    throw fail(
      `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${'S' in empty ? 'string' : 'binary'} value. Key: ${attribute.name}`,
    );
  }
}

/**
 * Maps a key condition onto a GSI keyed on several attributes, as AWS documents it: equality on
 * every partition key attribute; sort key attributes named left to right without a gap, equality
 * on all but the last named, which may take any key operator.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html
 * AWS's messages for these refusals are not published; they reuse its single-attribute texts
 * ("missed key schema element" for a missing or skipped attribute, "not supported" otherwise).
 */
export function multiKeyConditionFor(
  keyConditions: KeyConditions,
  partitionKeys: readonly KeyAttribute[],
  sortKeys: readonly KeyAttribute[],
): ResolvedMultiKeyCondition {
  const { conditions } = keyConditions;
  const partition: AttributeValue[] = [];
  for (const attribute of partitionKeys) {
    const condition = conditions.get(attribute.name);
    if (condition === undefined) throw fail(`Query condition missed key schema element: ${attribute.name}`);
    checkConditionValues(attribute, condition);
    if (condition.operator !== 'EQ') throw fail('Query key condition not supported');
    partition.push(condition.values[0]!);
  }
  const named = sortKeys.map((k) => conditions.get(k.name));
  let used = 0;
  while (used < named.length && named[used] !== undefined) used++;
  const gap = named.findIndex((c, i) => i > used && c !== undefined);
  if (gap !== -1 || partition.length + used !== conditions.size) {
    if (used < sortKeys.length) throw fail(`Query condition missed key schema element: ${sortKeys[used]!.name}`);
    throw fail('Query key condition not supported');
  }
  const sortPrefix: AttributeValue[] = [];
  let sort: SortKeyCondition | undefined;
  for (let i = 0; i < used; i++) {
    const attribute = sortKeys[i]!;
    const condition = named[i]!;
    checkConditionValues(attribute, condition);
    if (i < used - 1) {
      // Only the last sort key attribute named may take a range condition.
      if (condition.operator !== 'EQ') throw fail('Query key condition not supported');
      sortPrefix.push(condition.values[0]!);
    } else sort = { attribute: attribute.name, ...condition };
  }
  return { partition, sortPrefix, ...(sort ? { sort } : {}) };
}

/** True when a sort key value satisfies the sort key condition. */
export function matchesSortKeyCondition(condition: SortKeyCondition, value: AttributeValue | undefined): boolean {
  if (value === undefined) return false;
  const [first, second] = condition.values;
  const order = compareForCondition(value, first!);
  if (order === undefined) return false;
  switch (condition.operator) {
    case 'EQ':
      return order === 0;
    case 'LT':
      return order < 0;
    case 'LE':
      return order <= 0;
    case 'GT':
      return order > 0;
    case 'GE':
      return order >= 0;
    case 'BETWEEN': {
      const upper = compareForCondition(value, second!);
      return order >= 0 && upper !== undefined && upper <= 0;
    }
    case 'BEGINS_WITH':
      if ('S' in value && 'S' in first!) return value.S.startsWith(first.S);
      if ('B' in value && 'B' in first!) return prefixBytes(value.B, first.B);
      return false;
  }
}

function prefixBytes(value: string, prefix: string): boolean {
  // Canonical base64 of a byte prefix is not a text prefix, so compare decoded bytes.
  const a = decodeBase64(value);
  const b = decodeBase64(prefix);
  return b.length <= a.length && b.every((byte, i) => a[i] === byte);
}
