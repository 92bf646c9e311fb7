/**
 * POST /api/cost: the calculator as JSON, described in /api/openapi.json. Mount it on the API's
 * OpenAPIHono with `api.route('/', costApiRoutes)`.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
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

export const costApiRoutes = new OpenAPIHono().openapi(
  postCost,
  (c) => c.json(computeCostReport(c.req.valid('json')), 200),
  (result, c) => {
    if (result.success) return undefined;
    const byField = collectFieldErrors(result.error);
    const errors = Object.entries(byField).map(([field, message]) => ({ field, message }));
    const first = errors[0] ?? { field: 'body', message: 'Invalid input.' };
    return c.json({ error: { code: 'InvalidInput' as const, message: `${first.field}: ${first.message}`, field: first.field }, errors }, 400);
  },
);
