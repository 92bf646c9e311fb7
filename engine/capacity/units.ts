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

/** Read units for one read of `bytes` (a missing item or empty read still costs one block). */
export function readUnitsForSize(bytes: number, consistency: ReadConsistency): number {
  const blocks = Math.max(1, Math.ceil(bytes / READ_BLOCK_BYTES));
  return blocks * READ_UNITS_PER_BLOCK[consistency];
}

/** Write units for one write of `bytes` (a write of a missing item still costs one block). */
export function writeUnitsForSize(bytes: number, transactional = false): number {
  const blocks = Math.max(1, Math.ceil(bytes / WRITE_BLOCK_BYTES));
  return blocks * (transactional ? 2 : 1);
}
