/**
 * The traffic-shape comparison's input (a day's profile built from a shape, an off-peak and a
 * peak rate), for the page's query string and POST /api/cost/traffic, with a message per field.
 */
import { z } from '@hono/zod-openapi';
import { TRAFFIC_SHAPES } from '../../../engine/index.ts';
import { CalculationSchema } from './schemas.ts';

type NumberFactory = () => z.ZodNumber | z.ZodCoercedNumber<unknown>;

function fields(num: NumberFactory) {
  const rate = (what: string) => num().min(0, `${what} cannot be negative`).max(1_000_000, `${what} above 1,000,000 per second is beyond any table quota here`);
  const units = (what: string) => num().min(0, `${what} cannot be negative`).max(1000, `${what} is at most 1,000 units`);
  return {
    shape: z.enum(TRAFFIC_SHAPES, { error: `choose one of ${TRAFFIC_SHAPES.join(', ')}` }),
    baseRequestsPerSecond: rate('Off-peak rate'),
    peakRequestsPerSecond: rate('Peak rate'),
    readUnitsPerRequest: units('Read units per request'),
    writeUnitsPerRequest: units('Write units per request'),
    provisioning: z.enum(['auto-scaling', 'fixed-peak'], { error: 'choose auto-scaling or fixed-peak' }),
    targetUtilisationPercent: num().min(20, 'Auto-scaling target is between 20 and 90 %').max(90, 'Auto-scaling target is between 20 and 90 %'),
    tableClass: z.enum(['standard', 'standard-ia'], { error: 'choose standard or standard-ia' }),
  };
}

export const TRAFFIC_DEFAULTS = {
  shape: 'spiky',
  baseRequestsPerSecond: 20,
  peakRequestsPerSecond: 1000,
  readUnitsPerRequest: 0.5,
  writeUnitsPerRequest: 1,
  provisioning: 'fixed-peak',
  targetUtilisationPercent: 70,
  tableClass: 'standard',
} as const;

const api = fields(() => z.number({ error: 'must be a number' }));
export const TrafficRequestSchema = z
  .object({
    shape: api.shape.default(TRAFFIC_DEFAULTS.shape),
    baseRequestsPerSecond: api.baseRequestsPerSecond.default(TRAFFIC_DEFAULTS.baseRequestsPerSecond),
    peakRequestsPerSecond: api.peakRequestsPerSecond.default(TRAFFIC_DEFAULTS.peakRequestsPerSecond),
    readUnitsPerRequest: api.readUnitsPerRequest.default(TRAFFIC_DEFAULTS.readUnitsPerRequest),
    writeUnitsPerRequest: api.writeUnitsPerRequest.default(TRAFFIC_DEFAULTS.writeUnitsPerRequest),
    provisioning: api.provisioning.default(TRAFFIC_DEFAULTS.provisioning),
    targetUtilisationPercent: api.targetUtilisationPercent.default(TRAFFIC_DEFAULTS.targetUtilisationPercent),
    tableClass: api.tableClass.default(TRAFFIC_DEFAULTS.tableClass),
  })
  .strict()
  .openapi('TrafficCostRequest');
export type TrafficRequest = z.infer<typeof TrafficRequestSchema>;

export const TrafficFormSchema = z.object(fields(() => z.coerce.number({ error: 'must be a number' })));

export const TrafficResponseSchema = z
  .object({
    onDemandUsd: z.number(),
    provisionedUsd: z.number(),
    cheaper: z.enum(['on-demand', 'provisioned', 'equal']),
    differenceUsd: z.number(),
    averageUtilisationPercent: z.number(),
    breakEvenPercent: z.number(),
    hours: z.array(
      z.object({ hour: z.number(), requestsPerSecond: z.number(), readUnits: z.number(), writeUnits: z.number(), rcu: z.number(), wcu: z.number() }),
    ),
    calculation: CalculationSchema,
  })
  .openapi('TrafficCostResponse');
export type TrafficResponse = z.infer<typeof TrafficResponseSchema>;
