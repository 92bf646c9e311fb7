/**
 * The review schedule as stored: one card per learner per family (review_cards), moved by
 * every graded answer wherever it was given (practice, review, exam, drill), and the study
 * settings that steer it.
 */
import { and, asc, count, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { ScenarioKind } from '../bank/types.ts';
import type { reviewCards, studySettings } from '../db/schema.ts';
import { type Db, firstRow, prepared, preparedWith, type Tables, tablesOf } from '../db/store.ts';
import { MAX_PICKED_SEED } from './next-question.ts';
import { countsAsRight, rateAnswer, type RatedAnswer, type ReviewRating } from './rating.ts';
import { CardState, DEFAULT_TARGET_RETENTION, newReviewCard, type ReviewCard, scheduleReview } from './review-schedule.ts';

export type ReviewCardRow = typeof reviewCards.$inferSelect;
export type StudySettings = Omit<typeof studySettings.$inferSelect, 'profileId'>;

export const DEFAULT_NEW_PER_DAY = 10;
export const DEFAULT_STUDY_SETTINGS: StudySettings = { targetRetention: DEFAULT_TARGET_RETENTION, newPerDay: DEFAULT_NEW_PER_DAY };

const studySettingsOf = (db: Db, { studySettings }: Tables) =>
  db
    .select()
    .from(studySettings)
    .where(eq(studySettings.profileId, sql.placeholder('profileId')))
    .limit(1)
    .prepare();

export async function selectStudySettings(db: Db, profileId: number | undefined): Promise<StudySettings> {
  if (profileId === undefined) return DEFAULT_STUDY_SETTINGS;
  const row = firstRow(await prepared(db, studySettingsOf).execute({ profileId }));
  return row ? { targetRetention: row.targetRetention, newPerDay: row.newPerDay } : DEFAULT_STUDY_SETTINGS;
}

export async function upsertStudySettings(db: Db, profileId: number, settings: StudySettings): Promise<void> {
  const { studySettings } = tablesOf(db);
  await db
    .insert(studySettings)
    .values({ profileId, ...settings })
    .onConflictDoUpdate({ target: studySettings.profileId, set: settings });
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

const reviewCardOf = (db: Db, { reviewCards }: Tables) =>
  db
    .select()
    .from(reviewCards)
    .where(and(eq(reviewCards.profileId, sql.placeholder('profileId')), eq(reviewCards.scenarioId, sql.placeholder('scenarioId'))))
    .limit(1)
    .prepare();

export async function selectOptionalReviewCard(db: Db, profileId: number, scenarioId: string): Promise<ReviewCardRow | undefined> {
  return firstRow(await prepared(db, reviewCardOf).execute({ profileId, scenarioId }));
}

export interface CardAnswer extends RatedAnswer {
  readonly profileId: number;
  readonly scenarioId: string;
  readonly seed: number;
  readonly kind: ScenarioKind;
  readonly now: Date;
}

/** Moves the family's card by the answer's rating (creating it on the first answer). */
export async function applyAnswerToCard(db: Db, answer: CardAnswer): Promise<{ card: ReviewCardRow; rating: ReviewRating }> {
  const { reviewCards } = tablesOf(db);
  const rating = rateAnswer(answer);
  const { targetRetention } = await selectStudySettings(db, answer.profileId);
  const existing = await selectOptionalReviewCard(db, answer.profileId, answer.scenarioId);
  const before = existing ? toReviewCard(existing) : newReviewCard(answer.now);
  const after = fromReviewCard(scheduleReview(before, rating, answer.now, targetRetention));
  const update = existing && preparedWith(db, { ...after, lastSeed: answer.seed, id: existing.id }, updateCard);
  const [card] = update
    ? await update.query.execute(update.params)
    : await db
        .insert(reviewCards)
        .values({ profileId: answer.profileId, scenarioId: answer.scenarioId, ...after, lastSeed: answer.seed, createdAt: answer.now })
        .returning();
  if (!card) throw new Error(`The review card of ${answer.scenarioId} vanished while it was being moved.`);
  return { card, rating };
}

/** An answer's move of its family's card: `id` picks the card, every other column is set. */
const updateCard = (db: Db, { reviewCards }: Tables, { id, ...set }: Partial<typeof reviewCards.$inferInsert>) =>
  db
    .update(reviewCards)
    .set(set)
    .where(eq(reviewCards.id, id as number))
    .returning()
    .prepare();

/** Cards due at `now`, most overdue first. */
export function selectDueCards(db: Db, profileId: number, now: Date, limit: number): Promise<ReviewCardRow[]> {
  const { reviewCards } = tablesOf(db);
  return db
    .select()
    .from(reviewCards)
    .where(and(eq(reviewCards.profileId, profileId), lte(reviewCards.due, now)))
    .orderBy(asc(reviewCards.due), asc(reviewCards.id))
    .limit(limit);
}

/** On every page a learner sees (the navigation's due count). */
const dueCardCount = (db: Db, { reviewCards }: Tables) =>
  db
    .select({ n: count() })
    .from(reviewCards)
    .where(and(eq(reviewCards.profileId, sql.placeholder('profileId')), lte(reviewCards.due, sql.placeholder('now'))))
    .prepare();

export async function countDueCards(db: Db, profileId: number | undefined, now: Date): Promise<number> {
  if (profileId === undefined) return 0;
  const row = firstRow(await prepared(db, dueCardCount).execute({ profileId, now: now.getTime() }));
  return row?.n ?? 0;
}

export function selectReviewCards(db: Db, profileId: number): Promise<ReviewCardRow[]> {
  const { reviewCards } = tablesOf(db);
  return db.select().from(reviewCards).where(eq(reviewCards.profileId, profileId)).orderBy(asc(reviewCards.due), asc(reviewCards.id));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of the day `now` falls in: "today" for the daily new limit and the forecast. */
export function utcDayStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

/** Cards created on the UTC day of `now`: the new families started today, wherever answered. */
export async function countNewCardsOn(db: Db, profileId: number | undefined, now: Date): Promise<number> {
  if (profileId === undefined) return 0;
  const { reviewCards } = tablesOf(db);
  const start = utcDayStart(now);
  const row = firstRow(
    await db
      .select({ n: count() })
      .from(reviewCards)
      .where(and(eq(reviewCards.profileId, profileId), gte(reviewCards.createdAt, start), lt(reviewCards.createdAt, new Date(start.getTime() + DAY_MS)))),
  );
  return row?.n ?? 0;
}

/** Families the learner has answered at least once (a card, or an attempt from before cards). */
export async function selectStartedScenarioIds(db: Db, profileId: number | undefined): Promise<Set<string>> {
  if (profileId === undefined) return new Set();
  const { attempts, reviewCards } = tablesOf(db);
  const fromCards = await db.select({ id: reviewCards.scenarioId }).from(reviewCards).where(eq(reviewCards.profileId, profileId));
  const fromAttempts = await db.selectDistinct({ id: attempts.scenarioId }).from(attempts).where(eq(attempts.profileId, profileId));
  return new Set([...fromCards, ...fromAttempts].map((r) => r.id));
}

/** A seed for the next review: random, and never the one served last, so no variant comes twice in a row. */
export function pickFreshSeed(random: () => number, lastSeed: number | null | undefined): number {
  const seed = Math.floor(random() * MAX_PICKED_SEED) % MAX_PICKED_SEED;
  return seed === lastSeed ? (seed + 1) % MAX_PICKED_SEED : seed;
}

export type NextReview =
  | { readonly source: 'due'; readonly scenarioId: string; readonly seed: number; readonly card: ReviewCardRow }
  | { readonly source: 'new'; readonly scenarioId: string; readonly seed: number };

export interface ReviewCounts {
  readonly dueNow: number;
  /** New families started today (cards created on the clock's UTC day). */
  readonly newToday: number;
  /** How many more new families today's limit allows, given what is left to start. */
  readonly newAvailable: number;
  readonly settings: StudySettings;
}

/**
 * The families never answered, in the bank's order (areas, then files), so new material
 * arrives as the study guide lays it out.
 */
async function unstartedScenarioIds(db: Db, profileId: number | undefined, scenarioIds: readonly string[]): Promise<string[]> {
  const started = await selectStartedScenarioIds(db, profileId);
  return scenarioIds.filter((id) => !started.has(id));
}

export async function selectReviewCounts(db: Db, profileId: number | undefined, scenarioIds: readonly string[], now: Date): Promise<ReviewCounts> {
  const settings = await selectStudySettings(db, profileId);
  const newToday = await countNewCardsOn(db, profileId, now);
  const unstarted = (await unstartedScenarioIds(db, profileId, scenarioIds)).length;
  const dueNow = await countDueCards(db, profileId, now);
  return { dueNow, newToday, newAvailable: Math.max(0, Math.min(settings.newPerDay - newToday, unstarted)), settings };
}

/**
 * What a review session serves next: the most overdue card, else a family never answered while
 * today's new limit allows, else nothing. Only families still in the bank are served.
 */
export async function pickNextReview(
  db: Db,
  profileId: number | undefined,
  scenarioIds: readonly string[],
  now: Date,
  random: () => number,
): Promise<NextReview | undefined> {
  const known = new Set(scenarioIds);
  if (profileId !== undefined) {
    const due = (await selectDueCards(db, profileId, now, 1000)).find((card) => known.has(card.scenarioId));
    if (due) return { source: 'due', scenarioId: due.scenarioId, seed: pickFreshSeed(random, due.lastSeed), card: due };
  }
  const { newAvailable } = await selectReviewCounts(db, profileId, scenarioIds, now);
  if (newAvailable <= 0) return undefined;
  const next = (await unstartedScenarioIds(db, profileId, scenarioIds))[0];
  return next === undefined ? undefined : { source: 'new', scenarioId: next, seed: pickFreshSeed(random, null) };
}

export interface ForecastDay {
  /** YYYY-MM-DD, UTC. */
  readonly day: string;
  readonly due: number;
}

/**
 * Reviews due on each of the next `days` UTC days as the cards stand now (today includes
 * everything overdue). Like Anki's forecast it does not simulate the reviews in between.
 */
export async function selectDueForecast(db: Db, profileId: number | undefined, now: Date, days = 30): Promise<ForecastDay[]> {
  const start = utcDayStart(now).getTime();
  const counts = new Array<number>(days).fill(0);
  if (profileId !== undefined) {
    const { reviewCards } = tablesOf(db);
    const end = new Date(start + days * DAY_MS);
    const rows = await db
      .select({ due: reviewCards.due })
      .from(reviewCards)
      .where(and(eq(reviewCards.profileId, profileId), lt(reviewCards.due, end)));
    for (const { due } of rows) {
      const index = Math.max(0, Math.floor((due.getTime() - start) / DAY_MS));
      counts[index] = (counts[index] ?? 0) + 1;
    }
  }
  return counts.map((due, i) => ({ day: new Date(start + i * DAY_MS).toISOString().slice(0, 10), due }));
}

export interface Retention {
  /** Review-source answers on cards in the Review state in the window. */
  readonly answers: number;
  readonly right: number;
  /** right / answers; null when there were none. */
  readonly rate: number | null;
  readonly target: number;
  readonly windowDays: number;
}

/**
 * Retention achieved: of the answers given in review sessions over the last `windowDays` to
 * families whose card was in the Review state (past its learning steps), the share that
 * counted as right. Attempts do not store the card's state, so each family's card is replayed
 * from its attempts (fuzz is off, so the replay is exact).
 */
export async function selectRetention(db: Db, profileId: number | undefined, now: Date, windowDays = 30): Promise<Retention> {
  const settings = await selectStudySettings(db, profileId);
  const empty: Retention = { answers: 0, right: 0, rate: null, target: settings.targetRetention, windowDays };
  if (profileId === undefined) return empty;
  const since = now.getTime() - windowDays * DAY_MS;
  let answers = 0;
  let right = 0;
  replayAttempts(await selectReplayRows(db, profileId), settings.targetRetention, (row, before, answer) => {
    if (row.source === 'review' && before.state === CardState.Review && row.createdAt.getTime() >= since) {
      answers++;
      if (countsAsRight(answer)) right++;
    }
  });
  return { answers, right, rate: answers === 0 ? null : right / answers, target: settings.targetRetention, windowDays };
}

function selectReplayRows(db: Db, profileId: number, scenarioIds?: readonly string[]) {
  const { attempts } = tablesOf(db);
  return db
    .select({
      scenarioId: attempts.scenarioId,
      seed: attempts.seed,
      verdict: attempts.verdict,
      essentialPassed: attempts.essentialPassed,
      confidence: attempts.confidence,
      secondsTaken: attempts.secondsTaken,
      source: attempts.source,
      variant: attempts.variant,
      createdAt: attempts.createdAt,
    })
    .from(attempts)
    .where(scenarioIds ? and(eq(attempts.profileId, profileId), inArray(attempts.scenarioId, [...scenarioIds])) : eq(attempts.profileId, profileId))
    .orderBy(asc(attempts.createdAt), asc(attempts.id));
}

type ReplayRow = Awaited<ReturnType<typeof selectReplayRows>>[number];

interface ReplayedCard {
  readonly card: ReviewCard;
  readonly lastSeed: number;
  readonly firstAnsweredAt: Date;
}

/**
 * Each family's card as its attempts, in the order given, would have moved it (fuzz is off, so
 * the replay is exact for a fixed target retention); `visit` sees each answer with the card
 * before it.
 */
function replayAttempts(
  rows: readonly ReplayRow[],
  targetRetention: number,
  visit?: (row: ReplayRow, before: ReviewCard, answer: RatedAnswer) => void,
): Map<string, ReplayedCard> {
  const cards = new Map<string, ReplayedCard>();
  for (const row of rows) {
    const previous = cards.get(row.scenarioId);
    const before = previous?.card ?? newReviewCard(row.createdAt);
    const answer = {
      kind: row.variant?.kind ?? 'choice',
      verdict: row.verdict,
      essentialPassed: row.essentialPassed !== false,
      confidence: row.confidence,
      secondsTaken: row.secondsTaken,
    } satisfies RatedAnswer;
    visit?.(row, before, answer);
    cards.set(row.scenarioId, {
      card: scheduleReview(before, rateAnswer(answer), row.createdAt, targetRetention),
      lastSeed: row.seed,
      firstAnsweredAt: previous?.firstAnsweredAt ?? row.createdAt,
    });
  }
  return cards;
}

/**
 * Rebuilds the cards of these families from every attempt the learner has of them: after an
 * import brings in answers given elsewhere, the schedule is what it would have been had they
 * been given here.
 */
export async function rebuildReviewCards(db: Db, profileId: number, scenarioIds: readonly string[]): Promise<void> {
  if (scenarioIds.length === 0) return;
  const { reviewCards } = tablesOf(db);
  const { targetRetention } = await selectStudySettings(db, profileId);
  const replayed = replayAttempts(await selectReplayRows(db, profileId, scenarioIds), targetRetention);
  for (const [scenarioId, { card, lastSeed, firstAnsweredAt }] of replayed) {
    const values = { ...fromReviewCard(card), lastSeed };
    await db
      .insert(reviewCards)
      .values({ profileId, scenarioId, ...values, createdAt: firstAnsweredAt })
      .onConflictDoUpdate({ target: [reviewCards.profileId, reviewCards.scenarioId], set: { ...values, createdAt: firstAnsweredAt } });
  }
}
