import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { createContentDir } from './fixtures.ts';

const FAMILY = `---
id: consistency.after-options
title: Strong reads
kind: multi
choose: 2
objectives: [consistency.strong]
difficulty: 1
references:
  - { title: "Read consistency", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html" }
draw: pick-then-shuffle
after-options:
  reads: { int: [10, 99] }
answer: { pool: { right: 2, wrong: 2 } }
---
The table serves **{{reads}} reads** a second. Which two statements hold?

## Right
- A strong read costs 1 RCU per 4 KB.
  why: Right: twice an eventual one.
- A strong read reflects every acknowledged write.
  why: Right: that is what strong means.
- A strong read is served by the leader.
  why: Right: replicas may lag.

## Wrong
- A GSI serves strong reads.
  why: GSIs are eventually consistent.
- Strong reads are the default.
  why: Eventual reads are.
- Strong reads cost half.
  why: They cost double.

## Explanation
At {{reads}} reads a second, strong reads cost twice as much.
`;

describe('after-options: parameters drawn after the options', () => {
  const bank = loadBank(createContentDir({ 'consistency/after-options.md': FAMILY }));

  it('binds them in the prompt and the explanation and shows them with the other parameters', () => {
    expect(bank.errors).toEqual([]);
    for (let seed = 0; seed < 20; seed++) {
      const { variant, explanationHtml } = bank.instance('consistency.after-options', seed);
      const reads = Number(variant.params.reads);
      expect(reads).toBeGreaterThanOrEqual(10);
      expect(variant.promptHtml).toContain(`<strong>${reads} reads</strong>`);
      expect(explanationHtml).toContain(`At ${reads} reads`);
    }
  });

  it('leaves the statements and slots of every variant as they are without them', () => {
    const without = loadBank(createContentDir({ 'consistency/after-options.md': FAMILY.replace(/after-options:\n.*\n/, '').replaceAll('{{reads}}', '20') }));
    for (let seed = 0; seed < 20; seed++) {
      const a = bank.instance('consistency.after-options', seed);
      const b = without.instance('consistency.after-options', seed);
      expect(a.key).toEqual(b.key);
      expect(a.variant.kind === 'multi' && a.variant.options.map((o) => o.html).sort()).toEqual(
        b.variant.kind === 'multi' && b.variant.options.map((o) => o.html).sort(),
      );
    }
  });

  it('is refused on a numeric family, at its line', () => {
    const numeric = `---
id: math.after-options
title: Units
kind: numeric
objectives: [math.rcu]
difficulty: 1
references:
  - { title: "Read and write operations", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html" }
after-options:
  n: { int: [1, 5] }
answer:
  calculator: itemReadUnits
  args: { itemBytes: 4096, consistency: strong }
  unit: RCU
---
Read {{n}} items.

## Explanation
Blocks.
`;
    const errors = loadBank(createContentDir({ 'math/after-options.md': numeric })).errors;
    expect(errors.map((e) => `${e.line}: ${e.message}`)).toContain('9: after-options applies only to choice and multi scenarios, not numeric');
  });
});
