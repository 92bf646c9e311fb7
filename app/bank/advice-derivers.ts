/**
 * The one advice deriver left: serverless.iam-actions draws two of six DynamoDB operations a
 * Lambda function calls and offers their IAM actions beside needless ones. Generation stays code
 * because it shuffles the operations and then the unused ones, which a case pick cannot
 * reproduce variant for variant. The other advice families are markdown keyed by rules.
 */
import { requiredIamActions, type DataPlaneOperation } from '../../engine/index.ts';
import type { Deriver } from './derivers.ts';
import type { Random } from './random.ts';

export interface Statement {
  readonly text: string;
  readonly why: string;
}

const SLOTS = ['a', 'b', 'c', 'd', 'e'] as const;
const slotOutputs = SLOTS.flatMap((s) => [`opt_${s}`, `why_${s}`]);

/** Fill slots a.. with `rightCount` statements from `right` then the rest from `wrong`. */
function fillSlots(random: Random, right: readonly Statement[], wrong: readonly Statement[], rightCount: number): Record<string, string> {
  const chosen = [...random.shuffle(right).slice(0, rightCount), ...random.shuffle(wrong).slice(0, SLOTS.length - rightCount)];
  if (chosen.length !== SLOTS.length) throw new RangeError('not enough statements to fill five options');
  const out: Record<string, string> = {};
  chosen.forEach((s, i) => {
    out[`opt_${SLOTS[i]!}`] = s.text;
    out[`why_${SLOTS[i]!}`] = s.why;
  });
  return out;
}

const IAM_OPERATIONS: readonly { readonly op: DataPlaneOperation; readonly does: string }[] = [
  { op: 'GetItem', does: 'reads one item by its key' },
  { op: 'PutItem', does: 'creates a new item' },
  { op: 'UpdateItem', does: 'increments a counter on an item' },
  { op: 'DeleteItem', does: 'removes an item by its key' },
  { op: 'Query', does: 'lists the items of one partition key' },
  { op: 'BatchWriteItem', does: 'writes up to 25 items in one call' },
];

const EXTRA_ACTIONS: readonly Statement[] = [
  { text: '`dynamodb:*`', why: 'A wildcard grants every DynamoDB action, far beyond least privilege.' },
  { text: '`dynamodb:DescribeTable`', why: 'The function never calls DescribeTable; data-plane calls do not need it.' },
  { text: '`dynamodb:CreateTable`', why: 'A control-plane action the function never performs.' },
  { text: '`lambda:InvokeFunction`', why: 'That lets a caller invoke a function; the role calls DynamoDB, not Lambda.' },
  { text: '`iam:PassRole`', why: 'PassRole is for handing a role to a service at deployment, not for DynamoDB calls.' },
];

const iamActions: Deriver = {
  name: 'iamActions',
  description: 'Two DynamoDB operations a Lambda function calls (ops_text), their IAM actions in slots a, b, and three needless actions in c..e.',
  outputs: ['ops_text', ...slotOutputs],
  derive(_, random) {
    const picked = random.shuffle(IAM_OPERATIONS).slice(0, 2);
    const actions = requiredIamActions(picked.map((x) => x.op));
    const right: Statement[] = picked.map((x) => ({
      text: `\`dynamodb:${x.op}\``,
      why: `Right: the function calls ${x.op} (it ${x.does}), and each API call is authorised by the action of the same name.`,
    }));
    if (actions.length !== 2) throw new RangeError('expected two actions');
    const unused: Statement[] = IAM_OPERATIONS.filter((x) => !picked.includes(x)).map((x) => ({
      text: `\`dynamodb:${x.op}\``,
      why: `The function never calls ${x.op}; least privilege leaves it out.`,
    }));
    const wrong = [...random.shuffle(unused).slice(0, 1), ...EXTRA_ACTIONS];
    return {
      ops_text: picked.map((x) => `\`${x.op}\` (it ${x.does})`).join(' and '),
      ...fillSlots(random, right, wrong, 2),
    };
  },
};

export const adviceDerivers: readonly Deriver[] = [iamActions];
