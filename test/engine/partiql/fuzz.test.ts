/**
 * Property: whatever a statement says, the three PartiQL actions answer or throw a DynamoDB error
 * with a message that names no `undefined` or `[object Object]`; never anything that would be a
 * 500. Statements are valid ones with characters dropped, repeated or swapped (seeded, bounded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDynamoDBError } from '../../../engine/errors.ts';
import { COMPOSITE, newDatabase } from '../operations/helpers.ts';

const SEEDS = [
  `SELECT * FROM orders WHERE pk = 'a' AND sk BETWEEN 1 AND 3 AND v IN ['x', 'y']`,
  `SELECT v, m.k[0] FROM "orders" WHERE pk = ? AND begins_with(v, 'x') ORDER BY sk DESC`,
  `SELECT * FROM orders WHERE size(v) > 1 OR NOT (v IS MISSING) OR attribute_type(v, 'S')`,
  `INSERT INTO orders VALUE {'pk': ?, 'sk': 2, 's': <<'a', 'b'>>, 'l': [1, TRUE, NULL], 'm': {'k': -1.5e3}}`,
  `UPDATE orders SET v = v + 1, l = list_append(l, [2]) SET s = set_add(s, <<'c'>>) REMOVE m.k WHERE pk = 'a' AND sk = 1 RETURNING MODIFIED NEW *`,
  `DELETE FROM orders WHERE pk = 'a' AND sk = ? AND v <> 'z' RETURNING ALL OLD *`,
];
const PIECES = [
  "'",
  '"',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<<',
  '>>',
  '?',
  ',',
  '.',
  ':',
  ';',
  '*',
  '=',
  'AND ',
  'OR ',
  'NOT ',
  'WHERE ',
  'SET ',
  '1e999',
  '-',
  '/*',
  '--',
];

const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 3 }))
  .map(([seed, edits]) => {
    let text = seed;
    for (const [at, op, piece] of edits) {
      const i = at % (text.length + 1);
      if (op === 0) text = text.slice(0, i) + text.slice(i + 1);
      else if (op === 1) text = text.slice(0, i) + piece + text.slice(i);
      else if (op === 2) text = text.slice(0, i) + text.slice(i, i + 4) + text.slice(i);
      else text = text.slice(0, i) + piece + text.slice(i + piece.length);
    }
    return text;
  });
const parameter = fc.oneof(
  fc.constant({ S: 'a' }),
  fc.constant({ N: '1' }),
  fc.constant({ N: 'x' }),
  fc.constant({ SS: ['q'] }),
  fc.constant({ M: { k: { S: 'z' } } }),
  fc.constant({ NULL: true }),
);

describe('PartiQL actions on mutated statements', () => {
  it.each(['ExecuteStatement', 'BatchExecuteStatement', 'ExecuteTransaction'])('%s throws only DynamoDB errors (2,000 statements)', (action) => {
    const db = newDatabase();
    db.execute('CreateTable', COMPOSITE);
    db.execute('PutItem', { TableName: 'orders', Item: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'x' } } });
    fc.assert(
      fc.property(mutated, fc.array(parameter, { maxLength: 3 }), (Statement, parameters) => {
        const member = { Statement, ...(parameters.length && { Parameters: parameters }) };
        const body =
          action === 'ExecuteStatement' ? member : action === 'BatchExecuteStatement' ? { Statements: [member, member] } : { TransactStatements: [member] };
        try {
          db.execute(action, body);
        } catch (error) {
          if (!isDynamoDBError(error)) throw error;
          expect(error.message).not.toMatch(/undefined|\[object Object\]/);
        }
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});
