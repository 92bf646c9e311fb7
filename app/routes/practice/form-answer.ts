/**
 * A question form posted by a learner, from practice, review or the drill: read it against
 * the prepared question, grade it once and store it; or, when it cannot be read, what the
 * learner typed and why, so the page can show the question again with the input kept.
 */
import type { Context } from 'hono';
import { ensureProfile } from '../../auth/identity.ts';
import { InvalidAnswerError, type PreparedQuestion, type Variant } from '../../bank/types.ts';
import {
  type AttemptSource,
  compareScenarioFile,
  measureSecondsTaken,
  type RecordedAnswer,
  recordAnswer,
  type ScenarioFileStatus,
} from '../../progress/answers.ts';
import { type Attempt, selectOptionalAttemptById } from '../../progress/attempts.ts';
import type { AppEnv } from '../app-env.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';
import { internByContent } from '../../views/rendered-once.ts';
import { parseAnswerForm } from './answer-form.ts';
import type { RejectedAnswer } from './question-view.tsx';

/** Form fields as posted: text only (a file upload in a text field is ignored). */
export function allFields(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

export function firstField(value: unknown): string | undefined {
  return allFields(value)[0];
}

/**
 * Route → grading → store, each crossed once. Throws InvalidInputError or InvalidAnswerError
 * (nothing stored) when the form does not fit the question or its token is another learner's.
 */
export async function recordFormAnswer(
  c: Context<AppEnv>,
  question: PreparedQuestion,
  body: Record<string, unknown>,
  source?: AttemptSource,
): Promise<RecordedAnswer> {
  const { db, clock } = c.var.deps;
  const form = parseAnswerForm(question.variant, body);
  const result = question.grade(form.answer);
  const now = clock.now();
  const recorded = await recordAnswer(db, {
    profileId: (await ensureProfile(c)).id,
    graded: { variant: question.variant, fingerprint: question.fingerprint, answer: form.answer, result },
    submissionToken: form.token,
    secondsTaken: measureSecondsTaken(form.shownAt, now),
    now,
    confidence: form.confidence,
    ...(source ? { source } : {}),
  });
  if (!recorded) throw new InvalidInputError('token', 'This form belongs to another learner; reload the question.');
  return recorded;
}

export function isRejectedAnswer(error: unknown): error is InvalidInputError | InvalidAnswerError {
  return error instanceof InvalidInputError || error instanceof InvalidAnswerError;
}

/** What the learner typed, and why it was refused, to show the question again with it. */
export function rejectedAnswer(error: InvalidInputError | InvalidAnswerError, body: Record<string, unknown>): RejectedAnswer {
  return {
    field: error.field,
    message: error.message,
    value: firstField(body.value),
    optionIds: allFields(body.option).concat(allFields(body.options)),
    json: firstField(body.json),
    confidence: firstField(body.confidence),
  };
}

/** The time the form was first shown, kept across a refusal so seconds taken stay honest. */
export function shownAtOf(body: Record<string, unknown>, now: Date): number {
  return Number(firstField(body.shownAt)) || now.getTime();
}

export interface StoredResult {
  readonly attempt: Attempt;
  readonly scenarioFile: ScenarioFileStatus;
  /** The variant as shown; today's for attempts stored before variants were kept; none when the file is gone. */
  readonly variant: Variant | undefined;
}

/**
 * The learner's own attempt at `/…/attempts/:attemptId`, with what its result page needs: it is
 * rendered from the row and never graded again. Another learner's attempt is a 404.
 */
export async function loadStoredResult(c: Context<AppEnv>): Promise<StoredResult> {
  const { bank, db } = c.var.deps;
  const idText = c.req.param('attemptId') ?? '';
  if (!/^\d{1,15}$/.test(idText)) throw new InvalidInputError('attemptId', `"${idText}" is not an attempt number.`);
  const row = c.var.profile ? await selectOptionalAttemptById(db, c.var.profile.id, Number(idText)) : undefined;
  if (!row) throw new NotFoundError(`You have no attempt ${idText}.`);
  // The same objects for every view of this attempt: its page's parts are rendered once.
  const attempt = { ...row, variant: row.variant && internByContent(row.variant), result: row.result && internByContent(row.result) };
  const scenarioFile = compareScenarioFile(attempt, bank.fingerprint(attempt.scenarioId));
  const variant = attempt.variant ?? (scenarioFile === 'removed' ? undefined : bank.variant(attempt.scenarioId, attempt.seed));
  return { attempt, scenarioFile, variant };
}
