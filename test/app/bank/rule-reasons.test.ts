import { describe, expect, it } from 'vitest';
import { CAPACITY_MODE_REASONS } from '../../../app/bank/rule-reasons.ts';

describe('CAPACITY_MODE_REASONS', () => {
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html
  // ("instantly accommodates up to double the previous peak traffic").
  it('does not promise that on-demand absorbs any spike: only up to double the previous peak at once', () => {
    expect(CAPACITY_MODE_REASONS.spiky).toMatch(/up to double the previous peak/);
  });
});
