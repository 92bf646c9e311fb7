/**
 * The one primary-key family that still draws in code: keys.hot-key-write-sharding draws its
 * wrong shard counts from wrong methods and then from neighbours until four differ from the key.
 * The deriver returns counts and reasons per slot; the markdown words them (texts with each:).
 * The other keys families are markdown alone.
 */
import { blocksFor, countWriteShards, PARTITION_MAX_RCU, PARTITION_MAX_WCU, READ_BLOCK_BYTES, WRITE_BLOCK_BYTES } from '../../engine/index.ts';
import {
  fillSlots,
  formatNumber,
  SLOTS,
  slotOutputs,
  type DerivedOption,
  type ScenarioDeriver,
  type ScenarioParams,
  type ScenarioRandom,
  type ScenarioValue,
} from './scenario-kit.ts';

const fmt = formatNumber;
const SHARD_SLOTS = { text: 'shards', why: 'reason' } as const;

/**
 * Write shards for one hot key value. Each slot holds a shard count (`n_a`...), its form
 * (`form_a`: count | no-shard) and the reason it is right or wrong (`reason_a`: right,
 * writes-not-units, read-ceiling, read-block, round-down, transactional, more, fewer,
 * no-shard), with the WCU each shard would carry (`per_shard_a`); the markdown words them.
 */
function buildSharding(_params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue> {
  const writes = random.int(15, 90) * 100;
  const bytes = random.int(2, 30) * 100;
  const blocks = blocksFor(bytes, WRITE_BLOCK_BYTES);
  const shards = countWriteShards(writes, bytes);
  const wcu = writes * blocks;
  const principled: { n: number; reason: string }[] = [
    { n: Math.max(1, Math.ceil(writes / PARTITION_MAX_WCU)), reason: 'writes-not-units' },
    { n: Math.max(1, Math.ceil(wcu / PARTITION_MAX_RCU)), reason: 'read-ceiling' },
    { n: Math.max(1, Math.ceil((writes * blocksFor(bytes, READ_BLOCK_BYTES)) / PARTITION_MAX_WCU)), reason: 'read-block' },
    { n: Math.max(1, Math.floor(wcu / PARTITION_MAX_WCU)), reason: 'round-down' },
    { n: Math.ceil((2 * wcu) / PARTITION_MAX_WCU), reason: 'transactional' },
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
    distractors.push({ n, reason: delta > 0 ? 'more' : 'fewer' });
  }
  seen.add(1);
  const chosen = [{ n: shards, reason: 'right' }, ...distractors.filter((c) => c.n !== 1).slice(0, 3), { n: 1, reason: 'no-shard' }];
  const options: DerivedOption[] = chosen.map((c) => ({
    text: c.reason === 'no-shard' ? 'no-shard' : String(c.n),
    why: c.reason,
    correct: c.reason === 'right',
    values: { n: c.n, form: c.reason === 'no-shard' ? 'no-shard' : 'count', per_shard: fmt(wcu / c.n) },
  }));
  return { ...fillSlots(options, random, SHARD_SLOTS), writes, item_bytes: bytes, blocks, wcu, shards };
}

export const keyDerivers: readonly ScenarioDeriver[] = [
  {
    name: 'keys-write-sharding',
    description: 'Write shards for a hot key value: the key and four wrong counts, each with its reason',
    outputs: slotOutputs(
      5,
      ['writes', 'item_bytes', 'blocks', 'wcu', 'shards', ...SLOTS.flatMap((s) => [`n_${s}`, `form_${s}`, `per_shard_${s}`])],
      SHARD_SLOTS,
    ),
    derive: buildSharding,
  },
];
