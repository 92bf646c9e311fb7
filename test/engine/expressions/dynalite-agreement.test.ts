/**
 * Cross-check against dynalite, whose validation messages were recorded from AWS: for the same
 * request both must give the same message, except for syntax errors (dynalite prints its parser
 * generator's "Expected ..." text where AWS prints the token) and the divergences listed below.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileExpressions, type ExpressionInput } from '../../../engine/expressions/index.ts';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite/validations/index.js') as {
  validateExpressions(data: Record<string, unknown>): string | undefined;
};

function ours(input: ExpressionInput): string {
  try {
    compileExpressions(input);
    return 'OK';
  } catch (e) {
    return (e as Error).message;
  }
}

function theirs(input: ExpressionInput): string {
  return dynalite.validateExpressions(structuredClone(input) as Record<string, unknown>) ?? 'OK';
}

const VALUES = { ':n': { N: '5' }, ':m': { N: '9' }, ':s': { S: 'x' }, ':l': { L: [] }, ':ss': { SS: ['a'] } };

/** Only the placeholders an expression mentions, so "unused" errors do not mask the rest. */
function request(parameter: keyof ExpressionInput, source: string): ExpressionInput {
  const mentioned = (key: string) => new RegExp(`${key}(?![A-Za-z0-9_])`).test(source);
  const values = Object.fromEntries(Object.entries(VALUES).filter(([key]) => mentioned(key)));
  const names = Object.fromEntries(Object.entries({ '#a': 'a', '#n': 'name' }).filter(([key]) => mentioned(key)));
  return {
    [parameter]: source,
    ...(Object.keys(values).length > 0 && { ExpressionAttributeValues: values }),
    ...(Object.keys(names).length > 0 && { ExpressionAttributeNames: names }),
  };
}

describe('agreement with dynalite', () => {
  it.each([
    ['ConditionExpression', 'a = :n'],
    ['ConditionExpression', '((a = :n))'],
    ['ConditionExpression', 'foo(a)'],
    ['ConditionExpression', 'status = :s'],
    ['ConditionExpression', '#x = :s'],
    ['ConditionExpression', 'a = :x'],
    ['ConditionExpression', 'attribute_exists(a, b)'],
    ['ConditionExpression', 'a = a'],
    ['ConditionExpression', 'contains(#a, a)'],
    ['ConditionExpression', 'attribute_exists(:n)'],
    ['ConditionExpression', 'begins_with(a, :n)'],
    ['ConditionExpression', 'attribute_type(a, :n)'],
    ['ConditionExpression', 'size(:n) = :n'],
    ['ConditionExpression', 'size(a)'],
    ['ConditionExpression', 'attribute_exists(a) = :n'],
    ['ConditionExpression', 'a BETWEEN :n AND :s'],
    ['ConditionExpression', 'a BETWEEN :m AND :n'],
    ['ConditionExpression', 'a = a AND b = :x'],
    ['ConditionExpression', 'b = :x AND a = a'],
    ['ConditionExpression', 'NOT (a = :n AND b = :n) OR c IN (:n, :m)'],
    ['FilterExpression', '(a = :n) AND (size(b) > :n)'],
    ['KeyConditionExpression', 'pk = :s AND sk BETWEEN :n AND :m'],
    ['UpdateExpression', 'SET a = :n, b = b + :n REMOVE c ADD d :n DELETE e :ss'],
    ['UpdateExpression', 'SET status = :n'],
    ['UpdateExpression', 'SET a = :n SET b = :n'],
    ['UpdateExpression', 'SET #x = :n'],
    ['UpdateExpression', 'SET a = :x'],
    ['UpdateExpression', 'SET a = :n REMOVE a.b'],
    ['UpdateExpression', 'SET a[0] = :n REMOVE a.b'],
    ['UpdateExpression', 'ADD a :s'],
    ['UpdateExpression', 'DELETE a :n'],
    ['UpdateExpression', 'SET a = :s + :n'],
    ['UpdateExpression', 'SET a = list_append(:n, b)'],
    ['UpdateExpression', 'SET a = if_not_exists(:n, b)'],
    ['UpdateExpression', 'SET a = list_append(b)'],
    ['UpdateExpression', 'SET a = foo(b)'],
    ['ProjectionExpression', 'a, b.c, d[1], #n'],
    ['ProjectionExpression', 'name, status'],
    ['ProjectionExpression', 'a.b, a'],
    ['ProjectionExpression', 'a[0], a.b'],
    ['ProjectionExpression', 'a, #x'],
  ] as const)('%s %j', (parameter, source) => {
    const input = request(parameter, source);
    expect(ours(input)).toBe(theirs(input));
  });

  it.each([
    ['ConditionExpression', 'a = = :n'],
    ['ConditionExpression', 'a IN ()'],
    ['UpdateExpression', 'SET a = :n + :n + :n'],
    ['ProjectionExpression', 'l[a]'],
  ] as const)('both call %s %j a syntax error', (parameter, source) => {
    const input = request(parameter, source);
    expect(ours(input)).toMatch(new RegExp(`^Invalid ${parameter}: Syntax error; token: `));
    expect(theirs(input)).toMatch(new RegExp(`^Invalid ${parameter}: Syntax error; `));
  });

  // Deliberate divergences, where AWS's own texts (quoted in our brief and in tests captured on
  // AWS by other emulators) disagree with dynalite.
  it.each([
    // AWS knows every function name and calls a misplaced one misused, not unknown.
    ['UpdateExpression', 'SET a = size(b)', 'Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: size'],
    // AWS checks operand types of ordering comparators when the type is known.
    ['ConditionExpression', 'a < :l', 'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: L'],
  ] as const)('%s %j diverges deliberately', (parameter, source, message) => {
    const input = request(parameter, source);
    expect(ours(input)).toBe(message);
    expect(theirs(input)).not.toBe(message);
  });
});
