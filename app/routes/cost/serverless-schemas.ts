/**
 * The serverless-stack calculator's input (API Gateway + Lambda + DynamoDB on-demand), for the
 * page's query string and for POST /api/cost/serverless, with a message per field.
 */
import { z } from '@hono/zod-openapi';
import { MAX_ITEM_SIZE } from '../../../engine/index.ts';
import { CalculationSchema, CostLineSchema } from './schemas.ts';

type NumberFactory = () => z.ZodNumber | z.ZodCoercedNumber<unknown>;

function fields<F extends z.ZodType>(num: NumberFactory, flag: F) {
  const count = (what: string, min: number, max: number) =>
    num()
      .int(`${what} is a whole number`)
      .min(min, `${what} is between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}`)
      .max(max, `${what} is between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}`);
  return {
    users: count('Users', 1, 100_000_000),
    requestsPerUserPerDay: num().min(0, 'Requests cannot be negative').max(1_000_000, 'at most 1,000,000 requests per user a day'),
    api: z.enum(['http', 'rest'], { error: 'choose http or rest' }),
    memoryMb: count('Lambda memory', 128, 10_240),
    durationMs: num().min(1, 'Duration is at least 1 ms').max(900_000, 'a Lambda invocation lasts at most 900,000 ms (15 minutes)'),
    architecture: z.enum(['x86', 'arm'], { error: 'choose x86 or arm' }),
    readsPerRequest: count('Reads per request', 0, 100),
    writesPerRequest: count('Writes per request', 0, 100),
    itemBytes: num()
      .int('Item size is a whole number of bytes')
      .min(1, 'Item size is at least 1 byte')
      .max(MAX_ITEM_SIZE, `an item is at most 400 KB (${MAX_ITEM_SIZE.toLocaleString('en-US')} bytes)`),
    readConsistency: z.enum(['eventual', 'strong'], { error: 'choose eventual or strong' }),
    storedItems: count('Items stored', 0, 1e12),
    freeTier: flag,
    apiFreeTier: flag,
  };
}

export const SERVERLESS_DEFAULTS = {
  users: 50,
  requestsPerUserPerDay: 20,
  api: 'http',
  memoryMb: 128,
  durationMs: 100,
  architecture: 'x86',
  readsPerRequest: 1,
  writesPerRequest: 1,
  itemBytes: 1024,
  readConsistency: 'eventual',
  storedItems: 10_000,
  freeTier: true,
  apiFreeTier: false,
} as const;

const api = fields(() => z.number({ error: 'must be a number' }), z.boolean({ error: 'must be true or false' }));
export const ServerlessRequestSchema = z
  .object({
    users: api.users.default(SERVERLESS_DEFAULTS.users),
    requestsPerUserPerDay: api.requestsPerUserPerDay.default(SERVERLESS_DEFAULTS.requestsPerUserPerDay),
    api: api.api.default(SERVERLESS_DEFAULTS.api),
    memoryMb: api.memoryMb.default(SERVERLESS_DEFAULTS.memoryMb),
    durationMs: api.durationMs.default(SERVERLESS_DEFAULTS.durationMs),
    architecture: api.architecture.default(SERVERLESS_DEFAULTS.architecture),
    readsPerRequest: api.readsPerRequest.default(SERVERLESS_DEFAULTS.readsPerRequest),
    writesPerRequest: api.writesPerRequest.default(SERVERLESS_DEFAULTS.writesPerRequest),
    itemBytes: api.itemBytes.default(SERVERLESS_DEFAULTS.itemBytes),
    readConsistency: api.readConsistency.default(SERVERLESS_DEFAULTS.readConsistency),
    storedItems: api.storedItems.default(SERVERLESS_DEFAULTS.storedItems),
    freeTier: api.freeTier.default(SERVERLESS_DEFAULTS.freeTier),
    apiFreeTier: api.apiFreeTier.default(SERVERLESS_DEFAULTS.apiFreeTier),
  })
  .strict()
  .openapi('ServerlessCostRequest');
export type ServerlessRequest = z.infer<typeof ServerlessRequestSchema>;

export const ServerlessFormSchema = z.object(
  fields(
    () => z.coerce.number({ error: 'must be a number' }),
    z
      .string()
      .optional()
      .transform((v) => v === 'on' || v === 'true'),
  ),
);

export const ServerlessResponseSchema = z
  .object({
    requestsPerMonth: z.number(),
    lines: z.array(CostLineSchema),
    totalUsd: z.number(),
    total: z.string(),
    apiGatewayUsd: z.number(),
    lambdaUsd: z.number(),
    dynamoDbUsd: z.number(),
    calculation: CalculationSchema,
    guide: z.object({
      claimTotalUsd: z.string(),
      claimDynamoDbUsd: z.number(),
      requestsForClaimedDynamoDb: z.number(),
      requestsPerUserPerDayForClaim: z.number(),
      explanation: z.string(),
    }),
  })
  .openapi('ServerlessCostResponse');
export type ServerlessResponse = z.infer<typeof ServerlessResponseSchema>;
