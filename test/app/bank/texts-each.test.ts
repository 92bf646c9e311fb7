import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { expandTextTables } from '../../../app/bank/parse.ts';
import { createContentDir } from './fixtures.ts';

// One table shared by three slots: `mode: { each: [a, b, c], by: "{{pick_@}}" }` binds mode_a,
// mode_b and mode_c, each looked up by its own slot's value.
const SHARED = `---
id: math.texts-each
title: Three modes
kind: choice
objectives: [math.rcu]
difficulty: 1
references:
  - { title: "Capacity modes", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html" }
params:
  pick_a: { pick: [od, pr] }
  pick_b: { pick: [od, pr] }
  pick_c: { pick: [od, pr] }
  rate: { int: [1000, 2000] }
texts:
  mode:
    each: [a, b, c]
    by: "{{pick_@}}"
    of:
      od: "On-demand ({@}) at {{rate}} a second."
      pr: "Provisioned ({@}) at {{rate}} a second."
answer: { correct: a }
---
Which mode?

## Options
- {a} {{mode_a}}
  why: A.
- {b} {{mode_b}} B
  why: B.
- {c} {{mode_c}} C
  why: C.

## Explanation
Slot c reads: {{mode_c}}
`;

describe('texts: each', () => {
  it('expands one table into a table per slot, @ replaced in by and in the texts', () => {
    const { texts, origins, repeated } = expandTextTables({ why: { each: ['a', 'b'], by: '{{r_@}}', of: { x: 'X for @.', y: 'Y.' } } });
    expect(texts).toEqual({ why_a: { by: '{{r_a}}', of: { x: 'X for a.', y: 'Y.' } }, why_b: { by: '{{r_b}}', of: { x: 'X for b.', y: 'Y.' } } });
    expect(origins).toEqual(
      new Map([
        ['why_a', 'why'],
        ['why_b', 'why'],
      ]),
    );
    expect(repeated).toEqual([]);
  });

  it('leaves a table without each as written, and names a slot bound twice', () => {
    const table = { by: '{{x}}', of: { a: 'A.' } };
    const { texts, repeated } = expandTextTables({ why_a: table, why: { each: ['a'], by: '{{x}}', of: { a: 'B.' } } });
    expect(Object.keys(texts)).toEqual(['why_a']);
    expect(repeated).toEqual(['why_a']);
  });

  it('looks each slot up by its own value, with the other placeholders filled in', () => {
    const bank = loadBank(createContentDir({ 'math/each.md': SHARED }));
    expect(bank.errors).toEqual([]);
    for (let seed = 0; seed < 10; seed++) {
      const instance = bank.instance('math.texts-each', seed);
      const params = instance.variant.params;
      if (instance.variant.kind !== 'choice') throw new Error('expected choice');
      const html = new Map(instance.variant.options.map((o) => [o.id, o.html]));
      for (const slot of ['a', 'b', 'c']) {
        const word = params[`pick_${slot}`] === 'od' ? 'On-demand' : 'Provisioned';
        expect(html.get(slot)).toContain(`${word} ({${slot}}) at ${Number(params.rate).toLocaleString('en-US')} a second.`);
      }
      expect(instance.explanationHtml).toContain(`({c})`);
    }
  });

  it('reports a slot value with no text at the line of the table written', () => {
    const bank = loadBank(createContentDir({ 'math/each.md': SHARED.replace('      pr: "Provisioned', '      px: "Provisioned') }));
    const errors = bank.errors.map((e) => `${e.line}: ${e.message}`);
    // The table `mode` is written on line 15, its `of` on line 18.
    expect(errors).toContain('18: texts.mode_a.of has no text for "pr", a value of {{pick_a}}');
    expect(errors).toContain('18: texts.mode_c.of has no text for "pr", a value of {{pick_c}}');
  });

  it("rejects a table named like a deriver's output, which the output would silently replace", () => {
    const clash = SHARED.replace('params:\n', 'derive: serverlessTableMode\nparams:\n').replace(
      '  mode:\n    each: [a, b, c]',
      '  peak:\n    by: "{{rate}}"\n    of: {}\n  mode:\n    each: [a, b, c]',
    );
    const bank = loadBank(createContentDir({ 'math/each.md': clash }));
    expect(bank.errors.map((e) => e.message)).toContain('texts.peak has the name of an output of deriver serverlessTableMode');
  });
});
