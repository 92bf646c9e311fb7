/** A request scenario file from markdown to grade: loader errors with lines, the variant's context, placeholders. */
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { createContentDir } from '../bank/fixtures.ts';

const scenario = (generator: string, reference = '{ action: GetItem, params: { TableName: Pages, Key: { page: { S: "{{page}}" } } } }') => `---
id: math.request-fixture
title: Fetch a page counter
kind: request
objectives: [math.rcu]
difficulty: 1
references:
  - { title: "GetItem", url: "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html" }
params:
  page: { pick: ["/home", "/docs"] }
  visits: { int: [1, 9] }
answer:
  fixture:
    table: { TableName: Pages, BillingMode: PAY_PER_REQUEST, KeySchema: [{ AttributeName: page, KeyType: HASH }], AttributeDefinitions: [{ AttributeName: page, AttributeType: S }] }
    generator: { name: ${generator}, args: { page: "{{page}}", visits: "{{visits}}" } }
    hidden: [{ page: "/secret", visits: 1 }]
  reference: ${reference}
  checks: { items: set, operations: [GetItem] }
  wrong:
    - { name: scan, request: { action: Scan, params: { TableName: Pages } } }
---
Fetch the counter of \`{{page}}\`.

## Explanation
GetItem by key.
`;

describe('request scenario files', () => {
  it('names the line of an unknown generator', () => {
    const bank = loadBank(createContentDir({ 'math/a.md': scenario('page-countr') }));
    expect(bank.errors).toEqual([
      {
        file: 'content/math/a.md',
        line: 15,
        message: expect.stringMatching(/^answer\.fixture\.generator\.name: unknown generator "page-countr"; known: customer-orders, /),
      },
    ]);
  });

  it('names the line of an answer placeholder no parameter binds', () => {
    const bank = loadBank(
      createContentDir({ 'math/a.md': scenario('page-counters', '{ action: GetItem, params: { TableName: Pages, Key: { page: { S: "{{pgae}}" } } } }') }),
    );
    expect(bank.errors.map((e) => e.message)).toEqual(['The answer uses {{pgae}}, which no parameter or deriver binds']);
  });

  it('builds the variant context from the visible items only, with numbers typed', () => {
    const bank = loadBank(createContentDir({ 'math/a.md': scenario('page-counters') }));
    expect(bank.errors).toEqual([]);
    const variant = bank.variant('math.request-fixture', 4);
    if (variant.kind !== 'request') throw new Error('expected a request variant');
    const sample = variant.context.sample as { page: string; visits: number }[];
    expect(sample.find((item) => item.page === variant.params.page)).toEqual({
      page: variant.params.page,
      visits: variant.params.visits,
      title: `Page ${String(variant.params.page)}`,
    });
    expect(sample.some((item) => item.page === '/secret')).toBe(false);
    expect(variant.context.table).toEqual({ name: 'Pages', keys: 'page (S, partition key)', indexes: [] });
    const reference = bank.referenceAnswer('math.request-fixture', 4);
    expect(bank.grade('math.request-fixture', 4, reference).score).toBe(1);
    expect(bank.grade('math.request-fixture', 4, { kind: 'request', json: '{"action":"Scan","params":{"TableName":"Pages"}}' }).score).toBe(0);
  });
});
