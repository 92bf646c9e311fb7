import { describe, expect, it } from 'vitest';
import { ALIASING_NOT_SUPPORTED, NOT_WELL_FORMED, parseStatement, StatementSyntaxError } from '../../../engine/partiql/index.ts';

function syntaxError(statement: string): StatementSyntaxError | Error {
  try {
    parseStatement(statement);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected ${statement} to fail`);
}

describe('parseStatement', () => {
  it.each([
    [`SELECT * FROM "Music"`, 'Select'],
    [`select Artist, "Song".title[0] from Music where Artist = 'Acme' and begins_with(SongTitle, 'P')`, 'Select'],
    [`SELECT * FROM "Music"."ArtistIndex" WHERE Artist = ? ORDER BY SongTitle DESC`, 'Select'],
    [`SELECT * FROM "Orders" WHERE OrderID IN [100, 300, 234]`, 'Select'],
    [`SELECT * FROM "T" WHERE a BETWEEN 1 AND 5 AND b IS NOT MISSING OR NOT (c <> 'x')`, 'Select'],
    [`INSERT INTO "Music" VALUE {'Artist': 'Acme', 'Tags': <<'a', 'b'>>, 'L': [1, -2.5, TRUE, NULL], 'M': {'x': ?}}`, 'Insert'],
    [`UPDATE "Music" SET AwardsWon = 1 SET AwardDetail = {'Grammys': [2020, 2018]} REMOVE Old WHERE Artist = 'Acme' RETURNING ALL NEW *`, 'Update'],
    [`UPDATE "Music" SET n = n + 1, l = list_append(l, [1]) WHERE Artist = 'Acme'`, 'Update'],
    [`DELETE FROM "Music" WHERE Artist = 'Acme' AND SongTitle = 'PartiQL Rocks' RETURNING ALL OLD *;`, 'Delete'],
    [`-- a comment\nSELECT /* inline */ * FROM "Music"`, 'Select'],
  ])('should parse %s', (statement, kind) => {
    expect(parseStatement(statement).kind).toBe(kind);
  });

  it('numbers each ? in order and maps RETURNING to ReturnValues', () => {
    const update = parseStatement(`UPDATE T SET a = ?, b = ? WHERE pk = ? RETURNING MODIFIED OLD *`);
    expect(update).toMatchObject({ kind: 'Update', parameterCount: 3, returning: 'UPDATED_OLD' });
    expect(parseStatement(`SELECT a.b[2] FROM T`)).toMatchObject({ projection: [{ kind: 'Path', elements: ['a', 'b', 2] }] });
  });

  // Texts pinned against AWS by a public conformance suite (see engine/partiql/parser.ts).
  it.each([
    [`SELECT * FROM "T" WHERE pk = 1 foo`, 'Unexpected token after expression', 31],
    [`INSERT INTO "T" VALUE {'pk': 1} foo`, 'Unexpected token after expression', 32],
    [`UPDATE "T" SET a = 9 WHERE pk = 2 foo`, 'Unexpected token after expression', 34],
    [`DELETE FROM "T" WHERE pk = 3 foo`, 'Unexpected token after expression', 29],
    [`SELECT * FROM "T" WHERE pk = 1)`, 'Unexpected token after expression', 30],
    [`DELETE FROM "T" WHERE pk = 4 ORDER BY pk`, 'Unexpected token after expression', 29],
    [`SELECT * FROM "T" ORDER BY pk WHERE pk = 1`, 'Unexpected token after expression', 30],
    [`INSERT INTO "T" t VALUE {'pk': 'x'}`, 'Unexpected token after expression', 16],
    [`SELECT * FROM "T" WHERE`, 'Unexpected term', 23],
    [`SELECT * FROM "T" WHERE;`, 'Unexpected term', 23],
    [`UPDATE "T" SET a = 1 WHERE`, 'Unexpected term', 26],
    [`SELECT * FROM "T" WHERE NOT`, 'Unexpected term', 27],
    [`SELECT * FROM "T" WHERE (`, 'Unexpected term', 25],
    [`SELECT * FROM`, 'Unexpected term', 13],
    [`SELECT * FROM "T" WHERE pk = 'p1' AND`, 'Missing right-hand side expression of infix operator', 37],
    [`SELECT * FROM "T" WHERE pk = 'p1' OR`, 'Missing right-hand side expression of infix operator', 36],
    [`SELECT * FROM "T" WHERE ORDER BY pk`, 'Unexpected keyword', 24],
    [`SELECT * FROM "T" WHERE pk = 'a' AND x IS FOO`, 'Expected type name', 42],
    [`SELECT * FROM "T" WHERE IS NULL`, 'Unexpected operator', 24],
    [`SELECT * FROM "T" WHERE pk = LIKE`, 'Unexpected operator', 29],
    [`DELETE FROM`, 'Expected identifier for simple path', 11],
    [`DELETE FROM WHERE pk = 'a'`, 'Expected identifier for simple path', 12],
    [`SELECT * FROM "T" WHERE pk = 1 /* note`, '', 31],
    [`CREATE TABLE t`, 'Expected data manipulation', 0],
  ])('should return ValidationException for %s', (statement, detail, offset) => {
    const error = syntaxError(statement);
    expect(error).toBeInstanceOf(StatementSyntaxError);
    expect(error.message).toBe(NOT_WELL_FORMED + detail);
    expect((error as StatementSyntaxError).position).toMatchObject({ offset, line: 1, column: offset + 1 });
  });

  it('gives the line and column of an error on a later line', () => {
    const error = syntaxError(`SELECT *\nFROM "T"\nWHERE pk = 1 foo`) as StatementSyntaxError;
    expect(error.position).toEqual({ offset: 31, line: 3, column: 14 });
  });

  it.each([
    `SELECT * FROM "T" t WHERE pk = 'x'`,
    `SELECT * FROM "T" AS t WHERE pk = 'x'`,
    `UPDATE "T" t SET a = 3 WHERE pk = 'x'`,
    `DELETE FROM "T" t WHERE pk = 'x'`,
  ])('should return ValidationException for an alias: %s', (statement) => {
    const error = syntaxError(statement);
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(ALIASING_NOT_SUPPORTED);
  });

  it('bounds nesting, so deep input cannot exhaust the stack', () => {
    const error = syntaxError(`SELECT * FROM T WHERE ${'('.repeat(5000)}a = 1${')'.repeat(5000)}`);
    expect(error.name).toBe('ValidationException');
  });
});
