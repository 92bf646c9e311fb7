/**
 * The two primary-key families that still need code: keys.hot-key-write-sharding draws its wrong
 * shard counts from wrong methods and then from neighbours until four differ from the key, and
 * keys.sort-key-month-range shows three fixed conditions beside two drawn ones. Answers come from
 * the key-design rules, never from the content file; the other keys families are markdown.
 */
import { countWriteShards, PARTITION_MAX_WCU } from '../../engine/index.ts';
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

/** The fields a keys family's `k` parameter carries. */
export interface KeyDomain {
  readonly company: string;
  readonly table: string;
  readonly entity: string;
  readonly items: string;
  readonly idAttr: string;
  readonly owner: string;
  readonly ownerAttr: string;
  readonly timeAttr: string;
  readonly statusAttr: string;
  readonly dateAttr: string;
  readonly regionAttr: string;
}

const KEY_FIELDS = ['company', 'table', 'entity', 'items', 'idAttr', 'owner', 'ownerAttr', 'timeAttr', 'statusAttr', 'dateAttr', 'regionAttr'] as const;

export function readKeyDomain(params: ScenarioParams): KeyDomain {
  return Object.fromEntries(KEY_FIELDS.map((f) => [f, readString(params, `k.${f}`)])) as unknown as KeyDomain;
}

const fmt = formatNumber;

/** Write shards for one hot key value. */
function buildSharding(_params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const writes = random.int(15, 90) * 100;
  const bytes = random.int(2, 30) * 100;
  const blocks = Math.ceil(bytes / 1024);
  const shards = countWriteShards(writes, bytes);
  const wcu = writes * blocks;
  const principled: { n: number; why: string }[] = [
    {
      n: Math.max(1, Math.ceil(writes / PARTITION_MAX_WCU)),
      why: `This counts writes, not write units: a ${fmt(bytes)} B item costs ${blocks} WCU per write.`,
    },
    { n: Math.max(1, Math.ceil(wcu / 3000)), why: "3,000 per second is a partition's read ceiling (RCU); writes are capped at 1,000 WCU per partition." },
    {
      n: Math.max(1, Math.ceil((writes * Math.ceil(bytes / 4096)) / PARTITION_MAX_WCU)),
      why: 'Write units are counted per 1 KB, not per 4 KB (that is the read unit).',
    },
    { n: Math.max(1, Math.floor(wcu / PARTITION_MAX_WCU)), why: 'Rounding down leaves the last shard above 1,000 WCU per second; round up.' },
    { n: Math.ceil((2 * wcu) / PARTITION_MAX_WCU), why: 'Standard writes cost 1 WCU per KB; only transactional writes cost twice that.' },
  ];
  const seen = new Set<number>([shards]);
  const distractors = random.shuffle(principled).filter((c) => {
    if (seen.has(c.n)) return false;
    seen.add(c.n);
    return true;
  });
  for (const delta of [1, -1, 2, -2, 3]) {
    const n = shards + delta;
    if (distractors.length >= 4) break;
    if (n < 1 || seen.has(n)) continue;
    seen.add(n);
    distractors.push({
      n,
      why:
        delta > 0
          ? `${n} shards would work, but ${shards} already keep every key value under 1,000 WCU per second; more shards only make reads fan out further.`
          : `${n} shards would leave each at ${fmt(wcu / n)} WCU per second, above a partition's 1,000.`,
    });
  }
  const noShard = {
    text: '1 shard: adaptive capacity absorbs the peak on its own',
    why: `Adaptive capacity moves unused throughput to busy partitions, but never lifts one partition past 1,000 WCU per second; this key needs ${fmt(wcu)}.`,
    correct: false,
  };
  seen.add(1);
  const chosen = [
    {
      n: shards,
      why: `Right: each write of ${fmt(bytes)} B costs ${blocks} WCU, so the key needs ${fmt(wcu)} WCU per second; at most 1,000 WCU fit one partition, so ceil(${fmt(wcu)} / 1,000) = ${shards} shards.`,
    },
    ...distractors.filter((c) => c.n !== 1).slice(0, 3),
  ];
  const options: DerivedOption[] = [...chosen.map((c, i) => ({ text: `${c.n} shard${c.n === 1 ? '' : 's'}`, why: c.why, correct: i === 0 })), noShard];
  return { ...fillSlots(options, random), writes, item_bytes: bytes };
}

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;

/** Two sort-key conditions that select one month, among plausible wrong ones. */
function buildMonthRange(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const k = readKeyDomain(params);
  const year = random.int(2019, 2026);
  const mi = random.int(0, 11);
  const month = `${year}-${MONTHS[mi]}`;
  const next = mi === 11 ? `${year + 1}-01` : `${year}-${MONTHS[mi + 1]}`;
  const pk = `${k.ownerAttr} = :id`;
  const sk = k.timeAttr;
  const right: DerivedOption[] = [
    {
      text: `\`${pk} AND begins_with(${sk}, :month)\``,
      why: `Right: every key of ${month} starts with "${month}", and begins_with is a valid sort-key condition on strings.`,
      correct: true,
    },
    {
      text: `\`${pk} AND ${sk} BETWEEN :start AND :end\``,
      why: `Right: BETWEEN is inclusive and the keys sort as strings, so it selects everything from "${month}-01" up to "${next}-01", which no key equals (every key has a time after the date).`,
      correct: true,
    },
    {
      text: `\`${pk} AND ${sk} > :month AND ${sk} < :next\``,
      why: 'Wrong: a KeyConditionExpression allows only one condition per key attribute; use BETWEEN for a closed range.',
      correct: false,
    },
  ];
  const wrong: DerivedOption[] = [
    {
      text: `\`${pk} AND contains(${sk}, :month)\``,
      why: 'Wrong: contains is not allowed in a KeyConditionExpression (only in a FilterExpression).',
      correct: false,
    },
    { text: `\`${pk} AND ${sk} = :month\``, why: `Wrong: = matches the whole key exactly, and no key is just "${month}".`, correct: false },
    {
      text: `\`begins_with(${k.ownerAttr}, :id) AND begins_with(${sk}, :month)\``,
      why: 'Wrong: the partition key only takes an equality condition.',
      correct: false,
    },
    { text: `\`${sk} BETWEEN :start AND :end\``, why: 'Wrong: a Query must fix the partition key with =; this condition leaves it out.', correct: false },
    { text: `\`${pk} AND ${sk} <> :next\``, why: 'Wrong: <> is not a valid key-condition operator.', correct: false },
  ];
  const options = [right[0]!, right[1]!, right[2]!, ...pickSome(random, wrong, 2)];
  return {
    ...fillSlots(options, random),
    month,
    next_month: next,
    example_key: `${month}-${String(random.int(10, 28))}T${String(random.int(10, 23))}:${String(random.int(10, 59))}:00Z#${random.int(1000, 9999)}`,
  };
}

export const keyDerivers: readonly ScenarioDeriver[] = [
  { name: 'keys-write-sharding', description: 'Write shards for a hot key value', outputs: slotOutputs(5, ['writes', 'item_bytes']), derive: buildSharding },
  {
    name: 'keys-month-range',
    description: 'Two sort-key conditions that select one month',
    outputs: slotOutputs(5, ['month', 'next_month', 'example_key']),
    derive: buildMonthRange,
  },
];
