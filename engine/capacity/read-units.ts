/**
 * Read capacity: one item, a Query or Scan page (sizes summed, then rounded once), a
 * BatchGetItem (each item rounded), TransactGetItems (two units per 4 KB), and the RCU to
 * provision for a steady read rate.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
import type { Calculation, Step } from '../calculation.ts';
import { ceilDiv, formatBytes, formatNumber } from './format.ts';
import { type Period, rateStep, SECONDS_PER } from './rate.ts';
import { blocksFor, PAGE_BYTES, READ_BLOCK_BYTES, READ_UNITS_PER_BLOCK, type ReadConsistency } from './units.ts';

const CONSISTENCY_WORDS: Readonly<Record<ReadConsistency, string>> = {
  eventual: 'an eventually consistent read',
  strong: 'a strongly consistent read',
  transactional: 'a transactional read',
};

function blockStep(bytes: number, what = 'the item size'): Step {
  const blocks = blocksFor(bytes, READ_BLOCK_BYTES);
  return {
    label: `Round ${what} up to whole 4 KB (4,096 B) blocks`,
    formula: `ceil(${formatNumber(bytes)} / 4,096)${bytes === 0 ? ', at least 1' : ''} = ${blocks}`,
    value: `${blocks} block${blocks === 1 ? '' : 's'}`,
  };
}

function perBlockStep(consistency: ReadConsistency): Step {
  return {
    label: `Units per 4 KB block for ${CONSISTENCY_WORDS[consistency]}`,
    value: `${READ_UNITS_PER_BLOCK[consistency]} RCU`,
  };
}

/** RCU consumed by one read of one item of `itemBytes`. */
export function itemReadUnits(args: { itemBytes: number; consistency: ReadConsistency }): Calculation {
  const blocks = blocksFor(args.itemBytes, READ_BLOCK_BYTES);
  const perBlock = READ_UNITS_PER_BLOCK[args.consistency];
  const value = blocks * perBlock;
  return {
    value,
    unit: 'RCU',
    steps: [
      blockStep(args.itemBytes),
      perBlockStep(args.consistency),
      { label: 'Multiply blocks by units per block', formula: `${blocks} × ${perBlock}`, value: `${formatNumber(value)} RCU` },
    ],
  };
}

/**
 * RCU consumed by one Query or Scan call that reads `itemCount` items of `itemBytes` each: the
 * sizes of all items read (not only those a filter returns) are added, then rounded up once.
 */
export function queryReadUnits(args: {
  itemCount: number;
  itemBytes: number;
  consistency: ReadConsistency;
  /** Items a FilterExpression lets through: shown in the working, never changes the charge. */
  itemsReturned?: number | undefined;
}): Calculation {
  const total = args.itemCount * args.itemBytes;
  if (total > PAGE_BYTES) {
    throw new RangeError(`${formatBytes(total)} is more than one 1 MB page; a single call reads at most 1,048,576 B`);
  }
  const blocks = blocksFor(total, READ_BLOCK_BYTES);
  const perBlock = READ_UNITS_PER_BLOCK[args.consistency];
  const value = blocks * perBlock;
  return {
    value,
    unit: 'RCU',
    steps: [
      ...(args.itemsReturned === undefined
        ? []
        : [
            {
              label: 'The filter runs after the read, so every item read is charged',
              value: `${formatNumber(args.itemCount)} items read, ${formatNumber(args.itemsReturned)} returned`,
            },
          ]),
      {
        label: 'Add up the sizes of every item read (before any filter)',
        formula: `${formatNumber(args.itemCount)} × ${formatBytes(args.itemBytes)}`,
        value: formatBytes(total),
      },
      blockStep(total, 'the total'),
      perBlockStep(args.consistency),
      { label: 'Multiply blocks by units per block', formula: `${blocks} × ${perBlock}`, value: `${formatNumber(value)} RCU` },
    ],
  };
}

/** RCU consumed by a BatchGetItem: each item is rounded up to 4 KB on its own, then added. */
export function batchGetReadUnits(args: { itemSizes: readonly number[]; consistency: ReadConsistency }): Calculation {
  const perBlock = READ_UNITS_PER_BLOCK[args.consistency];
  const steps: Step[] = args.itemSizes.map((bytes, i) => {
    const blocks = blocksFor(bytes, READ_BLOCK_BYTES);
    return {
      label: `Item ${i + 1}: round ${formatBytes(bytes)} up to 4 KB blocks`,
      formula: `ceil(${formatNumber(bytes)} / 4,096) = ${blocks}`,
      value: `${blocks} block${blocks === 1 ? '' : 's'}`,
    };
  });
  const blocks = args.itemSizes.reduce((sum, bytes) => sum + blocksFor(bytes, READ_BLOCK_BYTES), 0);
  const value = blocks * perBlock;
  steps.push(
    { label: 'Add the blocks of every item', formula: args.itemSizes.map((b) => blocksFor(b, READ_BLOCK_BYTES)).join(' + '), value: `${blocks} blocks` },
    perBlockStep(args.consistency),
    { label: 'Multiply blocks by units per block', formula: `${blocks} × ${perBlock}`, value: `${formatNumber(value)} RCU` },
  );
  return { value, unit: 'RCU', steps };
}

/** RCU consumed by a TransactGetItems: 2 RCU per 4 KB block of each item. */
export function transactGetReadUnits(args: { itemSizes: readonly number[] }): Calculation {
  const result = batchGetReadUnits({ itemSizes: args.itemSizes, consistency: 'transactional' });
  return result;
}

/**
 * RCU to provision for `count` reads per `per` of items of `itemBytes`: convert to reads per
 * second, multiply by the units one read costs, round up to whole units at the end.
 */
export function provisionedReadUnits(args: { itemBytes: number; count: number; per: Period; consistency: ReadConsistency }): Calculation {
  const seconds = SECONDS_PER[args.per];
  const blocks = blocksFor(args.itemBytes, READ_BLOCK_BYTES);
  const perBlock = READ_UNITS_PER_BLOCK[args.consistency];
  const perRead = blocks * perBlock;
  // perRead is a multiple of 0.5, so count × 2 × perRead is an integer and the ceiling is exact.
  const value = ceilDiv(args.count * perRead * 2, seconds * 2);
  const rate = args.count / seconds;
  const steps: Step[] = [];
  const convert = rateStep(args.count, args.per, 'reads');
  if (convert) steps.push(convert);
  steps.push(
    blockStep(args.itemBytes),
    perBlockStep(args.consistency),
    { label: 'Units for one read', formula: `${blocks} × ${perBlock}`, value: `${formatNumber(perRead)} RCU` },
    {
      label: 'Units per second for all reads, rounded up to whole units',
      formula: `ceil(${formatNumber(rate)} × ${formatNumber(perRead)})`,
      value: `${formatNumber(value)} RCU`,
    },
  );
  return { value, unit: 'RCU', steps };
}
