import { describe, expect, it } from 'vitest';
import { blocksFor, READ_BLOCK_BYTES, readUnitsForSize, WRITE_BLOCK_BYTES, writeUnitsForSize, writeUnitsPerBlock } from '../../../engine/capacity/units.ts';

// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
describe('blocksFor', () => {
  it.each([
    [0, READ_BLOCK_BYTES, 1],
    [1, READ_BLOCK_BYTES, 1],
    [4096, READ_BLOCK_BYTES, 1],
    [4097, READ_BLOCK_BYTES, 2],
    [1024, WRITE_BLOCK_BYTES, 1],
    [1025, WRITE_BLOCK_BYTES, 2],
    [3500, WRITE_BLOCK_BYTES, 4],
  ])('%i bytes in %i-byte blocks → %i', (bytes, block, blocks) => {
    expect(blocksFor(bytes, block)).toBe(blocks);
  });
});

describe('unit rules', () => {
  it.each([
    [3500, 'eventual', 0.5],
    [3500, 'strong', 1],
    [9000, 'strong', 3],
    [9000, 'transactional', 6],
  ] as const)('a %i-byte %s read costs %d RCU', (bytes, consistency, units) => {
    expect(readUnitsForSize(bytes, consistency)).toBe(units);
  });

  it.each([
    [3500, false, 4],
    [3500, true, 8],
    [0, false, 1],
  ] as const)('a %i-byte write (transactional: %s) costs %i WCU', (bytes, transactional, units) => {
    expect(writeUnitsForSize(bytes, transactional)).toBe(units);
    expect(units).toBe(blocksFor(bytes, WRITE_BLOCK_BYTES) * writeUnitsPerBlock(transactional));
  });
});
