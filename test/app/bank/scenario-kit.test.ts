import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../app/bank/random.ts';
import { fillSlots, joinWords, pickSome, readNumber, readString, slotOutputs } from '../../../app/bank/scenario-kit.ts';

describe('fillSlots', () => {
  const options = [
    { text: 'right', why: 'because', correct: true },
    { text: 'wrong one', why: 'no', correct: false },
    { text: 'wrong two', why: 'no', correct: false },
  ];
  it('spreads the key over slots across seeds and names it', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const out = fillSlots(options, createRandom(seed));
      expect(out[`opt_${out.correct}`]).toBe('right');
      expect(out.correct_1).toBe(out.correct);
      seen.add(String(out.correct));
    }
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });
  it('joins two keys for multi questions in slot order', () => {
    const out = fillSlots([...options, { text: 'also right', why: 'yes', correct: true }], createRandom(1));
    expect(String(out.correct).split(',')).toEqual([out.correct_1, out.correct_2]);
  });
  it.each([
    [
      [
        { text: 'x', why: '', correct: true },
        { text: 'x', why: '', correct: false },
      ],
      'Two derived options read the same',
    ],
    [[{ text: 'x', why: '', correct: false }], 'No derived option is marked correct'],
  ])('rejects %j', (opts, message) => {
    expect(() => fillSlots(opts, createRandom(0))).toThrow(message);
  });
});

describe('slotOutputs', () => {
  it('lists texts, whys and keys for the slots used', () => {
    expect(slotOutputs(2, ['extra'])).toEqual(['opt_a', 'why_a', 'opt_b', 'why_b', 'correct', 'correct_1', 'correct_2', 'extra']);
  });
});

describe('helpers', () => {
  it('pickSome draws distinct items', () => {
    const picked = pickSome(createRandom(5), [1, 2, 3, 4, 5], 3);
    expect(new Set(picked).size).toBe(3);
    expect(() => pickSome(createRandom(5), [1], 2)).toThrow(RangeError);
  });
  it('joinWords reads naturally', () => {
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
  it('readString and readNumber name the missing parameter', () => {
    expect(readString({ 'd.pk': 'id' }, 'd.pk')).toBe('id');
    expect(() => readString({}, 'd.pk')).toThrow('d.pk');
    expect(() => readNumber({ n: 'x' }, 'n')).toThrow('numeric parameter n');
  });
});
