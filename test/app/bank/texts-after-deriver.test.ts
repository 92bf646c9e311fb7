import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { createContentDir } from './fixtures.ts';

// serverlessTableMode draws a table's traffic and keys the cheaper mode (best) with both bills;
// the text table is keyed by that output, so it must wait for the deriver.
const DERIVED = `---
id: math.texts-after-deriver
title: Mode by bill
kind: choice
objectives: [math.rcu]
difficulty: 1
references:
  - { title: "Capacity modes", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html" }
derive: serverlessTableMode
texts:
  verdict:
    by: "{{best}}"
    of:
      on-demand: "On-demand costs {{cost_on_demand}}."
      provisioned-peak: "Capacity at the peak costs {{cost_provisioned}}."
answer: { correct: "{{best}}" }
---
A table peaks at {{peak}} requests a second. Which mode is cheaper?

## Options
- {on-demand} On-demand.
  why: Bills per request.
- {provisioned-peak} Provisioned at the peak.
  why: Bills per hour.

## Explanation
{{verdict}}
`;

describe('texts keyed by a deriver output', () => {
  it('are looked up after the deriver, with its figures filled in', () => {
    const bank = loadBank(createContentDir({ 'math/derived.md': DERIVED }));
    expect(bank.errors).toEqual([]);
    const keys = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const instance = bank.instance('math.texts-after-deriver', seed);
      if (instance.key.kind !== 'choice') throw new Error('expected choice');
      keys.add(instance.key.correct);
      expect(instance.explanationHtml).toMatch(instance.key.correct === 'on-demand' ? /On-demand costs \$[\d,.]+\./ : /Capacity at the peak costs \$[\d,.]+\./);
    }
    expect(keys).toEqual(new Set(['on-demand', 'provisioned-peak']));
  });

  it('still name a placeholder that neither the parameters nor the deriver bind', () => {
    const bank = loadBank(createContentDir({ 'math/derived.md': DERIVED.replace('by: "{{best}}"', 'by: "{{winner}}"') }));
    expect(bank.errors.map((e) => e.message).join('\n')).toMatch(/texts\.verdict\.by uses \{\{winner\}\}/);
  });
});
