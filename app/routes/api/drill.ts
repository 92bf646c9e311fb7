/**
 * The mistakes drill as JSON: the queue (families whose latest answer was not fully right,
 * until answered right twice in a row) and the next question. Answer it with
 * POST /api/questions/{scenarioId}/{seed}/answers and `"source": "drill"`.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { loadLearner } from '../../auth/identity.ts';
import { DRILL_RIGHT_IN_A_ROW, type DrillEntry, selectDrillQueue } from '../../progress/drill.ts';
import { pickFreshSeed } from '../../progress/review-cards.ts';
import type { AppEnv } from '../app-env.ts';
import { studyQuestionPath } from '../review/study-question.tsx';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';
import { ApiErrorSchema, QuestionResponseSchema, type VariantSchema } from './schemas.ts';

const DrillEntrySchema = z
  .object({
    scenarioId: z.string(),
    title: z.string(),
    area: z.string(),
    rightInARow: z
      .number()
      .int()
      .openapi({ description: `Right answers since the latest wrong one; ${DRILL_RIGHT_IN_A_ROW} take the family out.` }),
    lastWrongAt: z.string().openapi({ format: 'date-time' }),
    lastWrongAttemptId: z.number().int(),
  })
  .openapi('DrillEntry');

const DrillQueueSchema = z
  .object({
    left: z.number().int(),
    rightInARowToLeave: z.number().int(),
    queue: z.array(DrillEntrySchema).openapi({ description: 'Answered longest ago first: the order the drill serves them.' }),
  })
  .openapi('DrillQueue');

const NextDrillSchema = z.object({ entry: DrillEntrySchema, question: QuestionResponseSchema }).openapi('NextDrill');

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const getDrill = createRoute({
  method: 'get',
  path: '/drill',
  middleware: [loadLearner] as const,
  tags: ['Drill'],
  summary: 'The mistakes drill: families whose latest answer was not fully right, until right twice in a row',
  responses: { 200: json(DrillQueueSchema, 'The queue; empty for a learner without mistakes.') },
});

const getNextDrill = createRoute({
  method: 'get',
  path: '/drill/next',
  middleware: [loadLearner] as const,
  tags: ['Drill'],
  summary: 'The next question of the drill, as a variant other than the one last seen',
  responses: { 200: json(NextDrillSchema, 'Answer it with source "drill".'), 404: json(ApiErrorSchema, 'The drill is empty.') },
});

export const drillApiRoutes = new OpenAPIHono<AppEnv>({
  defaultHook: (result) => {
    if (!result.success) throw InvalidInputError.fromZod(result.error, result.target);
  },
});

async function entries(c: { var: AppEnv['Variables'] }) {
  const { bank, db } = c.var.deps;
  return (await selectDrillQueue(db, c.var.profile?.id)).flatMap((entry: DrillEntry) => {
    const title = bank.get(entry.scenarioId)?.title;
    if (title === undefined) return [];
    return [
      {
        entry,
        api: {
          scenarioId: entry.scenarioId,
          title,
          area: entry.area,
          rightInARow: entry.rightInARow,
          lastWrongAt: entry.lastWrongAt.toISOString(),
          lastWrongAttemptId: entry.lastWrongAttemptId,
        },
      },
    ];
  });
}

drillApiRoutes.openapi(getDrill, async (c) => {
  const queue = (await entries(c)).map((e) => e.api);
  return c.json({ left: queue.length, rightInARowToLeave: DRILL_RIGHT_IN_A_ROW, queue }, 200);
});

drillApiRoutes.openapi(getNextDrill, async (c) => {
  const { bank, random, randomToken } = c.var.deps;
  const next = (await entries(c))[0];
  if (!next) throw new NotFoundError('The drill is empty: no mistake is waiting to be answered right.');
  const seed = pickFreshSeed(random, next.entry.lastSeed);
  const variant = bank.variant(next.entry.scenarioId, seed);
  return c.json(
    {
      entry: next.api,
      question: {
        url: studyQuestionPath({ base: '/drill' }, variant.scenarioId, seed),
        submissionToken: randomToken(),
        variant: variant as unknown as z.infer<typeof VariantSchema>,
      },
    },
    200,
  );
});
