/**
 * How long a full-table Scan takes when it may use a given read capacity: a Scan reads every
 * item, charged by the 1 MB page (sizes summed, rounded up to 4 KB once per page), so the
 * table's total size over 4 KB, times the units per block, is what it consumes.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html
 */
import type { Calculation } from '../calculation.ts';
import { formatBytes, formatNumber } from './format.ts';
import { blocksFor, PAGE_BYTES, READ_BLOCK_BYTES, READ_UNITS_PER_BLOCK, type ReadConsistency } from './units.ts';

/** How a full Scan of `itemCount` items of `itemBytes` falls into 1 MB pages, and the 4 KB blocks they are charged. */
export interface ScanPages {
  /** Items that fit in one page (at least one: an item larger than a page is a page of its own). */
  readonly perPage: number;
  readonly fullPages: number;
  /** Items on the last, partial page (0 when the pages come out even). */
  readonly rest: number;
  readonly blocksPerFullPage: number;
  readonly restBlocks: number;
  /** Pages read, the partial one included. */
  readonly pages: number;
  readonly blocks: number;
}

/** A full Scan's pages: each page's sizes are summed and rounded up to 4 KB once. */
export function scanPages(args: { itemCount: number; itemBytes: number }): ScanPages {
  const perPage = Math.max(1, Math.floor(PAGE_BYTES / args.itemBytes));
  const fullPages = Math.floor(args.itemCount / perPage);
  const rest = args.itemCount - fullPages * perPage;
  const blocksPerFullPage = blocksFor(perPage * args.itemBytes, READ_BLOCK_BYTES);
  const restBlocks = rest > 0 ? blocksFor(rest * args.itemBytes, READ_BLOCK_BYTES) : 0;
  return { perPage, fullPages, rest, blocksPerFullPage, restBlocks, pages: fullPages + (rest > 0 ? 1 : 0), blocks: fullPages * blocksPerFullPage + restBlocks };
}

/** RCU a full Scan of itemCount items of itemBytes consumes, page by page. */
export function scanUnits(args: { itemCount: number; itemBytes: number; consistency: Exclude<ReadConsistency, 'transactional'> }): number {
  return scanPages(args).blocks * READ_UNITS_PER_BLOCK[args.consistency];
}

/** Minutes a Scan of itemCount items of itemBytes takes at `capacity` RCU per second. */
export function scanMinutes(args: {
  itemCount: number;
  itemBytes: number;
  capacity: number;
  consistency: Exclude<ReadConsistency, 'transactional'>;
}): Calculation {
  const { fullPages, rest, blocksPerFullPage, blocks } = scanPages(args);
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
