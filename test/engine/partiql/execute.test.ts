import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../engine/database.ts';
import { COMPOSITE, expectFailure, newDatabase } from '../operations/helpers.ts';

let db: Database;
const run = (action: string, input: unknown) => db.execute(action, input) as Record<string, unknown>;
const statement = (Statement: string, extra: Record<string, unknown> = {}) => run('ExecuteStatement', { Statement, ...extra });

beforeEach(() => {
  db = newDatabase();
  db.execute('CreateTable', COMPOSITE);
  for (const [pk, sk, v] of [
    ['a', 1, 'one'],
    ['a', 2, 'two'],
    ['a', 3, 'three'],
    ['b', 1, 'uno'],
  ] as const) {
    db.execute('PutItem', { TableName: 'orders', Item: { pk: { S: pk }, sk: { N: String(sk) }, v: { S: v } } });
  }
});

describe('ExecuteStatement', () => {
  it.each([
    [`SELECT * FROM orders WHERE pk = 'a'`, ['one', 'two', 'three']],
    [`SELECT * FROM "orders" WHERE pk = 'a' AND sk >= 2`, ['two', 'three']],
    [`SELECT * FROM orders WHERE pk = 'a' AND sk BETWEEN 1 AND 2 AND v <> 'one'`, ['two']],
    [`SELECT * FROM orders WHERE pk = 'a' ORDER BY sk DESC`, ['three', 'two', 'one']],
    [`SELECT * FROM orders WHERE v = 'uno'`, ['uno']],
    [`SELECT * FROM orders WHERE begins_with(v, 't') AND pk = 'a'`, ['two', 'three']],
    [`SELECT * FROM orders WHERE pk = 'a' AND v IN ['one', 'three']`, ['one', 'three']],
    [`SELECT * FROM orders WHERE pk = 'a' AND nothing IS MISSING AND sk = 3`, ['three']],
  ])('%s returns the items its Query or Scan returns', (sql, values) => {
    const items = statement(sql).Items as { v: { S: string } }[];
    expect(items.map((i) => i.v.S).sort()).toEqual([...values].sort());
    if (sql.includes('ORDER BY')) expect(items.map((i) => i.v.S)).toEqual(values);
  });

  it('projects the listed paths and binds ? to Parameters in order', () => {
    const result = statement(`SELECT v FROM orders WHERE pk = ? AND sk = ?`, { Parameters: [{ S: 'b' }, { N: '1' }] });
    expect(result.Items).toEqual([{ v: { S: 'uno' } }]);
  });

  it('charges a key SELECT as the Query it becomes, and a full-table SELECT as a Scan', () => {
    const select = statement(`SELECT * FROM orders WHERE pk = 'a'`, { ReturnConsumedCapacity: 'TOTAL' });
    const query = run('Query', {
      TableName: 'orders',
      KeyConditionExpression: 'pk = :a',
      ExpressionAttributeValues: { ':a': { S: 'a' } },
      ReturnConsumedCapacity: 'TOTAL',
    });
    expect(select.ConsumedCapacity).toEqual(query.ConsumedCapacity);
    const all = statement(`SELECT * FROM orders`, { ReturnConsumedCapacity: 'TOTAL', ConsistentRead: true });
    const scan = run('Scan', { TableName: 'orders', ReturnConsumedCapacity: 'TOTAL', ConsistentRead: true });
    expect(all.ConsumedCapacity).toEqual(scan.ConsumedCapacity);
  });

  it.each([`SELECT * FROM orders WHERE pk IN ['a', 'b'] AND sk < 3`, `SELECT * FROM orders WHERE (pk = 'a' OR pk = 'b') AND sk < 3`])(
    '%s runs one Query per partition key value, not a Scan (AWS: ql-reference.select)',
    (sql) => {
      const result = statement(sql, { ReturnConsumedCapacity: 'TOTAL' });
      expect((result.Items as { v: { S: string } }[]).map((i) => i.v.S)).toEqual(['one', 'two', 'uno']);
      const units = ['a', 'b'].map(
        (pk) =>
          (
            run('Query', {
              TableName: 'orders',
              KeyConditionExpression: 'pk = :p AND sk < :three',
              ExpressionAttributeValues: { ':p': { S: pk }, ':three': { N: '3' } },
              ReturnConsumedCapacity: 'TOTAL',
            }).ConsumedCapacity as { CapacityUnits: number }
          ).CapacityUnits,
      );
      expect(result.ConsumedCapacity).toEqual({ TableName: 'orders', CapacityUnits: units[0]! + units[1]!, ReadCapacityUnits: units[0]! + units[1]! });
    },
  );

  it('pages an IN across its partitions with Limit and NextToken', () => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = statement(`SELECT v FROM orders WHERE pk IN ['b', 'a']`, { Limit: 2, ...(token && { NextToken: token }) });
      seen.push(...(result.Items as { v: { S: string } }[]).map((i) => i.v.S));
      token = result.NextToken as string | undefined;
      if (!token) break;
    }
    expect(seen).toEqual(['uno', 'one', 'two', 'three']);
  });

  it('should return ValidationException for a NextToken of another statement', () => {
    const { NextToken } = statement(`SELECT * FROM orders`, { Limit: 1 });
    expectFailure(() => statement(`SELECT v FROM orders`, { Limit: 1, NextToken }), 'ValidationException', 'Invalid NextToken');
  });

  it('pages with Limit and NextToken until every item has been read once', () => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = statement(`SELECT * FROM orders`, { Limit: 1, ...(token && { NextToken: token }) });
      seen.push(...(result.Items as { v: { S: string } }[]).map((i) => i.v.S));
      token = result.NextToken as string | undefined;
      if (!token) break;
    }
    expect(seen.sort()).toEqual(['one', 'three', 'two', 'uno']);
  });

  it('INSERTs a new item and refuses an existing key with DuplicateItemException', () => {
    expect(statement(`INSERT INTO orders VALUE {'pk': 'c', 'sk': 1, 'tags': <<'x', 'y'>>, 'm': {'k': [1, TRUE, NULL]}}`)).toEqual({ Items: [] });
    expect((run('GetItem', { TableName: 'orders', Key: { pk: { S: 'c' }, sk: { N: '1' } } }).Item as Record<string, unknown>).tags).toEqual({ SS: ['x', 'y'] });
    expectFailure(() => statement(`INSERT INTO orders VALUE {'pk': 'a', 'sk': 1}`), 'DuplicateItemException', 'Duplicate primary key exists in table');
  });

  it('UPDATEs an existing item with SET and REMOVE, returning what RETURNING asks for', () => {
    const result = statement(`UPDATE orders SET n = 5 SET v = 'ONE' REMOVE nothing WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *`);
    expect(result.Items).toEqual([{ pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'ONE' }, n: { N: '5' } }]);
    const added = statement(`UPDATE orders SET n = n + 2 WHERE pk = 'a' AND sk = 1 RETURNING MODIFIED OLD *`);
    expect(added.Items).toEqual([{ n: { N: '5' } }]);
  });

  it('should return ConditionalCheckFailedException for an UPDATE of a missing item or a false WHERE', () => {
    expectFailure(() => statement(`UPDATE orders SET n = 1 WHERE pk = 'z' AND sk = 1`), 'ConditionalCheckFailedException', 'The conditional request failed');
    expectFailure(() => statement(`UPDATE orders SET n = 1 WHERE pk = 'a' AND sk = 1 AND v = 'nope'`), 'ConditionalCheckFailedException');
    expect(run('GetItem', { TableName: 'orders', Key: { pk: { S: 'z' }, sk: { N: '1' } } }).Item).toBeUndefined();
  });

  it('DELETEs an item, succeeds for a missing one, and fails a false WHERE on an existing one (AWS: ql-reference.delete)', () => {
    expect(statement(`DELETE FROM orders WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *`).Items).toEqual([{ pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'one' } }]);
    expect(statement(`DELETE FROM orders WHERE pk = 'zz' AND sk = 1 AND v = 'x'`)).toEqual({ Items: [] });
    expectFailure(() => statement(`DELETE FROM orders WHERE pk = 'a' AND sk = 2 AND v = 'x'`), 'ConditionalCheckFailedException');
  });

  it.each([
    [`UPDATE orders SET n = 1 WHERE pk = 'a'`, 'Where clause does not contain a mandatory equality on all key attributes'],
    [`DELETE FROM orders WHERE v = 'one'`, 'Where clause does not contain a mandatory equality on all key attributes'],
    [`UPDATE orders SET n = 1`, 'Where clause does not contain a mandatory equality on all key attributes'],
    [`SELECT * FROM orders WHERE pk = ? AND sk = ?`, "Number of parameters in request and statement don't match."],
    [`SELECT * FROM orders WHERE`, "Statement wasn't well formed, can't be processed: Unexpected term"],
    [`SELECT * FROM orders."missing" WHERE pk = 'a'`, 'The table does not have the specified index: missing'],
  ])('should return ValidationException for %s', (sql, message) => {
    expectFailure(() => statement(sql, sql.includes('?') ? { Parameters: [{ S: 'a' }] } : {}), 'ValidationException', message);
  });

  it('should return ResourceNotFoundException for a missing table', () => {
    expectFailure(() => statement(`SELECT * FROM nope WHERE pk = 'a'`), 'ResourceNotFoundException', 'Requested resource not found');
  });
});

describe('BatchExecuteStatement', () => {
  it('reads items by key, with an Error in place of a statement that fails', () => {
    const result = run('BatchExecuteStatement', {
      Statements: [
        { Statement: `SELECT * FROM orders WHERE pk = 'a' AND sk = 2` },
        { Statement: `SELECT * FROM orders WHERE pk = 'q' AND sk = 2` },
        { Statement: `SELECT * FROM orders WHERE` },
      ],
    });
    expect(result.Responses).toEqual([
      { TableName: 'orders', Item: { pk: { S: 'a' }, sk: { N: '2' }, v: { S: 'two' } } },
      { TableName: 'orders' },
      { Error: { Code: 'ValidationError', Message: "Statement wasn't well formed, can't be processed: Unexpected term" } },
    ]);
  });

  it('runs each write on its own and reports DuplicateItem and ConditionalCheckFailed per statement', () => {
    const result = run('BatchExecuteStatement', {
      Statements: [
        { Statement: `INSERT INTO orders VALUE {'pk': 'n', 'sk': 1}` },
        { Statement: `INSERT INTO orders VALUE {'pk': 'a', 'sk': 1}` },
        { Statement: `UPDATE orders SET x = 1 WHERE pk = 'none' AND sk = 1` },
        { Statement: `DELETE FROM orders WHERE pk = 'b' AND sk = 1` },
      ],
      ReturnConsumedCapacity: 'TOTAL',
    });
    expect((result.Responses as unknown[]).map((r) => (r as { Error?: { Code: string } }).Error?.Code ?? 'ok')).toEqual([
      'ok',
      'DuplicateItem',
      'ConditionalCheckFailed',
      'ok',
    ]);
    expect(result.ConsumedCapacity).toEqual([{ TableName: 'orders', CapacityUnits: 2, WriteCapacityUnits: 2 }]);
  });

  it('should return ValidationException for reads and writes in one batch', () => {
    expectFailure(
      () =>
        run('BatchExecuteStatement', {
          Statements: [{ Statement: `SELECT * FROM orders WHERE pk = 'a' AND sk = 1` }, { Statement: `DELETE FROM orders WHERE pk = 'a' AND sk = 1` }],
        }),
      'ValidationException',
      'Read and write requests together in the same batch is not supported.',
    );
  });

  it('should return ValidationException for more than 25 statements', () => {
    const Statements = Array.from({ length: 26 }, () => ({ Statement: `SELECT * FROM orders WHERE pk = 'a' AND sk = 1` }));
    const error = expectFailure(() => run('BatchExecuteStatement', { Statements }), 'ValidationException');
    expect(error.message).toContain("at 'statements' failed to satisfy constraint: Member must have length less than or equal to 25");
  });
});

describe('ExecuteTransaction', () => {
  it('applies every write or none, naming DuplicateItem for an INSERT of an existing key', () => {
    const error = expectFailure(
      () =>
        run('ExecuteTransaction', {
          TransactStatements: [{ Statement: `INSERT INTO orders VALUE {'pk': 't', 'sk': 1}` }, { Statement: `INSERT INTO orders VALUE {'pk': 'a', 'sk': 1}` }],
        }),
      'TransactionCanceledException',
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, DuplicateItem]',
    );
    expect(error.extra.CancellationReasons).toEqual([{ Code: 'None' }, { Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' }]);
    expect(run('GetItem', { TableName: 'orders', Key: { pk: { S: 't' }, sk: { N: '1' } } }).Item).toBeUndefined();
  });

  it('commits writes and charges them as TransactWriteItems does', () => {
    const result = run('ExecuteTransaction', {
      TransactStatements: [
        { Statement: `INSERT INTO orders VALUE {'pk': 't', 'sk': 1}` },
        { Statement: `UPDATE orders SET v = ? WHERE pk = 'a' AND sk = 1`, Parameters: [{ S: 'new' }] },
        { Statement: `DELETE FROM orders WHERE pk = 'b' AND sk = 1` },
      ],
      ReturnConsumedCapacity: 'TOTAL',
    });
    expect(result.ConsumedCapacity).toEqual([{ TableName: 'orders', CapacityUnits: 6, WriteCapacityUnits: 6 }]);
    expect(run('GetItem', { TableName: 'orders', Key: { pk: { S: 'a' }, sk: { N: '1' } } }).Item).toMatchObject({ v: { S: 'new' } });
  });

  it('checks an EXISTS condition as a ConditionCheck, cancelling the writes when it is false', () => {
    const exists = (condition: string) => ({ Statement: `EXISTS(SELECT * FROM orders WHERE pk = 'a' AND sk = 2 AND ${condition})` });
    run('ExecuteTransaction', { TransactStatements: [exists(`v = 'two'`), { Statement: `UPDATE orders SET seen = TRUE WHERE pk = 'a' AND sk = 3` }] });
    expect(run('GetItem', { TableName: 'orders', Key: { pk: { S: 'a' }, sk: { N: '3' } } }).Item).toMatchObject({ seen: { BOOL: true } });
    const error = expectFailure(
      () => run('ExecuteTransaction', { TransactStatements: [exists(`v = 'nope'`), { Statement: `DELETE FROM orders WHERE pk = 'a' AND sk = 3` }] }),
      'TransactionCanceledException',
      'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]',
    );
    expect(error.extra.CancellationReasons).toEqual([{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }, { Code: 'None' }]);
    expect(run('GetItem', { TableName: 'orders', Key: { pk: { S: 'a' }, sk: { N: '3' } } }).Item).toBeDefined();
  });

  it('should return ValidationException for EXISTS outside a transaction', () => {
    expectFailure(
      () => statement(`EXISTS(SELECT * FROM orders WHERE pk = 'a' AND sk = 2)`),
      'ValidationException',
      'EXISTS can only be used in ExecuteTransaction write requests.',
    );
  });

  it('reads items by key as TransactGetItems does', () => {
    const result = run('ExecuteTransaction', {
      TransactStatements: [{ Statement: `SELECT v FROM orders WHERE pk = 'a' AND sk = 3` }, { Statement: `SELECT * FROM orders WHERE pk = 'x' AND sk = 3` }],
    });
    expect(result.Responses).toEqual([{ Item: { v: { S: 'three' } } }, {}]);
  });

  it.each([
    [
      [`SELECT * FROM orders WHERE pk = 'a' AND sk = 1`, `DELETE FROM orders WHERE pk = 'a' AND sk = 1`],
      'ExecuteTransaction API does not support both read and write operations in the same request.',
    ],
    [[`SELECT * FROM orders WHERE`], "Validation failed in TransactStatements[0]: Statement wasn't well formed, can't be processed: Unexpected term"],
    [[`DELETE FROM orders WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *`], 'RETURNING clause is not supported in ExecuteTransaction.'],
  ])('should return ValidationException for %j', (statements, message) => {
    expectFailure(() => run('ExecuteTransaction', { TransactStatements: statements.map((Statement) => ({ Statement })) }), 'ValidationException', message);
  });
});

describe('number literals', () => {
  const OVERFLOW = 'Number overflow. Attempting to store a number with magnitude larger than supported range';
  const UNDERFLOW = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
  const DIGITS = 'Attempting to store more than 38 significant digits in a Number';
  // Texts pinned against AWS by a public conformance suite (October 2026).
  it.each([
    [`SELECT * FROM orders WHERE pk = 'a' AND sk = 1e126`, `${OVERFLOW} under root`],
    [`SELECT * FROM orders WHERE sk = 1e-131`, `${UNDERFLOW} under root`],
    [`SELECT * FROM orders WHERE sk = 123456789012345678901234567890123456789`, `${DIGITS} under root`],
    [`INSERT INTO orders VALUE {'pk': 'n', 'sk': 1e126}`, `${OVERFLOW} under root`],
    [`UPDATE orders SET a = 1e-131 WHERE pk = 'a' AND sk = 1`, `${UNDERFLOW} under root`],
    [`INSERT INTO orders VALUE {'pk': 'n', 'sk': 1, 'm': {'x': 1e126}}`, `${OVERFLOW} under root.x`],
    [`INSERT INTO orders VALUE {'pk': 'n', 'sk': 1, 'l': [1, 1e126]}`, `${OVERFLOW} under root[1]`],
  ])('should return ValidationException for %s', (sql, message) => {
    expectFailure(() => statement(sql), 'ValidationException', message);
  });
});
