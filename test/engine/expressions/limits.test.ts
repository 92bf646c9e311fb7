/**
 * Expression limits at their boundaries: exactly at the limit accepted, one past refused.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters
 */
import { describe, expect, it } from 'vitest';
import { ValidationException } from '../../../engine/errors.ts';
import { compileExpressions, type ExpressionInput } from '../../../engine/expressions/index.ts';
import { countOperators } from '../../../engine/expressions/limits.ts';
import { createPlaceholderContext, parseCondition, parseUpdate } from '../../../engine/expressions/parser.ts';

const V = { ':v': { N: '1' } };

function messageOf(input: ExpressionInput): string | undefined {
  try {
    compileExpressions(input);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationException);
    return (e as Error).message;
  }
}

/** `count` comparisons joined by AND (count + count - 1 operators), with `nots` of them negated. */
function condition(count: number, nots = 0): string {
  return Array.from({ length: count }, (_, i) => `${i < nots ? 'NOT ' : ''}a = :v`).join(' AND ');
}

/** SET of `count` distinct attributes, each `xN = xN + :v` (one operator each). */
function update(count: number): string {
  return `SET ${Array.from({ length: count }, (_, i) => `x${i}=x${i}+:v`).join(',')}`;
}

const nameKey = (bytes: number) => `#${'n'.repeat(bytes - 1)}`;
const valueKey = (bytes: number) => `:${'v'.repeat(bytes - 1)}`;
const path = (levels: number) => ['a', ...Array.from({ length: levels - 1 }, () => 'b')].join('.');

describe('expression limits', () => {
  it('counts operators and functions as the limit does', () => {
    const context = createPlaceholderContext({}, { ...V, ':s': { S: 's' }, ':l': { L: [] } });
    expect(countOperators(parseCondition(condition(150, 1), 'ConditionExpression', context))).toBe(300);
    expect(countOperators(parseCondition('size(a) > :v OR begins_with(b, :s) AND c BETWEEN :v AND :v AND d IN (:v, :v)', 'FilterExpression', context))).toBe(8);
    expect(countOperators(parseUpdate('SET a = if_not_exists(a, :v), b = list_append(b, :l), c = c - :v REMOVE d', context))).toBe(3);
  });

  it.each([
    ['a ConditionExpression with 300 operators', { ConditionExpression: condition(150, 1), ExpressionAttributeValues: V }, undefined],
    ['a FilterExpression with 300 operators', { FilterExpression: condition(150, 1), ExpressionAttributeValues: V }, undefined],
    ['an UpdateExpression with 300 operators', { UpdateExpression: update(300), ExpressionAttributeValues: V }, undefined],
    [
      'an expression attribute name placeholder of 255 bytes',
      { ProjectionExpression: nameKey(255), ExpressionAttributeNames: { [nameKey(255)]: 'a' } },
      undefined,
    ],
    [
      'an expression attribute value placeholder of 255 bytes',
      { ConditionExpression: `a = ${valueKey(255)}`, ExpressionAttributeValues: { [valueKey(255)]: { N: '1' } } },
      undefined,
    ],
    ['a document path of 32 levels', { ProjectionExpression: path(32) }, undefined],
    ['list index 2147483647', { ProjectionExpression: 'a[2147483647]' }, undefined],
  ] as [string, ExpressionInput, undefined][])('accepts %s', (_, input) => {
    expect(messageOf(input)).toBeUndefined();
  });

  it.each([
    [
      'a ConditionExpression with 301 operators',
      { ConditionExpression: condition(150, 2), ExpressionAttributeValues: V },
      'Invalid ConditionExpression: The expression contains too many operators; operator count: 301',
    ],
    [
      'a FilterExpression with 301 operators',
      { FilterExpression: condition(151), ExpressionAttributeValues: V },
      'Invalid FilterExpression: The expression contains too many operators; operator count: 301',
    ],
    [
      'an UpdateExpression with 301 operators',
      { UpdateExpression: update(301), ExpressionAttributeValues: V },
      'Invalid UpdateExpression: The expression contains too many operators; operator count: 301',
    ],
    [
      'an expression attribute name placeholder of 256 bytes',
      { ProjectionExpression: nameKey(256), ExpressionAttributeNames: { [nameKey(256)]: 'a' } },
      'ExpressionAttributeNames contains invalid key: The expression attribute map contains a key that is too long; size of key: 256',
    ],
    [
      'an expression attribute name placeholder of 256 bytes that is also malformed (length is checked first)',
      { ProjectionExpression: 'a', ExpressionAttributeNames: { [`#-${'n'.repeat(254)}`]: 'a' } },
      'ExpressionAttributeNames contains invalid key: The expression attribute map contains a key that is too long; size of key: 256',
    ],
    [
      'an expression attribute value placeholder of 256 bytes',
      { ConditionExpression: `a = ${valueKey(256)}`, ExpressionAttributeValues: { [valueKey(256)]: { N: '1' } } },
      'ExpressionAttributeValues contains invalid key: The expression attribute map contains a key that is too long;',
    ],
    [
      'a document path of 33 levels',
      { ProjectionExpression: path(33) },
      'Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33',
    ],
    [
      'a document path of 33 levels in a condition',
      { ConditionExpression: `attribute_exists(${path(33)})` },
      'Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33',
    ],
    [
      'list index 2147483648',
      { ProjectionExpression: 'a[2147483648]' },
      'Invalid ProjectionExpression: List index is not within the allowable range; index: [2147483648]',
    ],
    [
      'a list index of eleven digits',
      { UpdateExpression: 'REMOVE a[00000000001]' },
      'Invalid UpdateExpression: List index is not within the allowable range; index: [00000000001]',
    ],
  ] as [string, ExpressionInput, string][])('should return ValidationException for %s', (_, input, message) => {
    expect(messageOf(input)).toBe(message);
  });
});
