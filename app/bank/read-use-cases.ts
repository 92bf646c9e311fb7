/**
 * Read paths of typical applications for the consistency families: learner-facing wording, so
 * it lives in the bank, not the engine; whether each needs the latest write is the engine's
 * Freshness, which planRead turns into a read mode.
 */
import type { Freshness } from '../../engine/index.ts';

/**
 * One read path, with whether it must show the latest write. The study guide's examples: feeds,
 * CDN and dashboards tolerate staleness; payments, inventory and health records do not.
 */
export interface ReadUseCase {
  readonly id: string;
  readonly domain: string;
  /** A read path, phrased to follow "the service must ...". */
  readonly read: string;
  readonly freshness: Freshness;
  /** Why, in a clause that completes "because ...". */
  readonly because: string;
}

export const READ_USE_CASES: readonly ReadUseCase[] = [
  { id: 'payment-balance', domain: 'a payments platform', read: 'check an account balance before it authorises a transfer', freshness: 'latest', because: 'a balance that misses the last debit lets the account be overdrawn' },
  { id: 'inventory-checkout', domain: 'an online retailer', read: 'read the stock count of an item before it confirms a checkout', freshness: 'latest', because: 'a stale count oversells stock that is already gone' },
  { id: 'health-medication', domain: 'a hospital records system', read: "show the prescribing doctor a patient's current medications", freshness: 'latest', because: 'a prescription made from an outdated list can harm the patient' },
  { id: 'ticket-seat', domain: 'a ticketing service', read: 'confirm that a seat is still free before it takes payment', freshness: 'latest', because: 'a stale read sells the same seat twice' },
  { id: 'auction-bid', domain: 'an auction site', read: 'read the current highest bid before it accepts a new one', freshness: 'latest', because: 'a stale highest bid accepts a bid that is already beaten' },
  { id: 'wallet-purchase', domain: 'a mobile game', read: "read a player's coin balance before it completes an in-game purchase", freshness: 'latest', because: 'a stale balance lets a player spend the same coins twice' },
  { id: 'social-feed', domain: 'a social network', read: "render a user's home feed of posts from the accounts they follow", freshness: 'seconds', because: 'a post that appears a second later harms no one' },
  { id: 'cdn-metadata', domain: 'a content delivery platform', read: 'look up the object metadata its edge caches use to serve files', freshness: 'seconds', because: 'edge caches already serve content that is seconds or minutes old' },
  { id: 'analytics-dashboard', domain: 'an analytics company', read: 'refresh the tiles of a sales dashboard every minute', freshness: 'seconds', because: 'a dashboard that lags by a second is still accurate enough to act on' },
  { id: 'product-reviews', domain: 'an online retailer', read: 'list the reviews customers have left under a product page', freshness: 'seconds', because: 'a review that shows up a moment late changes nothing' },
  { id: 'leaderboard-view', domain: 'a game studio', read: 'display the weekly leaderboard to spectators watching a match', freshness: 'seconds', because: 'spectators do not notice a score that arrives a second late' },
  { id: 'news-recommendations', domain: 'a news site', read: 'list recommended articles in the sidebar beside the story being read', freshness: 'seconds', because: 'recommendations a few seconds old are just as useful' },
];

export function findReadUseCase(id: string): ReadUseCase {
  const found = READ_USE_CASES.find((u) => u.id === id);
  if (!found) throw new RangeError(`Unknown read use case "${id}".`);
  return found;
}
