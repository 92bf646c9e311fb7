/**
 * GET /cost: the table calculator; GET /cost/serverless: the serverless stack;
 * GET /cost/traffic: a day's traffic shape priced both ways. Plain GET forms,
 * so they work without JavaScript and every result has a shareable URL; invalid input re-renders
 * the form with a message per field (400).
 */
import { Hono } from 'hono';
import { listPriceRows } from '../../../engine/index.ts';
import { computeCostReport } from './compute-cost-report.ts';
import { COST_STYLESHEET } from './cost-style.ts';
import { computeServerlessReport } from './compute-serverless-report.ts';
import { collectFieldErrors, CostFormSchema, readFormValues } from './schemas.ts';
import { SERVERLESS_DEFAULTS, ServerlessFormSchema } from './serverless-schemas.ts';
import { ServerlessPage } from './serverless-view.tsx';
import { computeTrafficReport } from './compute-traffic-report.ts';
import { TRAFFIC_DEFAULTS, TrafficFormSchema } from './traffic-schemas.ts';
import { TrafficPage } from './traffic-view.tsx';
import { CostPage } from './view.tsx';

export const costPageRoutes = new Hono()
  .get('/cost/style.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(COST_STYLESHEET);
  })
  .get('/cost', (c) => {
    const values = readFormValues(c.req.query());
    const parsed = CostFormSchema.safeParse(values);
    const prices = listPriceRows('us-east-1');
    if (!parsed.success) {
      return c.html(<CostPage values={values} errors={collectFieldErrors(parsed.error)} report={null} prices={prices} />, 400);
    }
    return c.html(<CostPage values={values} errors={{}} report={computeCostReport(parsed.data)} prices={prices} />);
  })
  .get('/cost/serverless', (c) => {
    const values = readFormValues(c.req.query(), SERVERLESS_DEFAULTS);
    const parsed = ServerlessFormSchema.safeParse(values);
    if (!parsed.success) {
      return c.html(<ServerlessPage values={values} errors={collectFieldErrors(parsed.error)} report={null} />, 400);
    }
    return c.html(<ServerlessPage values={values} errors={{}} report={computeServerlessReport(parsed.data)} />);
  })
  .get('/cost/traffic', (c) => {
    const values = readFormValues(c.req.query(), TRAFFIC_DEFAULTS);
    const parsed = TrafficFormSchema.safeParse(values);
    if (!parsed.success) {
      return c.html(<TrafficPage values={values} errors={collectFieldErrors(parsed.error)} report={null} />, 400);
    }
    return c.html(<TrafficPage values={values} errors={{}} report={computeTrafficReport(parsed.data)} />);
  });
