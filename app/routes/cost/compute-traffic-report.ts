/** Runs the traffic-shape comparison for one parsed input and shapes it for the page and the API. */
import { roundToCents } from '../../../engine/index.ts';
import { buildTrafficProfile, compareModesForTraffic } from '../../../engine/index.ts';
import type { TrafficRequest, TrafficResponse } from './traffic-schemas.ts';

export function computeTrafficReport(input: TrafficRequest): TrafficResponse {
  const r = compareModesForTraffic({
    profile: buildTrafficProfile(input.shape, input.baseRequestsPerSecond, input.peakRequestsPerSecond),
    readUnitsPerRequest: input.readUnitsPerRequest,
    writeUnitsPerRequest: input.writeUnitsPerRequest,
    provisioning: input.provisioning,
    targetUtilisation: input.targetUtilisationPercent / 100,
    tableClass: input.tableClass,
    region: 'us-east-1',
  });
  return {
    onDemandUsd: roundToCents(r.onDemand),
    provisionedUsd: roundToCents(r.provisioned),
    cheaper: r.cheaper,
    differenceUsd: roundToCents(r.difference),
    averageUtilisationPercent: r.averageUtilisation.times(100).toDecimalPlaces(1).toNumber(),
    breakEvenPercent: r.breakEven.times(100).toDecimalPlaces(1).toNumber(),
    hours: r.hours.map((h) => ({ ...h, readUnits: h.readUnits.toNumber(), writeUnits: h.writeUnits.toNumber() })),
    calculation: { value: r.calculation.value, unit: r.calculation.unit, steps: r.calculation.steps.map((s) => ({ ...s })) },
  };
}
