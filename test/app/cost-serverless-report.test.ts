import { describe, expect, it } from 'vitest';
import { computeServerlessReport } from '../../app/routes/cost/compute-serverless-report.ts';
import { ServerlessRequestSchema } from '../../app/routes/cost/serverless-schemas.ts';

describe('computeServerlessReport: the study guide comparison', () => {
  const report = (input: Record<string, unknown>) => computeServerlessReport(ServerlessRequestSchema.parse(input));

  it.each([
    ['below', { users: 50, requestsPerUserPerDay: 20 }, /below the guide's \$3–15/],
    ['inside', { users: 50, requestsPerUserPerDay: 717, api: 'rest' }, /inside the guide's \$3–15 range/],
    ['above', { users: 5000, requestsPerUserPerDay: 2000, api: 'rest' }, /above the guide's \$3–15/],
  ])('says the request charges fall %s the guide’s range when they do', (_where, input, pattern) => {
    const r = report(input);
    expect(r.guide.explanation).toMatch(pattern);
    expect(r.guide.explanation).toContain(`$${r.totalUsd.toFixed(2)}`);
  });
});
