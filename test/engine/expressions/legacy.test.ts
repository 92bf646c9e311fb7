import { describe, expect, it } from 'vitest';
import { ValidationException } from '../../../engine/errors.ts';
import {
  applyProjection,
  applyUpdate,
  conditionFromExpected,
  conditionFromLegacyFilter,
  evaluateCondition,
  keyConditionFor,
  keyConditionsFromLegacy,
  projectionFromAttributesToGet,
  updateFromAttributeUpdates,
  type ExpectedAttributeValue,
  type LegacyCondition,
} from '../../../engine/expressions/index.ts';
import type { Item } from '../../../engine/values/attribute-value.ts';

const ITEM: Item = { pk: { S: 'k' }, n: { N: '5' }, s: { S: 'hello' }, tags: { SS: ['a', 'b'] }, l: { L: [{ S: 'x' }] } };

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationException);
    return (e as Error).message;
  }
  throw new Error('expected a ValidationException');
}

describe('conditionFromLegacyFilter', () => {
  it.each<[Record<string, LegacyCondition>, string | undefined, boolean]>([
    [{ n: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '5.0' }] } }, undefined, true],
    [{ n: { ComparisonOperator: 'NE', AttributeValueList: [{ N: '5' }] } }, undefined, false],
    [{ gone: { ComparisonOperator: 'NE', AttributeValueList: [{ N: '5' }] } }, undefined, true],
    [{ n: { ComparisonOperator: 'GT', AttributeValueList: [{ N: '4' }] } }, undefined, true],
    [{ n: { ComparisonOperator: 'LE', AttributeValueList: [{ N: '4' }] } }, undefined, false],
    [{ n: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '1' }, { N: '5' }] } }, undefined, true],
    [{ n: { ComparisonOperator: 'IN', AttributeValueList: [{ N: '1' }, { N: '5' }] } }, undefined, true],
    [{ s: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ S: 'he' }] } }, undefined, true],
    [{ s: { ComparisonOperator: 'CONTAINS', AttributeValueList: [{ S: 'ell' }] } }, undefined, true],
    [{ tags: { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{ S: 'a' }] } }, undefined, false],
    [{ gone: { ComparisonOperator: 'NULL' } }, undefined, true],
    [{ n: { ComparisonOperator: 'NOT_NULL' } }, undefined, true],
    [{ n: { ComparisonOperator: 'NULL' }, s: { ComparisonOperator: 'NOT_NULL' } }, undefined, false],
    [{ n: { ComparisonOperator: 'NULL' }, s: { ComparisonOperator: 'NOT_NULL' } }, 'OR', true],
  ])('%j (%s) -> %s', (filter, operator, expected) => {
    expect(evaluateCondition(conditionFromLegacyFilter(filter, operator)!, ITEM)).toBe(expected);
  });

  it.each<[Record<string, LegacyCondition>, string]>([
    [{ n: { ComparisonOperator: 'EQ' } }, 'One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator'],
    [
      { n: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '1' }] } },
      'One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator',
    ],
    [
      { n: { ComparisonOperator: 'IN', AttributeValueList: [{ N: '1' }, { S: 'a' }] } },
      'One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type',
    ],
    [
      { n: { ComparisonOperator: 'LT', AttributeValueList: [{ BOOL: true }] } },
      'One or more parameter values were invalid: ComparisonOperator LT is not valid for BOOL AttributeValue type',
    ],
    [
      { n: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ N: '1' }] } },
      'One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type',
    ],
    [
      { n: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '9' }, { N: '1' }] } },
      'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound',
    ],
  ])('refuses %j', (filter, message) => {
    expect(messageOf(() => conditionFromLegacyFilter(filter))).toBe(message);
  });
});

describe('conditionFromExpected', () => {
  it.each<[Record<string, ExpectedAttributeValue>, boolean]>([
    [{ n: { Value: { N: '5' } } }, true],
    [{ n: { Exists: true, Value: { N: '6' } } }, false],
    [{ gone: { Exists: false } }, true],
    [{ n: { Exists: false } }, false],
    [{ n: { ComparisonOperator: 'GE', Value: { N: '5' } } }, true],
    [{ n: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '6' }, { N: '9' }] } }, false],
  ])('%j -> %s', (expected, holds) => {
    expect(evaluateCondition(conditionFromExpected(expected)!, ITEM)).toBe(holds);
  });

  it.each<[Record<string, ExpectedAttributeValue>, string]>([
    [{ n: {} }, 'One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: n'],
    [{ n: { Exists: true } }, 'One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: n'],
    [{ n: { Exists: false, Value: { N: '1' } } }, 'One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: n'],
    [
      { n: { Exists: true, ComparisonOperator: 'EQ', Value: { N: '1' } } },
      'One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for Attribute: n',
    ],
    [
      { n: { ComparisonOperator: 'EQ' } },
      'One or more parameter values were invalid: Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: n',
    ],
    [
      { n: { AttributeValueList: [{ N: '1' }] } },
      'One or more parameter values were invalid: AttributeValueList can only be used with a ComparisonOperator for Attribute: n',
    ],
    [
      { n: { Value: { N: '1' }, AttributeValueList: [{ N: '1' }] } },
      'One or more parameter values were invalid: Value and AttributeValueList cannot be used together for Attribute: n',
    ],
    [{ n: { Value: { N: 'x' } } }, 'The parameter cannot be converted to a numeric value: x'],
  ])('refuses %j', (expected, message) => {
    expect(messageOf(() => conditionFromExpected(expected))).toBe(message);
  });
});

describe('keyConditionsFromLegacy', () => {
  it('maps onto the key schema like a KeyConditionExpression', () => {
    const conditions = keyConditionsFromLegacy({
      pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'k' }] },
      sk: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ S: 'a' }] },
    });
    expect(
      keyConditionFor(conditions, [
        { name: 'pk', type: 'S' },
        { name: 'sk', type: 'S' },
      ]),
    ).toEqual({
      partitionKey: 'pk',
      partition: { S: 'k' },
      sort: { attribute: 'sk', operator: 'BEGINS_WITH', values: [{ S: 'a' }] },
    });
  });
  it('refuses operators that cannot use the index', () => {
    expect(messageOf(() => keyConditionsFromLegacy({ pk: { ComparisonOperator: 'NE', AttributeValueList: [{ S: 'k' }] } }))).toBe(
      'Attempted conditional constraint is not an indexable operation',
    );
  });
});

describe('projectionFromAttributesToGet', () => {
  it('projects the named top-level attributes', () => {
    expect(applyProjection(projectionFromAttributesToGet(['n', 'gone', 's']), ITEM)).toEqual({ n: ITEM.n, s: ITEM.s });
  });
  it('refuses duplicates', () => {
    expect(messageOf(() => projectionFromAttributesToGet(['a', 'a']))).toBe('One or more parameter values were invalid: Duplicate value in attribute name: a');
  });
});

describe('updateFromAttributeUpdates', () => {
  it('applies PUT, ADD (number, set, list), DELETE (set, whole attribute)', () => {
    const update = updateFromAttributeUpdates({
      s: { Value: { S: 'bye' } },
      n: { Action: 'ADD', Value: { N: '1' } },
      tags: { Action: 'DELETE', Value: { SS: ['a'] } },
      l: { Action: 'ADD', Value: { L: [{ S: 'y' }] } },
      fresh: { Action: 'ADD', Value: { L: [{ S: 'z' }] } },
      gone: { Action: 'DELETE' },
    });
    expect(applyUpdate(update, ITEM, { pk: { S: 'k' } }).item).toEqual({
      pk: { S: 'k' },
      n: { N: '6' },
      s: { S: 'bye' },
      tags: { SS: ['b'] },
      l: { L: [{ S: 'x' }, { S: 'y' }] },
      fresh: { L: [{ S: 'z' }] },
    });
  });
  it.each([
    [{ a: { Action: 'ADD' } }, 'One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified'],
    [{ a: { Action: 'DELETE', Value: { S: 'x' } } }, 'One or more parameter values were invalid: DELETE action with value is not supported for the type S'],
    [{ a: { Action: 'ADD', Value: { S: 'x' } } }, 'One or more parameter values were invalid: ADD action is not supported for the type S'],
  ])('refuses %j', (updates, message) => {
    expect(messageOf(() => updateFromAttributeUpdates(updates))).toBe(message);
  });
});
