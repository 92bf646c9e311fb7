/**
 * What a request question shows the learner before grading: the sample of the table, and the
 * JSON checking of the editor (the same hint on the server and, through its source, in the page).
 */
import { describe, expect, it } from 'vitest';
import { describeRequestFixture } from '../../../app/grading/request.ts';
import { describeJsonError, jsonHint, parseRequestAnswer } from '../../../app/grading/request-input.ts';
import { JSON_EDITOR_SCRIPT, longValuesLast } from '../../../app/views/request-editor.tsx';
import { loadContentBank } from '../../helpers/test-app.ts';

const bank = loadContentBank();

describe('the sample of the table', () => {
  const context = (id: string, seed: number) => bank.variant(id, seed) as unknown as { context: { sample: Record<string, unknown>[]; sampleNote: string } };

  it('counts the items it shows, not the visible items it holds', () => {
    const { sample, sampleNote } = context('keys.request-orders-date-range', 5).context;
    expect(sampleNote).toBe(`${sample.length} of the table's items are shown; it holds others you are not shown.`);
  });

  it('lists items in key order, as a Query reads them', () => {
    const { sample } = context('keys.request-orders-date-range', 5).context;
    const keys = sample.map((item) => `${String(item.customerId)} ${String(item.orderDate)}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('says nothing is hidden when the learner sees every item', () => {
    const spec = {
      fixture: {
        table: {
          TableName: 'Things',
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }],
        },
        items: [{ k: 'b' }, { k: 'a' }],
      },
      reference: { action: 'GetItem', params: { TableName: 'Things', Key: { k: { S: 'a' } } } },
      checks: { items: 'set' as const },
      wrong: [{ name: 'x', request: {} }],
    };
    const shown = describeRequestFixture(spec);
    expect(shown.sample).toEqual([{ k: 'a' }, { k: 'b' }]);
    expect(shown.sampleNote).toBe("2 of the table's items are shown.");
  });

  it('moves long shortened values after the telling attributes', () => {
    const notes = 'Leave at the front desk; call on arrival. '.repeat(3);
    expect(Object.keys(longValuesLast({ customerId: 'a', notes, orderId: 'o-1', status: 'PENDING' }) as object)).toEqual([
      'customerId',
      'orderId',
      'status',
      'notes',
    ]);
  });
});

describe('JSON errors in plain words', () => {
  it.each([
    ['{"action": "Query", "params": {"TableName": "Orders",}}', 'JSON allows no comma before a closing } or ].'],
    ['{"action": "Query", params: {}}', 'Property names need double quotes: "TableName", not TableName.'],
    ['{"action": \'Query\'}', 'Strings need double quotes, not single quotes.'],
    ['{"action": "Query", "params": {"TableName": "Orders"}', 'The JSON ends before every { and [ is closed.'],
    ['{"action": "Query" "params": {}}', 'A comma is missing between two values, or a closing } or ] is missing.'],
    ['   ', 'The answer is empty.'],
  ])('%s', (text, hint) => {
    const parsed = parseRequestAnswer(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.endsWith(hint)).toBe(true);
  });

  it('gives the line and column once', () => {
    const text = '{\n  "action": "Query",\n  params: {}\n}';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    const message = describeJsonError(text, error);
    expect(message).toMatch(/line 3 column 3/);
    expect(message.match(/line \d+/g)).toHaveLength(1);
  });

  it('embeds the same hint in the editor script, runnable from its source', () => {
    const fromSource = new Function(`return ${jsonHint.toString()}`)() as typeof jsonHint;
    expect(fromSource('{"a": 1,}', 'Expected double-quoted property name in JSON at position 8')).toBe('JSON allows no comma before a closing } or ].');
    expect(JSON_EDITOR_SCRIPT).toContain(jsonHint.toString());
  });
});
