/**
 * The one "what DynamoDB is" family that still needs code: core.iam-least-privilege draws the two
 * actions a function calls and offers the remaining ones as wrong answers, so one list is drawn
 * twice and the prompt names the drawn right ones. Every other core family is markdown
 * (content/README.md: cases, pools, rules).
 */
import {
  fillSlots,
  pickSome,
  slotOutputs,
  type DerivedOption,
  type ScenarioDeriver,
  type ScenarioParams,
  type ScenarioRandom,
  type ScenarioValue,
} from './scenario-kit.ts';

const ACTIONS: readonly { action: string; use: string }[] = [
  { action: 'dynamodb:GetItem', use: 'reads one item by its key' },
  { action: 'dynamodb:Query', use: 'lists the items of one partition key' },
  { action: 'dynamodb:PutItem', use: 'writes new items' },
  { action: 'dynamodb:UpdateItem', use: 'increments a counter attribute on an item' },
  { action: 'dynamodb:DeleteItem', use: 'removes items by key' },
  { action: 'dynamodb:BatchWriteItem', use: 'loads up to 25 items per call' },
];
const NEVER: readonly { action: string; why: string }[] = [
  { action: 'dynamodb:*', why: 'A wildcard grants every action, including DeleteTable; least privilege lists only what the code calls.' },
  { action: 'dynamodb:Scan', why: 'The function never scans; granting it anyway widens access for nothing.' },
  { action: 'dynamodb:CreateTable', why: 'The function does not create tables; that belongs to the deployment, not the runtime role.' },
];

function buildIamActions(_params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const used = pickSome(random, ACTIONS, 2);
  const unused = ACTIONS.filter((a) => !used.includes(a));
  const wrong = [
    ...pickSome(random, unused, 2).map((a) => ({
      text: `\`${a.action}\``,
      why: `The function never calls ${a.action.split(':')[1]}; least privilege leaves it out.`,
      correct: false,
    })),
    ...pickSome(random, NEVER, 1).map((n) => ({ text: `\`${n.action}\``, why: n.why, correct: false })),
  ];
  const options: DerivedOption[] = [
    ...used.map((a) => ({ text: `\`${a.action}\``, why: `Right: the function ${a.use}, which is the ${a.action.split(':')[1]} API call.`, correct: true })),
    ...wrong,
  ];
  return { ...fillSlots(options, random), uses_text: `${used[0]!.use} and ${used[1]!.use}` };
}

export const coreDerivers: readonly ScenarioDeriver[] = [
  { name: 'core-iam-actions', description: 'The two actions a least-privilege role needs', outputs: slotOutputs(5, ['uses_text']), derive: buildIamActions },
];
