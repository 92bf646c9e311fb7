/**
 * The inverse questions: how many reads or writes per second a provisioned capacity serves for
 * items of a given size. A request that needs more units than are left is throttled, so the
 * answer rounds down to whole requests.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/provisioned-capacity-mode.html
 */
import type { Calculation } from '../calculation.ts';
import { formatNumber } from './format.ts';
import { blocksFor, READ_BLOCK_BYTES, READ_UNITS_PER_BLOCK, type ReadConsistency, WRITE_BLOCK_BYTES } from './units.ts';

/** Reads per second of `itemBytes` items that `capacity` RCU sustains. */
export function readsPerSecond(args: { capacity: number; itemBytes: number; consistency: ReadConsistency }): Calculation {
  const blocks = blocksFor(args.itemBytes, READ_BLOCK_BYTES);
  const perRead = blocks * READ_UNITS_PER_BLOCK[args.consistency];
  // perRead is a multiple of 0.5: compare in half units so the division is exact.
  const value = Math.floor((args.capacity * 2) / (perRead * 2));
  return {
    value,
    unit: 'reads/s',
    steps: [
      {
        label: 'Round the item size up to whole 4 KB (4,096 B) blocks',
        formula: `ceil(${formatNumber(args.itemBytes)} / 4,096) = ${blocks}`,
        value: `${blocks} block${blocks === 1 ? '' : 's'}`,
      },
      {
        label: `Units for one ${args.consistency === 'eventual' ? 'eventually consistent' : args.consistency === 'strong' ? 'strongly consistent' : 'transactional'} read`,
        formula: `${blocks} × ${READ_UNITS_PER_BLOCK[args.consistency]}`,
        value: `${formatNumber(perRead)} RCU`,
      },
      {
        label: 'Divide the capacity by the units per read, rounding down to whole reads',
        formula: `floor(${formatNumber(args.capacity)} / ${formatNumber(perRead)})`,
        value: `${formatNumber(value)} reads/s`,
      },
    ],
  };
}

/** Writes per second of `itemBytes` items that `capacity` WCU sustains. */
export function writesPerSecond(args: { capacity: number; itemBytes: number; transactional: boolean }): Calculation {
  const blocks = blocksFor(args.itemBytes, WRITE_BLOCK_BYTES);
  const perWrite = blocks * (args.transactional ? 2 : 1);
  const value = Math.floor(args.capacity / perWrite);
  return {
    value,
    unit: 'writes/s',
    steps: [
      {
        label: 'Round the item size up to whole 1 KB (1,024 B) blocks',
        formula: `ceil(${formatNumber(args.itemBytes)} / 1,024) = ${blocks}`,
        value: `${blocks} block${blocks === 1 ? '' : 's'}`,
      },
      {
        label: `Units for one ${args.transactional ? 'transactional' : 'standard'} write`,
        formula: `${blocks} × ${args.transactional ? 2 : 1}`,
        value: `${perWrite} WCU`,
      },
      {
        label: 'Divide the capacity by the units per write, rounding down to whole writes',
        formula: `floor(${formatNumber(args.capacity)} / ${perWrite})`,
        value: `${formatNumber(value)} writes/s`,
      },
    ],
  };
}
