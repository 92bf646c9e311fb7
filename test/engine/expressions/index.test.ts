import { describe, expect, it } from 'vitest';
import { ValidationException } from '../../../engine/errors.ts';
import { checkExpressionParameterMix, compileExpressions, evaluateCondition, type ExpressionInput } from '../../../engine/expressions/index.ts';

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationException);
    return (e as Error).message;
  }
  throw new Error('expected a ValidationException');
}

describe('compileExpressions', () => {
  it('compiles every expression of a request with shared placeholders', () => {
    const compiled = compileExpressions({
      KeyConditionExpression: '#p = :p',
      FilterExpression: '#n > :n',
      ProjectionExpression: '#n, b',
      ExpressionAttributeNames: { '#p': 'pk', '#n': 'name' },
      ExpressionAttributeValues: { ':p': { S: 'x' }, ':n': { N: '01.0' } },
    });
    expect(compiled.keyConditions?.conditions.get('pk')).toEqual({ operator: 'EQ', values: [{ S: 'x' }] });
    expect(compiled.projection?.paths.map((p) => p.elements)).toEqual([['name'], ['b']]);
    // Values are validated and normalised on the way in.
    expect(evaluateCondition(compiled.filter!, { name: { N: '2' } })).toBe(true);
    expect(compiled.filter).toMatchObject({ right: { value: { N: '1' } } });
  });

  it('returns nothing for a request without expressions', () => {
    expect(compileExpressions({})).toEqual({});
  });

  it.each<[string, ExpressionInput, string]>([
    [
      'an unused name',
      { ConditionExpression: 'a = :v', ExpressionAttributeNames: { '#x': 'x' }, ExpressionAttributeValues: { ':v': { S: 'v' } } },
      'Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}',
    ],
    [
      'unused values',
      { ConditionExpression: 'a = :v', ExpressionAttributeValues: { ':v': { S: 'v' }, ':w': { S: 'w' }, ':z': { S: 'z' } } },
      'Value provided in ExpressionAttributeValues unused in expressions: keys: {:w, :z}',
    ],
    [
      'unused names before unused values',
      {
        ProjectionExpression: 'a',
        ConditionExpression: 'a = :v',
        ExpressionAttributeNames: { '#x': 'x' },
        ExpressionAttributeValues: { ':v': { S: 'v' }, ':w': { S: 'w' } },
      },
      'Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}',
    ],
    [
      'an undefined value',
      { ConditionExpression: 'a = :v' },
      'Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v',
    ],
    [
      'an undefined name',
      { ProjectionExpression: '#a' },
      'Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #a',
    ],
    [
      'the update expression first',
      { UpdateExpression: 'SET a = :x', ConditionExpression: 'b = :y' },
      'Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :x',
    ],
    ['empty names', { ConditionExpression: 'a = :v', ExpressionAttributeNames: {} }, 'ExpressionAttributeNames must not be empty'],
    ['empty values', { ConditionExpression: 'a = :v', ExpressionAttributeValues: {} }, 'ExpressionAttributeValues must not be empty'],
    [
      'a bad name key',
      { ConditionExpression: 'a = :v', ExpressionAttributeNames: { x: 'x' } },
      'ExpressionAttributeNames contains invalid key: Syntax error; key: "x"',
    ],
    [
      'a bad value key',
      { ConditionExpression: 'a = :v', ExpressionAttributeValues: { 'v-1': { S: 'x' } } },
      'ExpressionAttributeValues contains invalid key: Syntax error; key: "v-1"',
    ],
    [
      'an invalid value',
      { ConditionExpression: 'a = :v', ExpressionAttributeValues: { ':v': { SS: [] } } },
      'ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :v',
    ],
    [
      'an invalid number value',
      { ConditionExpression: 'a = :v', ExpressionAttributeValues: { ':v': { N: 'x' } } },
      'ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: x for key :v',
    ],
    ['names without expressions', { ExpressionAttributeNames: { '#a': 'a' } }, 'ExpressionAttributeNames can only be specified when using expressions'],
    [
      'a key condition with the wrong shape',
      { KeyConditionExpression: 'a = :v OR b = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } },
      'Invalid operator used in KeyConditionExpression: OR',
    ],
  ])('refuses %s', (_label, input, message) => {
    expect(messageOf(() => compileExpressions(input))).toBe(message);
  });

  it("names the operation's expressions when values come without one", () => {
    const values = { ExpressionAttributeValues: { ':v': { S: 'x' } } };
    expect(messageOf(() => compileExpressions(values, ['ConditionExpression']))).toBe(
      'ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null',
    );
    expect(
      messageOf(() => compileExpressions({ ...values, ProjectionExpression: 'a' }, ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'])),
    ).toBe('ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null');
  });
});

describe('checkExpressionParameterMix', () => {
  it.each<[Record<string, unknown>, string[], string[], string | undefined]>([
    [
      { AttributesToGet: ['a'], ProjectionExpression: 'a' },
      ['ProjectionExpression'],
      ['AttributesToGet'],
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}',
    ],
    [
      { QueryFilter: {}, KeyConditions: {}, KeyConditionExpression: 'a', FilterExpression: 'b' },
      ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'],
      ['AttributesToGet', 'QueryFilter', 'ConditionalOperator', 'KeyConditions'],
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {QueryFilter, KeyConditions} Expression parameters: {FilterExpression, KeyConditionExpression}',
    ],
    [
      { KeyConditions: {}, FilterExpression: 'b' },
      ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'],
      ['AttributesToGet', 'QueryFilter', 'ConditionalOperator', 'KeyConditions'],
      undefined,
    ],
    [{ Expected: {} }, ['ConditionExpression'], ['Expected'], undefined],
    [{ ConditionExpression: 'a' }, ['ConditionExpression'], ['Expected'], undefined],
  ])('%j', (request, expressions, legacy, message) => {
    if (message === undefined) expect(() => checkExpressionParameterMix(request, expressions, legacy)).not.toThrow();
    else expect(messageOf(() => checkExpressionParameterMix(request, expressions, legacy))).toBe(message);
  });
});
