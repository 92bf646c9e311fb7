/**
 * A variant with its answer key: what generation produces and grading consumes. The Variant
 * inside is what a page may show; the key and the why texts stay on the server until graded.
 */
import { RULES, type Calculation, type RuleValue } from '../../engine/index.ts';
import type { HandsOnKey } from '../grading/hands-on.ts';
import { resolveHandsOn } from './hands-on-key.ts';
import { evaluateArithmetic, looksArithmetic } from './arithmetic.ts';
import { misconceptionTextKey } from './calculator.ts';
import type { CalculatorRegistry } from './calculators.ts';
import { POOL_SLOTS, type OptionDefinition, type PoolDefinition, type ScenarioDefinition } from './definition.ts';
import type { DeriverRegistry } from './derivers.ts';
import type { MisconceptionTexts } from './misconception-texts.ts';
import { defaultStepLabels, type StepLabels, withStepLabels } from './step-labels.ts';
import { casePools, drawCase } from './cases.ts';
import type { CaseSpec } from './schema.ts';
import { generateParams } from './params.ts';
import { createVariantRandom, type Random } from './random.ts';
import { renderInline, renderMarkdown } from './render.ts';
import { fillText, findPlaceholders, solePlaceholder } from './template.ts';
import type { ChoiceOption, Misconception, ParamValue, Params, Seed, Variant } from './types.ts';

export type AnswerKey =
  | { readonly kind: 'choice'; readonly correct: string }
  | { readonly kind: 'multi'; readonly correct: readonly string[]; readonly choose: number }
  | {
      readonly kind: 'numeric';
      readonly calculation: Calculation;
      readonly args: Readonly<Record<string, unknown>>;
      readonly tolerance: number;
      readonly unit: string;
      /** Figures of the calculator's wrong methods for these arguments (NaN ones dropped). */
      readonly misconceptions: readonly Misconception[];
    }
  | HandsOnKey;

export interface Instance {
  readonly definition: ScenarioDefinition;
  readonly variant: Variant;
  readonly key: AnswerKey;
  readonly explanationHtml: string;
  /** Rendered why of each option, by option id. */
  readonly whyHtml: ReadonlyMap<string, string>;
}

export class GenerationError extends Error {
  override readonly name = 'GenerationError';
}

/** Substitute placeholders in one argument; arithmetic becomes a number, a sole placeholder keeps its type. */
function resolveArg(arg: unknown, params: Params): unknown {
  if (Array.isArray(arg)) return arg.map((a) => resolveArg(a, params));
  if (typeof arg !== 'string') return arg;
  const sole = solePlaceholder(arg);
  if (sole !== undefined) return params[sole];
  const filled = fillText(arg, params, { raw: true });
  return looksArithmetic(filled) ? evaluateArithmetic(filled) : filled;
}

function resolveKey(text: string, params: Params): string {
  return fillText(text, params, { raw: true });
}

export interface InstanceContext {
  readonly calculators: CalculatorRegistry;
  readonly derivers: DeriverRegistry;
  /** The calculators' misconception words (content/misconceptions.md), by topic.id. */
  readonly misconceptionTexts: MisconceptionTexts;
  /** The words of calculators' own step labels (content/steps.md); the repository's when absent. */
  readonly stepLabels?: StepLabels;
}

/**
 * A pool family's options: `show.right` statements of the right pool, then `show.wrong` of the
 * wrong one, each pool shuffled by the variant's stream, laid into slots a, b... (right ones
 * first, so the key is a, b...); the options are shuffled for display afterwards.
 */
/**
 * A case's own pools: its `right` and `wrong` option ids, each list shuffled and cut to what the
 * pool shows (a list is always shuffled, even of one), laid into slots a, b... right ones first.
 */
function drawCasePool(pool: PoolDefinition, options: readonly OptionDefinition[], picked: CaseSpec | undefined, random: Random): OptionDefinition[] {
  const lists = picked && casePools(picked);
  if (!lists) throw new GenerationError('The pool is drawn by case, but the picked case has no right and wrong lists');
  const byId = (id: string): OptionDefinition => {
    const option = options.find((o) => o.id === id);
    if (!option) throw new GenerationError(`The case lists {${id}}, which is not an option`);
    return option;
  };
  const right = random.shuffle(lists.right.map(byId)).slice(0, pool.show.right);
  const chosen = [...right, ...random.shuffle(lists.wrong.map(byId)).slice(0, pool.show.wrong)];
  return chosen.map((o, i) => ({ ...o, id: POOL_SLOTS[i]! }));
}

function drawPool(pool: PoolDefinition, random: Random, pickOne: boolean): OptionDefinition[] {
  // pick-then-shuffle picks a lone right statement (one draw) instead of shuffling the pool.
  const right = pickOne && pool.show.right === 1 ? [random.pick(pool.right)] : random.shuffle(pool.right).slice(0, pool.show.right);
  const chosen = [...right, ...random.shuffle(pool.wrong).slice(0, pool.show.wrong)];
  return chosen.map((entry, i) => ({ id: POOL_SLOTS[i]!, text: entry.text, why: entry.why, line: entry.line }));
}

/** The why an option shows: its `why-not` when it has one and is not the key, else its `why`. */
function whyFor(option: OptionDefinition, isKey: boolean): string {
  return option.whyNot !== undefined && !isKey ? option.whyNot : option.why;
}

export function createInstance(definition: ScenarioDefinition, seed: number, context: InstanceContext): Instance {
  const fm = definition.frontMatter;
  const random = createVariantRandom(fm.id, seed);
  const params: Record<string, ParamValue> = generateParams(fm.params, random);
  // What the page (and the JSON API) sees: the generated parameters only. A deriver's outputs
  // often hold the key (`best`, `correct`), so they are used for rendering and never shown raw.
  const shownParams: Params = { ...params };
  // The case names the key, so like a deriver's outputs it is never shown raw.
  const picked = fm.cases !== undefined ? drawCase(fm.cases, random, params) : undefined;
  // The rule's outputs (the key among them) and the text tables are hidden like a deriver's outputs.
  // A table that needs nothing from the rule (in `by` or its texts) is looked up before it, so it may feed a rule input.
  const texts = Object.entries(fm.texts ?? {});
  const lookUp = (early: boolean): void => {
    for (const [name, table] of texts) {
      const needs = [table.by, ...Object.values(table.of)].flatMap(findPlaceholders);
      if (name in params || (early && !needs.every((p) => p in params))) continue;
      const by = fillText(table.by, params, { raw: true });
      const text = table.of[by];
      if (text === undefined) throw new GenerationError(`texts.${name} has no text for ${JSON.stringify(by)} (from ${table.by})`);
      params[name] = fillText(text, params);
    }
  };
  lookUp(true);
  const ruleSpec = definition.answer.kind === 'choice' ? definition.answer.spec.rule : undefined;
  let ruleKey: string | undefined;
  if (ruleSpec) {
    const rule = RULES.get(ruleSpec.rule);
    if (!rule) throw new GenerationError(`Unknown rule ${ruleSpec.rule}`);
    const inputs = Object.fromEntries(Object.entries(ruleSpec.inputs).map(([name, v]) => [name, resolveArg(v, params) as RuleValue | undefined]));
    const outputs = rule.apply(inputs);
    Object.assign(params, outputs);
    const best = String(outputs.best);
    ruleKey = ruleSpec.keys ? ruleSpec.keys[best] : best;
    if (ruleKey === undefined) throw new GenerationError(`Rule ${rule.name} gives ${best}, which answer.keys does not map to an option`);
  }
  // A table that uses a deriver's outputs (its key, its figures) waits for the deriver.
  lookUp(fm.derive !== undefined);
  if (fm.derive !== undefined) {
    const deriver = context.derivers.get(fm.derive);
    if (!deriver) throw new GenerationError(`Unknown deriver ${fm.derive}`);
    Object.assign(params, deriver.derive(params, random));
  }
  lookUp(false);
  const base = {
    scenarioId: definition.summary.id,
    seed: seed as Seed,
    title: fm.title,
    area: definition.summary.area,
    objectives: definition.summary.objectives,
    difficulty: definition.summary.difficulty,
    params: shownParams,
    // Rendered once the options are drawn when parameters are drawn after them.
    promptHtml: fm['after-options'] ? '' : renderMarkdown(fillText(definition.prompt, params)),
    references: fm.references,
  };
  const explanationHtml = fm['after-options'] ? '' : renderMarkdown(fillText(definition.explanation, params));
  const whyHtml = new Map<string, string>();
  const answer = definition.answer;

  if (answer.kind === 'numeric') {
    const calculator = context.calculators.get(answer.spec.calculator);
    if (!calculator) throw new GenerationError(`Unknown calculator ${answer.spec.calculator}`);
    const rawArgs = Object.fromEntries(Object.entries(answer.spec.args).map(([k, v]) => [k, resolveArg(v, params)]));
    const parsed = calculator.args.safeParse(rawArgs);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new GenerationError(
        `Calculator ${calculator.name} rejected its arguments ${JSON.stringify(rawArgs)}: ${issue?.path.join('.') || 'args'}: ${issue?.message}`,
      );
    }
    const calculation = withStepLabels(calculator.calculate(parsed.data), calculator.name, context.stepLabels ?? defaultStepLabels());
    const ignored = new Set(answer.spec.ignore ?? []);
    const misconceptions = calculator.misconceptions
      .filter((m) => !ignored.has(m.id))
      .map((m) => {
        // A missing text is a load error (misconception-texts.ts); the grade still names the id.
        const text = context.misconceptionTexts.get(misconceptionTextKey(m));
        return { id: m.id, name: text?.name ?? m.id, explanation: text?.explanation ?? '', value: m.compute(parsed.data) };
      })
      .filter((m) => Number.isFinite(m.value));
    return {
      definition,
      variant: { ...base, kind: 'numeric', unit: fillText(answer.spec.unit, params) },
      key: { kind: 'numeric', calculation, args: rawArgs, tolerance: answer.spec.tolerance, unit: fillText(answer.spec.unit, params), misconceptions },
      explanationHtml,
      whyHtml,
    };
  }

  if (answer.kind === 'request' || answer.kind === 'design') {
    const { key, context: handsOn } = resolveHandsOn(answer, params);
    const variant: Variant = key.kind === 'request' ? { ...base, kind: 'request', context: handsOn } : { ...base, kind: 'design', context: handsOn };
    return { definition, variant, key, explanationHtml, whyHtml };
  }

  // A rule answer without `correct` keys the rule's result (mapped through answer.keys).
  const choiceKey = (correct: string): string => (ruleSpec && ruleSpec.correct === undefined ? ruleKey! : resolveKey(correct, params));
  const slotted = fm.draw === 'pick-then-shuffle';
  let written: readonly OptionDefinition[] = definition.pool
    ? definition.pool.byCase
      ? drawCasePool(definition.pool, definition.options, picked, random)
      : drawPool(definition.pool, random, slotted)
    : definition.options;
  // Fixed options beside a drawn pool: the wrong statements drawn follow the written options.
  if (definition.wrongPool) {
    const drawnWrong = random.shuffle(definition.wrongPool.entries).slice(0, definition.wrongPool.show);
    written = [...written, ...drawnWrong.map((e, i) => ({ id: `wrong-${i + 1}`, text: e.text, why: e.why, line: e.line }))];
  }
  const writtenIds = new Set(written.map((o) => o.id));
  const writtenKeys = new Set(
    answer.kind === 'choice' ? [choiceKey(answer.spec.correct)] : answer.kind === 'multi' ? answer.spec.correct.map((k) => resolveKey(k, params)) : [],
  );
  // pick-then-shuffle: the options go into slots a, b... in a seeded order, and the key with them.
  const slotOf = new Map<string, string>();
  const drawn = slotted
    ? random.shuffle(written).map((o, i) => {
        slotOf.set(o.id, POOL_SLOTS[i]!);
        return { ...o, id: POOL_SLOTS[i]!, why: whyFor(o, writtenKeys.has(o.id)) };
      })
    : written.map((o) => ({ ...o, why: whyFor(o, writtenKeys.has(o.id)) }));
  // Parameters drawn after the options (a figure only the prompt uses): shown like the others.
  let shown = base;
  let explained = explanationHtml;
  if (fm['after-options']) {
    const before = new Set(Object.keys(params));
    Object.assign(params, generateParams(fm['after-options'], random, params));
    const added = Object.fromEntries(Object.entries(params).filter(([name]) => !before.has(name)));
    shown = { ...base, params: { ...shownParams, ...added }, promptHtml: renderMarkdown(fillText(definition.prompt, params)) };
    explained = renderMarkdown(fillText(definition.explanation, params));
  }
  const ordered = random.shuffle(drawn);
  const options: ChoiceOption[] = ordered.map((o) => ({ id: o.id, html: renderInline(fillText(o.text, params)) }));
  for (const o of drawn) whyHtml.set(o.id, renderMarkdown(fillText(o.why, params)));
  const checkKey = (key: string): string => {
    if (!writtenIds.has(key)) throw new GenerationError(`The answer resolves to {${key}}, which is not an option`);
    return slotOf.get(key) ?? key;
  };
  if (answer.kind === 'choice') {
    const written = choiceKey(answer.spec.correct);
    // A rule that checks a hand-written key (correct: "{{case}}") must agree with it.
    if (ruleKey !== undefined && written !== ruleKey) throw new GenerationError(`The answer keys {${written}} but rule ${ruleSpec!.rule} gives {${ruleKey}}`);
    return {
      definition,
      variant: { ...shown, kind: 'choice', options },
      key: { kind: 'choice', correct: checkKey(written) },
      explanationHtml: explained,
      whyHtml,
    };
  }
  const correct = answer.spec.correct.map((k) => checkKey(resolveKey(k, params)));
  if (new Set(correct).size !== correct.length) throw new GenerationError(`The answer names an option twice: ${correct.join(', ')}`);
  return {
    definition,
    variant: { ...shown, kind: 'multi', options, choose: answer.choose },
    key: { kind: 'multi', correct, choose: answer.choose },
    explanationHtml: explained,
    whyHtml,
  };
}
