import { describe, expect, it } from 'vitest';
import { drawCase } from '../../../app/bank/cases.ts';
import { loadBank } from '../../../app/bank/index.ts';
import { createRandom } from '../../../app/bank/random.ts';
import type { CasesSpec } from '../../../app/bank/schema.ts';
import type { ParamValue } from '../../../app/bank/types.ts';
import { createContentDir } from './fixtures.ts';

const FAMILY = `---
id: consistency.case-draws
title: Recovery
kind: choice
objectives: [consistency.strong]
difficulty: 1
references:
  - { title: "Resilience", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/disaster-recovery-resiliency.html" }
params:
  table: { pick: [Orders, Trips] }
draw: pick-then-shuffle
cases:
  - id: nothing
    minutes: { int: [2, 55] }
    risk_text: "one AZ of \`{{table}}\` fails"
  - pick:
      - id: global
        minutes: { int: [2, 55] }
        risk_text: "the Region of \`{{table}}\` fails"
      - id: pitr
        minutes: { int: [2, 55] }
        risk_text: "bad writes reach \`{{table}}\`; restore it {{minutes}} minutes back"
answer:
  correct: "{{case}}"
---
The requirement: **{{risk_text}}**.

## Options
- {nothing} Nothing
  why: Right: DynamoDB spans AZs.
  why-not: Not for this.
- {global} A global table
  why: Right: a replica in another Region.
  why-not: Not for this.
- {pitr} Point-in-time recovery
  why: Right: restore to {{minutes}} minutes back.
  why-not: Not for this.

## Explanation
Resilience.
`;

describe('cases with a group and drawn fields', () => {
  it('gives the lone case half the draws and each of the group a quarter', () => {
    const cases: CasesSpec = [{ id: 'a' }, { pick: [{ id: 'b' }, { id: 'c' }] }];
    const counts: Record<string, number> = {};
    for (let seed = 0; seed < 2000; seed++) {
      const params: Record<string, ParamValue> = {};
      drawCase(cases, createRandom(seed), params);
      counts[String(params.case)] = (counts[String(params.case)] ?? 0) + 1;
    }
    expect(counts.a).toBeGreaterThan(900);
    expect(counts.a).toBeLessThan(1100);
    expect(counts.b).toBeGreaterThan(400);
    expect(counts.c).toBeGreaterThan(400);
  });

  it("draws a case's fields after the pick, in the order written, from the same stream as written-out code would", () => {
    const cases: CasesSpec = [
      { id: 'a', n: { int: [2, 55] as [number, number] }, text: 'n is {{n}}' },
      {
        pick: [
          { id: 'b', n: { int: [2, 55] as [number, number] }, text: 'b {{n}}' },
          { id: 'c', n: 7, text: 'c' },
        ],
      },
    ];
    for (let seed = 0; seed < 50; seed++) {
      const params: Record<string, ParamValue> = {};
      drawCase(cases, createRandom(seed), params);
      const r = createRandom(seed);
      const expected = r.next() < 0.5 ? 'a' : r.pick(['b', 'c']);
      expect(params.case).toBe(expected);
      if (expected !== 'c') {
        expect(params.n).toBe(r.int(2, 55));
        expect(params.text).toBe(expected === 'a' ? `n is ${params.n}` : `b ${params.n}`);
      } else expect(params).toEqual({ case: 'c', n: 7, text: 'c' });
    }
  });

  it('loads a family with a group, fills the fields from the parameters above and the drawn ones, and keys the case', () => {
    const bank = loadBank(createContentDir({ 'consistency/case-draws.md': FAMILY }));
    expect(bank.errors).toEqual([]);
    const keyed = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const { variant, key, whyHtml } = bank.instance('consistency.case-draws', seed);
      if (variant.kind !== 'choice' || key.kind !== 'choice') throw new Error('expected choice');
      const keyHtml = variant.options.find((o) => o.id === key.correct)!.html;
      keyed.add(keyHtml);
      if (keyHtml === 'Point-in-time recovery') {
        const minutes = /restore it (\d+) minutes back/.exec(variant.promptHtml)?.[1];
        expect(whyHtml.get(key.correct)).toContain(`restore to ${minutes} minutes back`);
      }
      expect(variant.promptHtml).toMatch(/<code>(Orders|Trips)<\/code>/);
    }
    expect([...keyed].sort()).toEqual(['A global table', 'Nothing', 'Point-in-time recovery']);
  });

  it.each([
    [
      'a drawn field with a bad spec',
      FAMILY.replace('minutes: { int: [2, 55] }\n    risk_text: "one', 'minutes: { int: [55, 2] }\n    risk_text: "one'),
      14,
      /Case field minutes: min 55 is above max 2/,
    ],
    [
      'a field using a later one',
      FAMILY.replace('minutes back"', 'minutes back {{later}}"\n        later: x'),
      22,
      /Case field risk_text uses \{\{later\}\}, which no parameter above or field before it binds/,
    ],
    ['a grouped case keying no option', FAMILY.replace('id: pitr', 'id: backup'), 20, /Case "backup" keys option \{backup\}/],
  ])('reports %s at its line', (_, text, line, message) => {
    const bank = loadBank(createContentDir({ 'consistency/case-draws.md': text }));
    expect(bank.errors.map((e) => e.line)).toContain(line);
    expect(bank.errors.map((e) => e.message).join('\n')).toMatch(message);
  });
});
