/**
 * How long a full-table Scan takes when it may use a given read capacity: a Scan reads every
 * item, charged by the 1 MB page (sizes summed, rounded up to 4 KB once per page), so the
 * table's total size over 4 KB, times the units per block, is what it consumes.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html
 */
import type { Calculation } from '../calculation.ts';
import { formatBytes, formatNumber } from './format.ts';
import { READ_BLOCK_BYTES, READ_UNITS_PER_BLOCK, type ReadConsistency } from './units.ts';

const PAGE_BYTES = 1024 * 1024;

/** RCU a full Scan of itemCount items of itemBytes consumes, page by page. */
export function scanUnits(args: { itemCount: number; itemBytes: number; consistency: Exclude<ReadConsistency, 'transactional'> }): number {
  const perPage = Math.max(1, Math.floor(PAGE_BYTES / args.itemBytes));
  const fullPages = Math.floor(args.itemCount / perPage);
  const rest = args.itemCount - fullPages * perPage;
  const blocks = fullPages * Math.ceil((perPage * args.itemBytes) / READ_BLOCK_BYTES) + (rest > 0 ? Math.ceil((rest * args.itemBytes) / READ_BLOCK_BYTES) : 0);
  return blocks * READ_UNITS_PER_BLOCK[args.consistency];
}

/** Minutes a Scan of itemCount items of itemBytes takes at `capacity` RCU per second. */
export function scanMinutes(args: {
  itemCount: number;
  itemBytes: number;
  capacity: number;
  consistency: Exclude<ReadConsistency, 'transactional'>;
}): Calculation {
  const perPage = Math.max(1, Math.floor(PAGE_BYTES / args.itemBytes));
  const fullPages = Math.floor(args.itemCount / perPage);
  const rest = args.itemCount - fullPages * perPage;
  const blocksPerFullPage = Math.ceil((perPage * args.itemBytes) / READ_BLOCK_BYTES);
  const blocks = fullPages * blocksPerFullPage + (rest > 0 ? Math.ceil((rest * args.itemBytes) / READ_BLOCK_BYTES) : 0);
  const units = blocks * READ_UNITS_PER_BLOCK[args.consistency];
  const seconds = units / args.capacity;
  const value = Math.ceil(seconds / 60);
  return {
    value,
    unit: 'minutes',
    steps: [
      {
        label: 'Size of the whole table',
        formula: `${formatNumber(args.itemCount)} × ${formatBytes(args.itemBytes)}`,
        value: formatBytes(args.itemCount * args.itemBytes),
      },
      {
        label: 'Read it in 1 MB pages, each rounded up to 4 KB blocks once',
        formula: `${formatNumber(fullPages)} pages × ${formatNumber(blocksPerFullPage)} blocks${rest > 0 ? ' + the last page' : ''}`,
        value: `${formatNumber(blocks)} blocks`,
      },
      {
        label: `Units at ${READ_UNITS_PER_BLOCK[args.consistency]} RCU per block (${args.consistency === 'strong' ? 'strongly' : 'eventually'} consistent)`,
        value: `${formatNumber(units)} RCU`,
      },
      {
        label: 'Seconds at the capacity the Scan may use',
        formula: `${formatNumber(units)} / ${formatNumber(args.capacity)} RCU per second`,
        value: `${formatNumber(seconds)} s`,
      },
      { label: 'In minutes, rounded up', formula: `ceil(${formatNumber(seconds)} / 60)`, value: `${formatNumber(value)} minutes` },
    ],
  };
}
