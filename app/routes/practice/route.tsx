/**
 * Practice pages: choose what to practise, answer a question at its permanent address, see the
 * result. The answer is a POST that stores the attempt and redirects to the result's own URL,
 * so reloading the result page never submits again.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Bank, Objective, Variant } from '../../bank/types.ts';
import { selectRecentScenarioIds } from '../../progress/attempts.ts';
import { pickNextQuestion } from '../../progress/next-question.ts';
import { insertQuestionReport } from '../../progress/question-reports.ts';
import type { AppEnv } from '../app-env.ts';
import { ensureProfile, loadLearner } from '../../auth/identity.ts';
import { limitAnswers } from '../../auth/rate-limit.ts';
import { parseFormBody } from '../form-body.ts';
import { InvalidInputError } from '../request-errors.ts';
import { safeReturnPath } from '../safe-redirect.ts';
import { isRejectedAnswer, loadStoredResult, recordFormAnswer, rejectedAnswer, shownAtOf } from './form-answer.ts';
import { AVOID_RECENT_ATTEMPTS, describePracticeMode, parsePracticeMode, PracticeQuerySchema, practiceQueryString, toPracticeFilter } from './practice-mode.ts';
import { PracticePage } from './practice-view.tsx';
import { QuestionPage } from './question-view.tsx';
import { ResultPage } from './result-view.tsx';
import { parseSeed, questionPath } from './variant-address.ts';

/** Every objective by id, per loaded set of areas (a reload replaces the array). */
const objectivesById = new WeakMap<Bank['areas'], ReadonlyMap<string, Objective>>();

export function selectObjectives(bank: Bank, variant: Variant): Objective[] {
  let all = objectivesById.get(bank.areas);
  if (all === undefined) {
    all = new Map(bank.areas.flatMap((a) => a.objectives).map((o) => [o.id as string, o]));
    objectivesById.set(bank.areas, all);
  }
  return variant.objectives.map((id) => all.get(id) ?? { id, area: variant.area, text: id });
}

function parseQuery(query: Record<string, string>) {
  const parsed = PracticeQuerySchema.safeParse(query);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error, 'query');
  return parsed.data;
}

const ReportFormSchema = z.object({
  message: z.string({ error: 'Describe the problem.' }).trim().min(1, 'Describe the problem.').max(2000, 'Keep it under 2,000 characters.'),
  returnTo: z.string().optional(),
});

export const practiceRoutes = new Hono<AppEnv>()
  .get('/practice', loadLearner, (c) => {
    const { bank } = c.var.deps;
    const mode = parsePracticeMode(bank, parseQuery(c.req.query()));
    return c.html(<PracticePage areas={bank.areas} mode={mode} />);
  })
  .get('/practice/next', loadLearner, async (c) => {
    const { bank, random } = c.var.deps;
    const query = parseQuery(c.req.query());
    const mode = parsePracticeMode(bank, query);
    const next = pickNextQuestion(
      bank,
      toPracticeFilter(mode, query.exclude, c.var.profile ? await selectRecentScenarioIds(c.var.deps.db, c.var.profile.id, AVOID_RECENT_ATTEMPTS) : []),
      random,
    );
    if (!next) return c.html(<PracticePage areas={bank.areas} mode={mode} emptyFor={describePracticeMode(bank, mode)} />, 404);
    return c.redirect(`${questionPath(next.scenarioId, next.seed)}${practiceQueryString(mode)}`, 302);
  })
  .get('/q/:scenarioId/:seed', loadLearner, (c) => {
    const { bank, clock, randomToken } = c.var.deps;
    const seed = parseSeed(c.req.param('seed'));
    const variant = bank.variant(c.req.param('scenarioId'), seed);
    const mode = parsePracticeMode(bank, parseQuery(c.req.query()));
    // A fresh token per render: the answer it carries is stored once, however often it is posted.
    c.header('Cache-Control', 'no-store');
    return c.html(
      <QuestionPage
        variant={variant}
        objectives={selectObjectives(bank, variant)}
        areaTitle={bank.areas.find((a) => a.id === variant.area)?.title ?? variant.area}
        mode={mode}
        submissionToken={randomToken()}
        shownAt={clock.now().getTime()}
        reported={c.req.query('reported') === '1'}
      />,
    );
  })
  .post('/q/:scenarioId/:seed', loadLearner, limitAnswers, async (c) => {
    const { bank, clock, randomToken } = c.var.deps;
    const seed = parseSeed(c.req.param('seed'));
    // One generation serves the form check, the grade and the stored row.
    const question = bank.prepare(c.req.param('scenarioId'), seed);
    const { variant } = question;
    const mode = parsePracticeMode(bank, parseQuery(c.req.query()));
    const body = await parseFormBody(c, { all: true });
    try {
      const recorded = await recordFormAnswer(c, question, body);
      return c.redirect(`/attempts/${recorded.attempt.id}${practiceQueryString(mode)}`, 303);
    } catch (error) {
      if (!isRejectedAnswer(error)) throw error;
      // Nothing was recorded: show the question again with the learner's input and the reason,
      // rather than an error page that sends them Back.
      c.header('Cache-Control', 'no-store');
      return c.html(
        <QuestionPage
          variant={variant}
          objectives={selectObjectives(bank, variant)}
          areaTitle={bank.areas.find((a) => a.id === variant.area)?.title ?? variant.area}
          mode={mode}
          submissionToken={randomToken()}
          shownAt={shownAtOf(body, clock.now())}
          reported={false}
          rejected={rejectedAnswer(error, body)}
        />,
        400,
      );
    }
  })
  .post('/q/:scenarioId/:seed/report', loadLearner, async (c) => {
    const { bank, db, clock } = c.var.deps;
    const seed = parseSeed(c.req.param('seed'));
    const variant = bank.variant(c.req.param('scenarioId'), seed);
    const parsed = ReportFormSchema.safeParse(await parseFormBody(c));
    if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
    // Settled before the report is stored, so nothing after the insert can fail on it.
    const back = new URL(safeReturnPath(parsed.data.returnTo, questionPath(variant.scenarioId, seed)), 'http://x');
    back.searchParams.set('reported', '1');
    await insertQuestionReport(db, {
      profileId: (await ensureProfile(c)).id,
      scenarioId: variant.scenarioId,
      seed,
      message: parsed.data.message,
      createdAt: clock.now(),
    });
    return c.redirect(`${back.pathname}${back.search}${back.hash}`, 303);
  })
  .get('/attempts/:attemptId', loadLearner, async (c) => {
    const { bank } = c.var.deps;
    const { attempt, scenarioFile, variant } = await loadStoredResult(c);
    const mode = parsePracticeMode(bank, parseQuery(c.req.query()));
    return c.html(
      <ResultPage
        attempt={attempt}
        variant={variant}
        objectives={variant ? selectObjectives(bank, variant) : []}
        areaTitle={bank.areas.find((a) => a.id === attempt.area)?.title ?? attempt.area}
        result={attempt.result ?? null}
        scenarioFile={scenarioFile}
        mode={mode}
        reported={c.req.query('reported') === '1'}
      />,
    );
  });
