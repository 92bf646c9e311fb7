/**
 * The unit rules every part of the engine shares: operations charge with them, calculators
 * explain them, the cost model prices them.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
export const READ_BLOCK_BYTES = 4096;
export const WRITE_BLOCK_BYTES = 1024;

/**
 * 1 MB: a Query or Scan call stops reading once a page has read this much (before any filter),
 * and a Scan's read units are rounded once per page.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
 */
export const PAGE_BYTES = 1024 * 1024;

/**
 * What one partition serves per second, provisioned or on-demand: past either, its key values
 * throttle while the table may have spare capacity.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html
 */
export const PARTITION_MAX_RCU = 3000;
export const PARTITION_MAX_WCU = 1000;

export type ReadConsistency = 'eventual' | 'strong' | 'transactional';

/** Units per 4 KB block: eventual half a unit, strong one, transactional two. */
export const READ_UNITS_PER_BLOCK: Readonly<Record<ReadConsistency, number>> = {
  eventual: 0.5,
  strong: 1,
  transactional: 2,
};

/** Write units per 1 KB block: one, two in a transaction (DynamoDB performs two underlying writes). */
export function writeUnitsPerBlock(transactional: boolean): number {
  return transactional ? 2 : 1;
}

/**
 * Whole blocks of `blockBytes` that `bytes` occupy: rounded up, and at least one (a missing item
 * or an empty read still costs one). Calculators explaining a mistake call it with the wrong
 * block size rather than copying the rule.
 */
export function blocksFor(bytes: number, blockBytes: number): number {
  return Math.max(1, Math.ceil(bytes / blockBytes));
}

/**
 * How a unit is counted: the block size, the units each block costs, and whether a partial block
 * rounds up to a whole one. readUnitRule and writeUnitRule are AWS's; a calculator explaining a
 * mistake passes one of them with a single field changed (a 1 KB block for a read, no rounding,
 * no doubling), so the wrong figure comes from this rule rather than a copy of it.
 */
export interface UnitRule {
  readonly blockBytes: number;
  readonly unitsPerBlock: number;
  readonly roundUp: boolean;
}

export function readUnitRule(consistency: ReadConsistency): UnitRule {
  return { blockBytes: READ_BLOCK_BYTES, unitsPerBlock: READ_UNITS_PER_BLOCK[consistency], roundUp: true };
}

export function writeUnitRule(transactional = false): UnitRule {
  return { blockBytes: WRITE_BLOCK_BYTES, unitsPerBlock: writeUnitsPerBlock(transactional), roundUp: true };
}

/** Blocks `bytes` take under a rule: whole blocks (at least one) when it rounds up, else the exact fraction. */
export function blocksUnder(bytes: number, rule: UnitRule): number {
  return rule.roundUp ? blocksFor(bytes, rule.blockBytes) : bytes / rule.blockBytes;
}

/** Units one request of `bytes` costs under a rule. */
export function unitsUnder(bytes: number, rule: UnitRule): number {
  return blocksUnder(bytes, rule) * rule.unitsPerBlock;
}

/** Read units for one read of `bytes` (a missing item or empty read still costs one block). */
export function readUnitsForSize(bytes: number, consistency: ReadConsistency): number {
  return unitsUnder(bytes, readUnitRule(consistency));
}

/** Write units for one write of `bytes` (a write of a missing item still costs one block). */
export function writeUnitsForSize(bytes: number, transactional = false): number {
  return unitsUnder(bytes, writeUnitRule(transactional));
}
