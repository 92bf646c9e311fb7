/**
 * The one "what DynamoDB is" family that still draws in code: core.iam-least-privilege draws the
 * two actions a function calls and offers the remaining ones as wrong answers, so one list is
 * drawn twice and the prompt names the drawn right ones. The deriver returns action names and
 * reason ids per slot; content/core/iam-least-privilege.md words them (texts with each:).
 */
import { fillSlots, pickSome, slotOutputs, type ScenarioDeriver, type ScenarioParams, type ScenarioRandom, type ScenarioValue } from './scenario-kit.ts';

/** Data-plane actions a function might call; the markdown says what each does (`texts.use`). */
const ACTIONS = ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'] as const;
/** Actions a runtime role never needs, each with its own reason in the markdown. */
const NEVER: readonly { action: string; reason: string }[] = [
  { action: '*', reason: 'wildcard' },
  { action: 'Scan', reason: 'scan' },
  { action: 'CreateTable', reason: 'create-table' },
];
const SLOT_NAMES = { text: 'action', why: 'reason' } as const;

function buildIamActions(_params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const used = pickSome(random, ACTIONS, 2);
  const unused = ACTIONS.filter((a) => !used.includes(a));
  const options = [
    ...used.map((action) => ({ text: action, why: 'used', correct: true })),
    ...pickSome(random, unused, 2).map((action) => ({ text: action, why: 'unused', correct: false })),
    ...pickSome(random, NEVER, 1).map((n) => ({ text: n.action, why: n.reason, correct: false })),
  ];
  return { ...fillSlots(options, random, SLOT_NAMES), action_1: used[0]!, action_2: used[1]! };
}

export const coreDerivers: readonly ScenarioDeriver[] = [
  {
    name: 'core-iam-actions',
    description:
      'Two of six data-plane actions a function calls (action_1, action_2) and three it needs not; per slot the action (action_a...: GetItem, Query, PutItem, UpdateItem, DeleteItem, BatchWriteItem, *, Scan, CreateTable) and the reason (reason_a...: used, unused, wildcard, scan, create-table)',
    outputs: slotOutputs(5, ['action_1', 'action_2'], SLOT_NAMES),
    derive: buildIamActions,
  },
];
