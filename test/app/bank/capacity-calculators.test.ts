import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '../../../app/bank/calculators.ts';

/** The figure of one misconception of one calculator, after the calculator's own argument parsing. */
function wrongFigure(calculator: string, misconception: string, args: Record<string, unknown>): number {
  const c = CALCULATORS.get(calculator)!;
  const parsed = c.args.parse(args);
  return c.misconceptions.find((m) => m.id === misconception)!.compute(parsed);
}

function rightFigure(calculator: string, args: Record<string, unknown>): number {
  const c = CALCULATORS.get(calculator)!;
  return c.calculate(c.args.parse(args)).value;
}

describe('capacity calculator misconceptions', () => {
  it.each([
    // BatchGetItem of 1.5 KB + 6.5 KB strong: right 3 RCU; summing first gives ceil(8 KB / 4 KB) = 2.
    ['batchGetReadUnits', 'rounded-total', { itemSizes: [1536, 6656], consistency: 'strong' }, 3, 2],
    // Query of 10 items × 4,178 B strong: right 11; rounding each item gives 10 × 2 = 20.
    ['queryReadUnits', 'rounded-each-item', { itemCount: 10, itemBytes: 4178, consistency: 'strong' }, 11, 20],
    ['queryReadUnits', 'returned-only', { itemCount: 100, itemBytes: 1000, consistency: 'strong', itemsReturned: 5 }, 25, 2],
    ['itemReadUnits', 'one-kb-reads', { itemBytes: 6500, consistency: 'strong' }, 2, 7],
    ['itemReadUnits', 'halved-strong', { itemBytes: 6500, consistency: 'strong' }, 2, 1],
    ['itemReadUnits', 'doubled-eventual', { itemBytes: 6500, consistency: 'eventual' }, 1, 2],
    ['itemReadUnits', 'no-round-up', { itemBytes: 6144, consistency: 'strong' }, 2, 1.5],
    ['itemWriteUnits', 'four-kb-writes', { itemBytes: 3000, transactional: false }, 3, 1],
    ['transactWriteUnits', 'transaction-not-doubled', { itemSizes: [500, 500, 500] }, 6, 3],
    ['transactWriteUnits', 'rounded-total', { itemSizes: [500, 500, 500] }, 6, 4],
    // 1,000,000 reads a day of 3 KB, eventual: right 6 RCU; without the per-second step, 500,000.
    ['provisionedReadUnits', 'no-per-second', { itemBytes: 3072, count: 1_000_000, per: 'day', consistency: 'eventual' }, 6, 500_000],
    ['provisionedWriteUnits', 'no-per-second', { itemBytes: 800, count: 2_000_000, per: 'day', transactional: false }, 24, 2_000_000],
    // 2,000,000 strong reads a day of 3 blocks: 23.15/s × 3 = 69.4 → 70; rounding the rate first gives 24 × 3 = 72.
    ['provisionedReadUnits', 'rounded-rate-first', { itemBytes: 9000, count: 2_000_000, per: 'day', consistency: 'strong' }, 70, 72],
    // 1,500,000 writes an hour of 3 KB: 416.67/s × 3 = 1,250 exactly; rounding the rate first gives 417 × 3 = 1,251.
    ['provisionedWriteUnits', 'rounded-rate-first', { itemBytes: 3000, count: 1_500_000, per: 'hour', transactional: false }, 1250, 1251],
    // 21.6 million writes a day, 75 % in 6 hours: 2.7 million an hour = 750 WCU; the daily average is 250.
    ['provisionedWriteUnits', 'daily-average', { itemBytes: 300, count: 2_700_000, per: 'hour', transactional: false, dayCount: 21_600_000 }, 750, 250],
    ['updateItemWriteUnits', 'changed-only', { beforeBytes: 3500, afterBytes: 3520, transactional: false, changedBytes: 20 }, 4, 1],
    ['updateItemWriteUnits', 'new-size-only', { beforeBytes: 3500, afterBytes: 900, transactional: false }, 4, 1],
    ['readsPerSecond', 'halved-strong', { capacity: 10, itemBytes: 6144, consistency: 'strong' }, 5, 10],
    ['readsPerSecond', 'multiplied', { capacity: 10, itemBytes: 6144, consistency: 'strong' }, 5, 20],
    // AWS's auto scaling example: 150 consumed at 70 % → 215; the wrong methods give 105, 195 and 214.
    ['autoScalingCapacity', 'multiplied-by-target', { consumed: 150, targetPercent: 70, unit: 'WCU' }, 215, 105],
    ['autoScalingCapacity', 'added-headroom', { consumed: 150, targetPercent: 70, unit: 'WCU' }, 215, 195],
    ['autoScalingCapacity', 'rounded-down', { consumed: 150, targetPercent: 70, unit: 'WCU' }, 215, 214],
  ] as const)('%s %s: right %d, wrong %d', (calculator, misconception, args, right, wrong) => {
    expect(rightFigure(calculator, args)).toBe(right);
    expect(wrongFigure(calculator, misconception, args)).toBe(wrong);
  });

  it('does not apply a consistency mix-up to the other consistency', () => {
    expect(wrongFigure('itemReadUnits', 'halved-strong', { itemBytes: 100, consistency: 'eventual' })).toBeNaN();
  });

  it.each([
    // 864,000 a day: 10 per second; divided by 1,440 it is 600 a minute, which the hour mistake must not claim.
    ['hour-as-minutes', { count: 864_000, per: 'day' }, Number.NaN],
    ['day-as-minutes', { count: 864_000, per: 'day' }, 600],
    ['hour-as-minutes', { count: 36_000, per: 'hour' }, 600],
  ] as const)('perSecondRate %s of %o gives %d', (misconception, args, wrong) => {
    expect(rightFigure('perSecondRate', args)).toBe(10);
    expect(wrongFigure('perSecondRate', misconception, args)).toBe(wrong);
  });

  it('refuses a transactional Query: Query and Scan have no transactional reads', () => {
    expect(CALCULATORS.get('queryReadUnits')!.args.safeParse({ itemCount: 2, itemBytes: 100, consistency: 'transactional' }).success).toBe(false);
  });

  it('does not blame rounding the rate first when the volume is already per second', () => {
    expect(wrongFigure('provisionedReadUnits', 'rounded-rate-first', { itemBytes: 9000, count: 7, per: 'second', consistency: 'eventual' })).toBeNaN();
  });

  it.each([
    // {"id":{"S":"u1"},"n":{"N":"12345"},"l":{"L":[{"S":"a"}]}}: right 2+2 + 1+4 + 1+(3+1+1) = 15.
    ['values-only', 15 - 4],
    ['numbers-as-text', 15 - 4 + 5],
    ['no-container-overhead', 15 - 4],
  ])('item size %s', (misconception, wrong) => {
    const item = JSON.stringify({ id: { S: 'u1' }, n: { N: '12345' }, l: { L: [{ S: 'a' }] } });
    expect(rightFigure('itemSize', { item })).toBe(15);
    expect(wrongFigure('itemSize', misconception, { item })).toBe(wrong);
  });

  it('rejects an item that is not DynamoDB JSON', () => {
    expect(CALCULATORS.get('itemSize')!.args.safeParse({ item: '{"a": 1}' }).success).toBe(false);
    expect(CALCULATORS.get('itemSize')!.args.safeParse({ item: 'not json' }).success).toBe(false);
  });
});

describe('scanMinutes misconceptions', () => {
  it.each([
    // 1,048,576 items of 1,000 B, eventual, 100 RCU: right 22 minutes by pages; rounding each item gives 88.
    ['rounded-each-item', 88],
    ['seconds-not-minutes', 1281],
    ['doubled-eventual', 43],
  ])('%s gives %d', (misconception, wrong) => {
    const args = { itemCount: 1_048_576, itemBytes: 1000, capacity: 100, consistency: 'eventual' };
    expect(rightFigure('scanMinutes', args)).toBe(22);
    expect(wrongFigure('scanMinutes', misconception, args)).toBe(wrong);
  });
});

describe('burstSeconds misconceptions', () => {
  it.each([
    // 150 RCU, 50 consumed, spike to 200: right 300 × 100 / 50 = 600 s.
    ['whole-spike-from-bank', 150],
    ['always-300', 300],
    ['banked-full-provisioned', 900],
    ['banked-one-minute', 120],
  ])('%s gives %d', (misconception, wrong) => {
    const args = { provisioned: 150, consumedBefore: 50, spike: 200, unit: 'RCU' };
    expect(rightFigure('burstSeconds', args)).toBe(600);
    expect(wrongFigure('burstSeconds', misconception, args)).toBe(wrong);
  });

  it('rejects a spike that does not exceed the provisioned rate', () => {
    expect(CALCULATORS.get('burstSeconds')!.args.safeParse({ provisioned: 100, consumedBefore: 0, spike: 100, unit: 'RCU' }).success).toBe(false);
  });
});
