/**
 * The one advice deriver left: serverless.iam-actions draws two of six DynamoDB operations a
 * Lambda function calls and one it does not; the markdown words them and offers their IAM
 * actions from its pools. Generation stays code because it shuffles the operations and then the
 * unused ones, which a case pick cannot reproduce variant for variant.
 */
import { requiredIamActions, type DataPlaneOperation } from '../../engine/index.ts';
import type { Deriver } from './derivers.ts';

const IAM_OPERATIONS: readonly DataPlaneOperation[] = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'];

const iamActions: Deriver = {
  name: 'iamActions',
  description:
    'Two DynamoDB operations a Lambda function calls (op_1, op_2: each needs the IAM action of its name) and one of the others it never calls (unused_op).',
  outputs: ['op_1', 'op_2', 'unused_op'],
  derive(_, random) {
    const [op1, op2] = random.shuffle(IAM_OPERATIONS) as [DataPlaneOperation, DataPlaneOperation];
    if (requiredIamActions([op1, op2]).length !== 2) throw new RangeError('expected two actions');
    const [unused] = random.shuffle(IAM_OPERATIONS.filter((op) => op !== op1 && op !== op2));
    return { op_1: op1, op_2: op2, unused_op: unused! };
  },
};

export const adviceDerivers: readonly Deriver[] = [iamActions];
