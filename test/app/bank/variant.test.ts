import { describe, expect, it } from 'vitest';
import { createDeriverRegistry } from '../../../app/bank/derivers.ts';
import { loadBank } from '../../../app/bank/index.ts';
import { InvalidAnswerError, UnknownScenarioError } from '../../../app/bank/types.ts';
import { CHOICE, createContentDir, MULTI, NUMERIC } from './fixtures.ts';

const bank = loadBank(createContentDir({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE, 'consistency/multi.md': MULTI }));
const ids = ['math.read-fixture', 'consistency.gsi-fixture', 'consistency.multi-fixture'];

describe('Bank.variant', () => {
  it.each(ids)('%s: the same seed gives the same variant', (id) => {
    for (const seed of [0, 1, 42, 4294967295]) expect(bank.variant(id, seed)).toEqual(bank.variant(id, seed));
  });

  it.each(ids)('%s: different seeds give different parameters', (id) => {
    const params = new Set(Array.from({ length: 30 }, (_, seed) => JSON.stringify(bank.variant(id, seed).params)));
    expect(params.size).toBeGreaterThan(25);
  });

  it('fills placeholders, with thousands separators in prose', () => {
    const v = bank.variant('math.read-fixture', 7);
    expect(v.promptHtml).toBe(
      `<p>Items of ${v.params.kb} KB and ${Number(v.params.extra).toLocaleString('en-US')} bytes, ${v.params.reads} ${v.params.consistency} reads per second.</p>`,
    );
    expect(v.kind).toBe('numeric');
  });

  it('fills placeholders in the unit of a numeric answer', () => {
    const dir = createContentDir({ 'math/read.md': NUMERIC.replace('unit: RCU', 'unit: "{{consistency}} RCU"') });
    const v = loadBank(dir).variant('math.read-fixture', 3);
    expect(v.kind === 'numeric' && v.unit).toBe(`${v.params.consistency} RCU`);
  });

  it("shows generated parameters but never a deriver's outputs, which may hold the key", () => {
    const derivers = createDeriverRegistry([{ name: 'key', description: 'test', outputs: ['best'], derive: () => ({ best: 'base' }) }]);
    const text = CHOICE.replace('answer: { correct: base }', 'derive: key\nanswer: { correct: "{{best}}" }');
    const derived = loadBank(createContentDir({ 'consistency/gsi.md': text }), { derivers });
    const v = derived.variant('consistency.gsi-fixture', 8);
    expect(Object.keys(v.params).sort()).toEqual(['app', 'n']);
    expect(derived.grade('consistency.gsi-fixture', 8, { kind: 'choice', optionId: 'base' }).verdict).toBe('correct');
  });

  it('shuffles options by the seed, so the key is not always first', () => {
    const firsts = new Set(
      Array.from({ length: 40 }, (_, seed) => {
        const v = bank.variant('consistency.gsi-fixture', seed);
        return v.kind === 'choice' ? v.options[0]?.id : undefined;
      }),
    );
    expect(firsts).toEqual(new Set(['base', 'gsi', 'retry', 'lsi']));
  });

  it('does not reveal the answer or the whys in the variant', () => {
    const text = JSON.stringify(bank.variant('consistency.gsi-fixture', 3));
    expect(text).not.toContain('why');
    expect(text).not.toContain('Base-table reads can be strongly consistent');
  });

  it('throws UnknownScenarioError for an unknown id and InvalidAnswerError for a bad seed', () => {
    expect(() => bank.variant('math.nope', 1)).toThrow(UnknownScenarioError);
    expect(() => bank.variant('math.read-fixture', -1)).toThrow(InvalidAnswerError);
    expect(() => bank.variant('math.read-fixture', 1.5)).toThrow(InvalidAnswerError);
    expect(() => bank.variant('math.read-fixture', 2 ** 32)).toThrow(InvalidAnswerError);
  });
});
