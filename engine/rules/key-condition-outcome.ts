/**
 * What DynamoDB does with a Query's KeyConditionExpression, as one of five outcomes: it runs, or
 * it is rejected because the partition key is compared with something other than =, an operator
 * is not allowed in a key condition, begins_with meets a Number sort key, or the partition key is
 * missing (checkKeyCondition has AWS's messages).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
 */
import { checkKeyCondition, NON_KEY_OPERATORS, SORT_KEY_OPERATORS, type KeyAttributeType, type KeyOperator } from './key-design.ts';
import { readEnum, type Rule } from './rule-kit.ts';

export type KeyConditionOutcome = 'ok' | 'pk-not-eq' | 'bad-operator' | 'begins-with-number' | 'missing-pk';

/** The outcome of a Query whose key condition uses `partitionOp` and `sortOp` (undefined: that key is left out). */
export function keyConditionOutcome(partitionOp: KeyOperator | undefined, sortOp: KeyOperator | undefined, sortKeyType: KeyAttributeType): KeyConditionOutcome {
  // begins_with on the partition key is a sort-key operator on the wrong key: "not supported".
  if (partitionOp === 'begins_with') return 'pk-not-eq';
  const verdict = checkKeyCondition('pk', partitionOp, sortOp, sortKeyType);
  if (verdict.valid) return 'ok';
  const message = verdict.message ?? '';
  if (message.startsWith('Invalid operator used')) return 'bad-operator';
  if (message.startsWith('Query condition missed key schema element')) return 'missing-pk';
  if (message.startsWith('Invalid KeyConditionExpression')) return 'begins-with-number';
  return 'pk-not-eq';
}

const OPERATORS = [...SORT_KEY_OPERATORS, ...NON_KEY_OPERATORS, 'none'] as const;
const KEY_TYPES = ['S', 'N', 'B'] as const;

export const keyConditionRule: Rule = {
  name: 'keyCondition',
  description:
    'What a Query does with a key condition (ok, pk-not-eq, bad-operator, begins-with-number, missing-pk) from the operator on the partition key `pk_op` and on the sort key `sk_op` (none: left out) and the sort key type `sk_type` (S, N, B)',
  inputs: [
    { name: 'pk_op', kind: 'enum', values: OPERATORS },
    { name: 'sk_op', kind: 'enum', values: OPERATORS },
    { name: 'sk_type', kind: 'enum', values: KEY_TYPES },
  ],
  outputs: ['best'],
  apply(inputs) {
    const op = (name: string): KeyOperator | undefined => {
      const value = readEnum('keyCondition', inputs, name, OPERATORS);
      return value === 'none' ? undefined : value;
    };
    return { best: keyConditionOutcome(op('pk_op'), op('sk_op'), readEnum('keyCondition', inputs, 'sk_type', KEY_TYPES)) };
  },
};
