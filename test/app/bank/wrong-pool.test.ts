import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { createContentDir } from './fixtures.ts';

// Fixed options beside a drawn pool: {gsi} and {scan} always shown, two of "## Wrong" beside them.
const FAMILY = `---
id: math.wrong-pool
title: Fixed options beside a pool
kind: choice
objectives: [math.rcu]
difficulty: 1
references:
  - { title: "GSI", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html" }
params:
  attr: { pick: [email, phone, city] }
answer:
  correct: gsi
  wrong-pool: 2
---
Look items up by \`{{attr}}\`. What serves it?

## Options
- {gsi} A GSI keyed on \`{{attr}}\`
  why: Right: a GSI can be keyed on any attribute.
- {scan} A Scan filtered on \`{{attr}}\`
  why: A Scan reads the whole table.

## Wrong
- An LSI keyed on \`{{attr}}\`
  why: An LSI keeps the table's partition key.
- A Query on the table by \`{{attr}}\`
  why: The table is not keyed on it.
- A BatchGetItem by \`{{attr}}\`
  why: BatchGetItem needs full primary keys.

## Explanation
A GSI.
`;

describe('answer.wrong-pool', () => {
  it('shows the written options and draws the wrong ones beside them, with their whys', () => {
    const bank = loadBank(createContentDir({ 'math/wrong-pool.md': FAMILY }));
    expect(bank.errors).toEqual([]);
    const drawn = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const instance = bank.instance('math.wrong-pool', seed);
      if (instance.variant.kind !== 'choice' || instance.key.kind !== 'choice') throw new Error('expected choice');
      const ids = instance.variant.options.map((o) => o.id).sort();
      expect(ids).toEqual(['gsi', 'scan', 'wrong-1', 'wrong-2']);
      expect(instance.key.correct).toBe('gsi');
      for (const id of ['wrong-1', 'wrong-2']) {
        const html = instance.variant.options.find((o) => o.id === id)!.html;
        drawn.add(html.replace(/<code>\w+<\/code>/, '…'));
        expect(instance.whyHtml.get(id)).toMatch(/LSI keeps|not keyed|full primary keys/);
      }
    }
    expect(drawn.size).toBe(3);
  });

  it('names a missing "## Wrong", a pool smaller than it shows, and an option id it keeps for itself', () => {
    const errors = (source: string) => loadBank(createContentDir({ 'math/wrong-pool.md': source })).errors.map((e) => e.message);
    expect(errors(FAMILY.replace(/## Wrong[\s\S]*?(?=## Explanation)/, ''))).toContain(
      'answer.wrong-pool needs a "## Wrong" section listing the wrong statements it draws from',
    );
    expect(errors(FAMILY.replace('wrong-pool: 2', 'wrong-pool: 4'))).toContain('answer.wrong-pool shows 4 wrong statements but "## Wrong" has 3');
    expect(errors(FAMILY.replace('{scan}', '{wrong-1}'))).toContain('Option id {wrong-1} is kept for the statements drawn from "## Wrong"');
  });
});
