/**
 * Runs the cost model for one parsed calculator input and shapes the result for the page and
 * the JSON API alike (exact amounts as strings, cents as numbers).
 */
import type { Calculation } from '../../../engine/index.ts';
import type { Bill, LineItem } from '../../../engine/index.ts';
import { roundToCents } from '../../../engine/index.ts';
import { calculateDaxSaving, type DaxCost } from '../../../engine/index.ts';
import { HOURS_PER_MONTH } from '../../../engine/index.ts';
import { calculateCostByUtilisation, calculateReservedCapacityCost, calculateWorkloadCost } from '../../../engine/index.ts';
import type { TableWorkload } from '../../../engine/index.ts';
import type { CostRequest, CostResponse } from './schemas.ts';

/** Utilisations the chart and its table show: 10 % to 100 % in steps of 5. */
export const CHART_UTILISATIONS: readonly number[] = Array.from({ length: 19 }, (_, i) => (10 + i * 5) / 100);

export function toWorkload(input: CostRequest): TableWorkload {
  return {
    readsPerSecond: input.readsPerSecond,
    writesPerSecond: input.writesPerSecond,
    readItemBytes: input.readItemBytes,
    writeItemBytes: input.writeItemBytes,
    readConsistency: input.readConsistency,
    transactionalReadShare: input.transactionalReadPercent / 100,
    transactionalWriteShare: input.transactionalWritePercent / 100,
    gsiCount: input.gsiCount,
    storedItems: input.storedItems,
    storedItemBytes: input.storedItemBytes,
    tableClass: input.tableClass,
    freeTier: input.freeTier,
    targetUtilisation: input.targetUtilisationPercent / 100,
    region: 'us-east-1',
    replicaRegions: input.replicaRegions,
    pointInTimeRecovery: input.pointInTimeRecovery,
  };
}

function toCalculation(c: Calculation) {
  return { value: c.value, unit: c.unit, steps: c.steps.map((s) => ({ ...s })) };
}

function toLine(l: LineItem) {
  return {
    id: l.id,
    label: l.label,
    quantity: l.quantity,
    formula: l.formula ?? (l.price !== undefined && 'usd' in l.price ? `${l.quantity} × $${l.price.usd} ${l.price.per}` : l.quantity),
    amount: l.amount.toFixed(),
    amountUsd: roundToCents(l.amount),
    ...(l.price === undefined ? {} : { priceSource: l.price.source, priceDate: l.price.date, priceConfidence: l.price.confidence }),
  };
}

function toBill(b: Bill) {
  return { lines: b.lines.map(toLine), total: b.total.toFixed(), totalUsd: roundToCents(b.total), calculation: toCalculation(b.calculation) };
}

function toDaxMode(d: DaxCost) {
  return { savingUsd: roundToCents(d.saving), netUsd: roundToCents(d.net), paysForItself: d.paysForItself, calculation: toCalculation(d.calculation) };
}

export function computeCostReport(input: CostRequest): CostResponse {
  const workload = toWorkload(input);
  const cost = calculateWorkloadCost(workload);
  // Replicated writes cost what local writes do, in both modes, so they join the write units.
  const charted = {
    readUnitsPerSecond: cost.need.readUnitsPerSecond,
    totalWriteUnitsPerSecond: cost.need.totalWriteUnitsPerSecond.plus(cost.need.tableWriteUnitsPerSecond.times(input.replicaRegions)),
  };
  const chart = calculateCostByUtilisation(charted, workload.tableClass, CHART_UTILISATIONS).map((p) => ({
    utilisationPercent: Math.round(p.utilisation * 100),
    onDemandUsd: roundToCents(p.onDemand),
    provisionedUsd: roundToCents(p.provisioned),
  }));
  let dax: CostResponse['dax'] = null;
  if (input.daxNodeType !== 'none') {
    const base = {
      nodeType: input.daxNodeType,
      nodes: input.daxNodes,
      readsPerSecond: input.readsPerSecond,
      readItemBytes: input.readItemBytes,
      hitRatio: input.daxHitRatioPercent / 100,
      targetUtilisation: workload.targetUtilisation,
      tableClass: input.tableClass,
    };
    const provisioned = calculateDaxSaving({ ...base, tableMode: 'provisioned' });
    const onDemand = calculateDaxSaving({ ...base, tableMode: 'on-demand' });
    dax = {
      nodeType: input.daxNodeType,
      nodes: input.daxNodes,
      clusterUsd: roundToCents(provisioned.clusterCost),
      offloadedReadUnitsPerSecond: provisioned.offloadedReadUnits.toFixed(),
      provisioned: toDaxMode(provisioned),
      onDemand: toDaxMode(onDemand),
    };
  }
  return {
    region: 'us-east-1',
    hoursPerMonth: HOURS_PER_MONTH,
    readUnitsPerSecond: cost.need.readUnitsPerSecond.toFixed(),
    writeUnitsPerSecond: cost.need.totalWriteUnitsPerSecond.toFixed(),
    onDemand: toBill(cost.onDemand),
    provisioned: { ...toBill(cost.provisioned), rcu: cost.provisionedRcu, wcu: cost.provisionedWcu },
    reserved: input.tableClass === 'standard' ? toBill(calculateReservedCapacityCost({ rcu: cost.provisionedRcu, wcu: cost.provisionedWcu })) : null,
    breakEvenPercent: cost.breakEven.calculation.value,
    breakEven: toCalculation(cost.breakEven.calculation),
    cheaper: cost.cheaper,
    differenceUsd: roundToCents(cost.difference),
    dax,
    chart,
  };
}
