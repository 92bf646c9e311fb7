import { describe, expect, it } from 'vitest';
import { ArithmeticError, evaluateArithmetic, looksArithmetic } from '../../../app/bank/arithmetic.ts';
import { parseObjectives } from '../../../app/bank/objectives.ts';
import { countParamSpace, generateParams } from '../../../app/bank/params.ts';
import { createRandom, createVariantRandom } from '../../../app/bank/random.ts';
import { fillText, findPlaceholders, UnboundPlaceholderError } from '../../../app/bank/template.ts';

describe('evaluateArithmetic', () => {
  it.each([
    ['12*1024+100', 12388],
    ['(2 + 3) * 4', 20],
    ['-3 + 10 / 4', -0.5],
    ['1.5e3', 1500],
    ['2 * -(3)', -6],
  ])('%s = %d', (text, value) => {
    expect(evaluateArithmetic(text)).toBe(value);
  });

  it.each([
    ['1 +', 'Expected a number at position 4 of "1 +"'],
    ['(1 + 2', 'Expected ")" at position 7 of "(1 + 2"'],
    ['4 / 0', 'Division by zero at position 6 of "4 / 0"'],
    ['2 3', 'Unexpected character at position 3 of "2 3"'],
  ])('rejects %s', (text, message) => {
    expect(() => evaluateArithmetic(text)).toThrow(new ArithmeticError(message));
  });

  it('only treats digits and operators as arithmetic', () => {
    expect(looksArithmetic('12*3')).toBe(true);
    expect(looksArithmetic('strong')).toBe(false);
    expect(looksArithmetic('process.exit()')).toBe(false);
  });
});

describe('fillText', () => {
  it('formats numbers for prose, raw on request, and capitalises with |cap', () => {
    expect(fillText('{{n}} / {{n|raw}} / {{s|cap}}', { n: 1250000, s: 'a shop' })).toBe('1,250,000 / 1250000 / A shop');
  });
  it('throws for an unbound placeholder', () => {
    expect(() => fillText('{{missing}}', {})).toThrow(UnboundPlaceholderError);
  });
  it('finds placeholders with dotted names', () => {
    expect(findPlaceholders('{{ app.name }} and {{n|raw}}')).toEqual(['app.name', 'n']);
  });
});

describe('random', () => {
  it('is a pure function of the seed', () => {
    const a = createRandom(99);
    const b = createRandom(99);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
  it('gives unrelated streams to the same seed of different scenarios', () => {
    expect(createVariantRandom('math.a', 1).next()).not.toBe(createVariantRandom('math.b', 1).next());
  });
  it('draws integers across the whole range, both ends included', () => {
    const r = createRandom(5);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('generateParams and countParamSpace', () => {
  const specs = {
    kb: { int: [1, 10] as [number, number] },
    rate: { int: [5, 100] as [number, number], step: 5 },
    ratio: { range: [0.5, 0.9] as [number, number], step: 0.1 },
    app: {
      pick: [
        { name: 'a shop', table: 'Orders' },
        { name: 'a bank', table: 'Accounts' },
      ],
    },
    bytes: { calc: '{{kb}} * 1024' },
  };
  it('binds object fields, steps and calc', () => {
    const p = generateParams(specs, createRandom(3));
    expect(p.bytes).toBe(Number(p.kb) * 1024);
    expect(Number(p.rate) % 5).toBe(0);
    expect([0.5, 0.6, 0.7, 0.8, 0.9]).toContain(p.ratio);
    expect(p['app.table']).toBe(p['app.name'] === 'a shop' ? 'Orders' : 'Accounts');
  });
  it('counts the space as the product of the counts', () => {
    expect(countParamSpace(specs)).toBe(10 * 20 * 5 * 2);
  });
});

describe('parseObjectives', () => {
  it('reads areas and objectives and reports one out of place', () => {
    const parsed = parseObjectives('## math — arithmetic\n- math.rcu — reads\n- core.x — misplaced\n');
    expect(parsed.areas).toEqual([{ id: 'math', title: 'arithmetic', objectives: [{ id: 'math.rcu', area: 'math', text: 'reads' }] }]);
    expect(parsed.errors).toEqual([{ line: 3, message: 'Objective core.x is not under its area heading "## core — ..."' }]);
  });
});

describe('picked texts that use earlier parameters', () => {
  it('fills them in when generated', () => {
    const p = generateParams({ n: { int: [1000, 1000] }, text: { pick: ['{{n}} RCU'] } }, createRandom(1));
    expect(p.text).toBe('1,000 RCU');
  });
});
