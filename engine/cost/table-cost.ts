/**
 * Monthly cost of a DynamoDB table in on-demand and in provisioned mode: request or capacity
 * charges, the writes each GSI adds, storage with its 100 B per-item overhead, and the
 * always-free allowances. Rates are averages held for the whole 730-hour month.
 * https://aws.amazon.com/dynamodb/pricing/on-demand/ , https://aws.amazon.com/dynamodb/pricing/provisioned/
 */
import type { Calculation, Step } from '../calculation.ts';
import { buildBill, USD_PER_MONTH, type Bill, type LineItem } from './line-item.ts';
import { Decimal, type DecimalValue, formatPercent, formatQuantity, formatUsd, roundToCents } from './money.ts';
import {
  BYTES_PER_GB,
  HOURS_PER_MONTH,
  SECONDS_PER_HOUR,
  STORAGE_OVERHEAD_BYTES_PER_ITEM,
  selectRegionPrices,
  type Region,
  type RegionPrices,
  type TableClass,
} from './prices.ts';
import { calculateCapacityNeed, type CapacityNeed, type TableWorkload } from './workload.ts';

const MILLION = 1_000_000;

/** The smallest capacity a provisioned table or GSI can have. */
export const MIN_PROVISIONED_UNITS = 1;

// ---------------------------------------------------------------- storage

export interface StorageInput {
  readonly items: number;
  /** Average item size in bytes, without the storage overhead. */
  readonly itemBytes: number;
  readonly tableClass: TableClass;
  readonly freeTier: boolean;
  /** GSIs holding a copy of every item (ALL projection): each stores item + 100 B again. */
  readonly gsiCount?: number;
  readonly gsiEntryBytes?: number;
  readonly region?: Region;
  /** Overhead billed per stored item (100 B); a calculator explaining a mistake changes it. */
  readonly overheadBytes?: number;
  /** Bytes in a billed gigabyte (2^30); likewise. */
  readonly bytesPerGb?: number;
}

/** Stored gigabytes: items × (size + 100 B), over 2^30 bytes. */
export function calculateStorageGb(items: number, itemBytes: number, overheadBytes = STORAGE_OVERHEAD_BYTES_PER_ITEM, bytesPerGb = BYTES_PER_GB): Decimal {
  return new Decimal(items).times(itemBytes + overheadBytes).div(bytesPerGb);
}

/** The storage lines of a bill (table, GSIs, free tier). */
export function buildStorageLines(s: StorageInput): LineItem[] {
  const prices = selectRegionPrices(s.region);
  const price = prices.tableClass[s.tableClass].storageGbMonth;
  const overhead = s.overheadBytes ?? STORAGE_OVERHEAD_BYTES_PER_ITEM;
  const perGb = s.bytesPerGb ?? BYTES_PER_GB;
  const gbWords = perGb === BYTES_PER_GB ? '2^30' : formatQuantity(perGb);
  const tableGb = calculateStorageGb(s.items, s.itemBytes, overhead, perGb);
  const lines: LineItem[] = [
    {
      id: 'storage',
      label: 'Table storage',
      quantity: `${formatQuantity(s.items)} items × (${formatQuantity(s.itemBytes)} B + ${overhead} B) / ${gbWords} = ${formatQuantity(tableGb)} GB`,
      price,
      amount: tableGb.times(price.usd),
    },
  ];
  let totalGb = tableGb;
  const gsiCount = s.gsiCount ?? 0;
  if (gsiCount > 0) {
    const entryBytes = s.gsiEntryBytes ?? s.itemBytes;
    const gsiGb = calculateStorageGb(s.items, entryBytes, overhead, perGb).times(gsiCount);
    totalGb = totalGb.plus(gsiGb);
    lines.push({
      id: 'storage.gsi',
      label: 'GSI storage (every item projected into each GSI)',
      quantity: `${gsiCount} × ${formatQuantity(s.items)} entries × (${formatQuantity(entryBytes)} B + ${overhead} B) / ${gbWords} = ${formatQuantity(gsiGb)} GB`,
      price,
      amount: gsiGb.times(price.usd),
    });
  }
  if (s.freeTier && s.tableClass === 'standard') {
    const free = Decimal.min(totalGb, prices.freeTier.storageGb.quantity);
    lines.push({
      id: 'storage.free',
      label: 'Free tier: first 25 GB of storage',
      quantity: `−${formatQuantity(free)} GB × $${price.usd} per GB-month`,
      price: prices.freeTier.storageGb,
      amount: free.times(price.usd).negated(),
    });
  }
  return lines;
}

/** Monthly storage cost of N items of a given size, with the per-item overhead. */
export function calculateStorageCost(s: StorageInput): Bill {
  const preamble: Step[] = [
    {
      label: 'Each stored item carries 100 B of indexing overhead (not counted for RCU/WCU)',
      formula: `${formatQuantity(s.itemBytes)} B + 100 B`,
      value: `${formatQuantity(s.itemBytes + STORAGE_OVERHEAD_BYTES_PER_ITEM)} B per item`,
    },
  ];
  return buildBill('Storage', buildStorageLines(s), preamble);
}

// ---------------------------------------------------------------- on-demand requests

export interface RequestVolume {
  readonly readUnitsPerMonth: DecimalValue;
  readonly writeUnitsPerMonth: DecimalValue;
  readonly tableClass: TableClass;
  readonly region?: Region;
}

/** Request-unit lines in on-demand mode (no free requests exist). */
export function buildOnDemandRequestLines(v: RequestVolume): LineItem[] {
  const p = selectRegionPrices(v.region).tableClass[v.tableClass];
  const writes = new Decimal(v.writeUnitsPerMonth);
  const reads = new Decimal(v.readUnitsPerMonth);
  return [
    {
      id: 'ondemand.writes',
      label: 'Write request units',
      quantity: `${formatQuantity(writes.div(MILLION), 6)} million WRU`,
      price: p.onDemandWrite,
      amount: writes.div(MILLION).times(p.onDemandWrite.usd),
    },
    {
      id: 'ondemand.reads',
      label: 'Read request units',
      quantity: `${formatQuantity(reads.div(MILLION), 6)} million RRU`,
      price: p.onDemandRead,
      amount: reads.div(MILLION).times(p.onDemandRead.usd),
    },
  ];
}

/** Monthly on-demand charge for a volume of request units. */
export function calculateOnDemandRequestCost(v: RequestVolume): Bill {
  return buildBill('On-demand requests', buildOnDemandRequestLines(v));
}

// ---------------------------------------------------------------- provisioned capacity

export interface ProvisionedCapacity {
  readonly rcu: number;
  readonly wcu: number;
  readonly tableClass: TableClass;
  readonly freeTier: boolean;
  readonly region?: Region;
  /** Replicas of a global table each pay replicated WCU (default 0 = single Region). */
  readonly replicaRegions?: number;
}

/** Capacity lines for a month of provisioned RCU and WCU, and the free-tier deduction. */
export function buildProvisionedLines(c: ProvisionedCapacity): LineItem[] {
  const prices = selectRegionPrices(c.region);
  const p = prices.tableClass[c.tableClass];
  const lines: LineItem[] = [
    {
      id: 'provisioned.wcu',
      label: 'Provisioned write capacity',
      quantity: `${formatQuantity(c.wcu)} WCU × ${HOURS_PER_MONTH} h`,
      price: p.provisionedWcuHour,
      amount: new Decimal(c.wcu).times(HOURS_PER_MONTH).times(p.provisionedWcuHour.usd),
    },
    {
      id: 'provisioned.rcu',
      label: 'Provisioned read capacity',
      quantity: `${formatQuantity(c.rcu)} RCU × ${HOURS_PER_MONTH} h`,
      price: p.provisionedRcuHour,
      amount: new Decimal(c.rcu).times(HOURS_PER_MONTH).times(p.provisionedRcuHour.usd),
    },
  ];
  const replicas = c.replicaRegions ?? 0;
  if (replicas > 0) {
    lines.push({
      id: 'provisioned.rwcu',
      label: `Replicated write capacity (${replicas} other Region(s))`,
      quantity: `${replicas} × ${formatQuantity(c.wcu)} rWCU × ${HOURS_PER_MONTH} h`,
      price: prices.replicatedWcuHour,
      amount: new Decimal(c.wcu).times(replicas).times(HOURS_PER_MONTH).times(prices.replicatedWcuHour.usd),
    });
  }
  if (c.freeTier && c.tableClass === 'standard') {
    const freeW = Math.min(c.wcu, Number(prices.freeTier.wcu.quantity));
    const freeR = Math.min(c.rcu, Number(prices.freeTier.rcu.quantity));
    lines.push(
      {
        id: 'provisioned.wcu.free',
        label: 'Free tier: 25 WCU',
        quantity: `−${freeW} WCU × ${HOURS_PER_MONTH} h`,
        price: p.provisionedWcuHour,
        amount: new Decimal(freeW).times(HOURS_PER_MONTH).times(p.provisionedWcuHour.usd).negated(),
      },
      {
        id: 'provisioned.rcu.free',
        label: 'Free tier: 25 RCU',
        quantity: `−${freeR} RCU × ${HOURS_PER_MONTH} h`,
        price: p.provisionedRcuHour,
        amount: new Decimal(freeR).times(HOURS_PER_MONTH).times(p.provisionedRcuHour.usd).negated(),
      },
    );
  }
  return lines;
}

/** Monthly cost of a table provisioned with fixed RCU and WCU (730 hours). */
export function calculateProvisionedCost(c: ProvisionedCapacity): Bill {
  return buildBill('Provisioned capacity', buildProvisionedLines(c), [{ label: 'A month is billed as 730 hours', formula: '365 × 24 / 12', value: '730 h' }]);
}

// ---------------------------------------------------------------- a whole workload

/** Units to provision so consumption sits at the target utilisation: ceil(consumed / target), at least 1. */
export function provisionUnits(consumedPerSecond: DecimalValue, targetUtilisation: number): number {
  const units = new Decimal(consumedPerSecond).div(targetUtilisation).ceil().toNumber();
  return Math.max(MIN_PROVISIONED_UNITS, units);
}

export interface WorkloadCost {
  readonly need: CapacityNeed;
  readonly onDemand: Bill;
  readonly provisioned: Bill;
  readonly provisionedRcu: number;
  readonly provisionedWcu: number;
  readonly breakEven: BreakEven;
  readonly cheaper: 'on-demand' | 'provisioned' | 'equal';
  /** |on-demand − provisioned|, exact. */
  readonly difference: Decimal;
  readonly calculation: Calculation;
}

/** The workload's monthly cost both ways, which mode is cheaper and by how much. */
export function calculateWorkloadCost(w: TableWorkload): WorkloadCost {
  const need = calculateCapacityNeed(w);
  const monthSeconds = SECONDS_PER_HOUR * HOURS_PER_MONTH;
  const storage = buildStorageLines({
    items: w.storedItems,
    itemBytes: w.storedItemBytes,
    tableClass: w.tableClass,
    freeTier: w.freeTier,
    gsiCount: w.gsiCount,
    gsiEntryBytes: w.gsiEntryBytes ?? w.storedItemBytes,
    region: w.region,
  });

  const prices = selectRegionPrices(w.region);
  const cls = prices.tableClass[w.tableClass];
  const replicas = w.replicaRegions ?? 0;
  const tableGb = calculateStorageGb(w.storedItems, w.storedItemBytes);
  const sharedExtras: LineItem[] = [];
  if (replicas > 0) {
    const gsiGb = calculateStorageGb(w.storedItems, w.gsiEntryBytes ?? w.storedItemBytes).times(w.gsiCount);
    const replicaGb = tableGb.plus(gsiGb).times(replicas);
    sharedExtras.push({
      id: 'replica.storage',
      label: `Replica storage (${replicas} other Region(s), same price)`,
      quantity: `${replicas} × ${formatQuantity(tableGb.plus(gsiGb))} GB`,
      price: cls.storageGbMonth,
      amount: replicaGb.times(cls.storageGbMonth.usd),
    });
  }
  if (w.pointInTimeRecovery === true) {
    sharedExtras.push({
      id: 'pitr',
      label: 'Point-in-time recovery (continuous backups)',
      quantity: `${formatQuantity(tableGb)} GB of table data`,
      price: prices.pitrGbMonth,
      amount: tableGb.times(prices.pitrGbMonth.usd),
    });
  }

  const od = buildOnDemandRequestLines({
    readUnitsPerMonth: need.readUnitsPerSecond.times(monthSeconds),
    writeUnitsPerMonth: need.tableWriteUnitsPerSecond.times(monthSeconds),
    tableClass: w.tableClass,
    region: w.region,
  });
  if (w.gsiCount > 0) {
    const gsiWru = need.gsiWriteUnitsPerSecond.times(w.gsiCount).times(monthSeconds);
    od.splice(1, 0, {
      id: 'ondemand.gsi.writes',
      label: `GSI write request units (${w.gsiCount} GSI(s))`,
      quantity: `${formatQuantity(gsiWru.div(MILLION), 6)} million WRU`,
      price: cls.onDemandWrite,
      amount: gsiWru.div(MILLION).times(cls.onDemandWrite.usd),
    });
  }
  if (replicas > 0) {
    const rwru = need.tableWriteUnitsPerSecond.times(monthSeconds).times(replicas);
    od.push({
      id: 'ondemand.replicated.writes',
      label: `Replicated write request units (${replicas} other Region(s))`,
      quantity: `${formatQuantity(rwru.div(MILLION), 6)} million rWRU`,
      price: prices.replicatedWrite,
      amount: rwru.div(MILLION).times(prices.replicatedWrite.usd),
    });
  }
  // Each replica keeps its own copy of every GSI, and a write to a GSI is a local write in
  // regular write units (AWS Prescriptive Guidance, global tables FAQ).
  if (replicas > 0 && w.gsiCount > 0) {
    const replicaGsiWru = need.gsiWriteUnitsPerSecond.times(w.gsiCount).times(monthSeconds).times(replicas);
    od.push({
      id: 'ondemand.replica.gsi.writes',
      label: `GSI write request units in the replicas (${replicas} other Region(s) × ${w.gsiCount} GSI(s))`,
      quantity: `${formatQuantity(replicaGsiWru.div(MILLION), 6)} million WRU`,
      price: cls.onDemandWrite,
      amount: replicaGsiWru.div(MILLION).times(cls.onDemandWrite.usd),
    });
  }
  const onDemand = buildBill(
    'On-demand',
    [...od, ...storage, ...sharedExtras],
    [
      ...need.steps,
      {
        label: 'Seconds in a 730-hour month',
        formula: `${HOURS_PER_MONTH} h × 3,600 s`,
        value: `${formatQuantity(monthSeconds)} s`,
      },
    ],
  );

  const tableRcu = provisionUnits(need.readUnitsPerSecond, w.targetUtilisation);
  // Reads here all go to the table, but a provisioned GSI still holds at least 1 RCU (facts §5).
  const provisionedRcu = tableRcu + MIN_PROVISIONED_UNITS * w.gsiCount;
  const tableWcu = provisionUnits(need.tableWriteUnitsPerSecond, w.targetUtilisation);
  const gsiWcuEach = w.gsiCount > 0 ? provisionUnits(need.gsiWriteUnitsPerSecond, w.targetUtilisation) : 0;
  const provisionedWcu = tableWcu + gsiWcuEach * w.gsiCount;
  const prov = buildProvisionedLines({
    rcu: provisionedRcu,
    wcu: provisionedWcu,
    tableClass: w.tableClass,
    freeTier: w.freeTier,
    region: w.region,
  });
  if (replicas > 0) {
    prov.push({
      id: 'provisioned.rwcu',
      label: `Replicated write capacity (${replicas} other Region(s))`,
      quantity: `${replicas} × ${tableWcu} rWCU × ${HOURS_PER_MONTH} h`,
      price: prices.replicatedWcuHour,
      amount: new Decimal(tableWcu).times(replicas).times(HOURS_PER_MONTH).times(prices.replicatedWcuHour.usd),
    });
    // Reads here all go to the home Region, but each replica table and its GSIs hold at least 1 RCU.
    const replicaRcu = MIN_PROVISIONED_UNITS * (1 + w.gsiCount) * replicas;
    prov.push({
      id: 'provisioned.replica.rcu',
      label: `Read capacity in the replicas (the minimum, ${replicas} other Region(s))`,
      quantity: `${replicaRcu} RCU × ${HOURS_PER_MONTH} h`,
      price: cls.provisionedRcuHour,
      amount: new Decimal(replicaRcu).times(HOURS_PER_MONTH).times(cls.provisionedRcuHour.usd),
    });
    if (w.gsiCount > 0) {
      const replicaGsiWcu = gsiWcuEach * w.gsiCount * replicas;
      prov.push({
        id: 'provisioned.replica.gsi.wcu',
        label: `GSI write capacity in the replicas (${replicas} other Region(s) × ${w.gsiCount} GSI(s))`,
        quantity: `${replicaGsiWcu} WCU × ${HOURS_PER_MONTH} h`,
        price: cls.provisionedWcuHour,
        amount: new Decimal(replicaGsiWcu).times(HOURS_PER_MONTH).times(cls.provisionedWcuHour.usd),
      });
    }
  }
  const provisioned = buildBill(
    'Provisioned',
    [...prov, ...storage, ...sharedExtras],
    [
      ...need.steps,
      {
        label: `Provision for a ${formatPercent(w.targetUtilisation, 0)} auto-scaling target (at least 1 unit)`,
        formula:
          `RCU: ceil(${formatQuantity(need.readUnitsPerSecond)} / ${w.targetUtilisation}) = ${tableRcu}` +
          (w.gsiCount > 0 ? ` + ${w.gsiCount} × ${MIN_PROVISIONED_UNITS} (the minimum for each GSI)` : '') +
          '; ' +
          `table WCU: ceil(${formatQuantity(need.tableWriteUnitsPerSecond)} / ${w.targetUtilisation}) = ${tableWcu}` +
          (w.gsiCount > 0 ? `; each GSI: ceil(${formatQuantity(need.gsiWriteUnitsPerSecond)} / ${w.targetUtilisation}) = ${gsiWcuEach}` : ''),
        value: `${provisionedRcu} RCU, ${provisionedWcu} WCU`,
      },
    ],
  );

  const breakEven = calculateBreakEven({
    tableClass: w.tableClass,
    region: w.region,
    readUnitsPerSecond: need.readUnitsPerSecond,
    writeUnitsPerSecond: need.totalWriteUnitsPerSecond,
  });
  const cmp = onDemand.total.comparedTo(provisioned.total);
  const cheaper = cmp === 0 ? 'equal' : cmp < 0 ? 'on-demand' : 'provisioned';
  const difference = onDemand.total.minus(provisioned.total).abs();
  const calculation: Calculation = {
    value: roundToCents(difference),
    unit: USD_PER_MONTH,
    steps: [
      { label: 'On-demand per month', value: formatUsd(onDemand.total) },
      { label: 'Provisioned per month', value: formatUsd(provisioned.total) },
      {
        label: cheaper === 'equal' ? 'Both modes cost the same' : `${cheaper === 'on-demand' ? 'On-demand' : 'Provisioned'} is cheaper by`,
        formula: `|${formatUsd(onDemand.total)} − ${formatUsd(provisioned.total)}|`,
        value: formatUsd(difference),
      },
    ],
  };
  return { need, onDemand, provisioned, provisionedRcu, provisionedWcu, breakEven, cheaper, difference, calculation };
}

// ---------------------------------------------------------------- break-even

export interface BreakEvenInput {
  readonly tableClass: TableClass;
  readonly region?: Region;
  /** Weights for a mixed workload; reads and writes alone when omitted. */
  readonly readUnitsPerSecond?: DecimalValue;
  readonly writeUnitsPerSecond?: DecimalValue;
}

export interface BreakEven {
  /** Utilisation (0..1) at which provisioned capacity costs what on-demand does. */
  readonly writes: Decimal;
  readonly reads: Decimal;
  /** For the workload's mix of reads and writes. */
  readonly combined: Decimal;
  readonly calculation: Calculation;
}

/**
 * Break-even utilisation: a provisioned unit costs its hourly price whether used or not; used
 * fully for an hour it would have served 3,600 on-demand requests. Below
 * hourly / (3,600 × on-demand price per unit) average utilisation, on-demand is cheaper.
 */
export function calculateBreakEven(input: BreakEvenInput): BreakEven {
  const prices: RegionPrices = selectRegionPrices(input.region);
  const p = prices.tableClass[input.tableClass];
  const perWru = new Decimal(p.onDemandWrite.usd).div(MILLION);
  const perRru = new Decimal(p.onDemandRead.usd).div(MILLION);
  const writes = new Decimal(p.provisionedWcuHour.usd).div(perWru.times(SECONDS_PER_HOUR));
  const reads = new Decimal(p.provisionedRcuHour.usd).div(perRru.times(SECONDS_PER_HOUR));
  const r = new Decimal(input.readUnitsPerSecond ?? 0);
  const wu = new Decimal(input.writeUnitsPerSecond ?? 0);
  const denominator = r.times(perRru).plus(wu.times(perWru)).times(SECONDS_PER_HOUR);
  const combined = denominator.isZero() ? writes : r.times(p.provisionedRcuHour.usd).plus(wu.times(p.provisionedWcuHour.usd)).div(denominator);
  const steps: Step[] = [
    {
      label: 'An on-demand write request unit costs',
      formula: `$${p.onDemandWrite.usd} / 1,000,000`,
      value: `$${perWru.toFixed()}`,
    },
    {
      label: 'A WCU fully used for an hour serves 3,600 writes; break-even utilisation for writes',
      formula: `$${p.provisionedWcuHour.usd} / (3,600 × $${perWru.toFixed()})`,
      value: formatPercent(writes, 2),
    },
    {
      label: 'Break-even utilisation for reads',
      formula: `$${p.provisionedRcuHour.usd} / (3,600 × $${perRru.toFixed()})`,
      value: formatPercent(reads, 2),
    },
  ];
  if (!denominator.isZero() && !reads.equals(writes)) {
    steps.push({
      label: 'For this mix of reads and writes',
      formula: `(${formatQuantity(r)} × $${p.provisionedRcuHour.usd} + ${formatQuantity(wu)} × $${p.provisionedWcuHour.usd}) / (3,600 × (${formatQuantity(r)} × $${perRru.toFixed()} + ${formatQuantity(wu)} × $${perWru.toFixed()}))`,
      value: formatPercent(combined, 2),
    });
  }
  steps.push({
    label: 'Above this average utilisation provisioned is cheaper; below it, on-demand',
    value: formatPercent(combined, 1),
  });
  return {
    writes,
    reads,
    combined,
    calculation: { value: combined.times(100).toDecimalPlaces(1).toNumber(), unit: '%', steps },
  };
}

/**
 * Break-even utilisation for any pair of prices: a provisioned unit's hourly price over what the
 * 3,600 requests it could serve in that hour would cost on demand. As a percentage.
 */
export function calculateBreakEvenForPrices(
  provisionedHourlyUsd: DecimalValue,
  onDemandPerMillionUsd: DecimalValue,
  /** What a calculator explaining a mistake changes: the requests a unit serves in an hour (3,600), or the ratio turned over. */
  options: { readonly requestsPerUnitHour?: number; readonly inverted?: boolean } = {},
): Calculation {
  const perRequest = new Decimal(onDemandPerMillionUsd).div(MILLION);
  const fullHour = perRequest.times(options.requestsPerUnitHour ?? SECONDS_PER_HOUR);
  const ratio = options.inverted ? fullHour.div(provisionedHourlyUsd) : new Decimal(provisionedHourlyUsd).div(fullHour);
  return {
    value: ratio.times(100).toDecimalPlaces(1).toNumber(),
    unit: '%',
    steps: [
      { label: 'One on-demand request unit', formula: `$${new Decimal(onDemandPerMillionUsd).toFixed()} / 1,000,000`, value: `$${perRequest.toFixed()}` },
      {
        label: 'A provisioned unit used fully for an hour serves 3,600 requests; on demand they would cost',
        formula: `3,600 × $${perRequest.toFixed()}`,
        value: `$${fullHour.toFixed()}`,
      },
      {
        label: 'Break-even utilisation: the hourly price over that',
        formula: `$${new Decimal(provisionedHourlyUsd).toFixed()} / $${fullHour.toFixed()}`,
        value: formatPercent(ratio, 1),
      },
    ],
  };
}

export interface UtilisationPoint {
  readonly utilisation: number;
  readonly onDemand: Decimal;
  /** Capacity charge only, unrounded units: consumed / utilisation, for a smooth curve. */
  readonly provisioned: Decimal;
}

/**
 * Monthly request/capacity charge (storage left out, it is the same in both modes) against the
 * average utilisation of provisioned capacity, for the chart. Units are not rounded up here,
 * so the curves cross exactly at the break-even utilisation.
 */
export function calculateCostByUtilisation(
  need: Pick<CapacityNeed, 'readUnitsPerSecond' | 'totalWriteUnitsPerSecond'>,
  tableClass: TableClass,
  utilisations: readonly number[],
  region?: Region,
): UtilisationPoint[] {
  const p = selectRegionPrices(region).tableClass[tableClass];
  const monthSeconds = SECONDS_PER_HOUR * HOURS_PER_MONTH;
  const onDemand = need.readUnitsPerSecond
    .times(monthSeconds)
    .times(p.onDemandRead.usd)
    .plus(need.totalWriteUnitsPerSecond.times(monthSeconds).times(p.onDemandWrite.usd))
    .div(MILLION);
  const hourly = need.readUnitsPerSecond.times(p.provisionedRcuHour.usd).plus(need.totalWriteUnitsPerSecond.times(p.provisionedWcuHour.usd));
  return utilisations.map((u) => ({
    utilisation: u,
    onDemand,
    provisioned: hourly.div(u).times(HOURS_PER_MONTH),
  }));
}

// ---------------------------------------------------------------- reserved capacity

export const RESERVED_BLOCK_UNITS = 100;

/**
 * Provisioned capacity bought as 1-year reserved capacity in whole blocks of 100 units, the rest
 * at the standard hourly rate; the upfront fee is spread over 12 months. Standard class only
 * (not Standard-IA, replicated WCU or on-demand). Free tier left out. Prices are secondary (M).
 * https://aws.amazon.com/dynamodb/pricing/provisioned/
 */
export function calculateReservedCapacityCost(c: { readonly rcu: number; readonly wcu: number; readonly region?: Region }): Bill {
  const prices = selectRegionPrices(c.region);
  const p = prices.tableClass.standard;
  const r = prices.reserved1y;
  const lines: LineItem[] = [];
  const add = (unit: 'WCU' | 'RCU', units: number) => {
    const blocks = Math.floor(units / RESERVED_BLOCK_UNITS);
    const rest = units - blocks * RESERVED_BLOCK_UNITS;
    const upfront = unit === 'WCU' ? r.wcuUpfrontPer100 : r.rcuUpfrontPer100;
    const hourly = unit === 'WCU' ? r.wcuHourPer100 : r.rcuHourPer100;
    const standard = unit === 'WCU' ? p.provisionedWcuHour : p.provisionedRcuHour;
    if (blocks > 0) {
      lines.push(
        {
          id: `reserved.${unit.toLowerCase()}.upfront`,
          label: `Reserved ${unit}: upfront fee spread over 12 months`,
          quantity: `${blocks} × 100 ${unit}`,
          formula: `${blocks} × $${upfront.usd} / 12`,
          price: upfront,
          amount: new Decimal(blocks).times(upfront.usd).div(12),
        },
        {
          id: `reserved.${unit.toLowerCase()}.hourly`,
          label: `Reserved ${unit}: hourly`,
          quantity: `${blocks} × 100 ${unit} × ${HOURS_PER_MONTH} h`,
          formula: `${blocks} × $${hourly.usd} × ${HOURS_PER_MONTH} h`,
          price: hourly,
          amount: new Decimal(blocks).times(hourly.usd).times(HOURS_PER_MONTH),
        },
      );
    }
    if (rest > 0) {
      lines.push({
        id: `reserved.${unit.toLowerCase()}.rest`,
        label: `${unit} beyond the reserved blocks, at the standard rate`,
        quantity: `${rest} ${unit} × ${HOURS_PER_MONTH} h`,
        price: standard,
        amount: new Decimal(rest).times(HOURS_PER_MONTH).times(standard.usd),
      });
    }
  };
  add('WCU', c.wcu);
  add('RCU', c.rcu);
  return buildBill('Provisioned capacity with 1-year reservations', lines, [
    { label: 'Reserved capacity is sold in blocks of 100 units for 1 or 3 years; the upfront fee is spread over 12 months here', value: '1-year term' },
  ]);
}
