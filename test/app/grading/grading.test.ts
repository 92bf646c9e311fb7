import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { InvalidAnswerError } from '../../../app/bank/types.ts';
import { scoreMulti } from '../../../app/grading/index.ts';
import { CHOICE, createContentDir, MULTI, NUMERIC } from '../bank/fixtures.ts';

const bank = loadBank(createContentDir({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE, 'consistency/multi.md': MULTI }));

describe('choice grading', () => {
  it("gives full marks to the key and none to a distractor, with every option's why", () => {
    const right = bank.grade('consistency.gsi-fixture', 5, { kind: 'choice', optionId: 'base' });
    expect([right.verdict, right.score]).toEqual(['correct', 1]);
    const wrong = bank.grade('consistency.gsi-fixture', 5, { kind: 'choice', optionId: 'gsi' });
    expect([wrong.verdict, wrong.score]).toEqual(['incorrect', 0]);
    if (wrong.kind !== 'choice') throw new Error('kind');
    expect(wrong.options.find((o) => o.id === 'gsi')).toMatchObject({ correct: false, chosen: true, whyHtml: '<p>GSIs reject strongly consistent reads.</p>' });
    expect(wrong.options.find((o) => o.id === 'base')).toMatchObject({ correct: true, chosen: false });
    expect(wrong.explanationHtml).toBe('<p>GSI reads are <strong>eventually</strong> consistent.</p>');
  });

  it('rejects an option id that is not in the question', () => {
    expect(() => bank.grade('consistency.gsi-fixture', 5, { kind: 'choice', optionId: 'nope' })).toThrow(InvalidAnswerError);
  });
});

describe('multi grading (partial credit: +1/N per right option, −1/N per wrong one, floor 0)', () => {
  it.each([
    [['double', 'latest'], 'correct', 1],
    [['double'], 'partial', 0.5],
    [['double', 'latest', 'gsi'], 'partial', 0.5],
    [['double', 'gsi'], 'incorrect', 0],
    [['gsi', 'default'], 'incorrect', 0],
    [[], 'incorrect', 0],
  ] as const)('%j scores %s %d', (chosen, verdict, score) => {
    const result = bank.grade('consistency.multi-fixture', 9, { kind: 'multi', optionIds: chosen });
    expect([result.verdict, result.score]).toEqual([verdict, score]);
  });

  it('never rewards choosing everything', () => {
    expect(scoreMulti(new Set(['a', 'b']), new Set(['a', 'b', 'c', 'd']), 2)).toBe(0);
  });

  it('rejects a repeated option', () => {
    expect(() => bank.grade('consistency.multi-fixture', 9, { kind: 'multi', optionIds: ['double', 'double'] })).toThrow(InvalidAnswerError);
  });
});

describe('numeric grading', () => {
  // Find seeds with a given consistency so the expected misconception applies.
  const seedWhere = (pred: (p: Record<string, unknown>) => boolean): number => {
    for (let seed = 0; ; seed++) if (pred(bank.variant('math.read-fixture', seed).params)) return seed;
  };
  const key = (seed: number) => {
    const k = bank.instance('math.read-fixture', seed).key;
    if (k.kind !== 'numeric') throw new Error('kind');
    return k;
  };

  it("accepts the calculator's figure and returns the working", () => {
    const seed = 11;
    const result = bank.grade('math.read-fixture', seed, { kind: 'numeric', value: key(seed).calculation.value });
    if (result.kind !== 'numeric') throw new Error('kind');
    expect([result.verdict, result.score, result.unit]).toEqual(['correct', 1, 'RCU']);
    expect(result.working.steps.length).toBeGreaterThan(2);
    expect(result.misconception).toBeUndefined();
  });

  it.each([
    ['halved-strong', 'Halved the cost of a strongly consistent read', (p: Record<string, unknown>) => p.consistency === 'strong'],
    ['doubled-eventual', 'Charged an eventually consistent read as a full unit', (p: Record<string, unknown>) => p.consistency === 'eventual'],
    ['one-kb-reads', 'Used 1 KB blocks for a read', () => true],
  ])('names the misconception %s when the answer matches its figure', (id, name, pred) => {
    const seed = seedWhere(pred);
    const m = key(seed).misconceptions.find((x) => x.id === id)!;
    const result = bank.grade('math.read-fixture', seed, { kind: 'numeric', value: m.value });
    if (result.kind !== 'numeric') throw new Error('kind');
    expect(result.verdict).toBe('incorrect');
    expect(result.misconception?.name).toBe(name);
  });

  it('names no misconception for a wrong answer that matches none', () => {
    const result = bank.grade('math.read-fixture', 11, { kind: 'numeric', value: 123456.789 });
    expect(result.kind === 'numeric' && result.misconception).toBeFalsy();
  });

  it('rejects a non-number and the wrong kind of answer', () => {
    expect(() => bank.grade('math.read-fixture', 1, { kind: 'numeric', value: Number.NaN })).toThrow(InvalidAnswerError);
    expect(() => bank.grade('math.read-fixture', 1, { kind: 'choice', optionId: 'a' })).toThrow(InvalidAnswerError);
  });
});

describe('numeric grading with a tolerance', () => {
  const tolerant = loadBank(
    createContentDir({
      'math/read.md': NUMERIC.replace('  unit: RCU', '  tolerance: 1\n  unit: RCU').replace('{ int: [10, 500], step: 10 }', '{ int: [100, 500], step: 100 }'),
    }),
  );
  const expected = (seed: number) => {
    const k = tolerant.instance('math.read-fixture', seed).key;
    if (k.kind !== 'numeric') throw new Error('kind');
    return k;
  };

  it.each([-1, 0, 1])('accepts the figure %+d', (offset) => {
    const k = expected(4);
    expect(tolerant.grade('math.read-fixture', 4, { kind: 'numeric', value: k.calculation.value + offset }).verdict).toBe('correct');
  });

  it('rejects a figure just outside the tolerance', () => {
    const k = expected(4);
    expect(tolerant.grade('math.read-fixture', 4, { kind: 'numeric', value: k.calculation.value + 1.5 }).verdict).toBe('incorrect');
  });

  it('never names a misconception whose figure is within the tolerance of the right one', () => {
    for (let seed = 0; seed < 50; seed++) {
      const k = expected(seed);
      for (const m of k.misconceptions) {
        const result = tolerant.grade('math.read-fixture', seed, { kind: 'numeric', value: m.value });
        if (result.kind !== 'numeric' || !result.misconception) continue;
        expect(Math.abs(result.misconception.value - k.calculation.value)).toBeGreaterThan(1);
      }
    }
  });
});
