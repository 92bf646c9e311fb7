/** Essential checks as content declares them and as the grader marks them. */
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../../app/bank/types.ts';
import { RequestChecksSchema } from '../../../app/grading/hands-on-spec.ts';
import { loadContentBank } from '../../helpers/test-app.ts';

type HandsOn = Extract<GradeResult, { kind: 'request' | 'design' }>;

describe('essential checks', () => {
  it.each([
    [{ state: true, condition: true, essential: ['condition'] }, undefined],
    [{ state: true, essential: ['condition'] }, 'essential.0: "condition" is essential but not one of this task\'s checks (state)'],
    [{ items: 'set', consistentRead: true, essential: ['consistent-read', 'items'] }, undefined],
    [{ essential: ['state'] }, 'name at least one check'],
  ])('validates the checks block %j', (checks, message) => {
    const parsed = RequestChecksSchema.safeParse(checks);
    if (message === undefined) expect(parsed.success).toBe(true);
    else expect(parsed.error?.issues.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`)).toContain(message);
  });

  it('are marked by the grader on the checks the family names, and only there', () => {
    const bank = loadContentBank();
    const reference = bank.referenceAnswer('core.request-put-if-absent', 1);
    const result = bank.grade('core.request-put-if-absent', 1, reference) as HandsOn;
    expect(result.checks.map((c) => [c.id, c.essential === true])).toEqual([
      ['state', false],
      ['operation', false],
      ['condition', true],
    ]);
  });

  it('are marked in every design family on the key check (and on throughput where the family exists for it)', () => {
    const bank = loadContentBank();
    for (const scenario of bank.scenarios.filter((s) => s.kind === 'design')) {
      const result = bank.grade(scenario.id, 1, bank.referenceAnswer(scenario.id, 1)) as HandsOn;
      const essential = result.checks.filter((c) => c.essential).map((c) => c.id);
      expect(essential, scenario.id).toEqual(scenario.id === 'keys.sim-write-sharding' ? ['keys-unique', 'throughput'] : ['keys-unique']);
    }
  });
});
