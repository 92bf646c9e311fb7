/**
 * The hands-on families graded through the bank, as a page grades them: known right and wrong
 * answers, the hidden items, lost updates under interleaving, conditions replayed where they
 * must fail, purity, limits and memory over a thousand grades.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../../app/bank/types.ts';
import { loadContentBank } from '../../helpers/test-app.ts';

const bank = loadContentBank();

type HandsOn = Extract<GradeResult, { kind: 'request' | 'design' }>;
const grade = (id: string, seed: number, answer: unknown): HandsOn =>
  bank.grade(id, seed, { kind: 'request', json: typeof answer === 'string' ? answer : JSON.stringify(answer) }) as HandsOn;
const check = (r: HandsOn, id: string) => r.checks.find((c) => c.id === id)!;
const reference = (id: string, seed: number): unknown => JSON.parse((bank.referenceAnswer(id, seed) as { json: string }).json);
const params = (id: string, seed: number) => bank.variant(id, seed).params;

describe('request families', () => {
  it('shows the read-then-write counter losing an update when two runs interleave', () => {
    const id = 'serverless.request-visitor-counter';
    const p = params(id, 11);
    const readThenWrite = [
      { action: 'GetItem', params: { TableName: 'PageViews', Key: { page: { S: p.page } } } },
      {
        action: 'PutItem',
        params: { TableName: 'PageViews', Item: { page: { S: p.page }, visits: { N: String(Number(p.visits) + 1) }, title: { S: `Page ${String(p.page)}` } } },
      },
    ];
    const r = grade(id, 11, readThenWrite);
    expect(check(r, 'state').passed).toBe(true);
    expect(check(r, 'concurrent').passed).toBe(false);
    expect(check(r, 'concurrent').detail).toBe(
      `Two runs of your calls interleaved (A1 B1 A2 B2) must leave the table as two runs one after the other do, and do not: item {"page":"${String(p.page)}"}: visits should be ${Number(p.visits) + 2}, yours is ${Number(p.visits) + 1}.`,
    );
    expect(check(r, 'operation').detail).toBe(
      'Used GetItem, PutItem: reading the item and writing back a value computed from it is not atomic, where UpdateItem computes on the stored value.',
    );
    const atomic = grade(id, 11, {
      action: 'UpdateItem',
      params: {
        TableName: 'PageViews',
        Key: { page: { S: p.page } },
        UpdateExpression: 'SET visits = visits + :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
      },
    });
    expect(atomic.score).toBe(1);
  });

  it('fails an answer that fits only the visible sample on the hidden items', () => {
    const id = 'keys.request-begins-with';
    const user = String(params(id, 2).user);
    const r = grade(id, 2, {
      action: 'Query',
      params: {
        TableName: 'AppData',
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': { S: `USER#${user}` }, ':sk': { S: 'ADDRESS#home' } },
      },
    });
    expect(check(r, 'items').passed).toBe(false);
    expect(check(r, 'items').detail).toBe('1 expected item(s) missing (1 of them not in the sample you were shown).');
    expect(check(r, 'operation').passed).toBe(true);
  });

  it('takes the operation check away from a Scan that finds the right items', () => {
    const id = 'keys.request-get-order';
    const p = params(id, 5);
    const r = grade(id, 5, {
      command: 'ScanCommand',
      input: {
        TableName: 'Orders',
        FilterExpression: 'customerId = :c AND orderDate = :d',
        ExpressionAttributeValues: { ':c': p.customer, ':d': `2024-${String(p.month)}-${String(p.startDay)}` },
      },
    });
    expect(check(r, 'items').passed).toBe(true);
    expect(check(r, 'operation').passed).toBe(false);
    expect(check(r, 'capacity').passed).toBe(false);
    expect(r.verdict).toBe('partial');
  });

  it.each([
    [
      'core.request-put-if-absent',
      (ref: { params: Record<string, unknown> }) => ({ action: 'PutItem', params: { ...ref.params, ConditionExpression: undefined } }),
    ],
    [
      'core.request-optimistic-lock',
      (ref: { params: Record<string, unknown> }) => ({
        action: 'UpdateItem',
        params: {
          ...ref.params,
          ConditionExpression: undefined,
          ExpressionAttributeValues: { ...(ref.params.ExpressionAttributeValues as object), ':v': undefined },
        },
      }),
    ],
    [
      'core.request-conditional-delete',
      (ref: { params: Record<string, unknown> }) => ({ action: 'DeleteItem', params: { TableName: ref.params.TableName, Key: ref.params.Key } }),
    ],
  ])('%s: without its condition the write passes the state check and fails the replay', (id, strip) => {
    const answer = JSON.parse(JSON.stringify(strip(reference(id, 4) as { params: Record<string, unknown> })));
    const r = grade(id, 4, answer);
    expect(check(r, 'state').passed).toBe(true);
    expect(check(r, 'condition').passed).toBe(false);
    expect(check(r, 'condition').detail).toBe('Replayed where the condition must fail, your request wrote anyway: it needs a ConditionExpression.');
    expect(grade(id, 4, reference(id, 4)).score).toBe(1);
  });

  it('cancels the whole stock transfer when the source runs short, and not two separate updates', () => {
    const id = 'math.request-transfer-stock';
    const ref = reference(id, 9) as { action: string; params: { TransactItems: { Update: Record<string, unknown> }[] } };
    const r = grade(id, 9, ref);
    expect(r.score).toBe(1);
    expect(check(r, 'condition').detail).toMatch(
      /^Replayed where the condition must fail: TransactionCanceledException: Transaction cancelled, please refer cancellation reasons for specific reasons \[ConditionalCheckFailed, None\], nothing written\.$/,
    );
    const separate = ref.params.TransactItems.map((t) => ({ action: 'UpdateItem', params: t.Update }));
    const s = grade(id, 9, separate);
    expect(check(s, 'state').passed).toBe(true);
    expect(check(s, 'operation').passed).toBe(false);
    // Increment first: the decrement's condition fails on the replay, after the increment is done.
    const r2 = grade(id, 9, [...separate].reverse());
    expect(check(r2, 'condition').detail).toBe(
      'Replayed where the condition must fail, your condition failed (ConditionalCheckFailedException), but an earlier call had already written: separate calls are not undone, only a transaction is all-or-nothing.',
    );
  });

  it('is pure: a write graded twice gives the same result and never changes the fixture', () => {
    const id = 'core.request-remove-attribute';
    const first = grade(id, 1, reference(id, 1));
    const second = grade(id, 1, reference(id, 1));
    expect(second).toEqual(first);
    const deleteAll = grade(id, 1, { action: 'DeleteItem', params: { TableName: 'Users', Key: { userId: { S: String(params(id, 1).user) } } } });
    expect(check(deleteAll, 'state').passed).toBe(false);
    expect(grade(id, 1, reference(id, 1)).score).toBe(1);
  });

  it('refuses oversized answers with a clear message', () => {
    const r = grade('keys.request-get-order', 1, 'x'.repeat(20_001));
    expect(r.score).toBe(0);
    expect(r.checks[0]!.detail).toBe('The request is 20001 characters long; answers are limited to 20000.');
    expect(r.checks[1]!.detail).toBe('Not checked: the answer could not be read (see the first check).');
  });

  it('leaves memory where it started after a thousand grades', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const ids = ['keys.request-orders-date-range', 'serverless.request-visitor-counter', 'index.design-orders'];
    // The 21 reference answers once; each of the grades below still generates its variant.
    const answers = new Map(ids.flatMap((id) => Array.from({ length: 7 }, (_, seed) => [`${id} ${seed}`, bank.referenceAnswer(id, seed)] as const)));
    const run = (n: number) => {
      for (let i = 0; i < n; i++) {
        const id = ids[i % ids.length]!;
        const seed = i % 7;
        bank.grade(id, seed, answers.get(`${id} ${seed}`)!);
      }
    };
    run(100);
    gc();
    const before = process.memoryUsage().heapUsed;
    run(1000);
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    expect(growth).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('feedback names what differs', () => {
  it('says which attribute of which item the table got wrong', () => {
    const id = 'core.request-remove-attribute';
    const p = params(id, 3);
    const r = grade(id, 3, {
      action: 'UpdateItem',
      params: {
        TableName: 'Users',
        Key: { userId: { S: p.user } },
        UpdateExpression: `SET ${String(p.attr)} = :none`,
        ExpressionAttributeValues: { ':none': { NULL: true } },
      },
    });
    expect(check(r, 'state').detail).toBe(
      `The table after your request differs: item {"userId":"${String(p.user)}"}: yours has ${String(p.attr)} = null, which should not be there.`,
    );
  });

  it('says the type is wrong when a number is stored as a string', () => {
    const id = 'core.request-batch-write';
    const ref = reference(id, 2) as { params: { RequestItems: { Inventory: { PutRequest: { Item: Record<string, Record<string, string>> } }[] } } };
    const first = ref.params.RequestItems.Inventory[0]!.PutRequest.Item;
    const asText = { action: 'PutItem', params: { TableName: 'Inventory', Item: { ...first, stock: { S: first.stock!.N } } } };
    const r = grade(id, 2, asText);
    const absent = (sku: string) => `item {"sku":"${sku}"} should be in the table, and is not`;
    expect([
      `The table after your request differs: item {"sku":"SKU-700"}: stock should be ${first.stock!.N}, yours is "${first.stock!.N}"; ${absent('SKU-701')}; ${absent('SKU-702')}.`,
      `The table after your request differs: item {"sku":"SKU-700"}: stock should be ${first.stock!.N}, yours is "${first.stock!.N}"; ${absent('SKU-702')}; ${absent('SKU-701')}.`,
    ]).toContain(check(r, 'state').detail);
    expect(check(r, 'operation').detail).toBe('Used PutItem: one write per call, where one BatchWriteItem sends up to 25.');
  });

  it('names the attributes a read returned without being asked, instead of counting items missing and extra', () => {
    const id = 'math.request-batch-get';
    const ref = reference(id, 4) as { params: { RequestItems: { Inventory: Record<string, unknown> } } };
    const { ProjectionExpression: _p, ExpressionAttributeNames: _n, ...keysOnly } = ref.params.RequestItems.Inventory;
    const r = grade(id, 4, { action: 'BatchGetItem', params: { RequestItems: { Inventory: keysOnly } } });
    expect(check(r, 'items').detail).toMatch(/^3 right item\(s\) with the wrong attributes \(yours has [a-z, ]+, which should not be there\)\.$/);
  });

  it('follows a map down to the counter that differs, and quotes a top-level name with a dot', () => {
    const id = 'core.request-increment-map';
    const p = params(id, 7);
    const user = String(p.user);
    const field = String(p.field);
    const dotted = {
      action: 'UpdateItem',
      params: {
        TableName: 'Users',
        Key: { userId: { S: user } },
        UpdateExpression: 'SET #f = :n',
        ExpressionAttributeNames: { '#f': `stats.${field}` },
        ExpressionAttributeValues: { ':n': { N: String(p.n) } },
      },
    };
    const r = grade(id, 7, dotted);
    expect(check(r, 'state').detail).toMatch(
      new RegExp(
        `^The table after your request differs: item \\{"userId":"${user}"\\}: stats\\.${field} should be \\d+, yours is \\d+; yours has "stats\\.${field}" = ${String(p.n)}, which should not be there\\.$`,
      ),
    );
  });

  it("explains a condition that is already false on the task's table", () => {
    const id = 'core.request-optimistic-lock';
    const ref = reference(id, 3) as { action: string; params: { ExpressionAttributeValues: Record<string, { N?: string }> } & Record<string, unknown> };
    const stale = { ...ref, params: { ...ref.params, ExpressionAttributeValues: { ...ref.params.ExpressionAttributeValues, ':v': { N: '999' } } } };
    const r = grade(id, 3, stale);
    expect(check(r, 'state').detail).toBe(
      'Your request failed with ConditionalCheckFailedException: The conditional request failed. On the table as it is now (see the sample) your condition is false: it must hold here and fail only once the item has changed.',
    );
  });

  it('says why a read costs more than the reference: a needless strong read, a filter', () => {
    const order = 'keys.request-get-order';
    const ref = reference(order, 2) as { action: string; params: Record<string, unknown> };
    expect(check(grade(order, 2, { ...ref, params: { ...ref.params, ConsistentRead: true } }), 'capacity').detail).toBe(
      "Yours: 1 capacity unit; the reference: 0.5 capacity units. ConsistentRead: true doubles a read's units, and this task does not need it.",
    );
    const lsi = 'index.request-lsi-total';
    const lsiRef = reference(lsi, 2) as { action: string; params: Record<string, unknown> };
    const filtered = {
      ...lsiRef,
      params: { ...lsiRef.params, IndexName: undefined, KeyConditionExpression: 'customerId = :c', FilterExpression: '#t >= :min' },
    };
    expect(check(grade(lsi, 2, JSON.parse(JSON.stringify(filtered))), 'capacity').detail).toMatch(
      / A FilterExpression does not lower the bill: items are charged as they are read, before the filter drops them/,
    );
  });

  it('says why a whole-item PutItem is not the tool for removing one attribute', () => {
    const id = 'core.request-remove-attribute';
    const p = params(id, 5);
    const r = grade(id, 5, { action: 'PutItem', params: { TableName: 'Users', Item: { userId: { S: String(p.user) } } } });
    expect(check(r, 'operation').detail).toBe(
      'Used PutItem: a PutItem rewrites the whole item, undoing any change another writer made since the item was read; UpdateItem changes only the attributes it names.',
    );
  });

  it('lists the indexes when the learner names one the table lacks', () => {
    const id = 'index.request-gsi-status';
    const ref = reference(id, 3) as { action: string; params: Record<string, unknown> };
    const r = grade(id, 3, { ...ref, params: { ...ref.params, IndexName: 'StatusIndex' } });
    expect(check(r, 'items').detail).toBe(
      'Your request failed with ValidationException: The table does not have the specified index: StatusIndex. Its indexes: "status-date"; names are case-sensitive.',
    );
    expect(check(r, 'index').detail).toBe('Not checked: the request failed (see the first check).');
  });

  it('tells a condition that holds where it must fail from a missing condition', () => {
    const id = 'core.request-put-if-absent';
    const ref = reference(id, 2) as { action: string; params: Record<string, unknown> };
    const r = grade(id, 2, { ...ref, params: { ...ref.params, ConditionExpression: 'attribute_not_exists(nickname)' } });
    expect(check(r, 'condition').detail).toBe(
      'Replayed where the condition must fail, your ConditionExpression held there too, so your request wrote anyway: the condition must test what the task protects.',
    );
  });

  it('says why a transaction is not the tool for a plain batch', () => {
    const id = 'core.request-batch-write';
    const ref = reference(id, 1) as { params: { RequestItems: { Inventory: { PutRequest: { Item: unknown } }[] } } };
    const r = grade(id, 1, {
      action: 'TransactWriteItems',
      params: { TransactItems: ref.params.RequestItems.Inventory.map((w) => ({ Put: { TableName: 'Inventory', Item: w.PutRequest.Item } })) },
    });
    expect(check(r, 'state').passed).toBe(true);
    expect(check(r, 'operation').detail).toBe(
      'Used TransactWriteItems: a transaction writes them too, but charges 2 write units per 1 KB where a batch charges 1; nothing here needs all-or-nothing.',
    );
  });
});

describe('strong consistency where the task asks for it', () => {
  it('takes only the consistent-read check from an eventually consistent LSI query', () => {
    const id = 'index.request-lsi-total';
    const ref = reference(id, 6) as { action: string; params: Record<string, unknown> };
    const { ConsistentRead: _c, ...eventual } = ref.params;
    const r = grade(id, 6, { ...ref, params: eventual });
    expect(r.checks.filter((c) => !c.passed).map((c) => [c.id, c.detail])).toEqual([
      ['consistent-read', 'Query without ConsistentRead: true is eventually consistent: it may not reflect a write that completed just before.'],
    ]);
    expect(grade(id, 6, ref).score).toBe(1);
  });
});

describe('known wrong answers', () => {
  const requestIds = bank.scenarios.filter((s) => s.kind === 'request').map((s) => s.id);
  // A wrong answer that trips an engine error by accident (a YAML `NULL:` key read as null, a
  // key condition DynamoDB refuses) scores zero without teaching the mistake it is named after.
  it.each(requestIds)('%s: each wrong answer meets an engine error exactly when it declares one', (id) => {
    for (const seed of [0, 3, 8]) {
      const { key } = bank.instance(id, seed);
      if (key.kind !== 'request') throw new Error(`${id} is not a request scenario`);
      for (const wrong of key.spec.wrong) {
        const r = grade(id, seed, wrong.request);
        const error = (r.details.learner as { error?: string } | undefined)?.error;
        expect({ name: wrong.name, error: error?.split(':')[0] }).toEqual({ name: wrong.name, error: wrong.error });
      }
    }
  });
});

describe('document client shapes through the families', () => {
  const unmarshall = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(unmarshall);
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1) {
      const [type, inner] = entries[0]!;
      if (type === 'S') return inner;
      if (type === 'N') return Number(inner);
      if (type === 'L') return (inner as unknown[]).map(unmarshall);
      if (type === 'M') return unmarshall(inner);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, unmarshall(v)]));
  };

  it('grades a TransactWriteCommand with plain values like the API shape', () => {
    const id = 'math.request-transfer-stock';
    const ref = reference(id, 5) as { params: { TransactItems: { Update: Record<string, unknown> }[] } };
    const input = {
      TransactItems: ref.params.TransactItems.map((t) => ({
        Update: { ...t.Update, Key: unmarshall(t.Update.Key), ExpressionAttributeValues: unmarshall(t.Update.ExpressionAttributeValues) },
      })),
    };
    expect(grade(id, 5, { command: 'TransactWriteCommand', input }).score).toBe(1);
  });

  it('grades a BatchWriteCommand with plain values like the API shape', () => {
    const id = 'core.request-batch-write';
    const ref = reference(id, 6) as { params: { RequestItems: { Inventory: { PutRequest: { Item: unknown } }[] } } };
    const input = { RequestItems: { Inventory: ref.params.RequestItems.Inventory.map((w) => ({ PutRequest: { Item: unmarshall(w.PutRequest.Item) } })) } };
    expect(grade(id, 6, { command: 'BatchWriteCommand', input }).score).toBe(1);
  });

  it('grades a BatchGetCommand with plain keys like the API shape', () => {
    const id = 'math.request-batch-get';
    const ref = reference(id, 2) as { params: { RequestItems: { Inventory: { Keys: unknown[] } & Record<string, unknown> } } };
    const input = { RequestItems: { Inventory: { ...ref.params.RequestItems.Inventory, Keys: ref.params.RequestItems.Inventory.Keys.map(unmarshall) } } };
    expect(grade(id, 2, { command: 'BatchGetCommand', input }).score).toBe(1);
  });
});
