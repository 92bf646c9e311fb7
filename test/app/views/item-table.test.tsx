/** The sample items a hands-on question shows: typed columns, values as the console prints them, the raw JSON folded. */
import { describe, expect, it } from 'vitest';
import { attributeTypeOf, displayValue, FixtureItems, itemColumns, marshalPlainItems } from '../../../app/views/item-table.tsx';

describe('attributeTypeOf', () => {
  it.each([
    [{ S: 'a' }, 'S'],
    [{ N: '1' }, 'N'],
    [{ SS: ['a'] }, 'SS'],
    [{ NULL: true }, 'NULL'],
    [{ L: [] }, 'L'],
    ['plain', undefined],
    [{ S: 'a', N: '1' }, undefined],
    [{ X: 1 }, undefined],
    [[{ S: 'a' }], undefined],
  ])('%j is %s', (value, type) => {
    expect(attributeTypeOf(value)).toBe(type);
  });
});

describe('displayValue', () => {
  it.each([
    [{ S: 'alice' }, 'alice'],
    [{ N: '12345678901234567890.5' }, '12345678901234567890.5'],
    [{ BOOL: false }, 'false'],
    [{ NULL: true }, 'null'],
    [{ SS: ['reader', 'writer'] }, 'reader, writer'],
    [{ L: [{ S: 'a' }, { N: '2' }] }, '["a",2]'],
    [{ M: { likes: { N: '19' }, tags: { L: [{ S: 'x' }] } } }, '{"likes":19,"tags":["x"]}'],
    [{ S: 'x'.repeat(40) }, `${'x'.repeat(24)}…`],
  ])('%j reads %s', (value, text) => {
    expect(displayValue(value)).toBe(text);
  });
});

describe('itemColumns', () => {
  it('lists attributes in order of first appearance, typed when every item agrees', () => {
    const items = [
      { pk: { S: 'a' }, tags: { SS: ['x'] } },
      { pk: { S: 'b' }, tags: { L: [{ S: 'x' }] }, extra: { N: '1' } },
    ];
    expect(itemColumns(items)).toEqual([
      { name: 'pk', type: 'S' },
      { name: 'tags', type: undefined },
      { name: 'extra', type: 'N' },
    ]);
  });

  it('has no columns for no items', () => {
    expect(itemColumns([])).toEqual([]);
  });
});

describe('FixtureItems', () => {
  const html = (
    <FixtureItems
      items={[
        { userId: { S: 'alice' }, tags: { SS: ['a'] } },
        { userId: { S: 'bruno' }, tags: { L: [] }, age: { N: '4' } },
      ]}
      label="Sample"
      id="s"
    />
  ).toString();

  it('marks a column type in its heading, a per-item type in the cell, and an absent attribute', () => {
    expect(html).toContain('userId <abbr class="attr-type" title="String">S</abbr>');
    expect(html).toContain('<abbr class="attr-type" title="String set">SS</abbr> a</td>');
    expect(html).toContain('<span class="visually-hidden">absent</span>');
  });

  it('keeps the raw DynamoDB JSON behind a toggle, one item a line', () => {
    expect(html).toMatch(/<details class="raw-items"><summary>The items as DynamoDB JSON<\/summary>/);
    expect(html).toContain('{&quot;userId&quot;:{&quot;S&quot;:&quot;alice&quot;},&quot;tags&quot;:{&quot;SS&quot;:[&quot;a&quot;]}}\n{');
  });
});

describe('marshalPlainItems', () => {
  it('types generated data as the design grader loads it', () => {
    expect(marshalPlainItems([{ userId: 'p01', wins: 3, tags: ['a'] }])).toEqual([{ userId: { S: 'p01' }, wins: { N: '3' }, tags: { L: [{ S: 'a' }] } }]);
  });
});
