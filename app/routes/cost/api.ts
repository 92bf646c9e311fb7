/**
 * POST /api/cost, /api/cost/serverless and /api/cost/traffic: the calculators as JSON, described in /api/openapi.json. Mount it on the API's
 * OpenAPIHono with `api.route('/', costApiRoutes)`.
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { computeServerlessReport } from './compute-serverless-report.ts';
import { ServerlessRequestSchema, ServerlessResponseSchema } from './serverless-schemas.ts';
import { computeTrafficReport } from './compute-traffic-report.ts';
import { TrafficRequestSchema, TrafficResponseSchema } from './traffic-schemas.ts';
import { computeCostReport } from './compute-cost-report.ts';
import { collectFieldErrors, CostErrorSchema, CostRequestSchema, CostResponseSchema } from './schemas.ts';

const postCost = createRoute({
  method: 'post',
  path: '/cost',
  tags: ['Cost'],
  summary: 'Monthly cost of a table workload on-demand and provisioned, the break-even, and DAX',
  description:
    'Every field is optional (the defaults are the calculator page’s). Prices are us-east-1, a month is 730 hours; amounts are exact decimal strings and cents. A 400 lists every invalid field.',
  request: { body: { required: true, content: { 'application/json': { schema: CostRequestSchema } } } },
  responses: {
    200: { description: 'Both bills with line items and working.', content: { 'application/json': { schema: CostResponseSchema } } },
    400: { description: 'One message per invalid field.', content: { 'application/json': { schema: CostErrorSchema } } },
  },
});

const postServerlessCost = createRoute({
  method: 'post',
  path: '/cost/serverless',
  tags: ['Cost'],
  summary: 'Monthly cost of API Gateway + Lambda + DynamoDB on-demand for N users, beside the study guide’s 50-user claim',
  request: { body: { required: true, content: { 'application/json': { schema: ServerlessRequestSchema } } } },
  responses: {
    200: { description: 'The bill with line items and working.', content: { 'application/json': { schema: ServerlessResponseSchema } } },
    400: { description: 'One message per invalid field.', content: { 'application/json': { schema: CostErrorSchema } } },
  },
});

const postTrafficCost = createRoute({
  method: 'post',
  path: '/cost/traffic',
  tags: ['Cost'],
  summary: 'Which capacity mode is cheaper for a day of traffic (steady, daily peak, spiky), and by how much',
  request: { body: { required: true, content: { 'application/json': { schema: TrafficRequestSchema } } } },
  responses: {
    200: {
      description: 'Both monthly charges, the hour-by-hour capacity and the working.',
      content: { 'application/json': { schema: TrafficResponseSchema } },
    },
    400: { description: 'One message per invalid field.', content: { 'application/json': { schema: CostErrorSchema } } },
  },
});

/** Every invalid field as { field, message }; the first also as the API's usual `error`. */
function replyInvalid(error: z.ZodError, c: Context) {
  const errors = Object.entries(collectFieldErrors(error)).map(([field, message]) => ({ field, message }));
  const first = errors[0] ?? { field: 'body', message: 'Invalid input.' };
  return c.json({ error: { code: 'InvalidInput' as const, message: `${first.field}: ${first.message}`, field: first.field }, errors }, 400);
}

export const costApiRoutes = new OpenAPIHono()
  .openapi(
    postTrafficCost,
    (c) => c.json(computeTrafficReport(c.req.valid('json')), 200),
    (result, c) => (result.success ? undefined : replyInvalid(result.error, c)),
  )
  .openapi(
    postServerlessCost,
    (c) => c.json(computeServerlessReport(c.req.valid('json')), 200),
    (result, c) => (result.success ? undefined : replyInvalid(result.error, c)),
  )
  .openapi(
    postCost,
    (c) => c.json(computeCostReport(c.req.valid('json')), 200),
    (result, c) => (result.success ? undefined : replyInvalid(result.error, c)),
  );
