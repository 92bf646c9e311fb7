/**
 * What a table workload needs in capacity units per second: reads and writes per second, the
 * item sizes, the consistency, the share of transactional requests, and the writes each GSI
 * adds. The unit rules are the engine's (engine/capacity/units.ts), so the cost model charges
 * exactly what the operations would consume.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
import type { Step } from '../calculation.ts';
import { blocksFor, READ_BLOCK_BYTES, readUnitsForSize, WRITE_BLOCK_BYTES, writeUnitsForSize } from '../capacity/units.ts';
import type { Region, TableClass } from './prices.ts';
import { Decimal, formatQuantity } from './money.ts';

export type CostReadConsistency = 'eventual' | 'strong';

export interface TableWorkload {
  readonly readsPerSecond: number;
  readonly writesPerSecond: number;
  /** Bytes read per read request (one item, or a Query page's total). */
  readonly readItemBytes: number;
  readonly writeItemBytes: number;
  readonly readConsistency: CostReadConsistency;
  /** 0..1: the share of reads made inside TransactGetItems. */
  readonly transactionalReadShare: number;
  /** 0..1: the share of writes made inside TransactWriteItems. */
  readonly transactionalWriteShare: number;
  /** Global secondary indexes every write lands in (each adds its own writes). */
  readonly gsiCount: number;
  /** Size of one index entry; defaults to the item size (an ALL projection). */
  readonly gsiEntryBytes?: number;
  /** Items stored, and their average size (without the 100 B storage overhead). */
  readonly storedItems: number;
  readonly storedItemBytes: number;
  readonly tableClass: TableClass;
  readonly freeTier: boolean;
  /** Auto scaling target, 0.2..0.9 (the console's default is 0.7). */
  readonly targetUtilisation: number;
  readonly region?: Region;
  /** Other Regions of a global table: each receives every table write as a replicated write. */
  readonly replicaRegions?: number;
  /** Continuous backups (PITR), billed on the table's stored size. */
  readonly pointInTimeRecovery?: boolean;
}

export const DEFAULT_TARGET_UTILISATION = 0.7;

/** A workload with every field set to the calculator page's defaults. */
export const DEFAULT_WORKLOAD: TableWorkload = {
  readsPerSecond: 100,
  writesPerSecond: 20,
  readItemBytes: 4096,
  writeItemBytes: 1024,
  readConsistency: 'eventual',
  transactionalReadShare: 0,
  transactionalWriteShare: 0,
  gsiCount: 1,
  storedItems: 1_000_000,
  storedItemBytes: 1024,
  tableClass: 'standard',
  freeTier: false,
  targetUtilisation: DEFAULT_TARGET_UTILISATION,
  region: 'us-east-1',
};

export interface CapacityNeed {
  /** Read units per read, and per transactional read. */
  readonly unitsPerRead: number;
  readonly unitsPerTransactionalRead: number;
  readonly unitsPerWrite: number;
  readonly unitsPerTransactionalWrite: number;
  readonly unitsPerGsiWrite: number;
  /** Consumed units per second, on average. */
  readonly readUnitsPerSecond: Decimal;
  readonly tableWriteUnitsPerSecond: Decimal;
  /** Per GSI (each GSI has the same load under our assumption). */
  readonly gsiWriteUnitsPerSecond: Decimal;
  readonly totalWriteUnitsPerSecond: Decimal;
  readonly steps: readonly Step[];
}

function mixUnits(rate: number, share: number, plain: number, transactional: number): Decimal {
  const s = new Decimal(share);
  return new Decimal(rate).times(new Decimal(1).minus(s).times(plain).plus(s.times(transactional)));
}

/** The period the workload's rates are counted in; only the working's wording depends on it. */
export type RatePeriod = 'second' | 'day' | 'month';

const RATE_SUFFIX: Readonly<Record<RatePeriod, string>> = { second: '/s', day: ' a day', month: ' a month' };

/**
 * Consumed read and write units per second for a workload, with the working. Callers that hold
 * counts per day or per month pass `per` so the working does not call a daily count a rate per second.
 */
export function calculateCapacityNeed(w: TableWorkload, per: RatePeriod = 'second'): CapacityNeed {
  const r = RATE_SUFFIX[per];
  const unitsPerRead = readUnitsForSize(w.readItemBytes, w.readConsistency);
  const unitsPerTransactionalRead = readUnitsForSize(w.readItemBytes, 'transactional');
  const unitsPerWrite = writeUnitsForSize(w.writeItemBytes);
  const unitsPerTransactionalWrite = writeUnitsForSize(w.writeItemBytes, true);
  const gsiBytes = w.gsiEntryBytes ?? w.writeItemBytes;
  const unitsPerGsiWrite = writeUnitsForSize(gsiBytes);

  const readUnitsPerSecond = mixUnits(w.readsPerSecond, w.transactionalReadShare, unitsPerRead, unitsPerTransactionalRead);
  const tableWriteUnitsPerSecond = mixUnits(w.writesPerSecond, w.transactionalWriteShare, unitsPerWrite, unitsPerTransactionalWrite);
  const gsiWriteUnitsPerSecond = new Decimal(w.writesPerSecond).times(unitsPerGsiWrite);
  const totalWriteUnitsPerSecond = tableWriteUnitsPerSecond.plus(gsiWriteUnitsPerSecond.times(w.gsiCount));

  const readBlocks = blocksFor(w.readItemBytes, READ_BLOCK_BYTES);
  const writeBlocks = blocksFor(w.writeItemBytes, WRITE_BLOCK_BYTES);
  const steps: Step[] = [
    {
      label: `Read units per ${w.readConsistency === 'eventual' ? 'eventually' : 'strongly'} consistent read`,
      formula: `ceil(${formatQuantity(w.readItemBytes)} B / 4,096 B) = ${readBlocks} × ${w.readConsistency === 'eventual' ? '0.5' : '1'}`,
      value: `${unitsPerRead} RCU`,
    },
    {
      label: 'Write units per write',
      formula: `ceil(${formatQuantity(w.writeItemBytes)} B / 1,024 B) = ${writeBlocks}`,
      value: `${unitsPerWrite} WCU`,
    },
  ];
  if (w.transactionalReadShare > 0 || w.transactionalWriteShare > 0) {
    steps.push({
      label: 'Transactional requests cost twice a strong read or a standard write',
      formula: `reads: ${readBlocks} × 2; writes: ${writeBlocks} × 2`,
      value: `${unitsPerTransactionalRead} RCU, ${unitsPerTransactionalWrite} WCU`,
    });
  }
  steps.push({
    label: per === 'second' ? 'Read units per second' : `Read units ${r.trim()}`,
    formula:
      w.transactionalReadShare > 0
        ? `${formatQuantity(w.readsPerSecond)}${r} × ((1 − ${w.transactionalReadShare}) × ${unitsPerRead} + ${w.transactionalReadShare} × ${unitsPerTransactionalRead})`
        : `${formatQuantity(w.readsPerSecond)}${r} × ${unitsPerRead}`,
    value: `${formatQuantity(readUnitsPerSecond)} RCU${r}`,
  });
  steps.push({
    label: per === 'second' ? 'Table write units per second' : `Table write units ${r.trim()}`,
    formula:
      w.transactionalWriteShare > 0
        ? `${formatQuantity(w.writesPerSecond)}${r} × ((1 − ${w.transactionalWriteShare}) × ${unitsPerWrite} + ${w.transactionalWriteShare} × ${unitsPerTransactionalWrite})`
        : `${formatQuantity(w.writesPerSecond)}${r} × ${unitsPerWrite}`,
    value: `${formatQuantity(tableWriteUnitsPerSecond)} WCU${r}`,
  });
  if (w.gsiCount > 0) {
    steps.push({
      label: `Each of the ${w.gsiCount} GSI(s) receives every write, sized by its entry (${formatQuantity(gsiBytes)} B)`,
      formula: `${w.gsiCount} × ${formatQuantity(w.writesPerSecond)}${r} × ${unitsPerGsiWrite}`,
      value: `${formatQuantity(gsiWriteUnitsPerSecond.times(w.gsiCount))} WCU${r}`,
    });
  }
  steps.push({
    label: `All write units ${per === 'second' ? 'per second' : r.trim()} (table + GSIs)`,
    value: `${formatQuantity(totalWriteUnitsPerSecond)} WCU${r}`,
  });
  return {
    unitsPerRead,
    unitsPerTransactionalRead,
    unitsPerWrite,
    unitsPerTransactionalWrite,
    unitsPerGsiWrite,
    readUnitsPerSecond,
    tableWriteUnitsPerSecond,
    gsiWriteUnitsPerSecond,
    totalWriteUnitsPerSecond,
    steps,
  };
}
