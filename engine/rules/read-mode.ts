/**
 * Which read a requirement calls for. DynamoDB reads are eventually consistent unless
 * ConsistentRead is true; strong reads cost twice as much and are possible on tables and LSIs
 * only; TransactGetItems reads several items as one consistent snapshot at twice the cost of a
 * strong read. https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html
 */
import { supportsStrongReads, type ReadSource } from './read-consistency.ts';

export const READ_NEEDS = ['latest', 'stale-ok', 'snapshot'] as const;
export type ReadNeed = (typeof READ_NEEDS)[number];
export type ReadChoice = 'eventual' | 'strong' | 'base-strong' | 'transact';

/** A snapshot needs a transaction; staleness allowed, the cheap eventual read; else strong, from the base table where the source cannot. */
export function chooseRead(need: ReadNeed, source: ReadSource): ReadChoice {
  if (need === 'snapshot') return 'transact';
  if (need === 'stale-ok') return 'eventual';
  return supportsStrongReads(source) ? 'strong' : 'base-strong';
}
