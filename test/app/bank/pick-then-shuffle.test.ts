import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { createContentDir } from './fixtures.ts';

const CASES = `---
id: consistency.cases-fixture
title: Nested update
kind: choice
objectives: [consistency.strong]
difficulty: 1
references:
  - { title: "Update expressions", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html" }
params:
  map: { pick: [address, contact] }
draw: pick-then-shuffle
cases:
  - { id: set-field, change_text: "change a field of \`{{map}}\`" }
  - { id: remove-field, change_text: "delete a field of \`{{map}}\`" }
answer:
  correct: "{{case}}"
---
The application must **{{change_text}}**.

## Options
- {set-field} \`SET {{map}}.x = :v\`
  why: Right: SET with a document path.
  why-not: This sets a field; the requirement is another change.
- {remove-field} \`REMOVE {{map}}.x\`
  why: Right: REMOVE with a document path.
  why-not: This removes a field; the requirement is another change.
- {get-put} GetItem, then PutItem
  why: It rewrites the whole item.

## Explanation
Document paths.
`;

function load(text: string) {
  return loadBank(createContentDir({ 'consistency/cases.md': text }));
}

describe('draw: pick-then-shuffle with cases', () => {
  it("picks a case, keys its option, shows its why and the others' why-not, in slots a, b, c", () => {
    const bank = load(CASES);
    expect(bank.errors).toEqual([]);
    const keySlots = new Set<string>();
    const cases = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const instance = bank.instance('consistency.cases-fixture', seed);
      if (instance.variant.kind !== 'choice' || instance.key.kind !== 'choice') throw new Error('expected choice');
      const key = instance.key.correct;
      keySlots.add(key);
      expect(instance.variant.options.map((o) => o.id).sort()).toEqual(['a', 'b', 'c']);
      const keyHtml = instance.variant.options.find((o) => o.id === key)!.html;
      const removing = instance.variant.promptHtml.includes('delete a field');
      cases.add(removing ? 'remove' : 'set');
      expect(keyHtml).toMatch(removing ? /REMOVE/ : /SET/);
      // The case's field is filled from the parameters drawn before it.
      expect(instance.variant.promptHtml).toMatch(/<code>(address|contact)<\/code>/);
      expect(instance.whyHtml.get(key)).toMatch(/^<p>Right:/);
      const others = [...instance.whyHtml].filter(([id]) => id !== key).map(([, html]) => html);
      expect(others.some((html) => html.includes('the requirement is another change'))).toBe(true);
      expect(others.every((html) => !html.includes('Right:'))).toBe(true);
      // The raw case never reaches the page: it would give the key away.
      expect(instance.variant.params).not.toHaveProperty('case');
      expect(instance.variant.params).not.toHaveProperty('change_text');
    }
    expect(cases).toEqual(new Set(['set', 'remove']));
    expect(keySlots.size).toBeGreaterThan(1);
  });

  it.each([
    ['cases without draw', CASES.replace('draw: pick-then-shuffle\n', ''), 11, /cases are picked by draw: pick-then-shuffle/],
    ['a case without an id', CASES.replace('{ id: remove-field, ', '{ '), 14, /Each case needs an id/],
    [
      'a case with other fields',
      CASES.replace('{ id: remove-field, change_text:', '{ id: remove-field, change:'),
      14,
      /the same fields as the first \(change_text\)/,
    ],
    [
      'a case keying no option',
      CASES.replace('id: remove-field', 'id: drop-field'),
      14,
      /Case "drop-field" keys option \{drop-field\}, which is not in "## Options"/,
    ],
    [
      'a case field with an unbound placeholder',
      CASES.replace('change a field of `{{map}}`', 'change a field of `{{mop}}`'),
      13,
      /Case field change_text uses \{\{mop\}\}/,
    ],
    [
      'why-not before why',
      CASES.replace('  why: It rewrites the whole item.', '  why-not: It rewrites the whole item.'),
      28,
      /"why-not:" line that does not follow its "why:"/,
    ],
    ['draw on a numeric scenario', CASES.replace('kind: choice', 'kind: numeric'), 11, /draw applies only to choice and multi scenarios/],
  ])('reports %s at its line', (_, text, line, message) => {
    const bank = load(text);
    expect(bank.scenarios).toEqual([]);
    const found = bank.errors.find((e) => message.test(e.message));
    expect(found, JSON.stringify(bank.errors)).toBeDefined();
    expect(found!.line).toBe(line);
    expect(found!.file).toBe('content/consistency/cases.md');
  });
});
