/**
 * Derivers for the conceptual families of consistency, DAX, serverless and capacity modes. Each
 * one reads the generated parameters, asks a rule in engine/advice/ for the right option, and
 * returns the key (`best`) with the whys that depend on it, so no variant's answer is typed in.
 *
 * Slot families (`a`..`e`) whose statements are built from the parameters draw them here (the key
 * is always `a`, and `b` for choose-two; the bank shuffles the display order). Fixed statement
 * pools live in the markdown instead (answer: { pool: ... }, content/README.md).
 */
import {
  compareScanToQuery,
  recommendArchitecture,
  requiredIamActions,
  type ComputeTraffic as TrafficShape,
  type DataPlaneOperation,
} from '../../engine/index.ts';
import type { Deriver } from './derivers.ts';
import type { Random } from './random.ts';
import type { Params } from './types.ts';

function str(p: Params, name: string): string {
  const v = p[name];
  if (typeof v !== 'string') throw new TypeError(`Parameter ${name} must be a string, got ${JSON.stringify(v)}`);
  return v;
}

function num(p: Params, name: string): number {
  const v = p[name];
  if (typeof v !== 'number') throw new TypeError(`Parameter ${name} must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function bool(p: Params, name: string): boolean {
  const v = p[name];
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new TypeError(`Parameter ${name} must be a boolean, got ${JSON.stringify(v)}`);
}

const whyName = (id: string): string => `why_${id.replace(/-/g, '_')}`;

/** `why_<id>` for options whose correctness depends on the key: the right text for the key, the wrong one for the rest. */
function keyedWhys(best: string, whys: Readonly<Record<string, { readonly right: string; readonly wrong: string }>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, w] of Object.entries(whys)) out[whyName(id)] = id === best ? w.right : w.wrong;
  return out;
}

function keyedOutputs(ids: readonly string[]): string[] {
  return ['best', ...ids.map(whyName)];
}

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

// ---------------------------------------------------------------- serverless

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

const iamDenied: Deriver = {
  name: 'iamDenied',
  description: 'From `failing` (index-query | missing-action), `app.table`, `app.index`: why the Lambda call is denied (best: index-arn | add-action).',
  outputs: ['policy_actions', 'failing_text', ...keyedOutputs(['index-arn', 'add-action'])],
  derive(p) {
    const failing = str(p, 'failing');
    const table = str(p, 'app.table');
    const index = str(p, 'app.index');
    const best = failing === 'index-query' ? 'index-arn' : 'add-action';
    return {
      policy_actions:
        failing === 'index-query' ? '`dynamodb:GetItem`, `dynamodb:PutItem`, `dynamodb:Query`' : '`dynamodb:GetItem`, `dynamodb:PutItem`, `dynamodb:Query`',
      failing_text: failing === 'index-query' ? `a Query on the index \`${index}\`` : `an UpdateItem on \`${table}\``,
      best,
      ...keyedWhys(best, {
        'index-arn': {
          right: `Right: an index is a separate resource, \`arn:aws:dynamodb:…:table/${table}/index/${index}\`; a policy that names only the table ARN does not cover queries on the index.`,
          wrong: 'The table ARN covers calls on the table itself; the failing call does not target an index.',
        },
        'add-action': {
          right: 'Right: UpdateItem needs its own action, `dynamodb:UpdateItem`; PutItem does not imply it.',
          wrong: '`dynamodb:Query` is already allowed; what is missing is the resource, not the action.',
        },
      }),
    };
  },
};

const scanVersusQuery: Deriver = {
  name: 'scanVersusQuery',
  description: 'From `items`, `item_bytes`, `matching`: RCU of a full Scan and of a Query on the key.',
  outputs: ['scan_rcu', 'query_rcu', 'scan_pages'],
  derive(p) {
    const r = compareScanToQuery({ tableItems: num(p, 'items'), itemBytes: num(p, 'item_bytes'), matchingItems: num(p, 'matching') });
    return { scan_rcu: r.scan.value, query_rcu: r.query.value, scan_pages: r.scanPages };
  },
};

const serverlessArchitecture: Deriver = {
  name: 'serverlessArchitecture',
  description:
    'From `traffic`, `budget`, `team_knows`, `lock_in_ok`, `cold_ok`: the architecture (best: serverless-first | containers-portable | serverless-with-provisioned-concurrency).',
  outputs: ['needs_text', ...keyedOutputs(['serverless-first', 'containers-portable', 'serverless-with-provisioned-concurrency'])],
  derive(p) {
    const traffic = str(p, 'traffic') as TrafficShape;
    const needs = {
      traffic,
      monthlyBudget: 0,
      teamKnowsServerless: bool(p, 'team_knows'),
      lockInAcceptable: bool(p, 'lock_in_ok'),
      coldStartsUnacceptable: !bool(p, 'cold_ok'),
    };
    const { choice, reason } = recommendArchitecture(needs);
    // The budget is the same constraint in every variant: a dollar figure that followed the key
    // (tens of dollars for serverless, hundreds for containers) gave the answer away. `budget`
    // only picks the wording.
    const budgetTexts = [
      'The budget is tight: the cheapest design that meets these needs wins.',
      'Money is tight, so the monthly bill matters as much as the features.',
      'The owners want the lowest monthly bill that meets these needs.',
      'Every dollar of the monthly bill is scrutinised.',
    ];
    const budgetText = budgetTexts[Math.abs(Math.trunc(num(p, 'budget'))) % budgetTexts.length]!;
    const parts = [
      traffic === 'unpredictable'
        ? 'Traffic is bursty and hard to predict, from zero to a few thousand users.'
        : 'Traffic is high and steady around the clock, every day of the year.',
      budgetText,
      needs.teamKnowsServerless
        ? 'The team has shipped Lambda and DynamoDB services before.'
        : 'The team has only ever run applications on servers and containers.',
      needs.lockInAcceptable
        ? 'Tying the design to AWS services is acceptable.'
        : 'The board requires that the application can move to another cloud within a quarter.',
      needs.coldStartsUnacceptable
        ? 'Every request, including the first after a quiet spell, must answer in under 300 ms.'
        : 'An occasional slow first request after a quiet spell is acceptable.',
    ];
    const reasonText: Record<typeof reason, string> = {
      'lock-in-unacceptable': 'the application must stay portable, and Lambda plus DynamoDB tie it to AWS',
      'team-unfamiliar': 'the team does not know serverless, and the study guide lists comfort with it as a precondition',
      'steady-high-traffic': 'steady heavy traffic keeps always-on compute busy, which removes the pay-per-use advantage',
      'cold-starts': 'the first request after idle must be fast; provisioned concurrency keeps Lambda environments warm',
      'bursty-tight-budget': 'bursty, unpredictable traffic on a tight budget is exactly where scale-to-zero pay-per-use wins',
    };
    const r = reasonText[reason];
    return {
      needs_text: parts.join(' '),
      best: choice,
      ...keyedWhys(choice, {
        'serverless-first': {
          right: `Right: ${r}. API Gateway, Lambda and on-demand DynamoDB scale from zero and bill per request.`,
          wrong: `Not here: ${r}.`,
        },
        'containers-portable': {
          right: `Right: ${r}.`,
          wrong: `Containers would run, but ${choice === 'serverless-first' ? 'they bill around the clock while this traffic is often idle' : 'nothing here rules out Lambda'}.`,
        },
        'serverless-with-provisioned-concurrency': {
          right: `Right: ${r}; everything else favours serverless.`,
          wrong: needs.coldStartsUnacceptable
            ? `Not here: ${r}.`
            : 'Occasional cold starts are acceptable, so paying for provisioned concurrency around the clock is waste.',
        },
      }),
    };
  },
};

export const adviceDerivers: readonly Deriver[] = [iamActions, iamDenied, scanVersusQuery, serverlessArchitecture];
