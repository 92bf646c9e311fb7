/**
 * The `answer:` front matter of `request` and `design` scenarios, as zod schemas, and the
 * placeholder filling that turns it into one variant's spec. content/README.md documents the
 * fields for authors; keep the two in step.
 */
import { z } from 'zod';
import { FIXTURE_GENERATORS } from './fixture-generators.ts';
import { DesignSimulationSpecSchema, SimulationSpecSchema, simulationCheckLabels } from './simulation.ts';

const PlainItemSchema = z.record(z.string(), z.unknown());

const GeneratorNameSchema = z
  .string()
  .min(1)
  .refine((name) => Object.hasOwn(FIXTURE_GENERATORS, name), {
    error: (issue) => `unknown generator "${String(issue.input)}"; known: ${Object.keys(FIXTURE_GENERATORS).join(', ')}`,
  });

export const FixtureSpecSchema = z.strictObject({
  table: z.record(z.string(), z.unknown()),
  generator: z.strictObject({ name: GeneratorNameSchema, args: z.record(z.string(), z.unknown()).default({}) }).optional(),
  items: z.array(PlainItemSchema).optional(),
  hidden: z.array(PlainItemSchema).optional(),
  conflict: z.array(PlainItemSchema).optional(),
});

/** The id of each check a request spec can name, as the grader reports it. */
export const REQUEST_CHECK_IDS = [
  'items',
  'state',
  'operation',
  'index',
  'consistent-read',
  'capacity',
  'condition',
  'concurrent',
  'sim-fresh',
  'sim-throttled',
  'sim-cache',
] as const;
export type RequestCheckId = (typeof REQUEST_CHECK_IDS)[number];

/** The ids of the checks a `checks:` block turns on (its keys are spelled for authors, not as ids). */
export function requestCheckIds(checks: {
  items?: unknown;
  state?: unknown;
  operations?: unknown;
  index?: unknown;
  consistentRead?: unknown;
  capacity?: unknown;
  condition?: unknown;
  concurrent?: unknown;
}): RequestCheckId[] {
  const ids: RequestCheckId[] = [];
  if (checks.items) ids.push('items');
  if (checks.state) ids.push('state');
  if (checks.operations) ids.push('operation');
  if (checks.index) ids.push('index');
  if (checks.consistentRead) ids.push('consistent-read');
  if (checks.capacity) ids.push('capacity');
  if (checks.condition) ids.push('condition');
  if (checks.concurrent) ids.push('concurrent');
  return ids;
}

/** What a request scenario grades; each key present is one check of equal weight. */
export const RequestChecksSchema = z
  .strictObject({
    /** Items returned, compared with the reference's as a set or in order. */
    items: z.enum(['set', 'ordered']).optional(),
    /** The table's items after the request, compared with the reference's. */
    state: z.literal(true).optional(),
    /** The actions allowed (e.g. [Query, GetItem]: not a Scan). */
    operations: z.array(z.string().min(1)).min(1).optional(),
    /** The read must use this index. */
    index: z.string().min(1).optional(),
    /** Every read asks for strongly consistent results (ConsistentRead: true), as the task demands. */
    consistentRead: z.literal(true).optional(),
    /** Consumed capacity no more than the reference's. */
    capacity: z.literal(true).optional(),
    /** Replayed against the conflict fixture, the request must fail its condition and change nothing. */
    condition: z.literal(true).optional(),
    /** Two runs interleaved call by call must leave the state two sequential runs leave. */
    concurrent: z.literal(true).optional(),
    /**
     * The checks the task exists for, by check id (e.g. [condition]): failing one makes the
     * answer wrong for the review schedule and readiness, whatever its partial score.
     */
    essential: z.array(z.enum(REQUEST_CHECK_IDS)).min(1).optional(),
  })
  .refine((c) => Object.keys(c).some((key) => key !== 'essential'), 'name at least one check')
  .superRefine((c, ctx) => {
    const named = new Set(requestCheckIds(c));
    for (const [i, id] of (c.essential ?? []).entries()) {
      // A simulation check is named by the simulation: block, checked beside it (RequestAnswerSpecSchema).
      if (!named.has(id) && !id.startsWith('sim-'))
        ctx.addIssue({ code: 'custom', path: ['essential', i], message: `"${id}" is essential but not one of this task's checks (${[...named].join(', ')})` });
    }
  });

export const WrongAnswerSchema = z.strictObject({
  name: z.string().min(1),
  request: z.unknown(),
  /** The engine error this mistake meets in DynamoDB too (e.g. ValidationException); without it the request must run, so it loses marks for its own reason. */
  error: z.string().min(1).optional(),
});

export const RequestAnswerSpecSchema = z
  .strictObject({
    fixture: FixtureSpecSchema,
    /** One call, or a list run in order, in any shape a learner may use. */
    reference: z.unknown(),
    checks: RequestChecksSchema,
    /** Known wrong answers: content:check requires each to score less than full marks. */
    wrong: z.array(WrongAnswerSchema).min(1),
    /** Also run the answer in seeded simulated runs (lag, throttling, DAX): app/grading/simulation.ts. */
    simulation: SimulationSpecSchema.optional(),
  })
  .superRefine((spec, ctx) => {
    const simulated = new Set(spec.simulation ? simulationCheckLabels(spec.simulation).map(([id]) => id) : []);
    for (const [i, id] of (spec.checks.essential ?? []).entries()) {
      if (id.startsWith('sim-') && !simulated.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['checks', 'essential', i],
          message: `"${id}" is essential but the simulation: block does not check it${simulated.size > 0 ? ` (it checks ${[...simulated].join(', ')})` : ''}`,
        });
      }
    }
  });
export type RequestAnswerSpec = z.infer<typeof RequestAnswerSpecSchema>;
export type RequestChecks = z.infer<typeof RequestChecksSchema>;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const AccessPatternSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a pattern name is lowercase with dashes'),
  description: z.string().min(1),
  /** Attributes the query fixes by equality, with the values to test it with. */
  inputs: z.record(z.string(), scalar),
  /** A condition on one more attribute. */
  range: z
    .strictObject({
      attribute: z.string().min(1),
      between: z.tuple([scalar, scalar]).optional(),
      from: scalar.optional(),
      beginsWith: z.string().optional(),
    })
    .optional(),
  order: z.strictObject({ attribute: z.string().min(1), descending: z.boolean().default(false) }).optional(),
  /** A number or a "{{placeholder}}". */
  limit: z.union([z.number().int().positive(), z.string().min(1)]).optional(),
  /** Attributes each returned item must carry. */
  returns: z.array(z.string().min(1)).min(1),
  /** Needs strongly consistent reads (rules out a GSI). */
  consistent: z.boolean().optional(),
  /** Calls per second, for the monthly cost; may be a "{{placeholder}}". */
  perSecond: z.union([z.number().nonnegative(), z.string().min(1)]),
});
export type AccessPattern = z.infer<typeof AccessPatternSchema>;

export const DesignAnswerSpecSchema = z
  .strictObject({
    data: z.strictObject({ generator: GeneratorNameSchema, args: z.record(z.string(), z.unknown()).default({}) }),
    /** The attributes every item has, with their types: what key schemas may use. */
    attributes: z.record(z.string(), z.enum(['S', 'N'])),
    /** Attributes that together identify an item, to compare a query's items with the expected ones. */
    identity: z.array(z.string().min(1)).min(1),
    patterns: z.array(AccessPatternSchema).min(1),
    writesPerSecond: z.number().nonnegative(),
    /** USD per month for reads, writes and storage. */
    budget: z.number().positive(),
    /** A CreateTable request that answers every pattern within budget. */
    reference: z.record(z.string(), z.unknown()),
    wrong: z.array(z.strictObject({ name: z.string().min(1), design: z.unknown() })).min(1),
    /**
     * Check ids the task exists for (valid, keys-unique, pattern:<name>, budget): failing one
     * makes the answer wrong for the review schedule and readiness, whatever its partial score.
     */
    essential: z.array(z.string().min(1)).min(1).optional(),
    /** Also run the workload through the simulation: a check that no request is throttled (app/grading/simulation.ts). */
    simulation: DesignSimulationSpecSchema.optional(),
  })
  .superRefine((spec, ctx) => {
    const ids = new Set(['valid', 'keys-unique', ...spec.patterns.map((p) => `pattern:${p.name}`), 'budget', ...(spec.simulation ? ['throughput'] : [])]);
    for (const [i, id] of (spec.essential ?? []).entries()) {
      if (!ids.has(id))
        ctx.addIssue({ code: 'custom', path: ['essential', i], message: `"${id}" is essential but not one of this design's checks (${[...ids].join(', ')})` });
    }
  });
export type DesignAnswerSpec = z.infer<typeof DesignAnswerSpecSchema>;

/** Every string inside a YAML value, for checking that its placeholders are bound. */
export function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) collectStrings(v, collectStrings(k, out));
  return out;
}
