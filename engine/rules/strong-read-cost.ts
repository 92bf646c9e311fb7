/**
 * What moving reads from eventually to strongly consistent does to the read units they need: it
 * doubles them (1 RCU per 4 KB block instead of 0.5), whatever the item size. With the figures of
 * two wrong methods, each the rule with one step changed: halving instead of doubling, and 1 KB
 * blocks (the write rule) instead of 4 KB.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
import { readUnitsForSize, writeUnitsForSize } from '../capacity/units.ts';
import { readCount, type Rule } from './rule-kit.ts';

export interface StrongReadCost {
  readonly eventual: number;
  readonly strong: number;
  /** Halving the eventual figure instead of doubling it. */
  readonly halved: number;
  /** 1 KB blocks at 1 RCU each; 4 × strong where that would equal the strong figure (items of 1 KB or less), so it stays a different figure. */
  readonly kilobyteBlocks: number;
}

/** RCU for `readsPerSecond` reads of `itemBytes`, eventually and strongly consistent, and the two wrong figures. */
export function costStrongReads(itemBytes: number, readsPerSecond: number): StrongReadCost {
  const eventual = readUnitsForSize(itemBytes, 'eventual') * readsPerSecond;
  const strong = readUnitsForSize(itemBytes, 'strong') * readsPerSecond;
  const halved = eventual / 2;
  const kb = writeUnitsForSize(itemBytes) * readsPerSecond;
  return { eventual, strong, halved, kilobyteBlocks: new Set([eventual, strong, halved, kb]).size === 4 ? kb : strong * 4 };
}

export const strongReadCostRule: Rule = {
  name: 'strongReadCost',
  description:
    'What switching `reads` per second of `bytes` from eventual to strong reads does to the RCU (best: double), with eventual_rcu, strong_rcu and two wrong figures: half_rcu (halved) and kb_rcu (1 KB blocks)',
  inputs: [
    { name: 'bytes', kind: 'number', min: 1 },
    { name: 'reads', kind: 'number', min: 1 },
  ],
  outputs: ['best', 'eventual_rcu', 'strong_rcu', 'half_rcu', 'kb_rcu'],
  apply(inputs) {
    const cost = costStrongReads(readCount('strongReadCost', inputs, 'bytes', 1), readCount('strongReadCost', inputs, 'reads', 1));
    return { best: 'double', eventual_rcu: cost.eventual, strong_rcu: cost.strong, half_rcu: cost.halved, kb_rcu: cost.kilobyteBlocks };
  },
};
