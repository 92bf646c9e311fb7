/**
 * Which read a requirement calls for. DynamoDB reads are eventually consistent unless
 * ConsistentRead is true; strong reads cost twice as much and are possible on tables and LSIs
 * only; TransactGetItems reads several items as one consistent snapshot at twice the cost of a
 * strong read. https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html
 */
export type ReadNeed = 'latest' | 'stale-ok' | 'snapshot';
export type ReadSource = 'table' | 'gsi';
export type ReadChoice = 'eventual' | 'strong' | 'base-strong' | 'transact';

export interface ReadDecision {
  readonly best: ReadChoice;
  /** One sentence: why that read and no other. */
  readonly reason: string;
}

export function chooseRead(need: ReadNeed, source: ReadSource): ReadDecision {
  if (need === 'snapshot') {
    return {
      best: 'transact',
      reason:
        'The items must be read together as of one moment, which only TransactGetItems guarantees (at 2 RCU per 4 KB per item).',
    };
  }
  if (need === 'stale-ok') {
    return {
      best: 'eventual',
      reason: 'Data a second or two old is acceptable, so the default eventually consistent read is enough at half the cost of a strong one.',
    };
  }
  if (source === 'gsi') {
    return {
      best: 'base-strong',
      reason:
        'The read must see the latest write, and a global secondary index only serves eventually consistent reads, so read the base table by its key with ConsistentRead.',
    };
  }
  return {
    best: 'strong',
    reason: 'The read must see the latest acknowledged write, which takes a strongly consistent read (ConsistentRead = true), at twice the cost.',
  };
}
