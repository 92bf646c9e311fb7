import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { createContentDir } from './fixtures.ts';

const POOL = `---
id: consistency.pool-fixture
title: Facts
kind: multi
objectives: [consistency.strong]
difficulty: 1
references:
  - { title: "Read consistency", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html" }
params:
  size: { int: [1, 4] }
answer: { pool: { right: 2, wrong: 2 } }
---
Which two are true?

## Right
- A strong read of {{size}} KB costs 1 RCU.
  why: Right: 1 RCU per 4 KB.
- Strong reads reflect every acknowledged write.
  why: Right: that is what strong means.
- Eventual reads are the default.
  why: Right: ConsistentRead defaults to false.

## Wrong
- GSIs serve strong reads.
  why: GSIs serve eventual reads only.
- Strong reads cost the same as eventual ones.
  why: They cost twice as much.
- A strong read of a
  whole table is free.
  why: Nothing is free; a Scan is billed.

## Explanation
Strong reads cost twice as much.
`;

function load(text: string) {
  return loadBank(createContentDir({ 'consistency/pool.md': text }));
}

describe('answer pools', () => {
  it('draws the stated number of right and wrong statements into slots keyed a, b', () => {
    const bank = load(POOL);
    expect(bank.errors).toEqual([]);
    const rightTexts = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const instance = bank.instance('consistency.pool-fixture', seed);
      if (instance.variant.kind !== 'multi') throw new Error('expected multi');
      expect(instance.key).toEqual({ kind: 'multi', correct: ['a', 'b'], choose: 2 });
      expect(instance.variant.options.map((o) => o.id).sort()).toEqual(['a', 'b', 'c', 'd']);
      const byId = new Map(instance.variant.options.map((o) => [o.id, o.html]));
      for (const id of ['a', 'b']) {
        rightTexts.add(byId.get(id)!.replace(/\d KB/, 'N KB'));
        expect(instance.whyHtml.get(id)).toMatch(/^<p>Right:/);
      }
      for (const id of ['c', 'd']) expect(instance.whyHtml.get(id)).not.toMatch(/Right:/);
      expect(bank.grade('consistency.pool-fixture', seed, { kind: 'multi', optionIds: ['a', 'b'] }).verdict).toBe('correct');
    }
    // Every right statement is drawn by some seed, with its placeholders filled.
    expect(rightTexts).toEqual(
      new Set(['A strong read of N KB costs 1 RCU.', 'Strong reads reflect every acknowledged write.', 'Eventual reads are the default.']),
    );
  });

  it('joins a statement continued on an indented line', () => {
    const bank = load(POOL);
    const texts = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const v = bank.variant('consistency.pool-fixture', seed);
      if (v.kind === 'multi') for (const o of v.options) texts.add(o.html);
    }
    expect(texts).toContain('A strong read of a whole table is free.');
  });

  it.each([
    ['a pool smaller than it shows', POOL.replace('wrong: 2', 'wrong: 4'), 23, /answer\.pool shows 4 wrong statements but "## Wrong" has 3/],
    ['a choice question with two right', POOL.replace('kind: multi', 'kind: choice'), 11, /a choice question has one right option/],
    ['a multi question with one right', POOL.replace('right: 2', 'right: 1'), 11, /a multi question chooses at least two/],
    ['choose not matching the pool', POOL.replace('difficulty: 1', 'difficulty: 1\nchoose: 3'), 7, /choose is 3 but answer\.pool shows 2 right statements/],
    ['a statement without a why', POOL.replace('  why: They cost twice as much.\n', ''), 26, /no "why:" line/],
    [
      'a repeated statement',
      POOL.replace('Eventual reads are the default.', 'Strong reads reflect every acknowledged write.'),
      20,
      /repeats the one on line 18/,
    ],
    ['a statement with an id', POOL.replace('- GSIs serve', '- {gsi} GSIs serve'), 24, /Pool statements have no \{id\}/],
    ['an unbound placeholder in a statement', POOL.replace('{{size}} KB', '{{sise}} KB'), 16, /A pool statement uses \{\{sise\}\}/],
    ['options beside pools', POOL.replace('## Explanation', '## Options\n- {x} X\n  why: y\n\n## Explanation'), 32, /remove "## Options"/],
    [
      'pools without a pool answer',
      POOL.replace('answer: { pool: { right: 2, wrong: 2 } }', 'answer: { correct: [a, b] }'),
      15,
      /"## Right" is a pool of statements/,
    ],
    ['a malformed answer', POOL.replace('answer: { pool: { right: 2, wrong: 2 } }', 'answer: { pool: { right: 2 } }'), 11, /^answer\.pool\.wrong: /],
  ])('reports %s at its line', (_, text, line, message) => {
    const bank = load(text);
    expect(bank.scenarios).toEqual([]);
    const found = bank.errors.find((e) => message.test(e.message));
    expect(found, JSON.stringify(bank.errors)).toBeDefined();
    expect(found!.line).toBe(line);
    expect(found!.file).toBe('content/consistency/pool.md');
  });
});
