import { describe, expect, it } from 'vitest';
import {
  blocksFor,
  blocksUnder,
  READ_BLOCK_BYTES,
  readUnitRule,
  readUnitsForSize,
  unitsUnder,
  WRITE_BLOCK_BYTES,
  writeUnitRule,
  writeUnitsForSize,
  writeUnitsPerBlock,
} from '../../../engine/capacity/units.ts';

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

describe('UnitRule with one field changed (how calculators compute a mistake)', () => {
  it.each([
    ['AWS’s strong read', readUnitRule('strong'), 9000, 3],
    ['a read not rounded up', { ...readUnitRule('strong'), roundUp: false }, 9000, 9000 / 4096],
    ['a read in 1 KB blocks', { ...readUnitRule('strong'), blockBytes: WRITE_BLOCK_BYTES }, 9000, 9],
    ['a transactional read not doubled', { ...readUnitRule('transactional'), unitsPerBlock: 1 }, 9000, 3],
    ['AWS’s transactional write', writeUnitRule(true), 1025, 4],
    ['a write in 4 KB blocks', { ...writeUnitRule(), blockBytes: READ_BLOCK_BYTES }, 1025, 1],
    ['an empty read, not rounded up', { ...readUnitRule('eventual'), roundUp: false }, 0, 0],
  ] as const)('%s: %i bytes → %d units', (_what, rule, bytes, units) => {
    expect(unitsUnder(bytes, rule)).toBeCloseTo(units, 12);
  });

  it('is the rule readUnitsForSize and writeUnitsForSize apply', () => {
    for (const bytes of [0, 1, 4096, 4097, 12_345]) {
      expect(unitsUnder(bytes, readUnitRule('eventual'))).toBe(readUnitsForSize(bytes, 'eventual'));
      expect(blocksUnder(bytes, writeUnitRule())).toBe(blocksFor(bytes, WRITE_BLOCK_BYTES));
      expect(unitsUnder(bytes, writeUnitRule(true))).toBe(writeUnitsForSize(bytes, true));
    }
  });
});
