/**
 * Rules that turn a read requirement into a read mode, its capacity cost and whether DynamoDB
 * can serve it at all. Scenario families derive their right answer from these, so a question's
 * key is computed from its parameters instead of being written per variant.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html
 */
import { readUnitsForSize } from '../capacity/units.ts';

/** Where a read is served from. Only tables and LSIs accept ConsistentRead=true. */
export type ReadSource = 'table' | 'lsi' | 'gsi' | 'stream';

/**
 * `latest`: the read must reflect every write acknowledged before it (read your own writes,
 * money, stock). `seconds`: the reader accepts data a few seconds old.
 */
export type Freshness = 'latest' | 'seconds';

export interface ReadRequirement {
  readonly source: ReadSource;
  readonly freshness: Freshness;
  readonly itemBytes: number;
  readonly readsPerSecond: number;
}

export type ReadMode = 'eventual' | 'strong';

/** Why a requirement cannot be met where it is asked for, and what serves it instead. */
export type ReadObstacle = 'gsi-eventual-only' | 'stream-eventual-only';

export type ReadPlan =
  | {
      readonly possible: true;
      readonly mode: ReadMode;
      readonly consistentRead: boolean;
      readonly unitsPerRead: number;
      readonly readUnitsPerSecond: number;
    }
  | {
      readonly possible: false;
      readonly obstacle: ReadObstacle;
      /** The same requirement met by a strongly consistent read of the base table. */
      readonly alternative: { readonly source: 'table'; readonly unitsPerRead: number; readonly readUnitsPerSecond: number };
    };

/** True when the source accepts ConsistentRead=true (tables and LSIs; never GSIs or streams). */
export function supportsStrongReads(source: ReadSource): boolean {
  return source === 'table' || source === 'lsi';
}

/**
 * The cheapest read mode that meets the requirement: eventual whenever staleness is tolerated
 * (half the price), strong when the latest write must show, impossible on a GSI or a stream.
 */
export function planRead(req: ReadRequirement): ReadPlan {
  if (req.freshness === 'latest' && !supportsStrongReads(req.source)) {
    const unitsPerRead = readUnitsForSize(req.itemBytes, 'strong');
    return {
      possible: false,
      obstacle: req.source === 'gsi' ? 'gsi-eventual-only' : 'stream-eventual-only',
      alternative: { source: 'table', unitsPerRead, readUnitsPerSecond: unitsPerRead * req.readsPerSecond },
    };
  }
  const mode: ReadMode = req.freshness === 'latest' ? 'strong' : 'eventual';
  const unitsPerRead = readUnitsForSize(req.itemBytes, mode);
  return {
    possible: true,
    mode,
    consistentRead: mode === 'strong',
    unitsPerRead,
    readUnitsPerSecond: unitsPerRead * req.readsPerSecond,
  };
}

/** What happens to a request with ConsistentRead=true sent to each source. */
export type StrongReadOutcome = 'latest-data' | 'validation-exception';

export function strongReadOutcome(source: ReadSource): StrongReadOutcome {
  return supportsStrongReads(source) ? 'latest-data' : 'validation-exception';
}

/**
 * Read paths of typical applications, with whether each must show the latest write. The study
 * guide's examples: feeds, CDN and dashboards tolerate staleness; payments, inventory and
 * health records do not.
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
