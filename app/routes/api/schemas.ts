/** Zod schemas of the JSON API: they validate requests and write the OpenAPI document. */
import { z } from '@hono/zod-openapi';
import { REPORT_STATUSES } from '../../db/schema.ts';

export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'InvalidInput' }),
      message: z.string(),
      field: z.string().optional().openapi({ description: 'The request field at fault, for a 400.' }),
      errorId: z.string().optional().openapi({ description: 'For a 500: the id in the server log.' }),
    }),
  })
  .openapi('ApiError');

const ReferenceSchema = z.object({ title: z.string(), url: z.string() }).openapi('Reference');

export const ObjectiveSummarySchema = z
  .object({ id: z.string().openapi({ example: 'math.rcu' }), text: z.string(), scenarioCount: z.number().int() })
  .openapi('ObjectiveSummary');

export const AreaSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'math' }),
    title: z.string(),
    scenarioCount: z.number().int(),
    objectives: z.array(ObjectiveSummarySchema),
  })
  .openapi('AreaSummary');

export const AreasResponseSchema = z.object({ totalScenarios: z.number().int(), areas: z.array(AreaSummarySchema) }).openapi('Areas');

export const ScenarioIdParamSchema = z
  .string()
  .min(1)
  .max(200)
  .openapi({ param: { name: 'scenarioId', in: 'path' }, example: 'math.rcu-strong-single' });
export const SeedParamSchema = z
  .string()
  .regex(/^\d{1,10}$/, 'Use a whole number from 0 to 4294967295.')
  .transform(Number)
  .refine((n) => n <= 4_294_967_295, 'Use a whole number from 0 to 4294967295.')
  .openapi({ param: { name: 'seed', in: 'path' }, type: 'integer', example: '42' });
export const VariantParamsSchema = z.object({ scenarioId: ScenarioIdParamSchema, seed: SeedParamSchema });

export const NextQuestionQuerySchema = z.object({
  area: z.string().max(100).optional().openapi({ description: 'An area id, or "mixed" (the default) for every area.', example: 'math' }),
  objective: z.string().max(100).optional().openapi({ description: 'An objective id; narrows the area.', example: 'math.rcu' }),
  exclude: z.string().max(200).optional().openapi({ description: 'A scenario id to avoid, e.g. the one just answered.' }),
});

const ChoiceOptionSchema = z.object({ id: z.string(), html: z.string() });
const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const VariantSchema = z
  .object({
    scenarioId: z.string(),
    seed: z.number().int(),
    kind: z.enum(['choice', 'multi', 'numeric', 'request', 'design']),
    title: z.string(),
    area: z.string(),
    objectives: z.array(z.string()),
    difficulty: z.number().int().min(1).max(3),
    params: ParamsSchema,
    promptHtml: z.string(),
    references: z.array(ReferenceSchema),
    options: z.array(ChoiceOptionSchema).optional().openapi({ description: 'choice and multi: in display order.' }),
    choose: z.number().int().optional().openapi({ description: 'multi: how many options to choose.' }),
    unit: z.string().optional().openapi({ description: 'numeric: the unit of the answer.' }),
    context: z.record(z.string(), z.unknown()).optional().openapi({ description: 'request and design: tables, keys, sample items.' }),
  })
  .openapi('Variant');

export const QuestionResponseSchema = z
  .object({
    url: z.string().openapi({ description: 'The permanent page of this variant.', example: '/q/math.rcu-strong-single/42' }),
    submissionToken: z.string().openapi({ description: 'Send it back with the answer: the same token is recorded once.' }),
    variant: VariantSchema,
  })
  .openapi('Question');

export const AnswerSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('choice'), optionId: z.string().min(1) }),
    z.object({ kind: z.literal('multi'), optionIds: z.array(z.string().min(1)).min(1) }),
    z.object({ kind: z.literal('numeric'), value: z.number().finite() }),
    z.object({ kind: z.literal('request'), json: z.string().min(1) }),
    z.object({ kind: z.literal('design'), json: z.string().min(1) }),
  ])
  .openapi('Answer');

export const AnswerRequestSchema = z
  .object({
    answer: AnswerSchema,
    submissionToken: z.string().min(8).max(100).optional().openapi({ description: 'From the question; without it every call records a new attempt.' }),
    secondsTaken: z.number().int().min(0).max(86_400).optional(),
    confidence: z
      .enum(['sure', 'unsure', 'guess'])
      .optional()
      .openapi({ description: 'How sure you are: unsure or guess rates a right answer Hard for review; sure and fast rates it Easy.' }),
    source: z.enum(['practice', 'review', 'drill']).optional().openapi({
      description:
        'Where the question was served (GET /api/review/next, /api/drill/next); practice when absent. Every source counts once in progress and the schedule.',
    }),
  })
  .openapi('AnswerRequest');

const StepSchema = z.object({ label: z.string(), formula: z.string().optional(), value: z.string() });

export const GradeResultSchema = z
  .object({
    kind: z.enum(['choice', 'multi', 'numeric', 'request', 'design']),
    verdict: z.enum(['correct', 'partial', 'incorrect']),
    score: z.number().min(0).max(1),
    explanationHtml: z.string(),
    references: z.array(ReferenceSchema),
    options: z
      .array(z.object({ id: z.string(), html: z.string(), correct: z.boolean(), chosen: z.boolean(), whyHtml: z.string() }))
      .optional()
      .openapi({ description: 'choice and multi: every option, right or wrong, and why.' }),
    choose: z.number().int().optional(),
    given: z.number().optional(),
    expected: z.number().optional(),
    tolerance: z.number().optional(),
    unit: z.string().optional(),
    working: z
      .object({ value: z.number(), unit: z.string(), steps: z.array(StepSchema) })
      .optional()
      .openapi({ description: 'numeric: the calculation, step by step.' }),
    misconception: z
      .object({ id: z.string(), name: z.string(), explanation: z.string(), value: z.number() })
      .optional()
      .openapi({ description: 'numeric: the known wrong method the answer matched.' }),
    checks: z
      .array(
        z.object({
          id: z.string(),
          label: z.string(),
          passed: z.boolean(),
          weight: z.number(),
          detail: z.string().optional(),
          essential: z
            .boolean()
            .optional()
            .openapi({ description: 'The check the task exists for: failing it makes the answer wrong for review and readiness.' }),
        }),
      )
      .optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('GradeResult');

export const AnswerResponseSchema = z
  .object({
    attemptId: z.number().int(),
    recorded: z.boolean().openapi({
      description: 'False when the submission token had been answered before: nothing new was stored, and `result` is the stored grade of the first answer.',
    }),
    result: GradeResultSchema.nullable().openapi({
      description: 'Null only when the token belongs to an attempt stored before grades were kept with attempts.',
    }),
  })
  .openapi('AnswerResult');

const AccuracySchema = z
  .object({ key: z.string(), attempts: z.number().int(), correct: z.number().int(), accuracy: z.number().min(0).max(1) })
  .openapi('Accuracy');

export const AttemptSchema = z
  .object({
    id: z.number().int(),
    scenarioId: z.string(),
    seed: z.number().int(),
    area: z.string(),
    objectives: z.array(z.string()),
    verdict: z.enum(['correct', 'partial', 'incorrect']),
    score: z.number(),
    secondsTaken: z.number().int().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Attempt');

export const ProgressResponseSchema = z
  .object({
    totalAttempts: z.number().int(),
    overall: AccuracySchema.nullable(),
    byArea: z.array(AccuracySchema),
    byObjective: z.array(AccuracySchema),
    daily: z.array(AccuracySchema).openapi({ description: 'One row per UTC day, key YYYY-MM-DD, oldest first.' }),
    recent: z.array(AttemptSchema).openapi({ description: 'Newest first.' }),
    toReview: z.array(AttemptSchema).openapi({ description: 'The latest attempt of each scenario not answered fully right, newest first.' }),
  })
  .openapi('Progress');

export const AttemptParamsSchema = z.object({
  attemptId: z
    .string()
    .regex(/^\d{1,15}$/, 'Use the attempt number from an answer.')
    .transform(Number)
    .openapi({ param: { name: 'attemptId', in: 'path' }, type: 'integer', example: '12' }),
});

export const ScenarioFileStatusSchema = z.enum(['unchanged', 'changed', 'removed', 'unknown']).openapi('ScenarioFileStatus', {
  description:
    'The scenario file the stored grade was made against, compared with the one loaded now: `unchanged`, `changed` since the answer (the stored grade stands), `removed` from the bank, or `unknown` for an attempt stored before fingerprints were kept.',
});

export const AttemptResultResponseSchema = z
  .object({
    attempt: AttemptSchema,
    answer: AnswerSchema,
    variant: VariantSchema.nullable().openapi({ description: 'The question as the learner saw it. Null for attempts stored before variants were kept.' }),
    result: GradeResultSchema.nullable().openapi({
      description:
        'The grade stored when the answer was recorded, never a regrade. Null for attempts stored before grades were kept: `attempt.verdict` and `attempt.score` hold what was shown.',
    }),
    scenarioFile: ScenarioFileStatusSchema,
  })
  .openapi('AttemptResult');

export const ExportQuerySchema = z.object({
  format: z.enum(['json', 'csv']).default('json').openapi({ description: '`json` (lossless, importable) or `csv` (for spreadsheets).' }),
});

export const ImportIssueSchema = z
  .object({
    row: z.number().int().nullable().openapi({ description: 'Index in `attempts`, from 0; null for the file as a whole.' }),
    field: z.string().openapi({ example: 'score' }),
    message: z.string(),
  })
  .openapi('ImportIssue');

export const ImportErrorSchema = z
  .object({
    error: z.object({
      code: z.literal('InvalidInput'),
      message: z.string(),
      field: z.string().openapi({ description: 'The first problem, as `attempts[3].score`.' }),
      issues: z.array(ImportIssueSchema).openapi({ description: 'Every problem found (the first 50); nothing was stored.' }),
      total: z.number().int(),
    }),
  })
  .openapi('ImportError');

export const ImportResponseSchema = z
  .object({
    imported: z.number().int().openapi({ description: 'Attempts stored now.' }),
    alreadyThere: z.number().int().openapi({ description: 'Rows whose submission token was already in your record: not stored again.' }),
    refusedRows: z.array(z.number().int()).openapi({ description: "Indexes of rows whose submission token is another learner's: not stored." }),
  })
  .openapi('ImportResult');

export const ReportRequestSchema = z.object({ message: z.string().trim().min(1).max(2000) }).openapi('ReportRequest');
export const ReportResponseSchema = z
  .object({ id: z.number().int(), scenarioId: z.string(), seed: z.number().int(), status: z.enum(REPORT_STATUSES) })
  .openapi('Report');
