import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DynamoDBError } from '../../../engine/errors.ts';
import { compileExpressions, type ExpressionInput } from '../../../engine/expressions/index.ts';
import { parseConditionWithoutSizeLimit, createPlaceholderContext } from '../../../engine/expressions/parser.ts';

const NAMES = { '#a': 'a', '#b': 'status' };
const VALUES = { ':n': { N: '1' }, ':s': { S: 'x' }, ':l': { L: [] }, ':ss': { SS: ['a'] } };

/** Pieces that make up plausible and implausible expressions alike. */
const PIECES = [
  'a', 'b', 'status', '#a', '#b', '#zz', ':n', ':s', ':l', ':ss', ':zz', '=', '<>', '<', '<=', '>', '>=', '(', ')',
  '[', ']', '[0]', '.', ',', '+', '-', 'AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'SET', 'REMOVE', 'ADD', 'DELETE',
  'size', 'attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains', 'if_not_exists',
  'list_append', 'foo', '0', '12', ' ', '!', '#', ':', '"', '\u00e9', '\ud83d\ude00', '\ud800',
];

const expressionText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(' ')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 60 }),
  fc
    .tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('a = :n', 'size(a)', ':n', 'a', 'NOT a = :n', ''))
    .map(([depth, core]) => `${'('.repeat(depth)}${core}${')'.repeat(depth)}`),
  fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('NOT ', 'size(', '(a = :n) AND (', 'a.', 'a[0]')).map(
    ([count, piece]) => piece.repeat(count),
  ),
);

/** This process's CPU milliseconds: on a shared machine a parse can wait for a core far longer than it runs. */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

function onlyDynamoDBErrors(f: () => unknown): void {
  const start = cpuMs();
  try {
    f();
  } catch (e) {
    if (!(e instanceof DynamoDBError)) throw e;
  }
  expect(cpuMs() - start).toBeLessThan(250);
}

describe('the expression parser on random input', () => {
  it('throws nothing but DynamoDB errors, quickly, for every expression kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<keyof ExpressionInput>(
          'ConditionExpression',
          'KeyConditionExpression',
          'FilterExpression',
          'ProjectionExpression',
          'UpdateExpression',
        ),
        expressionText,
        fc.boolean(),
        (parameter, text, withPlaceholders) => {
          const input: Record<string, unknown> = { [parameter]: text };
          if (withPlaceholders) {
            input.ExpressionAttributeNames = NAMES;
            input.ExpressionAttributeValues = VALUES;
          }
          onlyDynamoDBErrors(() => compileExpressions(input as ExpressionInput));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps its recursion bounded without the 4 KB limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.constantFrom('(', 'NOT ', 'size(', 'a = ('),
        (depth, opener) => {
          const source = `${opener.repeat(depth)}a = :n${')'.repeat(depth)}`;
          onlyDynamoDBErrors(() =>
            parseConditionWithoutSizeLimit(source, 'ConditionExpression', createPlaceholderContext(NAMES, VALUES)),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
