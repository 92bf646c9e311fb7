/**
 * The JSON API: everything the pages do, described by the OpenAPI document at
 * /api/openapi.json. The app this returns has the base path /api: other features add theirs
 * with `api.openapi(createRoute({ path: '/cost', ... }), handler)` (served at /api/cost) or
 * `api.route('/', theirOpenApiApp)`, and they appear in the document.
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Bank, GradeResult, Variant } from '../../bank/types.ts';
import { compareScenarioFile, measureSecondsTaken, recordAnswer } from '../../progress/answers.ts';
import { type ListedAttempt, selectAllAttempts, selectOptionalAttemptById, selectRecentScenarioIds } from '../../progress/attempts.ts';
import { AttemptsExportSchema, attemptsToCsv, buildAttemptsExport, describeImportIssues, importAttempts } from '../../progress/export.ts';
import { pickNextQuestion } from '../../progress/next-question.ts';
import { insertQuestionReport } from '../../progress/question-reports.ts';
import { selectProgressSummary } from '../../progress/summary.ts';
import type { AppEnv } from '../app-env.ts';
import { costApiRoutes } from '../cost/api.ts';
import { ApiReferencePage, type OpenApiDocument } from './reference-view.tsx';
import { drillApiRoutes } from './drill.ts';
import { reviewApiRoutes } from './review.ts';
import { examApiRoutes } from './exams.ts';
import { readinessApiRoutes } from './readiness.ts';
import { AVOID_RECENT_ATTEMPTS, parsePracticeMode, toPracticeFilter } from '../practice/practice-mode.ts';
import { questionPath } from '../practice/variant-address.ts';
import { ensureProfile, loadLearner } from '../../auth/identity.ts';
import { limitAnswers } from '../../auth/rate-limit.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';
import {
  AnswerRequestSchema,
  type AnswerSchema,
  AttemptParamsSchema,
  AttemptResultResponseSchema,
  AnswerResponseSchema,
  ApiErrorSchema,
  AreasResponseSchema,
  ExportQuerySchema,
  type GradeResultSchema,
  ImportErrorSchema,
  ImportResponseSchema,
  NextQuestionQuerySchema,
  ProgressResponseSchema,
  QuestionResponseSchema,
  ReportRequestSchema,
  ReportResponseSchema,
  VariantParamsSchema,
  type VariantSchema,
} from './schemas.ts';

const errorResponses = {
  400: { description: 'A request field is invalid; `field` names it.', content: { 'application/json': { schema: ApiErrorSchema } } },
  404: { description: 'No such scenario (or nothing matches the filter).', content: { 'application/json': { schema: ApiErrorSchema } } },
} as const;

function json<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const listAreas = createRoute({
  method: 'get',
  path: '/areas',
  tags: ['Questions'],
  summary: 'Objective areas and objectives, with how many scenarios drill each',
  responses: { 200: json(AreasResponseSchema, 'The areas of OBJECTIVES.md in order.') },
});

const nextQuestion = createRoute({
  method: 'get',
  middleware: [loadLearner] as const,
  path: '/questions/next',
  tags: ['Questions'],
  summary: 'A freshly generated question from an area, an objective, or every area',
  request: { query: NextQuestionQuerySchema },
  responses: { 200: json(QuestionResponseSchema, 'A variant and the token to answer it with.'), ...errorResponses },
});

const getQuestion = createRoute({
  method: 'get',
  middleware: [loadLearner] as const,
  path: '/questions/{scenarioId}/{seed}',
  tags: ['Questions'],
  summary: 'The variant of a scenario for a seed: always the same question',
  request: { params: VariantParamsSchema },
  responses: { 200: json(QuestionResponseSchema, 'The variant.'), ...errorResponses },
});

const answerQuestion = createRoute({
  method: 'post',
  middleware: [loadLearner, limitAnswers] as const,
  path: '/questions/{scenarioId}/{seed}/answers',
  tags: ['Questions'],
  summary: 'Grade an answer and record the attempt',
  description: 'The attempt is stored before the result is returned. Sending the same submissionToken again returns the first attempt and records nothing.',
  request: { params: VariantParamsSchema, body: { required: true, content: { 'application/json': { schema: AnswerRequestSchema } } } },
  responses: {
    200: json(AnswerResponseSchema, 'The grade, with the working and explanations.'),
    ...errorResponses,
    429: {
      description: 'Too many answers from this learner in a minute; Retry-After says when to send again.',
      content: { 'application/json': { schema: ApiErrorSchema } },
    },
  },
});

const reportQuestion = createRoute({
  method: 'post',
  middleware: [loadLearner] as const,
  path: '/questions/{scenarioId}/{seed}/reports',
  tags: ['Questions'],
  summary: 'Report a problem with this variant',
  request: { params: VariantParamsSchema, body: { required: true, content: { 'application/json': { schema: ReportRequestSchema } } } },
  responses: { 201: json(ReportResponseSchema, 'The stored report.'), ...errorResponses },
});

const getAttempt = createRoute({
  method: 'get',
  path: '/attempts/{attemptId}',
  middleware: [loadLearner] as const,
  tags: ['Progress'],
  summary: 'One of your attempts with its grade, as the result page shows it',
  request: { params: AttemptParamsSchema },
  responses: { 200: json(AttemptResultResponseSchema, 'The attempt and its grade.'), ...errorResponses },
});

const exportAttempts = createRoute({
  method: 'get',
  path: '/attempts/export',
  middleware: [loadLearner] as const,
  tags: ['Progress'],
  summary: 'Every one of your attempts, oldest first, as JSON (importable) or CSV',
  request: { query: ExportQuerySchema },
  responses: {
    200: {
      description:
        'An attachment. The JSON carries each stored variant, grade and scenario fingerprint, so importing it is lossless; the CSV has one row per attempt (RFC 4180, cells a spreadsheet would run as formulas prefixed with an apostrophe).',
      content: { 'application/json': { schema: AttemptsExportSchema }, 'text/csv': { schema: { type: 'string' } } },
    },
    ...errorResponses,
  },
});

const importAttemptsRoute = createRoute({
  method: 'post',
  path: '/attempts/import',
  middleware: [loadLearner] as const,
  tags: ['Progress'],
  summary: 'Import a JSON export into your record',
  description:
    "Validated as a whole: when any row is invalid nothing is stored and every problem is listed by row index and field. Idempotent by submission token: rows already in your record are skipped, and a row whose token is another learner's is refused. Bodies up to 20 MB.",
  request: { body: { required: true, content: { 'application/json': { schema: AttemptsExportSchema } } } },
  responses: {
    200: json(ImportResponseSchema, 'How many rows were stored, already there, or refused.'),
    400: json(ImportErrorSchema, 'The file is not a valid export: every problem, by row and field.'),
  },
});

const getProgress = createRoute({
  method: 'get',
  middleware: [loadLearner] as const,
  path: '/progress',
  tags: ['Progress'],
  summary: "The learner's accuracy overall, per area, per objective and per day, and recent attempts",
  responses: { 200: json(ProgressResponseSchema, 'The learner of the cookie; a new learner has no attempts.') },
});

// The bank's types are readonly and branded; their JSON is exactly what these schemas describe.
function toQuestion(variant: Variant, submissionToken: string) {
  return { url: questionPath(variant.scenarioId, variant.seed), submissionToken, variant: variant as unknown as z.infer<typeof VariantSchema> };
}

function toApiGradeResult(result: GradeResult) {
  return result as unknown as z.infer<typeof GradeResultSchema>;
}

function toApiAttempt(a: ListedAttempt) {
  return {
    id: a.id,
    scenarioId: a.scenarioId,
    seed: a.seed,
    area: a.area,
    objectives: a.objectives,
    verdict: a.verdict,
    score: a.score,
    secondsTaken: a.secondsTaken,
    createdAt: a.createdAt.toISOString(),
  };
}

function countScenarios(bank: Bank) {
  return {
    totalScenarios: bank.scenarios.length,
    areas: bank.areas.map((area) => ({
      id: area.id,
      title: area.title,
      scenarioCount: bank.scenarios.filter((s) => s.area === area.id).length,
      objectives: area.objectives.map((o) => ({ id: o.id, text: o.text, scenarioCount: bank.scenarios.filter((s) => s.objectives.includes(o.id)).length })),
    })),
  };
}

export function createApiRoutes() {
  const api = new OpenAPIHono<AppEnv>({
    // Request validation failures take the same shape as every other API error.
    defaultHook: (result) => {
      if (!result.success) throw InvalidInputError.fromZod(result.error, result.target);
    },
  }).basePath('/api');

  api.openapi(listAreas, (c) => c.json(countScenarios(c.var.deps.bank), 200));

  api.openapi(nextQuestion, async (c) => {
    const { bank, random, randomToken } = c.var.deps;
    const query = c.req.valid('query');
    const mode = parsePracticeMode(bank, query);
    const next = pickNextQuestion(
      bank,
      toPracticeFilter(mode, query.exclude, c.var.profile ? await selectRecentScenarioIds(c.var.deps.db, c.var.profile.id, AVOID_RECENT_ATTEMPTS) : []),
      random,
    );
    if (!next) throw new NotFoundError('No scenario matches this area and objective yet.');
    return c.json(toQuestion(bank.variant(next.scenarioId, next.seed), randomToken()), 200);
  });

  api.openapi(getQuestion, (c) => {
    const { bank, randomToken } = c.var.deps;
    const { scenarioId, seed } = c.req.valid('param');
    return c.json(toQuestion(bank.variant(scenarioId, seed), randomToken()), 200);
  });

  api.openapi(answerQuestion, async (c) => {
    const { bank, db, clock, randomToken } = c.var.deps;
    const { scenarioId, seed } = c.req.valid('param');
    const body = c.req.valid('json');
    const question = bank.prepare(scenarioId, seed);
    const result = question.grade(body.answer);
    const now = clock.now();
    const recorded = await recordAnswer(db, {
      profileId: (await ensureProfile(c)).id,
      graded: { variant: question.variant, fingerprint: question.fingerprint, answer: body.answer, result },
      submissionToken: body.submissionToken ?? randomToken(),
      secondsTaken: body.secondsTaken ?? measureSecondsTaken(undefined, now),
      now,
      confidence: body.confidence ?? null,
      source: body.source ?? 'practice',
    });
    if (!recorded) throw new InvalidInputError('submissionToken', 'This token was issued to another learner; fetch the question again.');
    return c.json({ attemptId: recorded.attempt.id, recorded: recorded.created, result: recorded.result && toApiGradeResult(recorded.result) }, 200);
  });

  api.openapi(reportQuestion, async (c) => {
    const { bank, db, clock } = c.var.deps;
    const { scenarioId, seed } = c.req.valid('param');
    const variant = bank.variant(scenarioId, seed);
    const report = await insertQuestionReport(db, {
      profileId: (await ensureProfile(c)).id,
      scenarioId: variant.scenarioId,
      seed,
      message: c.req.valid('json').message,
      createdAt: clock.now(),
    });
    return c.json({ id: report.id, scenarioId: report.scenarioId, seed: report.seed, status: report.status }, 201);
  });

  // Before /attempts/{attemptId}, which would otherwise take "export" for an attempt number.
  api.openapi(exportAttempts, async (c) => {
    const { db, bank, clock } = c.var.deps;
    const now = clock.now();
    const record = buildAttemptsExport(c.var.profile ? await selectAllAttempts(db, c.var.profile.id) : [], (id) => bank.get(id)?.title, now);
    const format = c.req.valid('query').format;
    c.header('Content-Disposition', `attachment; filename="attempts-${now.toISOString().slice(0, 10)}.${format}"`);
    c.header('Cache-Control', 'no-store');
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
      return c.body(attemptsToCsv(record.attempts), 200);
    }
    return c.json(record, 200);
  });

  api.openapi(
    importAttemptsRoute,
    async (c) => {
      const rows = c.req.valid('json').attempts;
      // An empty export creates no profile: there is nothing to keep.
      const summary =
        rows.length === 0 ? { imported: 0, alreadyThere: 0, refusedRows: [] } : await importAttempts(c.var.deps.db, (await ensureProfile(c)).id, rows);
      return c.json({ imported: summary.imported, alreadyThere: summary.alreadyThere, refusedRows: [...summary.refusedRows] }, 200);
    },
    // Every problem, not just the first the other routes report: a file is fixed in one go.
    (result, c) => {
      if (result.success) return undefined;
      if (result.target !== 'json') throw InvalidInputError.fromZod(result.error, result.target);
      const { issues, total } = describeImportIssues(result.error);
      const where = (i: (typeof issues)[number]) => (i.row === null ? i.field : `attempts[${i.row}].${i.field}`);
      const message = `Nothing was imported: ${total} ${total === 1 ? 'problem' : 'problems'}. ${issues.map((i) => `${where(i)}: ${i.message}`).join('; ')}`;
      return c.json({ error: { code: 'InvalidInput' as const, message, field: issues[0] ? where(issues[0]) : 'body', issues, total } }, 400);
    },
  );

  api.openapi(getAttempt, async (c) => {
    const { bank, db } = c.var.deps;
    const { attemptId } = c.req.valid('param');
    const attempt = c.var.profile ? await selectOptionalAttemptById(db, c.var.profile.id, attemptId) : undefined;
    if (!attempt) throw new NotFoundError(`You have no attempt ${attemptId}.`);
    // The stored grade, never a regrade; scenarioFile says whether the file has changed since.
    return c.json(
      {
        attempt: toApiAttempt(attempt),
        answer: attempt.answer as z.infer<typeof AnswerSchema>,
        variant: attempt.variant ? (attempt.variant as unknown as z.infer<typeof VariantSchema>) : null,
        result: attempt.result ? toApiGradeResult(attempt.result) : null,
        scenarioFile: compareScenarioFile(attempt, bank.fingerprint(attempt.scenarioId)),
      },
      200,
    );
  });

  api.openapi(getProgress, async (c) => {
    const summary = await selectProgressSummary(c.var.deps.db, c.var.profile?.id);
    return c.json(
      { ...summary, overall: summary.overall ?? null, recent: summary.recent.map(toApiAttempt), toReview: summary.toReview.map(toApiAttempt) },
      200,
    );
  });

  api.route('/', costApiRoutes);
  api.route('/', reviewApiRoutes);
  api.route('/', drillApiRoutes);
  api.route('/', examApiRoutes);
  api.route('/', readinessApiRoutes);

  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'DynamoDB study API',
      version: '0.1.0',
      description:
        'Generated DynamoDB exam questions, graded by computation, and the learner progress they feed. The learner is identified by the `learner` cookie.',
    },
  };
  api.doc31('/openapi.json', documentConfig);
  // The reference page reads the document /openapi.json serves; built once, as the routes are fixed by now.
  let reference: OpenApiDocument | undefined;
  api.get('/reference', (c) => {
    reference ??= api.getOpenAPI31Document(documentConfig) as unknown as OpenApiDocument;
    return c.html(ApiReferencePage({ document: reference }));
  });
  return api;
}
