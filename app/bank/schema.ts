/**
 * The front matter of a scenario file, as zod schemas. Strict objects, so a misspelt key is an
 * error with its line rather than a silently ignored setting. content/README.md documents
 * every field; keep the two in step.
 */
import { z } from 'zod';
import { DesignAnswerSpecSchema, RequestAnswerSpecSchema } from '../grading/hands-on-spec.ts';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** An int bound: a number, or arithmetic over parameters above (`"{{media.min_mb}}"`, `"-{{names}}"`). */
const IntBoundSchema = z.union([z.number().int(), z.string().regex(/\{\{/, 'a bound is a whole number or arithmetic over {{parameters}} above')]);

/** `{ int: [1, 64] }`, optionally `step: 5`: an integer from min to max on the step grid. */
export const IntParamSchema = z.strictObject({
  int: z.tuple([IntBoundSchema, IntBoundSchema]),
  step: z.number().int().positive().optional(),
});

/** `{ range: [0.5, 0.95], step: 0.05 }`: a decimal on a grid, for ratios and prices. */
export const RangeParamSchema = z.strictObject({
  range: z.tuple([z.number(), z.number()]),
  step: z.number().positive(),
});

/**
 * `{ pick: [a, b, c] }`: one of the list. Items may be objects, whose fields become
 * `name.field` parameters, so a company, its product and its traffic stay together.
 */
export const PickParamSchema = z.strictObject({
  pick: z.array(z.union([scalar, z.record(z.string(), scalar)])).min(1),
});

/** `{ calc: "{{a}} * 1024 + {{b}}" }`: arithmetic over earlier parameters. */
export const CalcParamSchema = z.strictObject({ calc: z.string().min(1) });

export const ParamSpecSchema = z.union([IntParamSchema, RangeParamSchema, PickParamSchema, CalcParamSchema]);
export type ParamSpec = z.infer<typeof ParamSpecSchema>;

export const ReferenceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url({ protocol: /^https$/ }),
});

/** A calculator argument: a number, a string with placeholders and arithmetic, or a list of them. */
const ArgSchema = z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.number(), z.string()]))]);

export const NumericAnswerSchema = z.strictObject({
  calculator: z.string().min(1),
  args: z.record(z.string(), ArgSchema),
  tolerance: z.number().nonnegative().default(0),
  unit: z.string().min(1),
  /** Misconception ids of the calculator to leave out for this family (they would mislead here). */
  ignore: z.array(z.string()).optional(),
});

/**
 * `pool: { right: 2, wrong: 3 }`: the options are drawn from the "## Right" and "## Wrong"
 * sections of the body (as PrairieLearn's pl-multiple-choice draws `number-answers` from its
 * lists): that many of each, shown as options a, b, c... with the right ones first before the
 * options are shuffled, so the key is a (and b...). Option ids are slots, not statements.
 */
export const PoolAnswerSchema = z.strictObject({
  right: z.number().int().min(1),
  wrong: z.number().int().min(1),
});
export type PoolAnswerSpec = z.infer<typeof PoolAnswerSchema>;

/**
 * `wrong-pool: N`: the written options are always shown, and N more wrong ones are drawn from a
 * `## Wrong` section of statements (fixed options beside a drawn pool).
 */
const WrongPoolSchema = z.number().int().min(1).optional();
export const ChoiceAnswerSchema = z.strictObject({ correct: z.string().min(1), 'wrong-pool': WrongPoolSchema });

/**
 * `rule: capacityMode` with `inputs: { shape: "{{traffic.shape}}" }`: a choice key computed by a
 * named rule of engine/rules/registry.ts. Its result (`best`) names the key option, or `keys` maps
 * results to option ids; its other outputs become parameters. With `correct` too (a case-keyed
 * family), the rule is a check: the key stays `correct`, and a case the rule disagrees with is an error.
 */
export const RuleAnswerSchema = z.strictObject({
  rule: z.string().min(1),
  inputs: z.record(z.string(), scalar),
  keys: z.record(z.string(), z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an option id')).optional(),
  correct: z.string().min(1).optional(),
});
export type RuleAnswerSpec = z.infer<typeof RuleAnswerSchema>;

/**
 * `texts: { reason: { by: "{{traffic.shape}}", of: { steady: "...", spiky: "..." } } }`: a
 * sentence looked up by a value (a parameter, a case field or a rule's output), bound as a
 * parameter that is never shown raw, so the sentence can name the key.
 */
export const TextTableSchema = z.strictObject({
  by: z.string().min(1),
  of: z.record(z.string(), z.string()),
  /**
   * One table shared by several slots: `why: { each: [a, b], by: "{{reason_@}}", of: {...} }`
   * binds `why_a` and `why_b`, `@` in `by` and in the texts standing for the slot (parse.ts
   * expands it), so a deriver that returns a value per slot has its words written once.
   */
  each: z
    .array(z.string().regex(/^[a-z0-9]+$/, 'a slot is lowercase letters and digits'))
    .min(1)
    .optional(),
});
export const MultiAnswerSchema = z.strictObject({ correct: z.array(z.string().min(1)).min(1), 'wrong-pool': WrongPoolSchema });
/** A choice or multi answer that names a pool instead of its options. */
export const PooledAnswerSchema = z.strictObject({ pool: PoolAnswerSchema });

/**
 * A case: `id` and fields, each a value or a parameter spec drawn after the pick (in the order
 * written); with `answer.pool` beside `## Options`, its `right` and `wrong` lists of option ids
 * are its own pools.
 */
export const CaseSchema = z.record(z.string(), z.union([scalar, ParamSpecSchema, z.array(z.string().min(1)).min(1)]));
export type CaseSpec = z.infer<typeof CaseSchema>;
/** Cases, some grouped: `{ pick: [case, case] }` takes one slot of the pick, then one of its cases. */
export const CasesSchema = z.array(z.union([z.strictObject({ pick: z.array(CaseSchema).min(2) }), CaseSchema])).min(2);
export type CasesSpec = z.infer<typeof CasesSchema>;

export const ScenarioIdSchema = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/, 'must look like "area.name" in lowercase with dashes');

export const FrontMatterSchema = z.strictObject({
  id: ScenarioIdSchema,
  title: z.string().min(1),
  kind: z.enum(['choice', 'multi', 'numeric', 'request', 'design']),
  objectives: z.array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/)).min(1),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  references: z.array(ReferenceSchema).min(1),
  params: z.record(z.string().regex(/^[A-Za-z_]\w*$/, 'parameter names are letters, digits and _'), ParamSpecSchema).default({}),
  /**
   * choice and multi: parameters drawn after the options are drawn into their slots (before the
   * display shuffle), for figures only the prompt uses; a family moved from a deriver that drew
   * them there keeps its variants.
   */
  'after-options': z.record(z.string().regex(/^[A-Za-z_]\w*$/, 'parameter names are letters, digits and _'), ParamSpecSchema).optional(),
  /** Name of a registered deriver (app/bank/derivers.ts) that adds parameters computed by rules. */
  derive: z.string().optional(),
  /**
   * `pick-then-shuffle`: after the options are drawn (one case picked, pools drawn with a pick
   * when they show one right statement), they are shuffled into slots a, b, c... by the
   * variant's stream, so the key's slot varies; the key written against option ids follows them.
   */
  draw: z.enum(['pick-then-shuffle']).optional(),
  /**
   * Situations, one picked per variant (a seeded pick, in list order): its `id` becomes the
   * parameter `case` (so `correct: "{{case}}"` keys the option of that id) and its other fields
   * become parameters of their own, their placeholders filled from the parameters above.
   */
  cases: CasesSchema.optional(),
  /** Sentences looked up by a value after the cases and the rule (see TextTableSchema). */
  texts: z.record(z.string().regex(/^[A-Za-z_]\w*$/, 'text names are letters, digits and _'), TextTableSchema).optional(),
  /** multi: how many options the learner must choose. */
  choose: z.number().int().min(2).optional(),
  /** How many distinct question texts the parameters allow, when fewer than content:check expects. */
  distinct: z.number().int().positive().optional(),
  /** Parsed by kind afterwards (answerSchemaFor), so its errors speak of the right shape. */
  answer: z.unknown(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;
export type NumericAnswerSpec = z.infer<typeof NumericAnswerSchema>;

/** After parsing, a pool answer becomes `correct` naming its right slots (a, b...). */
export type ChoiceAnswerSpec = { correct: string; rule?: RuleAnswerSpec; 'wrong-pool'?: number };
export type MultiAnswerSpec = { correct: string[]; 'wrong-pool'?: number };

/** The schema of `answer` for a kind; `pooled` when a choice or multi answer names a pool (so its errors speak of the pool). */
export function answerSchemaFor(kind: FrontMatter['kind'], pooled = false, ruled = false) {
  if (pooled && (kind === 'choice' || kind === 'multi')) return PooledAnswerSchema;
  if (ruled && kind === 'choice') return RuleAnswerSchema;
  switch (kind) {
    case 'numeric':
      return NumericAnswerSchema;
    case 'choice':
      return ChoiceAnswerSchema;
    case 'multi':
      return MultiAnswerSchema;
    case 'request':
      return RequestAnswerSpecSchema;
    case 'design':
      return DesignAnswerSpecSchema;
  }
}
