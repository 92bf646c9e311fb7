import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { DynamoDBError, ValidationException } from '../../../engine/errors.ts';
import { compileExpressions, type ExpressionInput } from '../../../engine/expressions/index.ts';
import { MAX_NESTING, parseConditionWithoutSizeLimit, createPlaceholderContext } from '../../../engine/expressions/parser.ts';
import { withWork, type ParserWork } from './work-counter.ts';

// The parser's work is counted in tokens read, not timed: see work-counter.ts.
vi.mock('../../../engine/expressions/lexer.ts', async (importOriginal) => {
  const { countingLexer } = await import('./work-counter.ts');
  return countingLexer(await importOriginal());
});

const NAMES = { '#a': 'a', '#b': 'status' };
const VALUES = { ':n': { N: '1' }, ':s': { S: 'x' }, ':l': { L: [] }, ':ss': { SS: ['a'] } };

/** Pieces that make up plausible and implausible expressions alike. */
const PIECES = [
  'a',
  'b',
  'status',
  '#a',
  '#b',
  '#zz',
  ':n',
  ':s',
  ':l',
  ':ss',
  ':zz',
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  '(',
  ')',
  '[',
  ']',
  '[0]',
  '.',
  ',',
  '+',
  '-',
  'AND',
  'OR',
  'NOT',
  'BETWEEN',
  'IN',
  'SET',
  'REMOVE',
  'ADD',
  'DELETE',
  'size',
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
  'if_not_exists',
  'list_append',
  'foo',
  '0',
  '12',
  ' ',
  '!',
  '#',
  ':',
  '"',
  '\u00e9',
  '\ud83d\ude00',
  '\ud800',
];

const expressionText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(' ')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 60 }),
  fc
    .tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('a = :n', 'size(a)', ':n', 'a', 'NOT a = :n', ''))
    .map(([depth, core]) => `${'('.repeat(depth)}${core}${')'.repeat(depth)}`),
  fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('NOT ', 'size(', '(a = :n) AND (', 'a.', 'a[0]')).map(([count, piece]) => piece.repeat(count)),
);

/**
 * No read of a token more than this many times on average: the parser never backtracks, so its
 * reads grow with the tokens (7 at most on these inputs). A quadratic or backtracking parse of the
 * thousands of tokens below would read far more.
 */
const READS_PER_TOKEN = 10;

/** Runs `f`, lets only DynamoDB errors through, and returns the work it did. */
function onlyDynamoDBErrors(f: () => unknown): ParserWork {
  const { thrown, work } = withWork(f);
  if (thrown !== undefined && !(thrown instanceof DynamoDBError)) throw thrown;
  return work;
}

describe('the expression parser on random input', () => {
  it('throws nothing but DynamoDB errors, in work linear in the tokens, for every expression kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<keyof ExpressionInput>('ConditionExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression', 'UpdateExpression'),
        expressionText,
        fc.boolean(),
        (parameter, text, withPlaceholders) => {
          const input: Record<string, unknown> = { [parameter]: text };
          if (withPlaceholders) {
            input.ExpressionAttributeNames = NAMES;
            input.ExpressionAttributeValues = VALUES;
          }
          const work = onlyDynamoDBErrors(() => compileExpressions(input as ExpressionInput));
          expect(work.reads).toBeLessThanOrEqual(READS_PER_TOKEN * work.tokens);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps its recursion bounded without the 4 KB limit: refuses past the nesting budget, having read only that far', () => {
    // Every opener costs one level of MAX_NESTING; the parser must stop there, with DynamoDB's
    // error, after reading a number of tokens that does not grow with the depth (about 7 reads
    // per opener up to the budget, for a full "((...))" parse). Stack exhaustion, its fallback,
    // would read every one of up to 50,000 openers and say "redundant parentheses" for all.
    const budgetReads = 8 * (MAX_NESTING + 10);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom('(', 'NOT ', 'size(', 'a = ('), (depth, opener) => {
        const source = `${opener.repeat(depth)}a = :n${')'.repeat(depth)}`;
        const parse = () => parseConditionWithoutSizeLimit(source, 'ConditionExpression', createPlaceholderContext(NAMES, VALUES));
        const { thrown, work } = withWork(parse);
        expect(work.tokenizeCalls).toBe(1);
        expect(work.reads).toBeLessThanOrEqual(Math.min(READS_PER_TOKEN * work.tokens, budgetReads));
        if (thrown !== undefined && !(thrown instanceof DynamoDBError)) throw thrown;
        if (depth > MAX_NESTING + 1 && (opener === 'NOT ' || opener === 'size(')) {
          // Refused at the budget: the syntax error names the opener where the budget ran out.
          expect(thrown).toBeInstanceOf(ValidationException);
          expect((thrown as Error).message).toMatch(new RegExp(`^Invalid ConditionExpression: Syntax error; token: "${opener.trim().replace('(', '')}"`));
        } else if (depth > MAX_NESTING && opener === '(') {
          expect((thrown as Error | undefined)?.message).toBe('Invalid ConditionExpression: The expression has redundant parentheses;');
        }
      }),
      { numRuns: 50 },
    );
  });
});
