/**
 * The review schedule as stored: one card per learner per family (review_cards), moved by
 * every graded answer wherever it was given (practice, review, exam, drill), and the study
 * settings that steer it.
 */
import { and, asc, count, eq, lte } from 'drizzle-orm';
import type { ScenarioKind } from '../bank/types.ts';
import type { Db } from '../db/connection.ts';
import { reviewCards, studySettings } from '../db/schema.ts';
import type { Tx } from './attempts.ts';
import { rateAnswer, type RatedAnswer, type ReviewRating } from './rating.ts';
import { DEFAULT_TARGET_RETENTION, newReviewCard, type ReviewCard, scheduleReview } from './review-schedule.ts';

export type ReviewCardRow = typeof reviewCards.$inferSelect;
export type StudySettings = Omit<typeof studySettings.$inferSelect, 'profileId'>;

export const DEFAULT_NEW_PER_DAY = 10;
export const DEFAULT_STUDY_SETTINGS: StudySettings = { targetRetention: DEFAULT_TARGET_RETENTION, newPerDay: DEFAULT_NEW_PER_DAY };

type Store = Db | Tx;

export function selectStudySettings(db: Store, profileId: number | undefined): StudySettings {
  if (profileId === undefined) return DEFAULT_STUDY_SETTINGS;
  const row = db.select().from(studySettings).where(eq(studySettings.profileId, profileId)).get();
  return row ? { targetRetention: row.targetRetention, newPerDay: row.newPerDay } : DEFAULT_STUDY_SETTINGS;
}

export function upsertStudySettings(db: Store, profileId: number, settings: StudySettings): void {
  db.insert(studySettings)
    .values({ profileId, ...settings })
    .onConflictDoUpdate({ target: studySettings.profileId, set: settings })
    .run();
}

export function toReviewCard(row: ReviewCardRow): ReviewCard {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    ...(row.lastReview ? { last_review: row.lastReview } : {}),
  };
}

function fromReviewCard(card: ReviewCard) {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

export function selectOptionalReviewCard(db: Store, profileId: number, scenarioId: string): ReviewCardRow | undefined {
  return db
    .select()
    .from(reviewCards)
    .where(and(eq(reviewCards.profileId, profileId), eq(reviewCards.scenarioId, scenarioId)))
    .get();
}

export interface CardAnswer extends RatedAnswer {
  readonly profileId: number;
  readonly scenarioId: string;
  readonly seed: number;
  readonly kind: ScenarioKind;
  readonly now: Date;
}

/** Moves the family's card by the answer's rating (creating it on the first answer). */
export function applyAnswerToCard(db: Store, answer: CardAnswer): { card: ReviewCardRow; rating: ReviewRating } {
  const rating = rateAnswer(answer);
  const { targetRetention } = selectStudySettings(db, answer.profileId);
  const existing = selectOptionalReviewCard(db, answer.profileId, answer.scenarioId);
  const before = existing ? toReviewCard(existing) : newReviewCard(answer.now);
  const after = fromReviewCard(scheduleReview(before, rating, answer.now, targetRetention));
  const card = existing
    ? db
        .update(reviewCards)
        .set({ ...after, lastSeed: answer.seed })
        .where(eq(reviewCards.id, existing.id))
        .returning()
        .get()
    : db
        .insert(reviewCards)
        .values({ profileId: answer.profileId, scenarioId: answer.scenarioId, ...after, lastSeed: answer.seed, createdAt: answer.now })
        .returning()
        .get();
  return { card, rating };
}

/** Cards due at `now`, most overdue first. */
export function selectDueCards(db: Store, profileId: number, now: Date, limit: number): ReviewCardRow[] {
  return db
    .select()
    .from(reviewCards)
    .where(and(eq(reviewCards.profileId, profileId), lte(reviewCards.due, now)))
    .orderBy(asc(reviewCards.due), asc(reviewCards.id))
    .limit(limit)
    .all();
}

export function countDueCards(db: Store, profileId: number | undefined, now: Date): number {
  if (profileId === undefined) return 0;
  const row = db
    .select({ n: count() })
    .from(reviewCards)
    .where(and(eq(reviewCards.profileId, profileId), lte(reviewCards.due, now)))
    .get();
  return row?.n ?? 0;
}

export function selectReviewCards(db: Store, profileId: number): ReviewCardRow[] {
  return db.select().from(reviewCards).where(eq(reviewCards.profileId, profileId)).orderBy(asc(reviewCards.due)).all();
}
