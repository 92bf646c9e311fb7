/**
 * Serving, answering and showing the result of one question inside a study mode (the review
 * session, the mistakes drill): the practice pages' views with the mode's own line above them,
 * answers stored with the mode as their source, and "Next" leading back into the mode.
 */
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { loadLearner } from '../../auth/identity.ts';
import { limitAnswers } from '../../auth/rate-limit.ts';
import type { Variant } from '../../bank/types.ts';
import type { Attempt } from '../../progress/attempts.ts';
import type { AppEnv } from '../app-env.ts';
import { parseFormBody } from '../form-body.ts';
import { isRejectedAnswer, loadStoredResult, recordFormAnswer, rejectedAnswer, shownAtOf } from '../practice/form-answer.ts';
import { QuestionPage } from '../practice/question-view.tsx';
import { ResultPage } from '../practice/result-view.tsx';
import { selectObjectives } from '../practice/route.tsx';
import { parseSeed } from '../practice/variant-address.ts';
import type { Context } from 'hono';

const NO_PRACTICE_FILTER = { area: undefined, objective: undefined } as const;

export interface StudyMode {
  readonly id: 'review' | 'drill';
  /** '/review' or '/drill': questions live at `${base}/q/:scenarioId/:seed`. */
  readonly base: string;
  readonly skipLabel: string;
  /** The line above the question. */
  questionBanner(c: Context<AppEnv>, variant: Variant): Child;
  /** The line above the result, read after the answer moved the card. */
  resultBanner(c: Context<AppEnv>, attempt: Attempt): Child;
  readonly nextLabel: string;
}

export function studyQuestionPath(mode: Pick<StudyMode, 'base'>, scenarioId: string, seed: number): string {
  return `${mode.base}/q/${encodeURIComponent(scenarioId)}/${seed}`;
}

function areaTitle(c: Context<AppEnv>, area: string): string {
  return c.var.deps.bank.areas.find((a) => a.id === area)?.title ?? area;
}

export function studyQuestionRoutes(mode: StudyMode): Hono<AppEnv> {
  const questionPage = (c: Context<AppEnv>, variant: Variant, extra: { shownAt: number; rejected?: Parameters<typeof QuestionPage>[0]['rejected'] }) => (
    <QuestionPage
      variant={variant}
      objectives={selectObjectives(c.var.deps.bank, variant)}
      areaTitle={areaTitle(c, variant.area)}
      mode={NO_PRACTICE_FILTER}
      submissionToken={c.var.deps.randomToken()}
      shownAt={extra.shownAt}
      reported={c.req.query('reported') === '1'}
      {...(extra.rejected ? { rejected: extra.rejected } : {})}
      study={{
        action: studyQuestionPath(mode, variant.scenarioId, variant.seed),
        skipHref: mode.base,
        skipLabel: mode.skipLabel,
        banner: mode.questionBanner(c, variant),
        current: mode.id,
      }}
    />
  );

  return new Hono<AppEnv>()
    .get(`${mode.base}/q/:scenarioId/:seed`, loadLearner, (c) => {
      const variant = c.var.deps.bank.variant(c.req.param('scenarioId'), parseSeed(c.req.param('seed')));
      c.header('Cache-Control', 'no-store');
      return c.html(questionPage(c, variant, { shownAt: c.var.deps.clock.now().getTime() }));
    })
    .post(`${mode.base}/q/:scenarioId/:seed`, loadLearner, limitAnswers, async (c) => {
      const { bank } = c.var.deps;
      const question = bank.prepare(c.req.param('scenarioId'), parseSeed(c.req.param('seed')));
      const { variant } = question;
      const body = await parseFormBody(c, { all: true });
      try {
        const recorded = await recordFormAnswer(c, question, body, mode.id);
        return c.redirect(`${mode.base}/attempts/${recorded.attempt.id}`, 303);
      } catch (error) {
        if (!isRejectedAnswer(error)) throw error;
        // Nothing was recorded: the question again, with what was typed and the reason.
        c.header('Cache-Control', 'no-store');
        return c.html(questionPage(c, variant, { shownAt: shownAtOf(body, c.var.deps.clock.now()), rejected: rejectedAnswer(error, body) }), 400);
      }
    })
    .get(`${mode.base}/attempts/:attemptId`, loadLearner, async (c) => {
      const { bank } = c.var.deps;
      const { attempt, scenarioFile, variant } = await loadStoredResult(c);
      return c.html(
        <ResultPage
          attempt={attempt}
          variant={variant}
          objectives={variant ? selectObjectives(bank, variant) : []}
          areaTitle={areaTitle(c, attempt.area)}
          result={attempt.result ?? null}
          scenarioFile={scenarioFile}
          mode={NO_PRACTICE_FILTER}
          reported={c.req.query('reported') === '1'}
          study={{ banner: mode.resultBanner(c, attempt), nextHref: `${mode.base}/next`, nextLabel: mode.nextLabel, current: mode.id }}
        />,
      );
    });
}
