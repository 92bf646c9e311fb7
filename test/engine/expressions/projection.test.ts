import { describe, expect, it } from 'vitest';
import { createPlaceholderContext, parseProjection } from '../../../engine/expressions/parser.ts';
import { applyProjection } from '../../../engine/expressions/projection.ts';
import type { Item } from '../../../engine/values/attribute-value.ts';

const ITEM: Item = {
  pk: { S: 'k' },
  a: { M: { b: { S: 'B' }, c: { S: 'C' }, d: { L: [{ N: '0' }, { N: '1' }] } } },
  l: { L: [{ N: '0' }, { M: { x: { S: 'X' }, y: { S: 'Y' } } }, { N: '2' }, { N: '3' }] },
  s: { S: 'str' },
};

function project(source: string): Item {
  return applyProjection(parseProjection(source, createPlaceholderContext({ '#a': 'a' })), ITEM);
}

describe('applyProjection', () => {
  it.each<[string, Item]>([
    ['pk', { pk: { S: 'k' } }],
    ['pk, s', { pk: { S: 'k' }, s: { S: 'str' } }],
    ['nope', {}],
    ['#a.b', { a: { M: { b: { S: 'B' } } } }],
    ['a.b, a.c', { a: { M: { b: { S: 'B' }, c: { S: 'C' } } } }],
    ['a.d[1]', { a: { M: { d: { L: [{ N: '1' }] } } } }],
    ['l[3], l[0]', { l: { L: [{ N: '0' }, { N: '3' }] } }], // index order, packed
    ['l[1].y', { l: { L: [{ M: { y: { S: 'Y' } } }] } }],
    ['l[9]', {}],
    ['a.nope', {}],
    ['s.x', {}],
    ['l[0].x', {}],
    ['a.nope, a.b', { a: { M: { b: { S: 'B' } } } }],
  ])('%s', (source, expected) => {
    expect(project(source)).toEqual(expected);
  });
});
