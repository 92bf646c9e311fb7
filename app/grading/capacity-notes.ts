/**
 * The capacity rules a learner is told when a request costs more than it needs: the grader's
 * capacity check (request.ts) and the playground's answer (app/routes/playground/capacity.ts)
 * say them in the same words, so the sentences live here once. Each is one rule; a caller adds
 * only its own context (this task does not need it; the units per block).
 */
import { READ_UNITS_PER_BLOCK } from '../../engine/index.ts';

/** A filter is applied after the read, so it never lowers the units charged. */
export const FILTER_DOES_NOT_LOWER_THE_BILL =
  'A FilterExpression does not lower the bill: items are charged as they are read, before the filter drops them; narrow the read with the key condition (or an index) instead.';

/** A strongly consistent read costs twice an eventually consistent one. */
export const CONSISTENT_READ_DOUBLES = "ConsistentRead: true doubles a read's units";

/** The doubling with the figures it comes from. */
export const CONSISTENT_READ_DOUBLES_PER_BLOCK = `${CONSISTENT_READ_DOUBLES} (${READ_UNITS_PER_BLOCK.strong} RCU per 4 KB block instead of ${READ_UNITS_PER_BLOCK.eventual}).`;

/** The grader's hint when the reference reads eventually consistently. */
export const CONSISTENT_READ_NOT_NEEDED = `${CONSISTENT_READ_DOUBLES}, and this task does not need it.`;
