import { describe, expect, it } from 'vitest';
import { keyConditionOutcome, RULES } from '../../../engine/index.ts';

describe('keyConditionOutcome', () => {
  it.each([
    ['=', '=', 'S', 'ok'],
    ['=', 'begins_with', 'S', 'ok'],
    ['=', undefined, 'N', 'ok'],
    ['=', 'begins_with', 'N', 'begins-with-number'],
    ['>', undefined, 'S', 'pk-not-eq'],
    ['BETWEEN', '=', 'S', 'pk-not-eq'],
    ['begins_with', undefined, 'S', 'pk-not-eq'],
    [undefined, '=', 'S', 'missing-pk'],
    ['=', 'contains', 'S', 'bad-operator'],
    ['=', '<>', 'N', 'bad-operator'],
  ] as const)('partition key %s, sort key %s on a %s key: %s', (pk, sk, type, outcome) => {
    expect(keyConditionOutcome(pk, sk, type)).toBe(outcome);
  });
});

describe('keyCondition rule', () => {
  it('reads none as a key left out', () => {
    expect(RULES.get('keyCondition')!.apply({ pk_op: 'none', sk_op: 'BETWEEN', sk_type: 'N' })).toEqual({ best: 'missing-pk' });
  });

  it('names an operator it does not know', () => {
    expect(() => RULES.get('keyCondition')!.apply({ pk_op: '==', sk_op: 'none', sk_type: 'S' })).toThrow(/keyCondition: input pk_op must be one of/);
  });
});
