/**
 * The spaced-review schedule of one family for one learner, on ts-fsrs (FSRS). Pure: the
 * caller passes the clock's time and stores the card; nothing here reads a clock or a table.
 * Fuzz is off so a schedule is reproducible from its history (a test can state the due date).
 */
import { type Card, createEmptyCard, fsrs, type FSRS, State } from 'ts-fsrs';
import type { ReviewRating } from './rating.ts';

export type { Card as ReviewCard } from 'ts-fsrs';
export { State as CardState } from 'ts-fsrs';

/** FSRS's own default: a review is due when recall is predicted to fall to 90 %. */
export const DEFAULT_TARGET_RETENTION = 0.9;
export const MIN_TARGET_RETENTION = 0.7;
export const MAX_TARGET_RETENTION = 0.97;

const schedulers = new Map<number, FSRS>();

function schedulerFor(targetRetention: number): FSRS {
  let scheduler = schedulers.get(targetRetention);
  if (!scheduler) {
    scheduler = fsrs({ request_retention: targetRetention, enable_fuzz: false });
    schedulers.set(targetRetention, scheduler);
  }
  return scheduler;
}

export function newReviewCard(now: Date): Card {
  return createEmptyCard(now);
}

/** The card after an answer rated `rating` at `now`. */
export function scheduleReview(card: Card, rating: ReviewRating, now: Date, targetRetention = DEFAULT_TARGET_RETENTION): Card {
  return schedulerFor(targetRetention).next(card, now, rating).card;
}

/** Predicted probability of recall now, 0..1; 0 for a card never reviewed. */
export function retrievability(card: Card, now: Date, targetRetention = DEFAULT_TARGET_RETENTION): number {
  if (card.state === State.New) return 0;
  return schedulerFor(targetRetention).get_retrievability(card, now, false);
}

export function isDue(card: Card, now: Date): boolean {
  return card.due.getTime() <= now.getTime();
}
