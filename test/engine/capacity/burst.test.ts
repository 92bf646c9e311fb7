import { describe, expect, it } from 'vitest';
import { BURST_RULE, burstRunCalculation, burstSeconds, burstSecondsUnder } from '../../../engine/capacity/burst.ts';

// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html and
// https://repost.aws/knowledge-center/dynamodb-spiky-workloads-short-intervals
describe('burstSeconds', () => {
  it.each([
    // AWS's example: 150 RCU idle banks 45,000 RCU; a spike to 200 RCU/s lasts 900 s.
    [150, 0, 200, 900],
    [150, 50, 200, 600],
    [100, 0, 400, 100],
    [100, 0, 700, 50],
    [100, 20, 130, 800],
  ])('provisioned %i, consumed %i before, spike %i → %i s', (provisioned, consumedBefore, spike, seconds) => {
    expect(burstSeconds({ provisioned, consumedBefore, spike, unit: 'RCU' }).value).toBe(seconds);
  });
});

describe('burstSecondsUnder: the same rule with one step changed', () => {
  const args = { provisioned: 150, consumedBefore: 50, spike: 200 };
  it.each([
    ['AWS’s rule', BURST_RULE, 600],
    ['the whole spike drawn from the bank', { ...BURST_RULE, drawn: 'whole-spike' }, 150],
    ['the whole provisioned rate banked', { ...BURST_RULE, banked: 'provisioned' }, 900],
    ['one minute banked', { ...BURST_RULE, windowSeconds: 60 }, 120],
  ] as const)('%s', (_what, rule, seconds) => {
    expect(burstSecondsUnder(args, rule)).toBe(seconds);
  });
});

describe('burstRunCalculation', () => {
  it('keys the seconds the run served and shows the bank and the excess drawn', () => {
    const c = burstRunCalculation({ bankUnits: 30_000, provisioned: 100, spike: 250, seconds: 200, unit: 'WCU' });
    expect(c.value).toBe(200);
    expect(c.steps.map((s) => s.value)).toEqual(['30,000 WCU', '150 WCU per second', '200 seconds']);
    expect(c.steps[2]?.label).toBe('Seconds the run served the spike before its first throttled write');
  });
});
