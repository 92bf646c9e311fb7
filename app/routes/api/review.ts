/**
 * The spaced review as JSON: the due queue and counts, the next question of a session, the
 * study settings, and the 30-day forecast with retention achieved. Answer a served question
 * with POST /api/questions/{scenarioId}/{seed}/answers and `"source": "review"`.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ensureProfile, loadLearner } from '../../auth/identity.ts';
import {
  pickNextReview,
  type ReviewCardRow,
  selectDueCards,
  selectDueForecast,
  selectRetention,
  selectReviewCounts,
  upsertStudySettings,
} from '../../progress/review-cards.ts';
import { CardState } from '../../progress/review-schedule.ts';
import type { AppEnv } from '../app-env.ts';
import { studyQuestionPath } from '../review/study-question.tsx';
import { newPerDaySchema, targetRetentionSchema } from '../review/settings.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';
import { ApiErrorSchema, QuestionResponseSchema, type VariantSchema } from './schemas.ts';

/** How many due cards the queue lists; the count covers them all. */
const QUEUE_LIMIT = 100;

const STATE_NAMES: Record<number, 'new' | 'learning' | 'review' | 'relearning'> = {
  [CardState.New]: 'new',
  [CardState.Learning]: 'learning',
  [CardState.Review]: 'review',
  [CardState.Relearning]: 'relearning',
};

const StudySettingsSchema = z
  .object({
    newPerDay: newPerDaySchema.openapi({ description: 'New families a session offers per day once nothing is due, 0–100.', example: 10 }),
    targetRetention: targetRetentionSchema.openapi({
      description: 'FSRS requested retention, 0.70–0.97: the recall chance at which a review falls due.',
      example: 0.9,
    }),
  })
  .openapi('StudySettings');

const ReviewCardSchema = z
  .object({
    scenarioId: z.string(),
    title: z.string().nullable().openapi({ description: 'Null when the family has left the bank.' }),
    due: z.string().openapi({ format: 'date-time' }),
    state: z.enum(['new', 'learning', 'review', 'relearning']),
    reps: z.number().int(),
    lapses: z.number().int(),
    stability: z.number(),
    lastSeed: z.number().int().nullable().openapi({ description: 'The variant served last; the next review serves another.' }),
  })
  .openapi('ReviewCard');

const ReviewSummarySchema = z
  .object({
    dueNow: z.number().int(),
    newToday: z.number().int().openapi({ description: 'Families started on the current UTC day.' }),
    newAvailable: z.number().int().openapi({ description: 'New families a session may still offer today.' }),
    settings: StudySettingsSchema,
    queue: z.array(ReviewCardSchema).openapi({ description: `Due cards, most overdue first (at most ${QUEUE_LIMIT}).` }),
  })
  .openapi('ReviewSummary');

const NextReviewSchema = z
  .object({
    source: z.enum(['due', 'new']).openapi({ description: 'A due card, or a family never answered (within the daily new limit).' }),
    question: QuestionResponseSchema,
    card: ReviewCardSchema.nullable(),
  })
  .openapi('NextReview');

const ForecastSchema = z
  .object({
    days: z
      .array(z.object({ day: z.string().openapi({ example: '2025-01-31' }), due: z.number().int() }))
      .openapi({ description: 'UTC days from today; today includes everything overdue.' }),
    retention: z.object({
      answers: z.number().int(),
      right: z.number().int(),
      rate: z.number().nullable().openapi({ description: 'Share of review answers on cards in the Review state that counted as right; null with none.' }),
      target: z.number(),
      windowDays: z.number().int(),
    }),
  })
  .openapi('ReviewForecast');

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const invalid = json(ApiErrorSchema, 'A field is invalid; `field` names it, and nothing was changed.');

const getReview = createRoute({
  method: 'get',
  path: '/review',
  middleware: [loadLearner] as const,
  tags: ['Review'],
  summary: 'Due reviews and counts: the due queue, new families left today, the settings',
  responses: { 200: json(ReviewSummarySchema, 'A learner with no record has nothing due.') },
});

const getNextReview = createRoute({
  method: 'get',
  path: '/review/next',
  middleware: [loadLearner] as const,
  tags: ['Review'],
  summary: 'The next question of a review session: the most overdue family as a fresh variant, else a new family',
  responses: { 200: json(NextReviewSchema, 'Answer it with source "review".'), 404: json(ApiErrorSchema, 'Nothing is due and no new family is left today.') },
});

const getSettings = createRoute({
  method: 'get',
  path: '/review/settings',
  middleware: [loadLearner] as const,
  tags: ['Review'],
  summary: 'Your study settings (the defaults until you change them)',
  responses: { 200: json(StudySettingsSchema, 'The settings.') },
});

const putSettings = createRoute({
  method: 'put',
  path: '/review/settings',
  middleware: [loadLearner] as const,
  tags: ['Review'],
  summary: 'Change your study settings',
  description: 'A new target retention applies from each family\u2019s next answer; due dates already set do not move.',
  request: { body: { required: true, content: { 'application/json': { schema: StudySettingsSchema } } } },
  responses: { 200: json(StudySettingsSchema, 'The stored settings.'), 400: invalid },
});

const getForecast = createRoute({
  method: 'get',
  path: '/review/forecast',
  middleware: [loadLearner] as const,
  tags: ['Review'],
  summary: 'Reviews due per day over the next 30 days, and retention achieved against the target',
  responses: { 200: json(ForecastSchema, 'The forecast and retention.') },
});

export const reviewApiRoutes = new OpenAPIHono<AppEnv>({
  defaultHook: (result) => {
    if (!result.success) throw InvalidInputError.fromZod(result.error, result.target);
  },
});

function toApiCard(card: ReviewCardRow, title: string | undefined) {
  return {
    scenarioId: card.scenarioId,
    title: title ?? null,
    due: card.due.toISOString(),
    state: STATE_NAMES[card.state] ?? 'new',
    reps: card.reps,
    lapses: card.lapses,
    stability: card.stability,
    lastSeed: card.lastSeed,
  };
}

reviewApiRoutes.openapi(getReview, async (c) => {
  const { bank, db, clock } = c.var.deps;
  const now = clock.now();
  const profileId = c.var.profile?.id;
  const counts = await selectReviewCounts(
    db,
    profileId,
    bank.scenarios.map((s) => s.id),
    now,
  );
  const queue = profileId === undefined ? [] : await selectDueCards(db, profileId, now, QUEUE_LIMIT);
  return c.json({ ...counts, queue: queue.map((card) => toApiCard(card, bank.get(card.scenarioId)?.title)) }, 200);
});

reviewApiRoutes.openapi(getNextReview, async (c) => {
  const { bank, db, clock, random, randomToken } = c.var.deps;
  const next = await pickNextReview(
    db,
    c.var.profile?.id,
    bank.scenarios.map((s) => s.id),
    clock.now(),
    random,
  );
  if (!next) throw new NotFoundError('Nothing is due, and no new family is left for today.');
  const variant = bank.variant(next.scenarioId, next.seed);
  return c.json(
    {
      source: next.source,
      question: {
        url: studyQuestionPath({ base: '/review' }, next.scenarioId, next.seed),
        submissionToken: randomToken(),
        variant: variant as unknown as z.infer<typeof VariantSchema>,
      },
      card: next.source === 'due' ? toApiCard(next.card, variant.title) : null,
    },
    200,
  );
});

reviewApiRoutes.openapi(getSettings, async (c) =>
  c.json((await selectReviewCounts(c.var.deps.db, c.var.profile?.id, [], c.var.deps.clock.now())).settings, 200),
);

reviewApiRoutes.openapi(putSettings, async (c) => {
  const settings = c.req.valid('json');
  await upsertStudySettings(c.var.deps.db, (await ensureProfile(c)).id, settings);
  return c.json(settings, 200);
});

reviewApiRoutes.openapi(getForecast, async (c) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  return c.json({ days: await selectDueForecast(db, c.var.profile?.id, now), retention: await selectRetention(db, c.var.profile?.id, now) }, 200);
});
