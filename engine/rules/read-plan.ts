/**
 * The cheapest way to read a set of items: the units each read plan consumes, by the capacity
 * rules (Query sums then rounds once; BatchGetItem and GetItem round each item; transactions
 * and strong reads cost more per block).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
import { scanUnits } from '../capacity/scan-time.ts';
import { readUnitsForSize } from '../capacity/units.ts';

export type ReadPlanChoice = 'query' | 'batch' | 'get-strong' | 'transact' | 'scan';

export interface ReadPlanSituation {
  /** Items the application needs, all in one item collection. */
  readonly wanted: number;
  /** Items in that item collection: a Query on the partition key reads all of them. */
  readonly collection: number;
  /** Items in the whole table: a Scan reads all of them. */
  readonly table: number;
  readonly itemBytes: number;
}

/** RCU of each plan, all eventually consistent except where the plan says otherwise. */
export function costReadPlans(s: ReadPlanSituation): Record<ReadPlanChoice, number> {
  // The same rules as the calculators in engine/capacity, without building their working:
  // the deriver costs many candidate situations per variant.
  const perItem = (consistency: 'eventual' | 'strong' | 'transactional'): number => s.wanted * readUnitsForSize(s.itemBytes, consistency);
  const summed = (items: number): number => readUnitsForSize(items * s.itemBytes, 'eventual');
  return {
    query: summed(s.collection),
    batch: perItem('eventual'),
    'get-strong': perItem('strong'),
    transact: perItem('transactional'),
    // A Scan of more than 1 MB spans several pages, each rounded on its own.
    scan: scanUnits({ itemCount: s.table, itemBytes: s.itemBytes, consistency: 'eventual' }),
  };
}

/** The plan with the fewest units, or undefined when two plans tie for cheapest. */
export function cheapestReadPlan(s: ReadPlanSituation): ReadPlanChoice | undefined {
  const costs = Object.entries(costReadPlans(s)) as [ReadPlanChoice, number][];
  const min = Math.min(...costs.map(([, c]) => c));
  const cheapest = costs.filter(([, c]) => c === min);
  return cheapest.length === 1 ? cheapest[0]![0] : undefined;
}
