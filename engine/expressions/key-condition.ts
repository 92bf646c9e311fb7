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
          throw fail(
            'Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand',
          );
        }
        record(conditions, [node.operand, node.low, node.high], 'BETWEEN');
        break;
      case 'Function':
        if (node.name !== 'begins_with') throw fail(`Invalid operator used in KeyConditionExpression: ${node.name}`);
        if (node.args[0]!.kind !== 'Path') {
          throw fail(
            'Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand',
          );
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
      throw fail(
        `One or more parameter values were invalid: ComparisonOperator ${c.operator} is not valid for ${invalid} AttributeValue type`,
      );
    }
    if (c.operator === 'BETWEEN') {
      const order = compareForCondition(c.values[0]!, c.values[1]!);
      if (order !== undefined && order > 0) {
        throw fail('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound');
      }
    }
  }
  if (conditions.size !== 1 && conditions.size !== 2) throw fail('Conditions can be of length 1 or 2 only');
  return { conditions };
}

/**
 * Maps a key condition onto a table's (or index's) key schema, partition key first: equality
 * on the partition key, at most one condition on the sort key, nothing else.
 */
export function keyConditionFor(keyConditions: KeyConditions, keySchema: readonly KeyAttribute[]): ResolvedKeyCondition {
  const { conditions } = keyConditions;
  const [partitionKey, sortKey] = keySchema;
  if (partitionKey === undefined) throw fail('The provided key element does not match the schema');
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
    if (condition.values.some((v) => !(attribute.type in v))) {
      throw fail('One or more parameter values were invalid: Condition parameter type does not match schema type');
    }
    const empty = condition.values.find((v) => ('S' in v && v.S === '') || ('B' in v && v.B === ''));
    if (empty !== undefined) {
      throw fail(
        `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${'S' in empty ? 'string' : 'binary'} value. Key: ${attribute.name}`,
      );
    }
    if (isPartition) {
      if (condition.operator !== 'EQ') throw fail('Query key condition not supported');
      partition = condition.values[0];
    } else sort = { attribute: attribute.name, ...condition };
  }
  if (sortKey === undefined && conditions.size > 1) throw fail('Query key condition not supported');
  return { partitionKey: partitionKey.name, partition: partition!, ...(sort ? { sort } : {}) };
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

