/**
 * Derivers for "what DynamoDB is" questions that still need code: which service fits a workload,
 * scale, Availability Zones, IAM actions, the 400 KB item limit and data types. Each draws a case
 * and computes which option is right from the rules below, so the key is never typed into the
 * content file. Families that only pick a case or draw from pools are markdown now
 * (`draw: pick-then-shuffle` in content/README.md).
 */
import {
  fillSlots,
  formatNumber,
  pickSome,
  readString,
  slotOutputs,
  type DerivedOption,
  type ScenarioDeriver,
  type ScenarioParams,
  type ScenarioRandom,
  type ScenarioValue,
} from './scenario-kit.ts';

const fmt = formatNumber;

interface Statement {
  readonly text: string;
  readonly why: string;
}

/** k right statements and n wrong ones, as options. */
function statementOptions(right: readonly Statement[], wrong: readonly Statement[]): DerivedOption[] {
  return [...right.map((s) => ({ text: s.text, why: `Right: ${s.why}`, correct: true })), ...wrong.map((s) => ({ text: s.text, why: s.why, correct: false }))];
}

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

function buildIamActions(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
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

interface TypeCase {
  readonly value: string;
  readonly type: string;
  readonly confusable: readonly string[];
}
const TYPE_NAMES: Readonly<Record<string, string>> = {
  S: 'String (S)',
  N: 'Number (N)',
  B: 'Binary (B)',
  BOOL: 'Boolean (BOOL)',
  NULL: 'Null (NULL)',
  L: 'List (L)',
  M: 'Map (M)',
  SS: 'String Set (SS)',
  NS: 'Number Set (NS)',
  BS: 'Binary Set (BS)',
};
const TYPE_WHY: Readonly<Record<string, string>> = {
  S: 'a scalar holding UTF-8 text',
  N: 'a scalar holding a number (up to 38 digits of precision), compared and sorted numerically',
  B: 'a scalar holding raw bytes, such as compressed or encrypted data',
  BOOL: 'a scalar holding true or false',
  NULL: 'a scalar meaning "unknown or undefined"',
  L: 'a document type: an ordered collection whose elements can repeat and can be of any type',
  M: 'a document type: an unordered set of named attributes, which can nest',
  SS: 'a set type: unique strings, unordered, all of the same type',
  NS: 'a set type: unique numbers, unordered',
  BS: 'a set type: unique binary values, unordered',
};
const TYPE_CASES: readonly TypeCase[] = [
  { value: 'the unique tags a customer chose, where order does not matter', type: 'SS', confusable: ['L', 'S', 'M', 'NS'] },
  { value: 'the last five search terms in the order they were typed, repeats allowed', type: 'L', confusable: ['SS', 'M', 'S', 'NS'] },
  { value: 'a shipping address with street, city and postcode fields', type: 'M', confusable: ['L', 'SS', 'S', 'B'] },
  { value: 'an order total in cents, used in numeric range conditions', type: 'N', confusable: ['S', 'NS', 'B', 'L'] },
  { value: 'a gzip-compressed thumbnail image', type: 'B', confusable: ['S', 'BS', 'L', 'M'] },
  { value: 'whether the account email has been verified', type: 'BOOL', confusable: ['N', 'S', 'NULL', 'B'] },
  { value: 'the distinct seat numbers held by one booking', type: 'NS', confusable: ['L', 'SS', 'N', 'M'] },
  { value: 'a set of unique SHA-256 digests stored as raw bytes', type: 'BS', confusable: ['SS', 'L', 'B', 'NS'] },
  // Not Map: a map keyed by SKU is a defensible model for line items, so it cannot be a distractor.
  { value: 'a list of line items, each with a SKU, a quantity and a price', type: 'L', confusable: ['SS', 'NS', 'S', 'B'] },
];

function buildTypeForValue(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const c = random.pick(TYPE_CASES);
  const others = pickSome(random, c.confusable, 4);
  const options: DerivedOption[] = [c.type, ...others].map((t) => ({
    text: TYPE_NAMES[t]!,
    why: t === c.type ? `Right: ${TYPE_NAMES[t]} is ${TYPE_WHY[t]}.` : `${TYPE_NAMES[t]} is ${TYPE_WHY[t]}, which does not fit ${c.value}.`,
    correct: t === c.type,
  }));
  return { ...fillSlots(options, random), value_text: c.value };
}

const CATEGORIES: Readonly<Record<'scalar' | 'document' | 'set', readonly string[]>> = {
  scalar: ['S', 'N', 'B', 'BOOL', 'NULL'],
  document: ['L', 'M'],
  set: ['SS', 'NS', 'BS'],
};

function buildTypeCategory(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const category = random.pick(['scalar', 'document', 'set'] as const);
  const right = pickSome(random, CATEGORIES[category], 2);
  const pool = Object.entries(CATEGORIES)
    .filter(([c]) => c !== category)
    .flatMap(([c, types]) => types.map((t) => ({ t, c })));
  const wrong = pickSome(random, pool, 3);
  const options: DerivedOption[] = [
    ...right.map((t) => ({ text: TYPE_NAMES[t]!, why: `Right: ${TYPE_NAMES[t]} is ${TYPE_WHY[t]}.`, correct: true })),
    // TYPE_WHY of document and set types already opens with their category; say it once.
    ...wrong.map(({ t, c }) => ({
      text: TYPE_NAMES[t]!,
      why: `${TYPE_NAMES[t]} is a ${c} type: ${TYPE_WHY[t]!.replace(/^a (document|set) type: /, '')}.`,
      correct: false,
    })),
  ];
  return { ...fillSlots(options, random), category };
}

export const coreDerivers: readonly ScenarioDeriver[] = [
  { name: 'core-iam-actions', description: 'The two actions a least-privilege role needs', outputs: slotOutputs(5, ['uses_text']), derive: buildIamActions },
  { name: 'core-type-for-value', description: 'The DynamoDB type for a value', outputs: slotOutputs(5, ['value_text']), derive: buildTypeForValue },
  {
    name: 'core-type-category',
    description: 'Two types of a category (scalar, document, set)',
    outputs: slotOutputs(5, ['category']),
    derive: buildTypeCategory,
  },
];
