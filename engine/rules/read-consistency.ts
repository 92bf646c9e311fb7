/**
 * Rules that turn a read requirement into a read mode, its capacity cost and whether DynamoDB
 * can serve it at all. Scenario families derive their right answer from these, so a question's
 * key is computed from its parameters instead of being written per variant. (The applications
 * the questions describe, with their wording, are in content/consistency/*.md.)
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html
 */
import { readUnitsForSize } from '../capacity/units.ts';

/** Where a read is served from. Only tables and LSIs accept ConsistentRead=true. */
export const READ_SOURCES = ['table', 'lsi', 'gsi', 'stream'] as const;
export type ReadSource = (typeof READ_SOURCES)[number];

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
