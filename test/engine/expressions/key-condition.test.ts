import { describe, expect, it } from 'vitest';
import { ValidationException } from '../../../engine/errors.ts';
import { checkKeyConditionShape, keyConditionFor, matchesSortKeyCondition } from '../../../engine/expressions/key-condition.ts';
import { createPlaceholderContext, parseCondition } from '../../../engine/expressions/parser.ts';
import type { AttributeValue } from '../../../engine/values/attribute-value.ts';
import type { KeyAttribute } from '../../../engine/values/validate.ts';

const VALUES: Record<string, AttributeValue> = {
  ':p': { S: 'p' },
  ':one': { N: '1' },
  ':two': { N: '2' },
  ':s': { S: 'ab' },
  ':bool': { BOOL: true },
  ':bin': { B: 'AQ==' },
  ':empty': { S: '' },
};
const COMPOSITE: KeyAttribute[] = [
  { name: 'pk', type: 'S' },
  { name: 'sk', type: 'N' },
];
const SIMPLE: KeyAttribute[] = [{ name: 'pk', type: 'S' }];
const STRING_SORT: KeyAttribute[] = [
  { name: 'pk', type: 'S' },
  { name: 'sk', type: 'S' },
];

function shape(source: string) {
  return checkKeyConditionShape(parseCondition(source, 'KeyConditionExpression', createPlaceholderContext({ '#k': 'sk' }, VALUES)));
}

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationException);
    return (e as Error).message;
  }
  throw new Error('expected a ValidationException');
}

describe('keyConditionFor', () => {
  it.each([
    ['pk = :p', { partitionKey: 'pk', partition: { S: 'p' } }],
    ['pk = :p AND sk = :one', { partitionKey: 'pk', partition: { S: 'p' }, sort: { attribute: 'sk', operator: 'EQ', values: [{ N: '1' }] } }],
    [':p = pk AND :one < #k', { partitionKey: 'pk', partition: { S: 'p' }, sort: { attribute: 'sk', operator: 'GT', values: [{ N: '1' }] } }],
    ['(pk = :p) AND (sk <= :two)', { partitionKey: 'pk', partition: { S: 'p' }, sort: { attribute: 'sk', operator: 'LE', values: [{ N: '2' }] } }],
    [
      'sk BETWEEN :one AND :two AND pk = :p',
      { partitionKey: 'pk', partition: { S: 'p' }, sort: { attribute: 'sk', operator: 'BETWEEN', values: [{ N: '1' }, { N: '2' }] } },
    ],
  ])('%s', (source, expected) => {
    expect(keyConditionFor(shape(source), COMPOSITE)).toEqual(expected);
  });

  it('accepts begins_with on a string sort key', () => {
    const schema: KeyAttribute[] = [
      { name: 'pk', type: 'S' },
      { name: 'sk', type: 'S' },
    ];
    expect(keyConditionFor(shape('pk = :p AND begins_with(sk, :s)'), schema).sort).toEqual({
      attribute: 'sk',
      operator: 'BEGINS_WITH',
      values: [{ S: 'ab' }],
    });
  });

  it.each([
    ['pk = :p OR sk = :one', 'Invalid operator used in KeyConditionExpression: OR'],
    ['NOT pk = :p', 'Invalid operator used in KeyConditionExpression: NOT'],
    ['pk IN (:p)', 'Invalid operator used in KeyConditionExpression: IN'],
    ['pk <> :p', 'Invalid operator used in KeyConditionExpression: <>'],
    ['attribute_exists(pk)', 'Invalid operator used in KeyConditionExpression: attribute_exists'],
    ['contains(pk, :p)', 'Invalid operator used in KeyConditionExpression: contains'],
    ['size(pk) = :one', 'KeyConditionExpressions cannot contain nested operations'],
    ['pk.a = :p', 'KeyConditionExpressions cannot have conditions on nested attributes'],
    ['pk = sk', 'Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition'],
    [':p = :p', 'Invalid condition in KeyConditionExpression: No key attribute specified'],
    ['pk = :p AND pk = :p', 'KeyConditionExpressions must only contain one condition per key'],
    [':one BETWEEN sk AND :two', 'Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand'],
    ['begins_with(:s, sk)', 'Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand'],
    [
      'pk = :p AND begins_with(sk, :one)',
      'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
    ],
    ['pk = :bool', 'One or more parameter values were invalid: ComparisonOperator EQ is not valid for BOOL AttributeValue type'],
  ])('refuses %s', (source, message) => {
    expect(messageOf(() => shape(source))).toBe(message);
  });

  it.each([
    [COMPOSITE, 'sk = :one', 'Query condition missed key schema element: pk'],
    [COMPOSITE, 'pk = :p AND colour = :one', 'Query condition missed key schema element: sk'],
    [COMPOSITE, 'pk < :p', 'Query key condition not supported'],
    [COMPOSITE, 'pk = :one', 'One or more parameter values were invalid: Condition parameter type does not match schema type'],
    [COMPOSITE, 'pk = :p AND sk = :s', 'One or more parameter values were invalid: Condition parameter type does not match schema type'],
    [SIMPLE, 'pk = :p AND sk = :one', 'Query key condition not supported'],
    [SIMPLE, 'colour = :p', 'Query condition missed key schema element: pk'],
    // Three conditions pass the shape check (a multi-attribute GSI takes up to eight) but not a two-attribute schema.
    [COMPOSITE, 'pk = :p AND a = :p AND b = :p', 'Conditions can be of length 1 or 2 only'],
    [
      STRING_SORT,
      'pk = :p AND sk > :empty',
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: sk',
    ],
  ] as [KeyAttribute[], string, string][])('with schema %j refuses %s', (schema, source, message) => {
    expect(messageOf(() => keyConditionFor(shape(source), schema))).toBe(message);
  });
});

describe('matchesSortKeyCondition', () => {
  const cond = (operator: 'EQ' | 'LT' | 'LE' | 'GT' | 'GE' | 'BETWEEN' | 'BEGINS_WITH', ...values: AttributeValue[]) => ({
    attribute: 'sk',
    operator,
    values,
  });
  it.each<[ReturnType<typeof cond>, AttributeValue | undefined, boolean]>([
    [cond('EQ', { N: '1' }), { N: '1.0' }, true],
    [cond('LT', { N: '10' }), { N: '9' }, true],
    [cond('LT', { N: '10' }), { N: '10' }, false],
    [cond('LE', { N: '10' }), { N: '10' }, true],
    [cond('GT', { S: 'b' }), { S: 'ba' }, true],
    [cond('GE', { S: 'b' }), { S: 'a' }, false],
    [cond('BETWEEN', { N: '1' }, { N: '3' }), { N: '3' }, true],
    [cond('BETWEEN', { N: '1' }, { N: '3' }), { N: '3.1' }, false],
    [cond('BEGINS_WITH', { S: 'ab' }), { S: 'abc' }, true],
    [cond('BEGINS_WITH', { S: 'ab' }), { S: 'b' }, false],
    [cond('BEGINS_WITH', { B: 'AQ==' }), { B: 'AQI=' }, true],
    [cond('BEGINS_WITH', { B: 'Ag==' }), { B: 'AQI=' }, false],
    [cond('EQ', { N: '1' }), undefined, false],
    [cond('EQ', { N: '1' }), { S: '1' }, false],
  ])('%j on %j -> %s', (condition, value, expected) => {
    expect(matchesSortKeyCondition(condition, value)).toBe(expected);
  });
});
