/**
 * The cost calculator's input, parsed once at the edge: the same fields for the page's query
 * string (strings, coerced) and for POST /api/cost (JSON numbers). Every field has its own
 * message, so the form can show one beside each input.
 */
import { z } from '@hono/zod-openapi';
import { DAX_NODE_TYPES, MAX_ITEM_SIZE } from '../../../engine/index.ts';

const ITEM_LIMIT = `an item is at most 400 KB (${MAX_ITEM_SIZE.toLocaleString('en-US')} bytes)`;

type NumberFactory = () => z.ZodNumber | z.ZodCoercedNumber<unknown>;

const jsonNumber: NumberFactory = () => z.number({ error: 'must be a number' });
const formNumber: NumberFactory = () => z.coerce.number({ error: 'must be a number' });

function fields<F extends z.ZodType>(num: NumberFactory, flag: F) {
  const rate = (what: string) =>
    num()
      .min(0, `${what} cannot be negative`)
      .max(10_000_000, `${what} above 10,000,000 per second is beyond any table quota`)
      .openapi({ description: `${what}, per second (average over the month)` });
  const bytes = (what: string) =>
    num()
      .int(`${what} is a whole number of bytes`)
      .min(1, `${what} is at least 1 byte`)
      .max(MAX_ITEM_SIZE, ITEM_LIMIT)
      .openapi({ description: `${what} in bytes (1–${MAX_ITEM_SIZE.toLocaleString('en-US')})` });
  const percent = (what: string, min = 0, max = 100) =>
    num()
      .min(min, `${what} is between ${min} and ${max} %`)
      .max(max, `${what} is between ${min} and ${max} %`)
      .openapi({ description: `${what}, percent` });
  return {
    readsPerSecond: rate('Reads'),
    writesPerSecond: rate('Writes'),
    readItemBytes: bytes('Read size'),
    writeItemBytes: bytes('Write size'),
    readConsistency: z.enum(['eventual', 'strong'], { error: 'choose eventual or strong' }),
    transactionalReadPercent: percent('Transactional share of reads'),
    transactionalWritePercent: percent('Transactional share of writes'),
    gsiCount: num().int('a whole number of GSIs').min(0, 'GSIs cannot be negative').max(20, 'a table has at most 20 GSIs (default quota)'),
    storedItems: num().int('a whole number of items').min(0, 'items cannot be negative').max(1e12, 'at most 10^12 items'),
    storedItemBytes: num()
      .int('a whole number of bytes')
      .min(0, 'item size cannot be negative')
      .max(MAX_ITEM_SIZE, ITEM_LIMIT)
      .openapi({ description: 'Average stored item size in bytes, without the 100 B overhead' }),
    tableClass: z.enum(['standard', 'standard-ia'], { error: 'choose standard or standard-ia' }),
    freeTier: flag,
    pointInTimeRecovery: flag,
    replicaRegions: num().int('a whole number of Regions').min(0, 'Regions cannot be negative').max(10, 'at most 10 other Regions here'),
    targetUtilisationPercent: percent('Auto-scaling target', 20, 90),
    daxNodeType: z.enum(['none', ...DAX_NODE_TYPES], {
      error: (issue) => `unknown node type ${JSON.stringify(issue.input)}; choose none or one of ${DAX_NODE_TYPES.join(', ')}`,
    }),
    daxNodes: num().int('a whole number of nodes').min(1, 'a DAX cluster has 1 to 11 nodes').max(11, 'a DAX cluster has 1 to 11 nodes'),
    daxHitRatioPercent: percent('Cache hit ratio'),
  };
}

export const COST_DEFAULTS = {
  readsPerSecond: 100,
  writesPerSecond: 20,
  readItemBytes: 4096,
  writeItemBytes: 1024,
  readConsistency: 'eventual',
  transactionalReadPercent: 0,
  transactionalWritePercent: 0,
  gsiCount: 1,
  storedItems: 1_000_000,
  storedItemBytes: 1024,
  tableClass: 'standard',
  freeTier: false,
  pointInTimeRecovery: false,
  replicaRegions: 0,
  targetUtilisationPercent: 70,
  daxNodeType: 'none',
  daxNodes: 3,
  daxHitRatioPercent: 80,
} as const;

/** POST /api/cost: every field optional, defaults as on the page. */
const apiFields = fields(jsonNumber, z.boolean({ error: 'must be true or false' }));
export const CostRequestSchema = z
  .object({
    readsPerSecond: apiFields.readsPerSecond.default(COST_DEFAULTS.readsPerSecond),
    writesPerSecond: apiFields.writesPerSecond.default(COST_DEFAULTS.writesPerSecond),
    readItemBytes: apiFields.readItemBytes.default(COST_DEFAULTS.readItemBytes),
    writeItemBytes: apiFields.writeItemBytes.default(COST_DEFAULTS.writeItemBytes),
    readConsistency: apiFields.readConsistency.default(COST_DEFAULTS.readConsistency),
    transactionalReadPercent: apiFields.transactionalReadPercent.default(0),
    transactionalWritePercent: apiFields.transactionalWritePercent.default(0),
    gsiCount: apiFields.gsiCount.default(COST_DEFAULTS.gsiCount),
    storedItems: apiFields.storedItems.default(COST_DEFAULTS.storedItems),
    storedItemBytes: apiFields.storedItemBytes.default(COST_DEFAULTS.storedItemBytes),
    tableClass: apiFields.tableClass.default(COST_DEFAULTS.tableClass),
    freeTier: apiFields.freeTier.default(false),
    pointInTimeRecovery: apiFields.pointInTimeRecovery.default(false),
    replicaRegions: apiFields.replicaRegions.default(0),
    targetUtilisationPercent: apiFields.targetUtilisationPercent.default(COST_DEFAULTS.targetUtilisationPercent),
    daxNodeType: apiFields.daxNodeType.default('none'),
    daxNodes: apiFields.daxNodes.default(COST_DEFAULTS.daxNodes),
    daxHitRatioPercent: apiFields.daxHitRatioPercent.default(COST_DEFAULTS.daxHitRatioPercent),
  })
  .strict()
  .openapi('CostRequest');
export type CostRequest = z.infer<typeof CostRequestSchema>;

/** The page's query string: strings from a GET form; an unticked checkbox is simply absent. */
export const CostFormSchema = z.object(
  fields(
    formNumber,
    z
      .string()
      .optional()
      .transform((v) => v === 'on' || v === 'true'),
  ),
);
export type CostForm = z.infer<typeof CostFormSchema>;

/** One message per field (the first zod gives), keyed by field name. */
export function collectFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    out[field] ??= issue.message;
  }
  return out;
}

/** Query parameters to form values, defaults filled in for the fields left out. */
export function readFormValues(
  query: Record<string, string>,
  defaults: Readonly<Record<string, string | number | boolean>> = COST_DEFAULTS,
): Record<string, string> {
  const submitted = Object.keys(query).length > 0;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(defaults)) {
    if (typeof v === 'boolean') {
      // A submitted form without the checkbox means "off"; a fresh page uses the default.
      const flag = query[k] ?? (submitted || !v ? undefined : 'on');
      if (flag !== undefined) values[k] = flag;
    } else {
      values[k] = query[k] ?? String(v);
    }
  }
  return values;
}

export const CostLineSchema = z.object({
  id: z.string(),
  label: z.string(),
  quantity: z.string(),
  formula: z.string(),
  amount: z.string().openapi({ description: 'Exact decimal dollars' }),
  amountUsd: z.number().openapi({ description: 'Rounded to cents' }),
  priceSource: z.string().optional(),
  priceDate: z.string().optional(),
  priceConfidence: z.enum(['H', 'M', 'L']).optional(),
});

const StepSchema = z.object({ label: z.string(), formula: z.string().optional(), value: z.string() });

export const CalculationSchema = z.object({ value: z.number(), unit: z.string(), steps: z.array(StepSchema) }).openapi('CostCalculation');

const BillSchema = z.object({ lines: z.array(CostLineSchema), total: z.string(), totalUsd: z.number(), calculation: CalculationSchema });

export const CostResponseSchema = z
  .object({
    region: z.string(),
    hoursPerMonth: z.number(),
    readUnitsPerSecond: z.string(),
    writeUnitsPerSecond: z.string(),
    onDemand: BillSchema,
    provisioned: BillSchema.extend({ rcu: z.number(), wcu: z.number() }),
    reserved: BillSchema.nullable().openapi({ description: 'Provisioned capacity (not storage) bought as 1-year reserved capacity; null for Standard-IA' }),
    breakEvenPercent: z.number(),
    breakEven: CalculationSchema,
    cheaper: z.enum(['on-demand', 'provisioned', 'equal']),
    differenceUsd: z.number(),
    dax: z
      .object({
        nodeType: z.string(),
        nodes: z.number(),
        clusterUsd: z.number(),
        offloadedReadUnitsPerSecond: z.string(),
        provisioned: z.object({ savingUsd: z.number(), netUsd: z.number(), paysForItself: z.boolean(), calculation: CalculationSchema }),
        onDemand: z.object({ savingUsd: z.number(), netUsd: z.number(), paysForItself: z.boolean(), calculation: CalculationSchema }),
      })
      .nullable(),
    chart: z.array(z.object({ utilisationPercent: z.number(), onDemandUsd: z.number(), provisionedUsd: z.number() })),
  })
  .openapi('CostResponse');
export type CostResponse = z.infer<typeof CostResponseSchema>;

export const CostErrorSchema = z
  .object({
    error: z.object({ code: z.literal('InvalidInput'), message: z.string(), field: z.string() }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).openapi({ description: 'One entry per invalid field.' }),
  })
  .openapi('CostError');
