/**
 * /review: the spaced-review session. /review/next serves the most overdue family as a fresh
 * variant, then new families up to the daily limit, then returns to the page; each answer is
 * stored with source 'review' and its result says when the family is due next.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { ensureProfile, loadLearner } from '../../auth/identity.ts';
import type { Variant } from '../../bank/types.ts';
import type { Attempt } from '../../progress/attempts.ts';
import { RATING_NAMES, rateAnswer } from '../../progress/rating.ts';
import {
  countNewCardsOn,
  pickNextReview,
  selectDueForecast,
  selectOptionalReviewCard,
  selectRetention,
  selectReviewCards,
  selectReviewCounts,
  upsertStudySettings,
} from '../../progress/review-cards.ts';
import { formatDateTime } from '../../views/components.tsx';
import type { AppEnv } from '../app-env.ts';
import { parseFormBody } from '../form-body.ts';
import { InvalidInputError } from '../request-errors.ts';
import { parseSettingsForm } from './settings.ts';
import { studyQuestionPath, studyQuestionRoutes } from './study-question.tsx';
import { ReviewPage, type SettingsForm } from './view.tsx';

const REVIEW_BASE = '/review';

/** "in 10 minutes", "in 3 days": how far off a due date is, for the result's line. */
export function formatDueIn(due: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((due.getTime() - now.getTime()) / 60_000));
  if (minutes < 1) return 'now';
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

function scenarioIds(c: Context<AppEnv>): string[] {
  return c.var.deps.bank.scenarios.map((s) => s.id);
}

async function reviewPage(c: Context<AppEnv>, settings: Omit<SettingsForm, 'newPerDay' | 'targetRetention'> & Partial<SettingsForm> = {}) {
  const { db, clock } = c.var.deps;
  const profileId = c.var.profile?.id;
  const now = clock.now();
  const counts = await selectReviewCounts(db, profileId, scenarioIds(c), now);
  const nextDue = profileId === undefined ? undefined : (await selectReviewCards(db, profileId)).find((card) => card.due.getTime() > now.getTime())?.due;
  return (
    <ReviewPage
      counts={counts}
      nextDue={nextDue}
      forecast={await selectDueForecast(db, profileId, now)}
      retention={await selectRetention(db, profileId, now)}
      done={c.req.query('done') === '1'}
      settings={{
        newPerDay: settings.newPerDay ?? String(counts.settings.newPerDay),
        targetRetention: settings.targetRetention ?? counts.settings.targetRetention.toFixed(2),
        ...(settings.error ? { error: settings.error } : {}),
        ...(settings.saved ? { saved: true } : {}),
      }}
    />
  );
}

async function questionBanner(c: Context<AppEnv>, variant: Variant) {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const profileId = c.var.profile?.id;
  const card = profileId === undefined ? undefined : await selectOptionalReviewCard(db, profileId, variant.scenarioId);
  const { dueNow, settings } = await selectReviewCounts(db, profileId, scenarioIds(c), now);
  if (!card) {
    return (
      <>
        <strong>Review: a new family</strong> ({(await countNewCardsOn(db, profileId, now)) + 1} of {settings.newPerDay} today).
      </>
    );
  }
  return (
    <>
      <strong>Review</strong>: {card.due.getTime() <= now.getTime() ? `due since ${formatDateTime(card.due)}` : `not due until ${formatDateTime(card.due)}`} ·{' '}
      {dueNow} due now. A new variant: you last saw variant {card.lastSeed ?? '—'}.
    </>
  );
}

async function resultBanner(c: Context<AppEnv>, attempt: Attempt) {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const card = c.var.profile ? await selectOptionalReviewCard(db, c.var.profile.id, attempt.scenarioId) : undefined;
  const rating = rateAnswer({
    kind: attempt.variant?.kind ?? attempt.result?.kind ?? 'choice',
    verdict: attempt.verdict,
    essentialPassed: attempt.essentialPassed !== false,
    confidence: attempt.confidence,
    secondsTaken: attempt.secondsTaken,
  });
  const dueNow = (await selectReviewCounts(db, c.var.profile?.id, scenarioIds(c), now)).dueNow;
  return (
    <>
      <strong>Review</strong>: rated <strong data-rating={RATING_NAMES[rating]}>{RATING_NAMES[rating]}</strong>.{' '}
      {card ? (
        <>
          This family is next due{' '}
          <time datetime={card.due.toISOString()} data-next-due={card.due.toISOString()}>
            {formatDateTime(card.due)}
          </time>{' '}
          ({formatDueIn(card.due, now)}).
        </>
      ) : null}{' '}
      {dueNow} due now.
    </>
  );
}

export const reviewRoutes = new Hono<AppEnv>()
  .get(REVIEW_BASE, loadLearner, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.html(await reviewPage(c, { saved: c.req.query('saved') === '1' }));
  })
  .get(`${REVIEW_BASE}/next`, loadLearner, async (c) => {
    const { db, clock, random } = c.var.deps;
    const next = await pickNextReview(db, c.var.profile?.id, scenarioIds(c), clock.now(), random);
    if (!next) return c.redirect(`${REVIEW_BASE}?done=1`, 302);
    return c.redirect(studyQuestionPath({ base: REVIEW_BASE }, next.scenarioId, next.seed), 302);
  })
  .post(`${REVIEW_BASE}/settings`, loadLearner, async (c) => {
    const body = await parseFormBody(c);
    try {
      const settings = parseSettingsForm(body);
      await upsertStudySettings(c.var.deps.db, (await ensureProfile(c)).id, settings);
      return c.redirect(`${REVIEW_BASE}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const typed = (value: unknown) => (typeof value === 'string' ? value : '');
      return c.html(
        await reviewPage(c, {
          newPerDay: typed(body.newPerDay),
          targetRetention: typed(body.targetRetention),
          error: { field: error.field, message: error.message },
        }),
        400,
      );
    }
  })
  .route(
    '/',
    studyQuestionRoutes({
      id: 'review',
      base: REVIEW_BASE,
      skipLabel: 'Back to review',
      nextLabel: 'Next review',
      questionBanner,
      resultBanner,
    }),
  );
