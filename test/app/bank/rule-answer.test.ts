import { describe, expect, it } from 'vitest';
import { chooseCapacityMode } from '../../../engine/index.ts';
import { loadBank } from '../../../app/bank/index.ts';
import { createContentDir } from './fixtures.ts';

// A family keyed by the engine's capacityMode rule, with a reason looked up per shape.
const RULED = `---
id: math.rule-fixture
title: Mode by rule
kind: choice
objectives: [math.rcu]
difficulty: 1
references:
  - { title: "Capacity modes", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html" }
params:
  traffic:
    pick:
      - { shape: spiky, text: "Traffic jumps tenfold without warning." }
      - { shape: daily-cycle, text: "Traffic follows the working day." }
      - { shape: mostly-idle, text: "The table is idle most of the day." }
answer:
  rule: capacityMode
  inputs: { shape: "{{traffic.shape}}" }
texts:
  reason:
    by: "{{traffic.shape}}"
    of:
      spiky: "Spikes need on-demand."
      daily-cycle: "A gradual cycle suits auto scaling."
      mostly-idle: "Idle tables suit on-demand."
---
{{traffic.text}} Which mode?

## Options
- {on-demand} On-demand.
  why: Bills per request.
- {autoscaling} Provisioned with auto scaling.
  why: Follows gradual change.
- {average} Provisioned at the average.
  why: Throttles above it.

## Explanation
**{{reason}}**
`;

// The same decision as cases keyed by hand, with the rule as a check.
const CHECKED = `---
id: math.rule-check-fixture
title: Mode by case
kind: choice
objectives: [math.rcu]
difficulty: 1
references:
  - { title: "Capacity modes", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html" }
draw: pick-then-shuffle
cases:
  - { id: on-demand, shape: spiky, text: "Traffic jumps tenfold without warning." }
  - { id: autoscaling, shape: daily-cycle, text: "Traffic follows the working day." }
answer:
  correct: "{{case}}"
  rule: capacityMode
  inputs: { shape: "{{shape}}" }
---
{{text}} Which mode?

## Options
- {on-demand} On-demand.
  why: Bills per request.
- {autoscaling} Provisioned with auto scaling.
  why: Follows gradual change.
- {average} Provisioned at the average.
  why: Throttles above it.

## Explanation
Modes.
`;

function load(text: string) {
  return loadBank(createContentDir({ 'capacity/rule.md': text }));
}

describe('answer.rule', () => {
  it('keys the option the rule names and binds the text looked up by the shape, hidden from the page', () => {
    const bank = load(RULED);
    expect(bank.errors).toEqual([]);
    const seen = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const instance = bank.instance('math.rule-fixture', seed);
      if (instance.key.kind !== 'choice') throw new Error('expected choice');
      const shape = instance.variant.params['traffic.shape'] as 'spiky' | 'daily-cycle' | 'mostly-idle';
      seen.add(shape);
      expect(instance.key.correct).toBe(chooseCapacityMode(shape));
      expect(instance.explanationHtml).toContain({ spiky: 'Spikes need', 'daily-cycle': 'A gradual cycle', 'mostly-idle': 'Idle tables' }[shape]);
      // The rule's result is the key: it never reaches the page.
      expect(instance.variant.params).not.toHaveProperty('best');
      expect(instance.variant.params).not.toHaveProperty('reason');
    }
    expect(seen.size).toBe(3);
  });

  it('maps rule results to option ids through answer.keys', () => {
    const text = RULED.replace(
      'inputs: { shape: "{{traffic.shape}}" }',
      'inputs: { shape: "{{traffic.shape}}" }\n  keys: { on-demand: od, autoscaling: autoscaling }',
    ).replace('{on-demand} On-demand.', '{od} On-demand.');
    const bank = load(text);
    expect(bank.errors).toEqual([]);
    const keys = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const key = bank.instance('math.rule-fixture', seed).key;
      if (key.kind === 'choice') keys.add(key.correct);
    }
    expect(keys).toEqual(new Set(['od', 'autoscaling']));
  });

  it('feeds a rule input from a text table looked up before the rule', () => {
    const text = RULED.replace('inputs: { shape: "{{traffic.shape}}" }', 'inputs: { shape: "{{mode_shape}}" }').replace(
      'texts:\n',
      'texts:\n  mode_shape:\n    by: "{{traffic.shape}}"\n    of: { spiky: spiky, daily-cycle: daily-cycle, mostly-idle: mostly-idle }\n',
    );
    const bank = load(text);
    expect(bank.errors).toEqual([]);
    for (let seed = 0; seed < 10; seed++) {
      const instance = bank.instance('math.rule-fixture', seed);
      if (instance.key.kind !== 'choice') throw new Error('expected choice');
      expect(instance.key.correct).toBe(chooseCapacityMode(instance.variant.params['traffic.shape'] as 'spiky'));
    }
    // A table value the rule refuses is caught at load, at the input's line.
    const bad = load(text.replace('spiky: spiky,', 'spiky: spikey,'));
    expect(bad.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/answer.inputs.shape: \{\{mode_shape\}\} can be "spikey"/));
  });

  it('keeps a case-keyed answer when the rule agrees with every case', () => {
    const bank = load(CHECKED);
    expect(bank.errors).toEqual([]);
    expect(bank.instance('math.rule-check-fixture', 1).key.kind).toBe('choice');
  });

  it.each([
    ['an unknown rule', RULED.replace('rule: capacityMode', 'rule: capacityModes'), 16, /Unknown rule "capacityModes"; known: .*capacityMode/],
    ['an unknown input', RULED.replace('inputs: { shape:', 'inputs: { shap:'), 17, /Rule capacityMode has no input "shap"; its inputs: shape/],
    ['a missing input', RULED.replace('inputs: { shape: "{{traffic.shape}}" }', 'inputs: {}'), 17, /answer.inputs needs shape, an input of rule capacityMode/],
    [
      'a picked value the rule refuses',
      RULED.replace('shape: daily-cycle,', 'shape: daily,'),
      17,
      /answer.inputs.shape: \{\{traffic.shape\}\} can be "daily", but rule capacityMode's input shape must be one of steady, daily-cycle/,
    ],
    ['an unbound input', RULED.replace('"{{traffic.shape}}" }', '"{{traffic.shap}}" }'), 17, /answer.inputs.shape uses \{\{traffic.shap\}\}/],
    [
      'a result naming no option',
      RULED.replace('{autoscaling} Provisioned', '{auto} Provisioned'),
      16,
      /Rule capacityMode gives \{autoscaling\} for \{"shape":"daily-cycle"\}, which is not in "## Options"/,
    ],
    [
      'a text table missing a value',
      RULED.replace('      mostly-idle: "Idle tables suit on-demand."\n', ''),
      21,
      /texts.reason.of has no text for "mostly-idle"/,
    ],
    ['a rule on a multi scenario', RULED.replace('kind: choice', 'kind: multi'), 16, /answer.rule keys a choice scenario, not multi/],
  ])('reports %s at its line', (_, text, line, message) => {
    const bank = load(text);
    expect(bank.scenarios).toEqual([]);
    const found = bank.errors.find((e) => message.test(e.message));
    expect(found, JSON.stringify(bank.errors)).toBeDefined();
    expect(found!.line).toBe(line);
    expect(found!.file).toBe('content/capacity/rule.md');
  });

  it('reports a case the rule disagrees with at the case line', () => {
    const bank = load(CHECKED.replace('{ id: autoscaling, shape: daily-cycle,', '{ id: autoscaling, shape: spiky,'));
    expect(bank.scenarios).toEqual([]);
    expect(bank.errors).toContainEqual({
      file: 'content/capacity/rule.md',
      line: 12,
      message: 'Case "autoscaling" keys {autoscaling}, but rule capacityMode gives {on-demand} for {"shape":"spiky"}',
    });
  });
});
