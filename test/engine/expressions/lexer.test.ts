import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../engine/expressions/lexer.ts';

describe('tokenize', () => {
  it('splits an expression into kinds with their offsets', () => {
    expect(tokenize('#n.a[10] <= :v')).toEqual([
      { kind: 'NamePlaceholder', text: '#n', start: 0, end: 2 },
      { kind: 'Punctuator', text: '.', start: 2, end: 3 },
      { kind: 'Identifier', text: 'a', start: 3, end: 4 },
      { kind: 'Punctuator', text: '[', start: 4, end: 5 },
      { kind: 'Integer', text: '10', start: 5, end: 7 },
      { kind: 'Punctuator', text: ']', start: 7, end: 8 },
      { kind: 'Punctuator', text: '<=', start: 9, end: 11 },
      { kind: 'ValuePlaceholder', text: ':v', start: 12, end: 14 },
      { kind: 'EOF', text: '<EOF>', start: 14, end: 14 },
    ]);
  });

  it.each([
    ['<>', ['Punctuator']],
    ['< >', ['Punctuator', 'Punctuator']],
    ['>=', ['Punctuator']],
    ['a_b1', ['Identifier']],
    ['_x', ['Identifier']],
    ['#', ['Unknown']],
    [':', ['Unknown']],
    ['1abc', ['Unknown']],
    ['!', ['Unknown']],
    ['😀', ['Unknown']],
    ['a\t\r\nb', ['Identifier', 'Identifier']],
    ['attribute_exists(a)', ['Identifier', 'Punctuator', 'Identifier', 'Punctuator']],
  ])('%j -> %j', (source, kinds) => {
    const tokens = tokenize(source);
    expect(tokens.map((t) => t.kind)).toEqual([...kinds, 'EOF']);
  });

  it('keeps a surrogate pair in one Unknown token', () => {
    expect(tokenize('😀')[0]!.text).toBe('😀');
  });
});
