/**
 * Write capacity: one item (1 KB blocks), BatchWriteItem (each request rounded), and
 * TransactWriteItems (two units per 1 KB), and the WCU to provision for a steady write rate.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
import type { Calculation, Step } from '../calculation.ts';
import { ceilDiv, formatBytes, formatNumber } from './format.ts';
import { type Period, rateStep, SECONDS_PER } from './rate.ts';
import { blocksFor, WRITE_BLOCK_BYTES } from './units.ts';

function blockStep(bytes: number, what = 'the item size'): Step {
  const blocks = blocksFor(bytes, WRITE_BLOCK_BYTES);
  return {
    label: `Round ${what} up to whole 1 KB (1,024 B) blocks`,
    formula: `ceil(${formatNumber(bytes)} / 1,024)${bytes === 0 ? ', at least 1' : ''} = ${blocks}`,
    value: `${blocks} block${blocks === 1 ? '' : 's'}`,
  };
}

function perBlockStep(transactional: boolean): Step {
  return transactional
    ? { label: 'Units per 1 KB block for a transactional write (prepare + commit)', value: '2 WCU' }
    : { label: 'Units per 1 KB block for a standard write', value: '1 WCU' };
}

/** WCU consumed by one write of an item of `itemBytes`. */
export function itemWriteUnits(args: { itemBytes: number; transactional: boolean }): Calculation {
  const blocks = blocksFor(args.itemBytes, WRITE_BLOCK_BYTES);
  const perBlock = args.transactional ? 2 : 1;
  const value = blocks * perBlock;
  return {
    value,
    unit: 'WCU',
    steps: [
      blockStep(args.itemBytes),
      perBlockStep(args.transactional),
      { label: 'Multiply blocks by units per block', formula: `${blocks} × ${perBlock}`, value: `${value} WCU` },
    ],
  };
}

function perItemWriteUnits(itemSizes: readonly number[], transactional: boolean): Calculation {
  const perBlock = transactional ? 2 : 1;
  const steps: Step[] = itemSizes.map((bytes, i) => {
    const blocks = blocksFor(bytes, WRITE_BLOCK_BYTES);
    return {
      label: `Item ${i + 1}: round ${formatBytes(bytes)} up to 1 KB blocks`,
      formula: `ceil(${formatNumber(bytes)} / 1,024) = ${blocks}`,
      value: `${blocks} block${blocks === 1 ? '' : 's'}`,
    };
  });
  const blocks = itemSizes.reduce((sum, bytes) => sum + blocksFor(bytes, WRITE_BLOCK_BYTES), 0);
  const value = blocks * perBlock;
  steps.push(
    { label: 'Add the blocks of every item', formula: itemSizes.map((b) => blocksFor(b, WRITE_BLOCK_BYTES)).join(' + '), value: `${blocks} blocks` },
    perBlockStep(transactional),
    { label: 'Multiply blocks by units per block', formula: `${blocks} × ${perBlock}`, value: `${value} WCU` },
  );
  return { value, unit: 'WCU', steps };
}

/**
 * WCU consumed by an UpdateItem: the larger of the item's size before and after the update,
 * however little of it changed.
 */
export function updateItemWriteUnits(args: {
  beforeBytes: number;
  afterBytes: number;
  transactional: boolean;
  /** Bytes of the attributes the update touched: shown in the working, never changes the charge. */
  changedBytes?: number | undefined;
}): Calculation {
  const larger = Math.max(args.beforeBytes, args.afterBytes);
  const units = itemWriteUnits({ itemBytes: larger, transactional: args.transactional });
  return {
    value: units.value,
    unit: 'WCU',
    steps: [
      ...(args.changedBytes === undefined ? [] : [{ label: 'Bytes the update changed (not what is charged)', value: formatBytes(args.changedBytes) }]),
      {
        label: 'An update is charged for the larger of the item before and after it, not for the attributes changed',
        formula: `max(${formatNumber(args.beforeBytes)}, ${formatNumber(args.afterBytes)})`,
        value: formatBytes(larger),
      },
      ...units.steps,
    ],
  };
}

/** WCU consumed by a BatchWriteItem: each put or delete rounded up to 1 KB on its own. */
export function batchWriteUnits(args: { itemSizes: readonly number[] }): Calculation {
  return perItemWriteUnits(args.itemSizes, false);
}

/** WCU consumed by a TransactWriteItems: 2 WCU per 1 KB block of each item. */
export function transactWriteUnits(args: { itemSizes: readonly number[] }): Calculation {
  return perItemWriteUnits(args.itemSizes, true);
}

/** WCU to provision for `count` writes per `per` of items of `itemBytes`, rounded up at the end. */
export function provisionedWriteUnits(args: {
  itemBytes: number;
  count: number;
  per: Period;
  transactional: boolean;
  /** The whole day's writes, when `count` is a peak period's share: shown, never used. */
  dayCount?: number | undefined;
}): Calculation {
  const seconds = SECONDS_PER[args.per];
  const blocks = blocksFor(args.itemBytes, WRITE_BLOCK_BYTES);
  const perWrite = blocks * (args.transactional ? 2 : 1);
  const value = ceilDiv(args.count * perWrite, seconds);
  const rate = args.count / seconds;
  const steps: Step[] = [];
  if (args.dayCount !== undefined) {
    steps.push({
      label: 'Provision for the busiest period, not the daily average',
      value: `${formatNumber(args.count)} of the day's ${formatNumber(args.dayCount)} writes arrive in one ${args.per}`,
    });
  }
  const convert = rateStep(args.count, args.per, 'writes');
  if (convert) steps.push(convert);
  steps.push(
    blockStep(args.itemBytes),
    perBlockStep(args.transactional),
    { label: 'Units for one write', formula: `${blocks} × ${args.transactional ? 2 : 1}`, value: `${perWrite} WCU` },
    {
      label: 'Units per second for all writes, rounded up to whole units',
      formula: `ceil(${formatNumber(rate)} × ${perWrite})`,
      value: `${formatNumber(value)} WCU`,
    },
  );
  return { value, unit: 'WCU', steps };
}
