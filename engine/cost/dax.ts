/**
 * DAX: what a cluster costs, the read units it takes off the table at a hit ratio, and whether
 * the saving pays for the nodes. DAX bills per node-hour with no free tier; it serves eventually
 * consistent reads only, and a miss reads the table (eventually consistent) to fill the cache.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.cluster.html
 */
import type { Calculation, Step } from '../calculation.ts';
import { readUnitsForSize } from '../capacity/units.ts';
import { USD_PER_MONTH } from './line-item.ts';
import { Decimal, formatPercent, formatQuantity, formatUsd, roundToCents } from './money.ts';
import { HOURS_PER_MONTH, SECONDS_PER_HOUR, selectRegionPrices, type DaxNodeType, type Region, type TableClass } from './prices.ts';
import { provisionUnits } from './table-cost.ts';
import { DAX_MAX_NODES, DAX_MIN_NODES } from '../rules/dax.ts';

export interface DaxInput {
  readonly nodeType: DaxNodeType;
  readonly nodes: number;
  readonly readsPerSecond: number;
  readonly readItemBytes: number;
  /** 0..1: share of reads DAX answers from its cache. */
  readonly hitRatio: number;
  readonly tableMode: 'provisioned' | 'on-demand';
  readonly targetUtilisation: number;
  readonly tableClass: TableClass;
  readonly region?: Region;
}

export interface DaxCost {
  readonly clusterCost: Decimal;
  readonly readUnitsBefore: Decimal;
  readonly readUnitsAfter: Decimal;
  readonly offloadedReadUnits: Decimal;
  readonly tableReadCostBefore: Decimal;
  readonly tableReadCostAfter: Decimal;
  readonly saving: Decimal;
  /** saving − cluster cost; negative when DAX costs more than it saves. */
  readonly net: Decimal;
  readonly paysForItself: boolean;
  readonly cluster: Calculation;
  readonly calculation: Calculation;
}

/** Monthly cost of a DAX cluster: nodes × node-hour price × 730 h. */
export function calculateDaxClusterCost(nodeType: DaxNodeType, nodes: number, region?: Region): Calculation & { readonly total: Decimal } {
  if (!Number.isInteger(nodes) || nodes < DAX_MIN_NODES || nodes > DAX_MAX_NODES) {
    throw new RangeError(`A DAX cluster has ${DAX_MIN_NODES} to ${DAX_MAX_NODES} nodes, not ${nodes}.`);
  }
  const price = selectRegionPrices(region).daxNodeHour[nodeType];
  const total = new Decimal(nodes).times(price.usd).times(HOURS_PER_MONTH);
  return {
    total,
    value: roundToCents(total),
    unit: USD_PER_MONTH,
    steps: [
      {
        label: `${nodeType} node-hour (${price.confidence === 'H' ? 'AWS' : 'secondary source'}, ${price.date})`,
        value: `$${price.usd}`,
      },
      {
        label: 'Cluster per 730-hour month (every node bills, replicas too; no free tier)',
        formula: `${nodes} node${nodes === 1 ? '' : 's'} × $${price.usd} × 730 h`,
        value: formatUsd(total),
      },
    ],
  };
}

/** Cluster cost, the RCUs DAX offloads at the hit ratio, and the net saving. */
export function calculateDaxSaving(input: DaxInput): DaxCost {
  const cluster = calculateDaxClusterCost(input.nodeType, input.nodes, input.region);
  const p = selectRegionPrices(input.region).tableClass[input.tableClass];
  const unitsPerRead = readUnitsForSize(input.readItemBytes, 'eventual');
  const readUnitsBefore = new Decimal(input.readsPerSecond).times(unitsPerRead);
  const missRatio = new Decimal(1).minus(input.hitRatio);
  const readUnitsAfter = readUnitsBefore.times(missRatio);
  const offloadedReadUnits = readUnitsBefore.minus(readUnitsAfter);

  let tableReadCostBefore: Decimal;
  let tableReadCostAfter: Decimal;
  let costStep: Step;
  if (input.tableMode === 'provisioned') {
    const rcuBefore = provisionUnits(readUnitsBefore, input.targetUtilisation);
    const rcuAfter = provisionUnits(readUnitsAfter, input.targetUtilisation);
    tableReadCostBefore = new Decimal(rcuBefore).times(HOURS_PER_MONTH).times(p.provisionedRcuHour.usd);
    tableReadCostAfter = new Decimal(rcuAfter).times(HOURS_PER_MONTH).times(p.provisionedRcuHour.usd);
    costStep = {
      label: `Provisioned RCU at ${formatPercent(input.targetUtilisation, 0)} target, before and after`,
      formula: `ceil(${formatQuantity(readUnitsBefore)} / ${input.targetUtilisation}) = ${formatQuantity(rcuBefore)} → ceil(${formatQuantity(readUnitsAfter)} / ${input.targetUtilisation}) = ${formatQuantity(rcuAfter)}; (${formatQuantity(rcuBefore)} − ${formatQuantity(rcuAfter)}) × 730 h × $${p.provisionedRcuHour.usd}`,
      value: `${formatQuantity(rcuBefore - rcuAfter)} RCU fewer`,
    };
  } else {
    const monthSeconds = SECONDS_PER_HOUR * HOURS_PER_MONTH;
    const perUnit = new Decimal(p.onDemandRead.usd).div(1_000_000);
    tableReadCostBefore = readUnitsBefore.times(monthSeconds).times(perUnit);
    tableReadCostAfter = readUnitsAfter.times(monthSeconds).times(perUnit);
    costStep = {
      label: 'On-demand read request units no longer sent to the table',
      formula: `${formatQuantity(offloadedReadUnits)} RRU/s × 2,628,000 s × $${p.onDemandRead.usd} per million`,
      value: `${formatQuantity(offloadedReadUnits.times(monthSeconds).div(1_000_000), 4)} million RRU`,
    };
  }
  const saving = tableReadCostBefore.minus(tableReadCostAfter);
  const net = saving.minus(cluster.total);
  const paysForItself = net.greaterThan(0);
  const steps: Step[] = [
    ...cluster.steps,
    {
      label: 'Eventually consistent read units per second without DAX',
      formula: `${formatQuantity(input.readsPerSecond)}/s × ${unitsPerRead}`,
      value: `${formatQuantity(readUnitsBefore)} RCU/s`,
    },
    {
      label: `Misses still read the table (hit ratio ${formatPercent(input.hitRatio, 0)})`,
      formula: `${formatQuantity(readUnitsBefore)} × (1 − ${input.hitRatio})`,
      value: `${formatQuantity(readUnitsAfter)} RCU/s (${formatQuantity(offloadedReadUnits)} offloaded)`,
    },
    costStep,
    { label: 'Table read cost saved per month', value: formatUsd(saving) },
    {
      label: paysForItself ? 'Net saving: DAX pays for itself' : 'Net: DAX costs more than it saves on reads',
      formula: `${formatUsd(saving)} − ${formatUsd(cluster.total)}`,
      value: formatUsd(net),
    },
  ];
  return {
    clusterCost: cluster.total,
    readUnitsBefore,
    readUnitsAfter,
    offloadedReadUnits,
    tableReadCostBefore,
    tableReadCostAfter,
    saving,
    net,
    paysForItself,
    cluster: { value: cluster.value, unit: cluster.unit, steps: cluster.steps },
    calculation: { value: roundToCents(net), unit: USD_PER_MONTH, steps },
  };
}
