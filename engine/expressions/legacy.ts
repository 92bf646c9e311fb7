/**
 * The pre-expression ("legacy") request parameters and DynamoDB's rule that a request may not mix
 * them with expressions.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html
 */
import { ValidationException } from '../errors.ts';
import type { AttributeValue } from '../values/attribute-value.ts';
import { compareForCondition } from '../values/compare.ts';
import { attributeTypeOf, validateAttributeValue } from '../values/validate.ts';
import type { Comparator, ConditionNode, PathNode, ProjectionNode, UpdateAction, UpdateNode, ValueNode } from './ast.ts';
import { checkConditionCount, type KeyAttributeCondition, type KeyConditions } from './key-condition.ts';

export const LEGACY_PARAMETERS = [
  'AttributesToGet',
  'AttributeUpdates',
  'ConditionalOperator',
  'Expected',
  'KeyConditions',
  'QueryFilter',
  'ScanFilter',
] as const;

export type LegacyParameter = (typeof LEGACY_PARAMETERS)[number];

/**
 * Refuses a request that sets both expression and non-expression parameters, with AWS's
 * message. Pass the parameters the operation knows, in the order AWS names them (dynalite's
 * order): e.g. Query: ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'] and
 * ['AttributesToGet', 'QueryFilter', 'ConditionalOperator', 'KeyConditions'].
 * As in DynamoDB, KeyConditions alongside other expressions but without a
 * KeyConditionExpression is not counted as mixing.
 */
export function checkExpressionParameterMix(
  request: Readonly<Record<string, unknown>>,
  expressionParameters: readonly string[],
  legacyParameters: readonly string[],
): void {
  const expressions = expressionParameters.filter((p) => request[p] != null);
  if (expressions.length === 0) return;
  let legacy = legacyParameters.filter((p) => request[p] != null);
  if (request.KeyConditions != null && request.KeyConditionExpression == null) {
    legacy = legacy.filter((p) => p !== 'KeyConditions');
  }
  if (legacy.length > 0) {
    throw new ValidationException(
      `Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {${legacy.join(', ')}} Expression parameters: {${expressions.join(', ')}}`,
    );
  }
}

/*
 * The legacy parameters, converted into the same trees the expressions compile to, so that an
 * operation can support them with no second evaluator. Each converter validates its parameter
 * with AWS's messages (dynalite's validateAttributeConditions, validateConditions and the
 * UpdateItem and Query/Scan validations). Values must already be shaped (phase one); they are
 * validated and normalised here.
 */

/** A condition of QueryFilter, ScanFilter or KeyConditions. */
export interface LegacyCondition {
  readonly ComparisonOperator?: string;
  readonly AttributeValueList?: readonly AttributeValue[];
}

/** One entry of Expected. */
export interface ExpectedAttributeValue extends LegacyCondition {
  readonly Value?: AttributeValue;
  readonly Exists?: boolean;
}

/** One entry of AttributeUpdates. */
export interface AttributeValueUpdate {
  readonly Action?: string;
  readonly Value?: AttributeValue;
}

const invalid = (message: string) => new ValidationException(`One or more parameter values were invalid: ${message}`);

/** Operand counts per operator: a number, or [minimum] for IN. */
const OPERAND_COUNTS: Readonly<Record<string, number | readonly [number]>> = {
  NULL: 0,
  NOT_NULL: 0,
  EQ: 1,
  NE: 1,
  LE: 1,
  LT: 1,
  GE: 1,
  GT: 1,
  CONTAINS: 1,
  NOT_CONTAINS: 1,
  BEGINS_WITH: 1,
  IN: [1],
  BETWEEN: 2,
};

/** Types each operator accepts in QueryFilter, ScanFilter and KeyConditions. */
const OPERATOR_TYPES: Readonly<Record<string, readonly string[]>> = {
  EQ: ['S', 'N', 'B', 'SS', 'NS', 'BS'],
  NE: ['S', 'N', 'B', 'SS', 'NS', 'BS'],
  LE: ['S', 'N', 'B'],
  LT: ['S', 'N', 'B'],
  GE: ['S', 'N', 'B'],
  GT: ['S', 'N', 'B'],
  CONTAINS: ['S', 'N', 'B'],
  NOT_CONTAINS: ['S', 'N', 'B'],
  BEGINS_WITH: ['S', 'B'],
  IN: ['S', 'N', 'B'],
  BETWEEN: ['S', 'N', 'B'],
};

function countFits(operator: string, count: number): boolean {
  const expected = OPERAND_COUNTS[operator];
  if (expected === undefined) return false;
  return typeof expected === 'number' ? count === expected : count >= expected[0];
}

function checkValueList(operator: string, values: readonly AttributeValue[]): void {
  if (values.length > 0) {
    const type = attributeTypeOf(values[0]!);
    if (values.some((v) => attributeTypeOf(v) !== type)) {
      throw invalid('AttributeValues inside AttributeValueList must be of same type');
    }
  }
  if (operator === 'BETWEEN') {
    const order = compareForCondition(values[0]!, values[1]!);
    if (order !== undefined && order > 0) {
      throw new ValidationException('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound');
    }
  }
}

function conditionFor(attribute: string, operator: string, values: readonly AttributeValue[]): ConditionNode {
  const path: PathNode = { kind: 'Path', elements: [attribute] };
  const operands: ValueNode[] = values.map((value) => ({ kind: 'Value', name: '', value }));
  const comparison = (op: Comparator): ConditionNode => ({ kind: 'Comparison', operator: op, left: path, right: operands[0]! });
  switch (operator) {
    case 'EQ':
      return comparison('=');
    case 'NE':
      return comparison('<>');
    case 'LT':
      return comparison('<');
    case 'LE':
      return comparison('<=');
    case 'GT':
      return comparison('>');
    case 'GE':
      return comparison('>=');
    case 'NULL':
      return { kind: 'Function', name: 'attribute_not_exists', args: [path] };
    case 'NOT_NULL':
      return { kind: 'Function', name: 'attribute_exists', args: [path] };
    case 'CONTAINS':
      return { kind: 'Function', name: 'contains', args: [path, operands[0]!] };
    case 'NOT_CONTAINS':
      return { kind: 'Not', operand: { kind: 'Function', name: 'contains', args: [path, operands[0]!] } };
    case 'BEGINS_WITH':
      return { kind: 'Function', name: 'begins_with', args: [path, operands[0]!] };
    case 'IN':
      return { kind: 'In', operand: path, candidates: operands };
    default:
      return { kind: 'Between', operand: path, low: operands[0]!, high: operands[1]! };
  }
}

function combine(conditions: ConditionNode[], conditionalOperator: string | undefined): ConditionNode | undefined {
  if (conditions.length === 0) return undefined;
  const kind = conditionalOperator === 'OR' ? 'Or' : 'And';
  return conditions.reduce((left, right) => ({ kind, left, right }));
}

/** Validates QueryFilter, ScanFilter or KeyConditions entries; returns them with normalised values. */
function validateLegacyConditions(conditions: Readonly<Record<string, LegacyCondition>>): [string, string, AttributeValue[]][] {
  const out: [string, string, AttributeValue[]][] = [];
  for (const [attribute, condition] of Object.entries(conditions)) {
    const operator = condition.ComparisonOperator ?? '';
    const values = (condition.AttributeValueList ?? []).map(validateAttributeValue);
    if (!countFits(operator, values.length)) {
      throw invalid(`Invalid number of argument(s) for the ${operator} ComparisonOperator`);
    }
    if (values.length > 0 && values.some((v) => attributeTypeOf(v) !== attributeTypeOf(values[0]!))) {
      throw invalid('AttributeValues inside AttributeValueList must be of same type');
    }
    const allowed = OPERATOR_TYPES[operator];
    const wrong = allowed ? values.map(attributeTypeOf).find((t) => !allowed.includes(t)) : undefined;
    if (wrong !== undefined) throw invalid(`ComparisonOperator ${operator} is not valid for ${wrong} AttributeValue type`);
    checkValueList(operator, values);
    out.push([attribute, operator, values]);
  }
  return out;
}

/** QueryFilter or ScanFilter (with ConditionalOperator) as a filter condition; undefined when empty. */
export function conditionFromLegacyFilter(filter: Readonly<Record<string, LegacyCondition>>, conditionalOperator?: string): ConditionNode | undefined {
  return combine(
    validateLegacyConditions(filter).map(([attribute, operator, values]) => conditionFor(attribute, operator, values)),
    conditionalOperator,
  );
}

/** KeyConditions as the same one-condition-per-attribute form a KeyConditionExpression compiles to. */
export function keyConditionsFromLegacy(keyConditions: Readonly<Record<string, LegacyCondition>>): KeyConditions {
  const conditions = new Map<string, KeyAttributeCondition>();
  for (const [attribute, operator, values] of validateLegacyConditions(keyConditions)) {
    if (!['EQ', 'LE', 'LT', 'GE', 'GT', 'BEGINS_WITH', 'BETWEEN'].includes(operator)) {
      throw new ValidationException('Attempted conditional constraint is not an indexable operation');
    }
    conditions.set(attribute, { operator: operator as KeyAttributeCondition['operator'], values });
  }
  checkConditionCount(conditions.size);
  return { conditions };
}

/** Expected (with ConditionalOperator) as a condition; undefined when empty. */
export function conditionFromExpected(expected: Readonly<Record<string, ExpectedAttributeValue>>, conditionalOperator?: string): ConditionNode | undefined {
  const conditions: ConditionNode[] = [];
  for (const [attribute, entry] of Object.entries(expected)) {
    if (entry.AttributeValueList != null && entry.Value != null) {
      throw invalid(`Value and AttributeValueList cannot be used together for Attribute: ${attribute}`);
    }
    if (entry.ComparisonOperator != null) {
      const operator = entry.ComparisonOperator;
      if (entry.Exists != null) {
        throw invalid(`Exists and ComparisonOperator cannot be used together for Attribute: ${attribute}`);
      }
      if (operator !== 'NULL' && operator !== 'NOT_NULL' && entry.AttributeValueList == null && entry.Value == null) {
        throw invalid(`Value or AttributeValueList must be used with ComparisonOperator: ${operator} for Attribute: ${attribute}`);
      }
      const raw = entry.AttributeValueList ?? (entry.Value != null ? [entry.Value] : []);
      const values = raw.map(validateAttributeValue);
      if (!countFits(operator, values.length)) {
        throw invalid(`Invalid number of argument(s) for the ${operator} ComparisonOperator`);
      }
      checkValueList(operator, values);
      conditions.push(conditionFor(attribute, operator, values));
      continue;
    }
    if (entry.AttributeValueList != null) {
      throw invalid(`AttributeValueList can only be used with a ComparisonOperator for Attribute: ${attribute}`);
    }
    const exists = entry.Exists == null || entry.Exists;
    if (exists && entry.Value == null) {
      throw invalid(`Value must be provided when Exists is ${entry.Exists == null ? 'null' : String(entry.Exists)} for Attribute: ${attribute}`);
    }
    if (!exists && entry.Value != null) {
      throw invalid(`Value cannot be used when Exists is false for Attribute: ${attribute}`);
    }
    conditions.push(exists ? conditionFor(attribute, 'EQ', [validateAttributeValue(entry.Value!)]) : conditionFor(attribute, 'NULL', []));
  }
  return combine(conditions, conditionalOperator);
}

/** AttributesToGet as a projection. */
export function projectionFromAttributesToGet(names: readonly string[]): ProjectionNode {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw invalid(`Duplicate value in attribute name: ${name}`);
    seen.add(name);
  }
  return { kind: 'Projection', paths: names.map((name) => ({ kind: 'Path', elements: [name] })) };
}

/**
 * AttributeUpdates as an update: PUT is SET, DELETE without a value is REMOVE, DELETE with a set
 * removes members, ADD adds to a number or set and appends to a list.
 */
export function updateFromAttributeUpdates(updates: Readonly<Record<string, AttributeValueUpdate>>): UpdateNode {
  const actions: UpdateAction[] = [];
  for (const [attribute, update] of Object.entries(updates)) {
    const action = update.Action ?? 'PUT';
    const path: PathNode = { kind: 'Path', elements: [attribute] };
    if (update.Value == null) {
      if (action !== 'DELETE') throw invalid('Only DELETE action is allowed when no attribute value is specified');
      actions.push({ kind: 'Remove', path });
      continue;
    }
    const value: ValueNode = { kind: 'Value', name: '', value: validateAttributeValue(update.Value) };
    const type = attributeTypeOf(value.value);
    if (action === 'DELETE') {
      if (type !== 'SS' && type !== 'NS' && type !== 'BS') {
        throw invalid(`DELETE action with value is not supported for the type ${type}`);
      }
      actions.push({ kind: 'Delete', path, value });
    } else if (action === 'ADD') {
      if (type === 'L') {
        const empty: ValueNode = { kind: 'Value', name: '', value: { L: [] } };
        actions.push({
          kind: 'Set',
          path,
          value: { kind: 'ListAppend', left: { kind: 'IfNotExists', path, fallback: empty }, right: value },
        });
      } else if (type === 'N' || type === 'SS' || type === 'NS' || type === 'BS') {
        actions.push({ kind: 'Add', path, value });
      } else {
        throw invalid(`ADD action is not supported for the type ${type}`);
      }
    } else {
      actions.push({ kind: 'Set', path, value });
    }
  }
  return { kind: 'Update', actions };
}
