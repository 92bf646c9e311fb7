/**
 * Mock exams as JSON: start, list, read (without keys while running; the report after), save an
 * answer or a flag, submit. The same rules as the pages (exams/exam-session.ts): the deadline is
 * the server's, and any call on an exam past it submits the exam first. Mounted with
 * `api.route('/', examApiRoutes)`.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ensureProfile, loadLearner } from '../../auth/identity.ts';
import { limitAnswers } from '../../auth/rate-limit.ts';
import type { Answer, Bank } from '../../bank/types.ts';
import { type Exam, saveExamAnswer, selectExamHistory, selectExamReport } from '../../progress/exams.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { checkAnswerFits, ExamSettingsSchema, openExam, questionAt, remainingSeconds, SAVE_GRACE_MS, startExam, submitNow } from '../exams/exam-session.ts';
import { buildExamReport, examPassed, questionPoints } from '../exams/report.ts';
import { questionPath } from '../practice/variant-address.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';
import { AnswerSchema, ApiErrorSchema, type GradeResultSchema, VariantSchema } from './schemas.ts';

const ExamSummarySchema = z
  .object({
    id: z.number().int(),
    status: z.enum(['running', 'submitted']),
    area: z.string().nullable().openapi({ description: 'The one area drawn from, or null for every area in proportion to its objectives.' }),
    kinds: z.array(z.string()),
    questionCount: z.number().int(),
    durationSeconds: z.number().int(),
    passMark: z.number().openapi({ description: '0..1.' }),
    startedAt: z.string().openapi({ format: 'date-time' }),
    deadlineAt: z.string().openapi({ format: 'date-time' }),
    remainingSeconds: z.number().int().openapi({ description: 'The server’s count: 0 once submitted.' }),
    submittedAt: z.string().nullable().openapi({ format: 'date-time' }),
    timedOut: z.boolean(),
    score: z.number().nullable().openapi({ description: '0..1 once submitted; unanswered questions score 0.' }),
    passed: z.boolean().nullable(),
    url: z.string().openapi({ example: '/exams/3' }),
  })
  .openapi('ExamSummary');

const ExamQuestionStateSchema = z
  .object({
    position: z.number().int(),
    area: z.string(),
    flagged: z.boolean(),
    answered: z.boolean(),
    answer: AnswerSchema.nullable().openapi({ description: 'As saved so far; not graded until submission.' }),
    secondsSpent: z.number().int(),
    variant: VariantSchema.openapi({ description: 'The question as shown: no key.' }),
  })
  .openapi('ExamQuestionState');

const ExamReportQuestionSchema = z
  .object({
    position: z.number().int(),
    area: z.string(),
    scenarioId: z.string(),
    seed: z.number().int(),
    flagged: z.boolean(),
    secondsSpent: z.number().int(),
    answer: AnswerSchema.nullable(),
    points: z.number().openapi({ description: '0..1: the question’s part of the score.' }),
    attemptId: z.number().int().nullable().openapi({ description: 'The attempt recorded at submission; null when unanswered.' }),
    verdict: z.enum(['correct', 'partial', 'incorrect']).nullable(),
    result: z.unknown().nullable().openapi({ description: 'The stored grade (a GradeResult): key, working, explanation.' }),
    url: z.string().openapi({ description: 'The variant’s practice page.' }),
  })
  .openapi('ExamReportQuestion');

const ExamStateSchema = z
  .object({
    exam: ExamSummarySchema,
    questions: z.array(ExamQuestionStateSchema).optional().openapi({ description: 'While running: every question without its key.' }),
    report: z
      .object({
        byArea: z.array(
          z.object({ area: z.string(), title: z.string(), questions: z.number().int(), answered: z.number().int(), points: z.number(), score: z.number() }),
        ),
        answered: z.number().int(),
        secondsUsed: z.number().int(),
        questions: z.array(ExamReportQuestionSchema),
      })
      .optional()
      .openapi({ description: 'Once submitted: the breakdown and every question with its grade.' }),
  })
  .openapi('ExamState');

const StartExamSchema = z
  .object({
    questions: z.number().int().optional().openapi({ description: '5..65, default 25.' }),
    minutes: z.number().int().optional().openapi({ description: '5..180, default 50.' }),
    passPercent: z.number().int().optional().openapi({ description: '50..100, default 72.' }),
    area: z.string().max(100).optional().openapi({ description: 'An area id; omit (or "mixed") for every area.' }),
    kinds: z.array(z.string()).optional().openapi({ description: 'Default choice, multi, numeric; request and design as options.' }),
  })
  .openapi('StartExam');

const SaveAnswerSchema = z
  .object({
    answer: AnswerSchema.nullable().optional().openapi({ description: 'The answer to save; null clears it; omit to leave it.' }),
    flagged: z.boolean().optional(),
    secondsSpent: z
      .number()
      .int()
      .min(0)
      .max(86_400)
      .optional()
      .openapi({ description: 'Seconds to add for this visit (capped at the time since the exam started).' }),
  })
  .openapi('SaveExamAnswer');

const ExamParamsSchema = z.object({
  examId: z
    .string()
    .regex(/^\d{1,15}$/, 'Use the exam number.')
    .transform(Number)
    .openapi({ param: { name: 'examId', in: 'path' }, type: 'integer', example: '3' }),
});
const QuestionParamsSchema = ExamParamsSchema.extend({
  position: z
    .string()
    .regex(/^\d{1,3}$/, 'Use the question number, from 1.')
    .transform(Number)
    .openapi({ param: { name: 'position', in: 'path' }, type: 'integer', example: '1' }),
});

function json<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
const errors = {
  400: json(ApiErrorSchema, 'A field is invalid; `field` names it.'),
  404: json(ApiErrorSchema, 'You have no such exam, or no such question in it.'),
} as const;
const tooMany = { 429: json(ApiErrorSchema, 'Too many answers from this learner in a minute; Retry-After says when to send again.') } as const;

function toSummary(exam: Exam, now: Date) {
  return {
    id: exam.id,
    status: exam.status,
    area: exam.area,
    kinds: exam.kinds,
    questionCount: exam.questionCount,
    durationSeconds: exam.durationSeconds,
    passMark: exam.passMark,
    startedAt: exam.startedAt.toISOString(),
    deadlineAt: exam.deadlineAt.toISOString(),
    remainingSeconds: exam.status === 'running' ? remainingSeconds(exam, now) : 0,
    submittedAt: exam.submittedAt?.toISOString() ?? null,
    timedOut: exam.timedOut,
    score: exam.score,
    passed: exam.status === 'submitted' ? examPassed(exam) : null,
    url: `/exams/${exam.id}`,
  };
}

type ApiAnswer = z.infer<typeof AnswerSchema>;
type ApiVariant = z.infer<typeof VariantSchema>;

async function examState(deps: AppDeps, bank: Bank, profileId: number, examId: number) {
  const found = await openExam(deps, profileId, examId);
  const now = deps.clock.now();
  if (found.exam.status === 'running') {
    return {
      exam: toSummary(found.exam, now),
      questions: found.questions.map((q) => ({
        position: q.position,
        area: q.area,
        flagged: q.flagged,
        answered: q.answer !== null,
        answer: q.answer as ApiAnswer | null,
        secondsSpent: q.secondsSpent,
        variant: bank.variant(q.scenarioId, q.seed) as unknown as ApiVariant,
      })),
    };
  }
  const stored = (await selectExamReport(deps.db, profileId, examId))!;
  const report = buildExamReport(bank, stored.exam, stored.questions);
  return {
    exam: toSummary(stored.exam, now),
    report: {
      byArea: [...report.byArea],
      answered: report.answered,
      secondsUsed: report.secondsUsed,
      questions: stored.questions.map((q) => ({
        position: q.position,
        area: q.area,
        scenarioId: q.scenarioId,
        seed: q.seed,
        flagged: q.flagged,
        secondsSpent: q.secondsSpent,
        answer: q.answer as ApiAnswer | null,
        points: questionPoints(q),
        attemptId: q.attempt?.id ?? null,
        verdict: q.attempt?.verdict ?? null,
        result: (q.attempt?.result ?? null) as z.infer<typeof GradeResultSchema> | null,
        url: questionPath(q.scenarioId, q.seed),
      })),
    },
  };
}

function requireProfileId(profileId: number | undefined, examId: number): number {
  if (profileId === undefined) throw new NotFoundError(`You have no exam ${examId}.`);
  return profileId;
}

const startRoute = createRoute({
  method: 'post',
  path: '/exams',
  middleware: [loadLearner, limitAnswers] as const,
  tags: ['Exams'],
  summary: 'Start a timed mock exam',
  description: 'Draws the questions (across the areas in proportion to their objectives, or from one area) and starts the server’s clock.',
  request: { body: { required: true, content: { 'application/json': { schema: StartExamSchema } } } },
  responses: { 201: json(ExamStateSchema, 'The running exam with its questions, without keys.'), ...errors, ...tooMany },
});

const listRoute = createRoute({
  method: 'get',
  path: '/exams',
  middleware: [loadLearner] as const,
  tags: ['Exams'],
  summary: 'Your mock exams, newest first, with their scores',
  responses: { 200: json(z.object({ exams: z.array(ExamSummarySchema) }).openapi('ExamHistory'), 'Running exams past their deadline are submitted first.') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/exams/{examId}',
  middleware: [loadLearner] as const,
  tags: ['Exams'],
  summary: 'One exam: its questions without keys while it runs, its report once submitted',
  request: { params: ExamParamsSchema },
  responses: { 200: json(ExamStateSchema, 'An exam past its deadline is submitted first, with what was answered.'), ...errors },
});

const saveRoute = createRoute({
  method: 'put',
  path: '/exams/{examId}/questions/{position}',
  middleware: [loadLearner, limitAnswers] as const,
  tags: ['Exams'],
  summary: 'Save an answer and/or the review flag of one question (no feedback)',
  request: { params: QuestionParamsSchema, body: { required: true, content: { 'application/json': { schema: SaveAnswerSchema } } } },
  responses: {
    200: json(ExamQuestionStateSchema, 'The question as saved.'),
    ...errors,
    409: json(ApiErrorSchema, 'The exam is submitted (by you, or because its time ran out): nothing was saved.'),
    ...tooMany,
  },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/exams/{examId}/submit',
  middleware: [loadLearner, limitAnswers] as const,
  tags: ['Exams'],
  summary: 'Submit the exam: grade every answered question once and record it as an attempt',
  description: 'Submitting an exam already submitted returns its report and records nothing again.',
  request: { params: ExamParamsSchema },
  responses: { 200: json(ExamStateSchema, 'The report.'), ...errors, ...tooMany },
});

export const examApiRoutes = new OpenAPIHono<AppEnv>({
  defaultHook: (result) => {
    if (!result.success) throw InvalidInputError.fromZod(result.error, result.target);
  },
})
  .openapi(startRoute, async (c) => {
    const parsed = ExamSettingsSchema.safeParse(c.req.valid('json'));
    if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
    const profileId = (await ensureProfile(c)).id;
    const { exam } = await startExam(c.var.deps, profileId, parsed.data);
    return c.json(await examState(c.var.deps, c.var.deps.bank, profileId, exam.id), 201);
  })
  .openapi(listRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const profileId = c.var.profile?.id;
    if (profileId === undefined) return c.json({ exams: [] }, 200);
    for (const exam of await selectExamHistory(db, profileId)) if (exam.status === 'running') await openExam(c.var.deps, profileId, exam.id);
    return c.json({ exams: (await selectExamHistory(db, profileId)).map((e) => toSummary(e, clock.now())) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { examId } = c.req.valid('param');
    return c.json(await examState(c.var.deps, c.var.deps.bank, requireProfileId(c.var.profile?.id, examId), examId), 200);
  })
  .openapi(saveRoute, async (c) => {
    const { bank, db, clock } = c.var.deps;
    const { examId, position } = c.req.valid('param');
    const body = c.req.valid('json');
    const profileId = requireProfileId(c.var.profile?.id, examId);
    const found = await openExam(c.var.deps, profileId, examId, { graceMs: SAVE_GRACE_MS });
    const over = {
      error: {
        code: 'ExamSubmitted',
        message: `Exam ${examId} is submitted${found.exam.timedOut ? ' (its time ran out)' : ''}; read its report at GET /api/exams/${examId}.`,
      },
    };
    if (found.exam.status !== 'running') return c.json(over, 409);
    const question = questionAt(found, position);
    const variant = bank.variant(question.scenarioId, question.seed);
    if (body.answer) checkAnswerFits(variant, body.answer as Answer);
    const now = clock.now();
    const cap = Math.max(0, Math.round((Math.min(now.getTime(), found.exam.deadlineAt.getTime()) - found.exam.startedAt.getTime()) / 1000));
    await saveExamAnswer(db, {
      examId,
      position,
      answer: body.answer as Answer | null | undefined,
      flagged: body.flagged,
      addSeconds: Math.min(body.secondsSpent ?? 0, cap),
      now,
    });
    if (now.getTime() >= found.exam.deadlineAt.getTime()) await openExam(c.var.deps, profileId, examId);
    const saved = questionAt(await openExam(c.var.deps, profileId, examId), position);
    return c.json(
      {
        position: saved.position,
        area: saved.area,
        flagged: saved.flagged,
        answered: saved.answer !== null,
        answer: saved.answer as ApiAnswer | null,
        secondsSpent: saved.secondsSpent,
        variant: variant as unknown as ApiVariant,
      },
      200,
    );
  })
  .openapi(submitRoute, async (c) => {
    const { examId } = c.req.valid('param');
    const profileId = requireProfileId(c.var.profile?.id, examId);
    await submitNow(c.var.deps, profileId, examId);
    return c.json(await examState(c.var.deps, c.var.deps.bank, profileId, examId), 200);
  });
