import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '../../app/bank/calculators.ts';
import { inspectCalculatorModule } from './calculator-code.ts';
import { inspectRegistry } from './content-stats.ts';

const root = join(import.meta.dirname, '..', '..');

/** A module of one calculator whose `calculate` and extra source are given. */
const moduleWith = (calculate: string, extra = '', misconception = "{ id: 'x', topic: 't', compute: () => 1 }") => `
import { z } from 'zod';
import { itemReadUnits, calculateStorageCost } from '../../engine/index.ts';
import { defineCalculator } from './calculator.ts';
${extra}
export const list = [
  defineCalculator({
    name: 'c',
    description: 'RCU for one read of one item of the given size and consistency: args { itemBytes }',
    args: z.strictObject({ n: z.number() }).refine((a) => a.n > 0, 'n must be a positive number of items'),
    calculate: ${calculate},
    misconceptions: [${misconception}],
  }),
];
`;

describe('inspectCalculatorModule', () => {
  it.each([
    ['an engine export itself', 'itemReadUnits'],
    ['one call of an engine export', '(a) => calculateStorageCost(a).calculation'],
    ['a return of one engine call', '(a) => { return itemReadUnits(a); }'],
    ['a module helper that is one engine call', '(a) => storage(a).calculation', 'const storage = (a) => calculateStorageCost({ ...a, freeTier: false });'],
  ])('calls %s a named engine rule', (_what, calculate, extra = '') => {
    const [c] = inspectCalculatorModule(moduleWith(calculate, extra), 'app/bank/m.ts');
    expect(c).toMatchObject({ name: 'c', engineRule: true, problems: [] });
  });

  it.each([
    ['a local function', '(a) => local(a)', 'function local(a) { return { value: 1, unit: "x", steps: [] }; }'],
    ['two statements', '(a) => { const c = itemReadUnits(a); return { ...c }; }'],
    ['a method of two statements', 'METHOD'],
  ])('calls a calculate of %s code', (_what, calculate, extra = '') => {
    const source = moduleWith(calculate, extra).replace('calculate: METHOD', 'calculate(a) { const c = itemReadUnits(a); return c; }');
    const [c] = inspectCalculatorModule(source, 'app/bank/m.ts');
    expect(c?.engineRule).toBe(false);
    expect(c?.problems).toEqual([expect.stringMatching(/^app\/bank\/m\.ts:\d+: calculate is not one call of an engine export$/)]);
  });

  it('names each sentence in the module with its line, wherever it is', () => {
    const source = moduleWith(
      'itemReadUnits',
      // A template literal with a placeholder, in the inspected module's source (split so it is not one here).
      'const label = `Round the item size up to $' + '{n} KB blocks`;',
      "{ id: 'x', name: 'Did not round the size up to whole blocks', compute: () => 1 }",
    );
    const [c] = inspectCalculatorModule(source, 'app/bank/m.ts');
    expect(c?.engineRule).toBe(false);
    expect(c?.problems).toEqual([
      expect.stringMatching(/^app\/bank\/m\.ts:5: a sentence in TypeScript: "Round the item size up to … KB blocks"$/),
      expect.stringMatching(/^app\/bank\/m\.ts:12: a sentence in TypeScript: "Did not round the size up/),
    ]);
  });

  it('lets author-facing text be: descriptions, zod messages, errors, short labels', () => {
    const extra =
      "const check = (n) => { if (n < 0) throw new Error('a count is never below zero, whatever the scenario says'); return n; };\nconst unit = 'USD/month';";
    const [c] = inspectCalculatorModule(moduleWith('itemReadUnits', extra), 'app/bank/m.ts');
    expect(c).toMatchObject({ engineRule: true, problems: [] });
  });
});

describe('the registry', () => {
  it('finds every registered calculator in app/bank or app/grading', () => {
    const code = inspectRegistry(root);
    expect([...CALCULATORS.keys()].filter((name) => !code.has(name))).toEqual([]);
  });

  it('has every capacity and cost calculator as a named engine rule', () => {
    const code = inspectRegistry(root);
    const notRules = [...code.values()].filter((c) => /(capacity|cost)-calculators\.ts$/.test(c.file) && !c.engineRule);
    expect(notRules.map((c) => `${c.name}: ${c.problems.join('; ')}`)).toEqual([]);
  });
});
