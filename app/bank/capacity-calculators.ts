/**
 * Capacity calculators for the registry (calculators.ts): read and write units, rates, item
 * size, auto scaling, each with the wrong methods learners are known to use. The arithmetic is
 * the engine's (engine/capacity/): a figure calls its unit functions, and a wrong method is the
 * same function with one step changed (a 1 KB block for a read, no rounding, no doubling). What
 * a learner reads about each mistake is in content/misconceptions.md.
 * Rules: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
import { z } from 'zod';
import {
  attributeSizes,
  attributeValueSize,
  autoScalingCapacity,
  autoScalingUnits,
  batchGetReadUnits,
  batchWriteUnits,
  blocksUnder,
  BURST_RULE,
  burstSeconds,
  burstSecondsUnder,
  itemJsonReadUnits,
  itemJsonWriteUnits,
  itemReadUnits,
  itemSize,
  itemSizeCalculation,
  itemWriteUnits,
  MAX_ITEM_BYTES,
  perSecondRate,
  perSecondRateUnder,
  provisionedReadUnits,
  provisionedWriteUnits,
  PAGE_BYTES,
  queryReadUnits,
  READ_BLOCK_BYTES,
  READ_UNITS_PER_BLOCK,
  readUnitRule,
  readsPerSecond,
  readUnitsForSize,
  scanMinutes,
  scanUnits,
  SECONDS_PER,
  TARGET_TRACKING_RULE,
  transactGetReadUnits,
  transactWriteUnits,
  unitsUnder,
  updateItemWriteUnits,
  utf8ByteLength,
  WRITE_BLOCK_BYTES,
  writesPerSecond,
  writeUnitsForSize,
  writeUnitRule,
  writeUnitsPerBlock,
  type AttributeValue,
  type Item,
  type ReadConsistency,
  type UnitRule,
} from '../../engine/index.ts';
import { type CalculatorMisconception, defineCalculator } from './calculator.ts';

const Bytes = z.number().int().nonnegative().max(MAX_ITEM_BYTES, 'an item is at most 400 KB (409,600 B)');
const Count = z.number().int().positive();
const Consistency = z.enum(['eventual', 'strong', 'transactional']);
const Period = z.enum(['second', 'minute', 'hour', 'day']);
const Sizes = z.array(Bytes).min(1);

const AttributeValueSchema: z.ZodType<AttributeValue> = z.lazy(() =>
  z.union([
    z.strictObject({ S: z.string() }),
    z.strictObject({ N: z.string().regex(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/) }),
    z.strictObject({ B: z.string() }),
    z.strictObject({ BOOL: z.boolean() }),
    z.strictObject({ NULL: z.literal(true) }),
    z.strictObject({ L: z.array(AttributeValueSchema) }),
    z.strictObject({ M: z.record(z.string(), AttributeValueSchema) }),
    z.strictObject({ SS: z.array(z.string()).min(1) }),
    z.strictObject({ NS: z.array(z.string()).min(1) }),
    z.strictObject({ BS: z.array(z.string()).min(1) }),
  ]),
);

/** An item written as DynamoDB JSON text (what a scenario shows), parsed into an Item. */
const ItemJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `item is not valid JSON: ${(error as Error).message}` });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), AttributeValueSchema)) as unknown as z.ZodType<Item>;

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

type M<A> = CalculatorMisconception<A>;

// Wrong methods shared by several read calculators: `units(args, rule)` recomputes the figure
// under AWS's read rule with one field changed.
function readMisconceptions<A extends { consistency: ReadConsistency }>(units: (args: A, rule: UnitRule) => number): M<A>[] {
  const right = (a: A) => readUnitRule(a.consistency);
  return [
    { id: 'no-round-up', topic: 'reads', compute: (a) => units(a, { ...right(a), roundUp: false }) },
    { id: 'one-kb-reads', topic: 'reads', compute: (a) => units(a, { ...right(a), blockBytes: WRITE_BLOCK_BYTES }) },
    {
      id: 'halved-strong',
      topic: 'reads',
      compute: (a) => (a.consistency === 'strong' ? units(a, { ...right(a), unitsPerBlock: READ_UNITS_PER_BLOCK.eventual }) : Number.NaN),
    },
    {
      id: 'doubled-eventual',
      topic: 'reads',
      compute: (a) => (a.consistency === 'eventual' ? units(a, { ...right(a), unitsPerBlock: READ_UNITS_PER_BLOCK.strong }) : Number.NaN),
    },
    {
      id: 'transaction-not-doubled',
      topic: 'reads',
      compute: (a) => (a.consistency === 'transactional' ? units(a, { ...right(a), unitsPerBlock: READ_UNITS_PER_BLOCK.strong }) : Number.NaN),
    },
  ];
}

/** Seconds per period when the volume is taken as a rate per second unconverted. */
const UNCONVERTED: Readonly<Record<keyof typeof SECONDS_PER, number>> = { second: 1, minute: 1, hour: 1, day: 1 };

/** Units with the rate rounded up to whole requests first; NaN when the volume is already per second. */
function unitsWithRateRoundedFirst(count: number, per: 'second' | 'minute' | 'hour' | 'day', perRequest: number): number {
  return per === 'second' ? Number.NaN : Math.ceil(Math.ceil(perSecondRateUnder(count, per)) * perRequest);
}

function writeMisconceptions<A extends { transactional: boolean }>(units: (args: A, rule: UnitRule) => number): M<A>[] {
  const right = (a: A) => writeUnitRule(a.transactional);
  return [
    { id: 'no-round-up', topic: 'writes', compute: (a) => units(a, { ...right(a), roundUp: false }) },
    { id: 'four-kb-writes', topic: 'writes', compute: (a) => units(a, { ...right(a), blockBytes: READ_BLOCK_BYTES }) },
    {
      id: 'transaction-not-doubled',
      topic: 'writes',
      compute: (a) => (a.transactional ? units(a, { ...right(a), unitsPerBlock: writeUnitsPerBlock(false) }) : Number.NaN),
    },
  ];
}

/** Item size by a wrong rule: numbers as their text, or lists and maps without their overhead. */
function wrongValueSize(v: AttributeValue, rule: 'numbers-as-text' | 'no-container-overhead'): number {
  if ('N' in v && rule === 'numbers-as-text') return v.N.length;
  if ('NS' in v && rule === 'numbers-as-text') return sum(v.NS.map((n) => n.length));
  if ('L' in v) return (rule === 'no-container-overhead' ? 0 : 3 + v.L.length) + sum(v.L.map((e) => wrongValueSize(e, rule)));
  if ('M' in v) {
    const members = Object.entries(v.M);
    return (rule === 'no-container-overhead' ? 0 : 3 + members.length) + sum(members.map(([name, e]) => utf8ByteLength(name) + wrongValueSize(e, rule)));
  }
  return attributeValueSize(v);
}

function wrongItemSize(item: Item, rule: 'numbers-as-text' | 'no-container-overhead' | 'values-only'): number {
  if (rule === 'values-only') return itemSize(item) - sum(attributeSizes(item).map((a) => a.nameBytes));
  return sum(Object.entries(item).map(([name, v]) => utf8ByteLength(name) + wrongValueSize(v, rule)));
}

const ITEM_SIZE_RULES = [
  {
    id: 'values-only',
    topic: 'item-size',
  },
  {
    id: 'numbers-as-text',
    topic: 'item-size',
  },
  {
    id: 'no-container-overhead',
    topic: 'item-size',
  },
] as const;

export const capacityCalculators = [
  defineCalculator({
    name: 'itemSize',
    description: 'Size in bytes of an item given as DynamoDB JSON text: args { item }',
    args: z.strictObject({ item: ItemJson }),
    calculate: itemSizeCalculation,
    misconceptions: ITEM_SIZE_RULES.map((rule) => ({ ...rule, compute: (a: { item: Item }) => wrongItemSize(a.item, rule.id) })),
  }),
  defineCalculator({
    name: 'itemJsonWriteUnits',
    description: 'WCU to write an item given as DynamoDB JSON text: args { item, transactional }',
    args: z.strictObject({ item: ItemJson, transactional: z.boolean() }),
    calculate: itemJsonWriteUnits,
    misconceptions: [
      ...ITEM_SIZE_RULES.map((rule) => ({
        ...rule,
        compute: (a: { item: Item; transactional: boolean }) => writeUnitsForSize(wrongItemSize(a.item, rule.id), a.transactional),
      })),
      ...writeMisconceptions<{ item: Item; transactional: boolean }>((a, rule) => unitsUnder(itemSize(a.item), rule)),
    ],
  }),
  defineCalculator({
    name: 'itemJsonReadUnits',
    description: 'RCU to read an item given as DynamoDB JSON text: args { item, consistency }',
    args: z.strictObject({ item: ItemJson, consistency: Consistency }),
    calculate: itemJsonReadUnits,
    misconceptions: [
      ...ITEM_SIZE_RULES.map((rule) => ({
        ...rule,
        compute: (a: { item: Item; consistency: ReadConsistency }) => readUnitsForSize(wrongItemSize(a.item, rule.id), a.consistency),
      })),
      ...readMisconceptions<{ item: Item; consistency: ReadConsistency }>((a, rule) => unitsUnder(itemSize(a.item), rule)),
    ],
  }),
  defineCalculator({
    name: 'itemReadUnits',
    description: 'RCU for one read of one item: args { itemBytes, consistency }',
    args: z.strictObject({ itemBytes: Bytes, consistency: Consistency }),
    calculate: itemReadUnits,
    misconceptions: readMisconceptions<{ itemBytes: number; consistency: ReadConsistency }>((a, rule) => unitsUnder(a.itemBytes, rule)),
  }),
  defineCalculator({
    name: 'queryReadUnits',
    description:
      'RCU for one Query or Scan call reading itemCount items of itemBytes (summed, rounded once): args { itemCount, itemBytes, consistency, itemsReturned? }',
    args: z
      // Query and Scan take ConsistentRead only: there is no transactional Query (transaction-apis.html).
      .strictObject({
        itemCount: Count,
        itemBytes: Bytes,
        consistency: z.enum(['eventual', 'strong']),
        itemsReturned: z.number().int().nonnegative().optional(),
      })
      .refine((a) => a.itemCount * a.itemBytes <= PAGE_BYTES, 'itemCount × itemBytes must fit in one 1 MB page'),
    calculate: queryReadUnits,
    misconceptions: [
      {
        id: 'rounded-each-item',
        topic: 'query',
        compute: (a) => a.itemCount * readUnitsForSize(a.itemBytes, a.consistency),
      },
      {
        id: 'returned-only',
        topic: 'query',
        compute: (a) =>
          a.itemsReturned === undefined || a.itemsReturned >= a.itemCount ? Number.NaN : readUnitsForSize(a.itemsReturned * a.itemBytes, a.consistency),
      },
      ...readMisconceptions<{ itemCount: number; itemBytes: number; consistency: ReadConsistency; itemsReturned?: number | undefined }>((a, rule) =>
        unitsUnder(a.itemCount * a.itemBytes, rule),
      ),
    ],
  }),
  defineCalculator({
    name: 'batchGetReadUnits',
    description: 'RCU for one BatchGetItem (each item rounded on its own): args { itemSizes: [..], consistency }',
    args: z.strictObject({ itemSizes: Sizes.max(100), consistency: z.enum(['eventual', 'strong']) }),
    calculate: batchGetReadUnits,
    misconceptions: [
      {
        id: 'rounded-total',
        topic: 'batch-get',
        compute: (a) => readUnitsForSize(sum(a.itemSizes), a.consistency),
      },
      ...readMisconceptions<{ itemSizes: number[]; consistency: ReadConsistency }>(
        (a, rule) => sum(a.itemSizes.map((b) => blocksUnder(b, rule))) * rule.unitsPerBlock,
      ),
    ],
  }),
  defineCalculator({
    name: 'transactGetReadUnits',
    description: 'RCU for one TransactGetItems (2 RCU per 4 KB of each item): args { itemSizes: [..] }',
    args: z.strictObject({ itemSizes: Sizes.max(100) }),
    calculate: transactGetReadUnits,
    misconceptions: [
      {
        id: 'rounded-total',
        topic: 'transact-get',
        compute: (a) => readUnitsForSize(sum(a.itemSizes), 'transactional'),
      },
      ...readMisconceptions<{ itemSizes: number[]; consistency: ReadConsistency }>(
        (a, rule) => sum(a.itemSizes.map((b) => blocksUnder(b, rule))) * rule.unitsPerBlock,
      ).map((m) => ({ ...m, compute: (a: { itemSizes: number[] }) => m.compute({ ...a, consistency: 'transactional' }) })),
    ],
  }),
  defineCalculator({
    name: 'itemWriteUnits',
    description: 'WCU for one write of one item: args { itemBytes, transactional }',
    args: z.strictObject({ itemBytes: Bytes, transactional: z.boolean() }),
    calculate: itemWriteUnits,
    misconceptions: writeMisconceptions<{ itemBytes: number; transactional: boolean }>((a, rule) => unitsUnder(a.itemBytes, rule)),
  }),
  defineCalculator({
    name: 'batchWriteUnits',
    description: 'WCU for one BatchWriteItem (each put or delete rounded on its own): args { itemSizes: [..] }',
    args: z.strictObject({ itemSizes: Sizes.max(25) }),
    calculate: batchWriteUnits,
    misconceptions: [
      {
        id: 'rounded-total',
        topic: 'batch-write',
        compute: (a) => writeUnitsForSize(sum(a.itemSizes)),
      },
      ...writeMisconceptions<{ itemSizes: number[]; transactional: boolean }>(
        (a, rule) => sum(a.itemSizes.map((b) => blocksUnder(b, rule))) * rule.unitsPerBlock,
      ).map((m) => ({ ...m, compute: (a: { itemSizes: number[] }) => m.compute({ ...a, transactional: false }) })),
    ],
  }),
  defineCalculator({
    name: 'transactWriteUnits',
    description: 'WCU for one TransactWriteItems (2 WCU per 1 KB of each item): args { itemSizes: [..] }',
    args: z.strictObject({ itemSizes: Sizes.max(100) }),
    calculate: transactWriteUnits,
    misconceptions: [
      {
        id: 'rounded-total',
        topic: 'transact-write',
        compute: (a) => writeUnitsForSize(sum(a.itemSizes), true),
      },
      ...writeMisconceptions<{ itemSizes: number[]; transactional: boolean }>(
        (a, rule) => sum(a.itemSizes.map((b) => blocksUnder(b, rule))) * rule.unitsPerBlock,
      ).map((m) => ({ ...m, compute: (a: { itemSizes: number[] }) => m.compute({ ...a, transactional: true }) })),
    ],
  }),
  defineCalculator({
    name: 'perSecondRate',
    description: 'Average per-second rate of a volume: args { count, per: second|minute|hour|day }',
    args: z.strictObject({ count: z.number().nonnegative(), per: Period }),
    calculate: perSecondRate,
    misconceptions: [
      {
        id: 'hour-as-minutes',
        topic: 'rates',
        compute: (a) => (a.per === 'hour' ? perSecondRateUnder(a.count, a.per, { ...SECONDS_PER, hour: SECONDS_PER.minute }) : Number.NaN),
      },
      {
        id: 'day-as-minutes',
        topic: 'rates',
        compute: (a) => (a.per === 'day' ? perSecondRateUnder(a.count, a.per, { ...SECONDS_PER, day: SECONDS_PER.day / SECONDS_PER.minute }) : Number.NaN),
      },
      {
        id: 'day-as-hours',
        topic: 'rates',
        compute: (a) => (a.per === 'day' ? perSecondRateUnder(a.count, a.per, { ...SECONDS_PER, day: SECONDS_PER.day / SECONDS_PER.hour }) : Number.NaN),
      },
    ],
  }),
  defineCalculator({
    name: 'provisionedReadUnits',
    description: 'RCU to provision for count reads per period of items of itemBytes: args { itemBytes, count, per, consistency }',
    args: z.strictObject({ itemBytes: Bytes, count: Count, per: Period, consistency: Consistency }),
    calculate: provisionedReadUnits,
    misconceptions: [
      {
        id: 'no-per-second',
        topic: 'provisioning',
        compute: (a) =>
          a.per === 'second' ? Number.NaN : Math.ceil(perSecondRateUnder(a.count, a.per, UNCONVERTED) * readUnitsForSize(a.itemBytes, a.consistency)),
      },
      {
        id: 'rounded-rate-first',
        topic: 'provisioning',
        compute: (a) => unitsWithRateRoundedFirst(a.count, a.per, readUnitsForSize(a.itemBytes, a.consistency)),
      },
      ...readMisconceptions<{ itemBytes: number; count: number; per: 'second' | 'minute' | 'hour' | 'day'; consistency: ReadConsistency }>((a, rule) =>
        Math.ceil((a.count / SECONDS_PER[a.per]) * blocksUnder(a.itemBytes, rule) * rule.unitsPerBlock - 1e-9),
      ),
    ],
  }),
  defineCalculator({
    name: 'provisionedWriteUnits',
    description:
      'WCU to provision for count writes per period of items of itemBytes: args { itemBytes, count, per, transactional, dayCount? (the whole day, when count is the peak) }',
    args: z.strictObject({ itemBytes: Bytes, count: Count, per: Period, transactional: z.boolean(), dayCount: Count.optional() }),
    calculate: provisionedWriteUnits,
    misconceptions: [
      {
        id: 'daily-average',
        topic: 'provisioning',
        compute: (a) => (a.dayCount === undefined ? Number.NaN : Math.ceil((a.dayCount / 86400) * writeUnitsForSize(a.itemBytes, a.transactional) - 1e-9)),
      },
      {
        id: 'no-per-second',
        topic: 'provisioning',
        compute: (a) => (a.per === 'second' ? Number.NaN : perSecondRateUnder(a.count, a.per, UNCONVERTED) * writeUnitsForSize(a.itemBytes, a.transactional)),
      },
      {
        id: 'rounded-rate-first',
        topic: 'provisioning',
        compute: (a) => unitsWithRateRoundedFirst(a.count, a.per, writeUnitsForSize(a.itemBytes, a.transactional)),
      },
      ...writeMisconceptions<{
        itemBytes: number;
        count: number;
        per: 'second' | 'minute' | 'hour' | 'day';
        transactional: boolean;
        dayCount?: number | undefined;
      }>((a, rule) => Math.ceil((a.count / SECONDS_PER[a.per]) * blocksUnder(a.itemBytes, rule) * rule.unitsPerBlock - 1e-9)),
    ],
  }),
  defineCalculator({
    name: 'updateItemWriteUnits',
    description: 'WCU for one UpdateItem (the larger of the item before and after): args { beforeBytes, afterBytes, transactional, changedBytes? }',
    args: z.strictObject({ beforeBytes: Bytes, afterBytes: Bytes, transactional: z.boolean(), changedBytes: Bytes.optional() }),
    calculate: updateItemWriteUnits,
    misconceptions: [
      {
        id: 'changed-only',
        topic: 'update',
        compute: (a) => (a.changedBytes === undefined ? Number.NaN : writeUnitsForSize(a.changedBytes, a.transactional)),
      },
      {
        id: 'new-size-only',
        topic: 'update',
        compute: (a) => (a.afterBytes < a.beforeBytes ? writeUnitsForSize(a.afterBytes, a.transactional) : Number.NaN),
      },
      ...writeMisconceptions<{ beforeBytes: number; afterBytes: number; transactional: boolean; changedBytes?: number | undefined }>((a, rule) =>
        unitsUnder(Math.max(a.beforeBytes, a.afterBytes), rule),
      ),
    ],
  }),
  defineCalculator({
    name: 'readsPerSecond',
    description: 'Reads per second of items of itemBytes that a provisioned capacity serves: args { capacity, itemBytes, consistency }',
    args: z.strictObject({ capacity: Count, itemBytes: Bytes, consistency: Consistency }),
    calculate: readsPerSecond,
    misconceptions: [
      ...readMisconceptions<{ capacity: number; itemBytes: number; consistency: ReadConsistency }>((a, rule) =>
        Math.floor(a.capacity / unitsUnder(a.itemBytes, rule) + 1e-9),
      ),
      {
        id: 'multiplied',
        topic: 'reads-per-second',
        compute: (a) => a.capacity * readUnitsForSize(a.itemBytes, a.consistency),
      },
    ],
  }),
  defineCalculator({
    name: 'writesPerSecond',
    description: 'Writes per second of items of itemBytes that a provisioned capacity serves: args { capacity, itemBytes, transactional }',
    args: z.strictObject({ capacity: Count, itemBytes: Bytes, transactional: z.boolean() }),
    calculate: writesPerSecond,
    misconceptions: [
      ...writeMisconceptions<{ capacity: number; itemBytes: number; transactional: boolean }>((a, rule) =>
        Math.floor(a.capacity / unitsUnder(a.itemBytes, rule) + 1e-9),
      ),
      {
        id: 'multiplied',
        topic: 'writes-per-second',
        compute: (a) => a.capacity * writeUnitsForSize(a.itemBytes, a.transactional),
      },
    ],
  }),
  defineCalculator({
    name: 'scanMinutes',
    description:
      'Minutes a full Scan of itemCount items of itemBytes takes at capacity RCU per second: args { itemCount, itemBytes, capacity, consistency: eventual|strong }',
    args: z.strictObject({ itemCount: Count, itemBytes: Bytes.min(1), capacity: Count, consistency: z.enum(['eventual', 'strong']) }),
    calculate: scanMinutes,
    misconceptions: [
      {
        id: 'rounded-each-item',
        topic: 'scan',
        compute: (a) => Math.ceil((a.itemCount * readUnitsForSize(a.itemBytes, a.consistency)) / a.capacity / 60 - 1e-9),
      },
      {
        id: 'seconds-not-minutes',
        topic: 'scan',
        compute: (a) => Math.ceil(scanUnits(a) / a.capacity - 1e-9),
      },
      ...readMisconceptions<{ itemCount: number; itemBytes: number; capacity: number; consistency: 'eventual' | 'strong' }>((a, rule) =>
        Math.ceil(unitsUnder(a.itemCount * a.itemBytes, rule) / a.capacity / 60 - 1e-9),
      ).filter((m) => m.id !== 'no-round-up' && m.id !== 'transaction-not-doubled'),
    ],
  }),
  defineCalculator({
    name: 'burstSeconds',
    description:
      'Seconds a spike above provisioned capacity lasts on burst capacity banked over 300 s: args { provisioned, consumedBefore, spike, unit: RCU|WCU }',
    args: z
      .strictObject({ provisioned: Count, consumedBefore: z.number().int().nonnegative(), spike: Count, unit: z.enum(['RCU', 'WCU']) })
      .refine((a) => a.consumedBefore < a.provisioned && a.spike > a.provisioned, 'needs consumedBefore < provisioned < spike'),
    calculate: burstSeconds,
    misconceptions: [
      {
        id: 'whole-spike-from-bank',
        topic: 'burst',
        compute: (a) => burstSecondsUnder(a, { ...BURST_RULE, drawn: 'whole-spike' }),
      },
      {
        id: 'always-300',
        topic: 'burst',
        compute: () => BURST_RULE.windowSeconds,
      },
      {
        id: 'banked-full-provisioned',
        topic: 'burst',
        compute: (a) => (a.consumedBefore === 0 ? Number.NaN : burstSecondsUnder(a, { ...BURST_RULE, banked: 'provisioned' })),
      },
      {
        id: 'banked-one-minute',
        topic: 'burst',
        compute: (a) => burstSecondsUnder(a, { ...BURST_RULE, windowSeconds: 60 }),
      },
    ],
  }),
  defineCalculator({
    name: 'autoScalingCapacity',
    description: 'Capacity target tracking sets for a consumption and a target utilisation: args { consumed, targetPercent, unit: RCU|WCU }',
    args: z.strictObject({ consumed: Count, targetPercent: z.number().int().min(20).max(90), unit: z.enum(['RCU', 'WCU']) }),
    calculate: autoScalingCapacity,
    misconceptions: [
      {
        id: 'multiplied-by-target',
        topic: 'auto-scaling',
        compute: (a) => autoScalingUnits(a, { ...TARGET_TRACKING_RULE, scale: 'multiply-by-target' }),
      },
      {
        id: 'added-headroom',
        topic: 'auto-scaling',
        compute: (a) => autoScalingUnits(a, { ...TARGET_TRACKING_RULE, scale: 'add-headroom' }),
      },
      {
        id: 'rounded-down',
        topic: 'auto-scaling',
        compute: (a) => autoScalingUnits(a, { ...TARGET_TRACKING_RULE, round: 'down' }),
      },
    ],
  }),
];
