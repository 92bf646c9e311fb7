import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { createContentDir } from './fixtures.ts';

const FAMILY = `---
id: consistency.case-pools
title: Types
kind: choice
objectives: [consistency.strong]
difficulty: 1
references:
  - { title: "Data types", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html" }
draw: pick-then-shuffle
cases:
  - { id: tags, value_text: "unique tags", right: [ss], wrong: [l, s, m] }
  - { id: total, value_text: "an order total", right: [n], wrong: [s, ns, l] }
answer: { pool: { right: 1, wrong: 2 } }
---
Which type holds **{{value_text}}**?

## Options
- {ss} String Set (SS)
  why: Right: unique strings.
  why-not: SS does not fit {{value_text}}.
- {n} Number (N)
  why: Right: a number.
  why-not: N does not fit {{value_text}}.
- {l} List (L)
  why: Right: ordered.
  why-not: L does not fit {{value_text}}.
- {s} String (S)
  why: Right: text.
  why-not: S does not fit {{value_text}}.
- {m} Map (M)
  why: Right: named fields.
  why-not: M does not fit {{value_text}}.
- {ns} Number Set (NS)
  why: Right: unique numbers.
  why-not: NS does not fit {{value_text}}.

## Explanation
Types.
`;

describe('a pool per case: answer.pool beside "## Options", each case listing its right and wrong ids', () => {
  it("shows the case's right option and some of its wrong ones, with the why or the why-not", () => {
    const bank = loadBank(createContentDir({ 'consistency/case-pools.md': FAMILY }));
    expect(bank.errors).toEqual([]);
    const shown = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const { variant, key, whyHtml } = bank.instance('consistency.case-pools', seed);
      if (variant.kind !== 'choice' || key.kind !== 'choice') throw new Error('expected choice');
      const tags = variant.promptHtml.includes('unique tags');
      const texts = variant.options.map((o) => o.html);
      expect(texts).toHaveLength(3);
      expect(variant.options.find((o) => o.id === key.correct)!.html).toBe(tags ? 'String Set (SS)' : 'Number (N)');
      for (const t of texts) shown.add(t);
      if (tags) expect(texts).not.toContain('Number Set (NS)');
      for (const o of variant.options) expect(whyHtml.get(o.id)).toMatch(o.id === key.correct ? /^<p>Right:/ : /does not fit/);
    }
    expect(shown.size).toBe(6);
  });

  it.each([
    ['an id that is no option', FAMILY.replace('wrong: [l, s, m]', 'wrong: [l, s, x]'), 11, /Case "tags" lists \{x\}, which is not in "## Options"/],
    ['a list shorter than shown', FAMILY.replace('wrong: [s, ns, l]', 'wrong: [s]'), 12, /Case "total" lists 1 wrong options but answer.pool shows 2/],
    ['an id both right and wrong', FAMILY.replace('wrong: [l, s, m]', 'wrong: [l, s, ss]'), 11, /lists \{ss\} as both right and wrong/],
  ])('reports %s at its line', (_, text, line, message) => {
    const errors = loadBank(createContentDir({ 'consistency/case-pools.md': text })).errors;
    expect(errors.map((e) => e.line)).toContain(line);
    expect(errors.map((e) => e.message).join('\n')).toMatch(message);
  });
});
