/**
 * GET /api/readiness, /api/activity and /api/calibration: the progress page's readiness,
 * activity and calibration figures as JSON, described in /api/openapi.json. Reading them never
 * creates a profile: a visitor without one gets the figures of an empty record. Mount with
 * `api.route('/', readinessApiRoutes)`.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { loadLearner } from '../../auth/identity.ts';
import { HEATMAP_WEEKS, selectActivitySummary } from '../../progress/activity.ts';
import { CONFIDENCE_BUCKETS, READINESS_METHOD, selectCalibration, selectReadinessReport } from '../../progress/mastery.ts';
import { DEFAULT_PASS_MARK, MIN_ANSWERS_FOR_ESTIMATE, type Readiness, RECENT_PER_OBJECTIVE } from '../../progress/readiness.ts';
import type { AppEnv } from '../app-env.ts';

const IntervalSchema = z.object({ low: z.number(), high: z.number() }).openapi('Interval', { description: 'A 90% Wilson interval, 0..1.' });

const ReadinessFigureSchema = z
  .object({
    key: z.string().openapi({ description: 'An area id, or `all` for the overall figure.', example: 'math' }),
    estimate: z.number().openapi({ description: 'Mean mastery over its objectives, 0..1; an objective not practised counts 0.' }),
    answers: z
      .number()
      .int()
      .openapi({ description: `Recent answers behind it (at most ${RECENT_PER_OBJECTIVE} per objective).` }),
    right: z.number().int().openapi({ description: 'Of those, fully right with every essential check passed.' }),
    interval: IntervalSchema.nullable().openapi({ description: `Null under ${MIN_ANSWERS_FOR_ESTIMATE} answers: too few to tell.` }),
    objectives: z.number().int(),
    practised: z.number().int(),
    passMarkMet: z.boolean(),
  })
  .openapi('ReadinessFigure');

const ObjectiveMasterySchema = z
  .object({
    objectiveId: z.string().openapi({ example: 'math.rcu' }),
    area: z.string(),
    text: z.string(),
    mastery: z.number().openapi({ description: '0..1; 0 when not practised.' }),
    practised: z.boolean(),
    answers: z.number().int(),
    right: z.number().int(),
    recall: z.number().nullable().openapi({ description: 'Mean predicted recall now of its families on the review schedule; null when none is.' }),
  })
  .openapi('ObjectiveMastery');

const ReadinessResponseSchema = z
  .object({
    overall: ReadinessFigureSchema,
    byArea: z.array(ReadinessFigureSchema).openapi({ description: 'Every area of the study guide, in its order.' }),
    objectives: z.array(ObjectiveMasterySchema),
    coverage: z.object({ practised: z.number().int(), total: z.number().int() }).openapi({ description: 'Objectives practised out of the study guide’s.' }),
    passMark: z.number().openapi({ example: DEFAULT_PASS_MARK }),
    method: z.string().openapi({ description: 'How the figures are worked out, in one paragraph.' }),
  })
  .openapi('Readiness');

const ActivityResponseSchema = z
  .object({
    today: z.string().openapi({ description: 'The UTC day of the server clock, YYYY-MM-DD.' }),
    from: z.string().openapi({ description: `The first day of the heatmap: a Monday, ${HEATMAP_WEEKS} weeks back counting this one.` }),
    days: z
      .array(z.object({ date: z.string(), answers: z.number().int() }))
      .openapi({ description: 'Days from `from` to `today` with at least one answer, oldest first.' }),
    answersInWindow: z.number().int(),
    activeDaysInWindow: z.number().int(),
    currentStreak: z.number().int().openapi({ description: 'Consecutive UTC days with an answer ending today, or yesterday when today has none yet.' }),
    longestStreak: z.number().int().openapi({ description: 'Over the whole record.' }),
  })
  .openapi('Activity');

const CalibrationResponseSchema = z
  .object({
    buckets: z.array(
      z.object({
        confidence: z
          .enum(CONFIDENCE_BUCKETS as unknown as ['sure', 'unsure', 'guess', 'none'])
          .openapi({ description: '`none` when the answer carried no confidence.' }),
        answers: z.number().int(),
        right: z.number().int().openapi({ description: 'Fully right, every essential check passed.' }),
        accuracy: z.number().nullable().openapi({ description: 'right / answers; null without answers.' }),
        interval: IntervalSchema.nullable().openapi({ description: `Null under ${MIN_ANSWERS_FOR_ESTIMATE} answers.` }),
      }),
    ),
  })
  .openapi('Calibration');

function json<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const getReadiness = createRoute({
  method: 'get',
  middleware: [loadLearner] as const,
  path: '/readiness',
  tags: ['Progress'],
  summary: 'Exam readiness overall and per area, mastery per objective, coverage, and the method',
  responses: { 200: json(ReadinessResponseSchema, 'The learner of the cookie or token; a visitor without a record gets zeros.') },
});

const getActivity = createRoute({
  method: 'get',
  middleware: [loadLearner] as const,
  path: '/activity',
  tags: ['Progress'],
  summary: `Answers per UTC day over the last ${HEATMAP_WEEKS} weeks, and the current and longest streaks`,
  responses: { 200: json(ActivityResponseSchema, 'Days are UTC.') },
});

const getCalibration = createRoute({
  method: 'get',
  middleware: [loadLearner] as const,
  path: '/calibration',
  tags: ['Progress'],
  summary: 'Accuracy at each stated confidence (sure, unsure, guess, not given)',
  responses: { 200: json(CalibrationResponseSchema, 'Every bucket, in that order, with 0 answers where there are none.') },
});

function toFigure(r: Readiness, passMark: number) {
  return { ...r, interval: r.interval ?? null, passMarkMet: r.estimate >= passMark };
}

export const readinessApiRoutes = new OpenAPIHono<AppEnv>()
  .openapi(getReadiness, async (c) => {
    const { db, bank, clock } = c.var.deps;
    const report = await selectReadinessReport(db, bank, c.var.profile?.id, clock.now(), DEFAULT_PASS_MARK);
    return c.json(
      {
        overall: toFigure(report.overall, report.passMark),
        byArea: report.byArea.map((r) => toFigure(r, report.passMark)),
        objectives: [...report.objectives],
        coverage: report.coverage,
        passMark: report.passMark,
        method: READINESS_METHOD,
      },
      200,
    );
  })
  .openapi(getActivity, async (c) => {
    const summary = await selectActivitySummary(c.var.deps.db, c.var.profile?.id, c.var.deps.clock.now());
    return c.json({ ...summary, days: [...summary.days] }, 200);
  })
  .openapi(getCalibration, async (c) => c.json({ buckets: await selectCalibration(c.var.deps.db, c.var.profile?.id) }, 200));
