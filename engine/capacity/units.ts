/**
 * The unit rules every part of the engine shares: operations charge with them, calculators
 * explain them, the cost model prices them.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
export const READ_BLOCK_BYTES = 4096;
export const WRITE_BLOCK_BYTES = 1024;

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

/** Read units for one read of `bytes` (a missing item or empty read still costs one block). */
export function readUnitsForSize(bytes: number, consistency: ReadConsistency): number {
  return blocksFor(bytes, READ_BLOCK_BYTES) * READ_UNITS_PER_BLOCK[consistency];
}

/** Write units for one write of `bytes` (a write of a missing item still costs one block). */
export function writeUnitsForSize(bytes: number, transactional = false): number {
  return blocksFor(bytes, WRITE_BLOCK_BYTES) * writeUnitsPerBlock(transactional);
}
