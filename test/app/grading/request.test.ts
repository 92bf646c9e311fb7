import { describe, expect, it } from 'vitest';
import type { RequestAnswerSpec } from '../../../app/grading/hands-on-spec.ts';
import { buildFixture, FIXTURE_LIMITS, loadFixture } from '../../../app/grading/fixture.ts';
import { diffItems, gradeRequest, runCalls } from '../../../app/grading/request.ts';
import { marshallItem, parseRequestAnswer, unmarshallItem } from '../../../app/grading/request-input.ts';

const context = { explanationHtml: '', references: [] };

const ORDERS_TABLE = {
  TableName: 'Orders',
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [
    { AttributeName: 'customerId', KeyType: 'HASH' },
    { AttributeName: 'orderDate', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'customerId', AttributeType: 'S' },
    { AttributeName: 'orderDate', AttributeType: 'S' },
  ],
};

const rangeQuery = (op: string, extra: Record<string, unknown> = {}) => ({
  action: 'Query',
  params: {
    TableName: 'Orders',
    KeyConditionExpression: `customerId = :c AND ${op}`,
    ExpressionAttributeValues: { ':c': { S: 'alice' }, ':a': { S: '2024-03-05' }, ':b': { S: '2024-03-25' } },
    ScanIndexForward: false,
    ...extra,
  },
});

const dateRange: RequestAnswerSpec = {
  fixture: { table: ORDERS_TABLE, generator: { name: 'customer-orders', args: { customer: 'alice', from: '2024-03-05', to: '2024-03-25' } } },
  reference: rangeQuery('orderDate BETWEEN :a AND :b'),
  checks: { items: 'ordered', operations: ['Query'], capacity: true },
  wrong: [{ name: 'scan', request: {} }],
};

const grade = (spec: RequestAnswerSpec, answer: unknown) => gradeRequest(spec, JSON.stringify(answer), context);
const passed = (r: ReturnType<typeof grade>) => Object.fromEntries(r.checks.map((c) => [c.id, c.passed]));

describe('gradeRequest on a date-range Query', () => {
  it('gives the reference full marks', () => {
    const r = grade(dateRange, dateRange.reference);
    expect(r.verdict).toBe('correct');
    expect(r.score).toBe(1);
  });

  it('fails only the order when the learner asks oldest first', () => {
    const r = grade(dateRange, rangeQuery('orderDate BETWEEN :a AND :b', { ScanIndexForward: true }));
    expect(passed(r)).toEqual({ items: false, operation: true, capacity: true });
    expect(r.checks[0]!.detail).toBe(
      'the right items in the wrong order (item 1 should be {"customerId":"alice","orderDate":"2024-03-25"}, yours is {"customerId":"alice","orderDate":"2024-03-05"}).',
    );
    expect(r.verdict).toBe('partial');
  });

  it('fails the items on the hidden boundary order when the range excludes its end', () => {
    const r = grade(dateRange, {
      ...rangeQuery('orderDate >= :a'),
      params: {
        ...rangeQuery('orderDate >= :a').params,
        KeyConditionExpression: 'customerId = :c AND orderDate BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':c': { S: 'alice' }, ':a': { S: '2024-03-05' }, ':b': { S: '2024-03-24' } },
      },
    });
    expect(passed(r).items).toBe(false);
    expect(r.checks[0]!.detail).toMatch(/1 expected item\(s\) missing \(1 of them not in the sample you were shown\)/);
  });

  it('takes away the Query and capacity checks from a Scan with a filter', () => {
    const r = grade(dateRange, {
      action: 'Scan',
      params: {
        TableName: 'Orders',
        FilterExpression: 'customerId = :c AND orderDate BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':c': { S: 'alice' }, ':a': { S: '2024-03-05' }, ':b': { S: '2024-03-25' } },
      },
    });
    expect(passed(r)).toEqual({ items: false, operation: false, capacity: false });
    expect(r.checks.find((c) => c.id === 'operation')!.detail).toMatch(/^Used Scan: a Scan reads every item/);
  });

  it('measures capacity even when the request asks for none', () => {
    const scan = { action: 'Scan', params: { TableName: 'Orders', ReturnConsumedCapacity: 'NONE' } };
    const r = grade(dateRange, scan);
    expect(passed(r).capacity).toBe(false);
    expect(r.checks.find((c) => c.id === 'capacity')!.detail).toMatch(/^Yours: [1-9][\d.]* capacity units; the reference: 1 capacity unit\.$/);
  });

  it('accepts the document client shape', () => {
    const r = grade(dateRange, {
      command: 'QueryCommand',
      input: {
        TableName: 'Orders',
        KeyConditionExpression: 'customerId = :c AND orderDate BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':c': 'alice', ':a': '2024-03-05', ':b': '2024-03-25' },
        ScanIndexForward: false,
      },
    });
    expect(r.score).toBe(1);
  });

  it('reports the engine error in DynamoDB words and fails every check', () => {
    const r = grade(dateRange, {
      action: 'Query',
      params: { TableName: 'Orders', KeyConditionExpression: 'orderDate = :a', ExpressionAttributeValues: { ':a': { S: 'x' } } },
    });
    expect(r.score).toBe(0);
    expect(r.verdict).toBe('incorrect');
    expect((r.details.learner as { error: string }).error).toMatch(/^ValidationException: /);
  });
});

describe('hints after an engine error', () => {
  it.each([
    [
      'plain values in the API shape',
      {
        action: 'Query',
        params: { ...rangeQuery('orderDate BETWEEN :a AND :b').params, ExpressionAttributeValues: { ':c': 'alice', ':a': '2024-03-05', ':b': '2024-03-25' } },
      },
      /\. With "action" and "params", every value is DynamoDB JSON such as \{"S": "alice"\}/,
    ],
    [
      'a number sent as a JSON number',
      { action: 'GetItem', params: { TableName: 'Orders', Key: { customerId: { S: 'alice' }, orderDate: { N: 5 } } } },
      /\. DynamoDB JSON sends numbers as strings: \{"N": "5"\}, not \{"N": 5\}\.$/,
    ],
    [
      'typed values in the document client',
      { command: 'GetCommand', input: { TableName: 'Orders', Key: { customerId: { S: 'alice' }, orderDate: { S: '2024-03-05' } } } },
      /\. The document client takes plain values \("alice", 5\)/,
    ],
  ])('%s', (_name, answer, hint) => {
    const r = grade(dateRange, answer);
    expect(r.score).toBe(0);
    expect(r.checks[0]!.detail).toMatch(hint);
  });

  it('names the exercise table when the table name is wrong, and says it has no index', () => {
    const wrongTable = grade(dateRange, { action: 'Query', params: { ...rangeQuery('orderDate BETWEEN :a AND :b').params, TableName: 'orders' } });
    expect(wrongTable.checks[0]!.detail).toBe(
      'Your request failed with ResourceNotFoundException: Requested resource not found. The table of this exercise is "Orders"; names are case-sensitive.',
    );
    const noIndex = grade(dateRange, { action: 'Query', params: { ...rangeQuery('orderDate BETWEEN :a AND :b').params, IndexName: 'by-date' } });
    expect(noIndex.checks[0]!.detail).toBe(
      'Your request failed with ValidationException: The table does not have the specified index: by-date. This table has no secondary index.',
    );
  });

  it('adds no hint to a document-client answer that only forgot the sort key', () => {
    const r = grade(dateRange, { command: 'GetCommand', input: { TableName: 'Orders', Key: { customerId: 'alice' } } });
    expect(r.checks[0]!.detail).toBe('Your request failed with ValidationException: The provided key element does not match the schema');
  });
});

describe('diffItems', () => {
  it('treats sets written in another order as equal, and lists as ordered', () => {
    const set = (values: string[]) => ({ k: { S: 'a' }, tags: { SS: values } });
    expect(diffItems([set(['x', 'y'])], [set(['y', 'x'])])).toEqual({ missing: [], extra: [], orderDiffers: false });
    const numbers = (values: string[]) => ({ k: { S: 'a' }, n: { NS: values } });
    expect(diffItems([numbers(['10', '9'])], [numbers(['9', '10'])]).missing).toEqual([]);
    const list = (values: string[]) => ({ k: { S: 'a' }, tags: { L: values.map((S) => ({ S })) } });
    expect(diffItems([list(['x', 'y'])], [list(['y', 'x'])]).missing).toHaveLength(1);
  });
});

describe('parseRequestAnswer', () => {
  it.each([
    ['{', /^The answer is not valid JSON/],
    ['[]', /^The list of calls is empty/],
    ['{"action":"DeleteTable","params":{}}', /^"DeleteTable" is not an item action/],
    ['{"action":"Query"}', /^"params" must be an object/],
    ['{"command":"FooCommand","input":{}}', /^Unknown command "FooCommand"/],
    ['{"action":"query","params":{}}', /^"query" is spelt "Query" here: "action" takes the DynamoDB API name\.$/],
    ['{"action":"dynamodb:UpdateItem","params":{}}', /^"dynamodb:UpdateItem" is spelt "UpdateItem" here/],
    [
      '{"TableName":"Orders","KeyConditionExpression":"customerId = :c"}',
      /^These look like the parameters of a request on their own: wrap them as \{"action": "Query", "params": \{\.\.\.\}\}/,
    ],
    ['{"RequestItems":{"Inventory":[{"PutRequest":{"Item":{}}}]}}', /wrap them as \{"action": "BatchWriteItem"/],
    ['{"TableName":"Users","Key":{"userId":{"S":"a"}},"UpdateExpression":"REMOVE phone"}', /wrap them as \{"action": "UpdateItem"/],
    [JSON.stringify({ action: 'Query', params: { x: 'y'.repeat(20_001) } }), /^The request is \d+ characters long; answers are limited to 20000/],
  ])('refuses %s', (json, message) => {
    const parsed = parseRequestAnswer(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('marshallItem and unmarshallItem', () => {
  it('keep an attribute named __proto__ as an attribute, as DynamoDB stores it', () => {
    const plain = JSON.parse('{"pk":"a","__proto__":{"n":1}}') as Record<string, unknown>;
    const item = marshallItem(plain);
    expect(Object.keys(item)).toEqual(['pk', '__proto__']);
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(JSON.stringify(item)).toBe('{"pk":{"S":"a"},"__proto__":{"M":{"n":{"N":"1"}}}}');
    const back = unmarshallItem(item as Exclude<typeof item, string>);
    expect(JSON.stringify(back)).toBe('{"__proto__":{"n":1},"pk":"a"}');
  });
});

describe('grading limits', () => {
  it('stops a run that passes its time limit, naming the call it did not run', () => {
    const fixture = loadFixture(dateRange.fixture);
    const calls = [
      { action: 'GetItem', params: { TableName: 'Orders', Key: { customerId: { S: 'alice' }, orderDate: { S: '2024-03-05' } } } },
      { action: 'Scan', params: { TableName: 'Orders' } },
    ];
    const outcome = runCalls(fixture.base.clone(), calls, -1);
    expect(outcome.error).toEqual({
      name: 'TimeLimitExceeded',
      message: 'The request took longer than the -1 ms a grade may use; it was stopped before GetItem.',
    });
    expect(outcome.actions).toEqual([]);
  });

  it('refuses a fixture larger than the limit', () => {
    const items = Array.from({ length: FIXTURE_LIMITS.maxItems + 1 }, (_, i) => ({ customerId: 'c', orderDate: String(i) }));
    expect(() => buildFixture({ table: ORDERS_TABLE, items })).toThrow(
      `The fixture holds ${FIXTURE_LIMITS.maxItems + 1} items; the limit is ${FIXTURE_LIMITS.maxItems}`,
    );
  });
});
