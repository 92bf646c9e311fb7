/**
 * Capacity calculators for the registry (calculators.ts): read and write units, rates, item
 * size, auto scaling, each with the wrong methods learners are known to use. The arithmetic is
 * the engine's (engine/capacity/): a figure calls its unit functions, and a wrong method is the
 * same function with one step changed (a 1 KB block for a read, no rounding, no doubling).
 * Rules: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 */
import { z } from 'zod';
import {
  attributeSizes,
  attributeValueSize,
  autoScalingCapacity,
  batchGetReadUnits,
  batchWriteUnits,
  blocksFor,
  BURST_WINDOW_SECONDS,
  burstSeconds,
  itemJsonReadUnits,
  itemJsonWriteUnits,
  itemReadUnits,
  itemSize,
  itemSizeCalculation,
  itemWriteUnits,
  MAX_ITEM_BYTES,
  perSecondRate,
  provisionedReadUnits,
  provisionedWriteUnits,
  QUERY_PAGE_BYTES,
  queryReadUnits,
  READ_BLOCK_BYTES,
  READ_UNITS_PER_BLOCK,
  readsPerSecond,
  readUnitsForSize,
  scanMinutes,
  scanUnits,
  SECONDS_PER,
  transactGetReadUnits,
  transactWriteUnits,
  updateItemWriteUnits,
  utf8ByteLength,
  WRITE_BLOCK_BYTES,
  writesPerSecond,
  writeUnitsForSize,
  writeUnitsPerBlock,
  type AttributeValue,
  type Item,
  type ReadConsistency,
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

// Wrong methods shared by several read calculators; `units(args, perBlock, blockBytes, round)`
// recomputes the figure with one rule broken.
function readMisconceptions<A extends { consistency: ReadConsistency }>(
  units: (args: A, options: { perBlock: number; blockBytes: number; roundSize: boolean }) => number,
): M<A>[] {
  const right = (a: A) => ({ perBlock: READ_UNITS_PER_BLOCK[a.consistency], blockBytes: READ_BLOCK_BYTES, roundSize: true });
  return [
    {
      id: 'no-round-up',
      name: 'Did not round the size up to whole 4 KB blocks',
      explanation: 'Reads are charged in whole 4 KB blocks: 4,097 bytes costs two blocks, not 1.0002.',
      compute: (a) => units(a, { ...right(a), roundSize: false }),
    },
    {
      id: 'one-kb-reads',
      name: 'Used 1 KB blocks for a read',
      explanation: '1 KB is the write block. A read unit covers up to 4 KB.',
      compute: (a) => units(a, { ...right(a), blockBytes: WRITE_BLOCK_BYTES }),
    },
    {
      id: 'halved-strong',
      name: 'Halved the cost of a strongly consistent read',
      explanation: 'A strongly consistent read costs 1 RCU per 4 KB; it is the eventually consistent read that costs half.',
      compute: (a) => (a.consistency === 'strong' ? units(a, { ...right(a), perBlock: 0.5 }) : Number.NaN),
    },
    {
      id: 'doubled-eventual',
      name: 'Charged an eventually consistent read as a full unit',
      explanation: 'An eventually consistent read costs 0.5 RCU per 4 KB, half a strongly consistent one.',
      compute: (a) => (a.consistency === 'eventual' ? units(a, { ...right(a), perBlock: 1 }) : Number.NaN),
    },
    {
      id: 'transaction-not-doubled',
      name: 'Did not double for a transactional read',
      explanation: 'A transactional read costs 2 RCU per 4 KB: DynamoDB performs two underlying reads.',
      compute: (a) => (a.consistency === 'transactional' ? units(a, { ...right(a), perBlock: 1 }) : Number.NaN),
    },
  ];
}

const blocksBy = (bytes: number, blockBytes: number, roundSize: boolean): number => (roundSize ? blocksFor(bytes, blockBytes) : bytes / blockBytes);

const noPerSecond = {
  id: 'no-per-second',
  name: 'Forgot to convert the volume to a per-second rate',
  explanation: 'Capacity units are per second. Divide a volume per minute, hour or day by 60, 3,600 or 86,400 first.',
};

const roundedRateFirst = {
  id: 'rounded-rate-first',
  name: 'Rounded the per-second rate up before multiplying',
  explanation:
    'That provisions more than the rate needs: multiply the exact rate by the units one request costs, then round only the final figure up (23.15 reads/s × 3 RCU = 69.4, so 70 RCU, not 24 × 3 = 72).',
};

/** Units with the rate rounded up to whole requests first; NaN when the volume is already per second. */
function unitsWithRateRoundedFirst(count: number, per: 'second' | 'minute' | 'hour' | 'day', perRequest: number): number {
  return per === 'second' ? Number.NaN : Math.ceil(Math.ceil(count / SECONDS_PER[per]) * perRequest);
}

function writeMisconceptions<A extends { transactional: boolean }>(
  units: (args: A, options: { perBlock: number; blockBytes: number; roundSize: boolean }) => number,
): M<A>[] {
  const right = (a: A) => ({ perBlock: writeUnitsPerBlock(a.transactional), blockBytes: WRITE_BLOCK_BYTES, roundSize: true });
  return [
    {
      id: 'no-round-up',
      name: 'Did not round the size up to whole 1 KB blocks',
      explanation: 'Writes are charged in whole 1 KB blocks: 1,025 bytes costs two write units.',
      compute: (a) => units(a, { ...right(a), roundSize: false }),
    },
    {
      id: 'four-kb-writes',
      name: 'Used 4 KB blocks for a write',
      explanation: '4 KB is the read block. A write unit covers only 1 KB.',
      compute: (a) => units(a, { ...right(a), blockBytes: READ_BLOCK_BYTES }),
    },
    {
      id: 'transaction-not-doubled',
      name: 'Did not double for a transactional write',
      explanation: 'A transactional write costs 2 WCU per 1 KB: DynamoDB prepares and then commits each item.',
      compute: (a) => (a.transactional ? units(a, { ...right(a), perBlock: 1 }) : Number.NaN),
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
    name: 'Counted only the values, not the attribute names',
    explanation: 'Every attribute name counts too, in UTF-8 bytes, once per item it appears in.',
  },
  {
    id: 'numbers-as-text',
    name: 'Counted numbers as their digits',
    explanation: 'A number is stored in about 1 byte per two significant digits, plus 1: 12345 takes 4 bytes, not 5.',
  },
  {
    id: 'no-container-overhead',
    name: 'Left out the overhead of lists and maps',
    explanation: 'A List or Map costs 3 bytes, plus 1 byte per element, on top of its elements.',
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
      ...writeMisconceptions<{ item: Item; transactional: boolean }>((a, o) => blocksBy(itemSize(a.item), o.blockBytes, o.roundSize) * o.perBlock),
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
      ...readMisconceptions<{ item: Item; consistency: ReadConsistency }>((a, o) => blocksBy(itemSize(a.item), o.blockBytes, o.roundSize) * o.perBlock),
    ],
  }),
  defineCalculator({
    name: 'itemReadUnits',
    description: 'RCU for one read of one item: args { itemBytes, consistency }',
    args: z.strictObject({ itemBytes: Bytes, consistency: Consistency }),
    calculate: itemReadUnits,
    misconceptions: readMisconceptions<{ itemBytes: number; consistency: ReadConsistency }>(
      (a, o) => blocksBy(a.itemBytes, o.blockBytes, o.roundSize) * o.perBlock,
    ),
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
      .refine((a) => a.itemCount * a.itemBytes <= QUERY_PAGE_BYTES, 'itemCount × itemBytes must fit in one 1 MB page'),
    calculate: queryReadUnits,
    misconceptions: [
      {
        id: 'rounded-each-item',
        name: 'Rounded each item up instead of the total',
        explanation: 'Query and Scan add up the sizes of all items read and round the total up to 4 KB once.',
        compute: (a) => a.itemCount * readUnitsForSize(a.itemBytes, a.consistency),
      },
      {
        id: 'returned-only',
        name: 'Counted only the items the filter returned',
        explanation: 'A FilterExpression is applied after the read: you pay for every item read, returned or not.',
        compute: (a) =>
          a.itemsReturned === undefined || a.itemsReturned >= a.itemCount ? Number.NaN : readUnitsForSize(a.itemsReturned * a.itemBytes, a.consistency),
      },
      ...readMisconceptions<{ itemCount: number; itemBytes: number; consistency: ReadConsistency; itemsReturned?: number | undefined }>(
        (a, o) => blocksBy(a.itemCount * a.itemBytes, o.blockBytes, o.roundSize) * o.perBlock,
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
        name: 'Added the sizes before rounding',
        explanation: 'BatchGetItem rounds every item up to 4 KB on its own, then adds; only Query and Scan round the total.',
        compute: (a) => readUnitsForSize(sum(a.itemSizes), a.consistency),
      },
      ...readMisconceptions<{ itemSizes: number[]; consistency: ReadConsistency }>(
        (a, o) => sum(a.itemSizes.map((b) => blocksBy(b, o.blockBytes, o.roundSize))) * o.perBlock,
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
        name: 'Added the sizes before rounding',
        explanation: 'Each item in a transaction is rounded up to 4 KB on its own.',
        compute: (a) => readUnitsForSize(sum(a.itemSizes), 'transactional'),
      },
      ...readMisconceptions<{ itemSizes: number[]; consistency: ReadConsistency }>(
        (a, o) => sum(a.itemSizes.map((b) => blocksBy(b, o.blockBytes, o.roundSize))) * o.perBlock,
      ).map((m) => ({ ...m, compute: (a: { itemSizes: number[] }) => m.compute({ ...a, consistency: 'transactional' }) })),
    ],
  }),
  defineCalculator({
    name: 'itemWriteUnits',
    description: 'WCU for one write of one item: args { itemBytes, transactional }',
    args: z.strictObject({ itemBytes: Bytes, transactional: z.boolean() }),
    calculate: itemWriteUnits,
    misconceptions: writeMisconceptions<{ itemBytes: number; transactional: boolean }>((a, o) => blocksBy(a.itemBytes, o.blockBytes, o.roundSize) * o.perBlock),
  }),
  defineCalculator({
    name: 'batchWriteUnits',
    description: 'WCU for one BatchWriteItem (each put or delete rounded on its own): args { itemSizes: [..] }',
    args: z.strictObject({ itemSizes: Sizes.max(25) }),
    calculate: batchWriteUnits,
    misconceptions: [
      {
        id: 'rounded-total',
        name: 'Added the sizes before rounding',
        explanation: 'Every put or delete in a batch is rounded up to 1 KB on its own.',
        compute: (a) => writeUnitsForSize(sum(a.itemSizes)),
      },
      ...writeMisconceptions<{ itemSizes: number[]; transactional: boolean }>(
        (a, o) => sum(a.itemSizes.map((b) => blocksBy(b, o.blockBytes, o.roundSize))) * o.perBlock,
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
        name: 'Added the sizes before rounding',
        explanation: 'Each item in a transaction is rounded up to 1 KB on its own.',
        compute: (a) => writeUnitsForSize(sum(a.itemSizes), true),
      },
      ...writeMisconceptions<{ itemSizes: number[]; transactional: boolean }>(
        (a, o) => sum(a.itemSizes.map((b) => blocksBy(b, o.blockBytes, o.roundSize))) * o.perBlock,
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
        name: 'Divided by 60 instead of 3,600',
        explanation: 'An hour has 3,600 seconds: divide by 60 for minutes, and by 60 again for seconds.',
        compute: (a) => (a.per === 'hour' ? a.count / 60 : Number.NaN),
      },
      {
        id: 'day-as-minutes',
        name: 'Divided a daily volume by 1,440 (the minutes in a day)',
        explanation: 'That gives a rate per minute. A day has 86,400 seconds (1,440 × 60).',
        compute: (a) => (a.per === 'day' ? a.count / 1440 : Number.NaN),
      },
      {
        id: 'day-as-hours',
        name: 'Divided a daily volume by 24 only',
        explanation: 'A day has 86,400 seconds (24 × 60 × 60).',
        compute: (a) => (a.per === 'day' ? a.count / 24 : Number.NaN),
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
        ...noPerSecond,
        compute: (a) => (a.per === 'second' ? Number.NaN : Math.ceil(a.count * readUnitsForSize(a.itemBytes, a.consistency))),
      },
      {
        ...roundedRateFirst,
        compute: (a) => unitsWithRateRoundedFirst(a.count, a.per, readUnitsForSize(a.itemBytes, a.consistency)),
      },
      ...readMisconceptions<{ itemBytes: number; count: number; per: 'second' | 'minute' | 'hour' | 'day'; consistency: ReadConsistency }>((a, o) =>
        Math.ceil((a.count / SECONDS_PER[a.per]) * blocksBy(a.itemBytes, o.blockBytes, o.roundSize) * o.perBlock - 1e-9),
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
        name: 'Provisioned for the daily average instead of the peak',
        explanation:
          'Provisioned capacity must cover the busiest period; spread over the whole day, the same writes need far fewer units, and the peak is throttled.',
        compute: (a) => (a.dayCount === undefined ? Number.NaN : Math.ceil((a.dayCount / 86400) * writeUnitsForSize(a.itemBytes, a.transactional) - 1e-9)),
      },
      {
        ...noPerSecond,
        compute: (a) => (a.per === 'second' ? Number.NaN : a.count * writeUnitsForSize(a.itemBytes, a.transactional)),
      },
      {
        ...roundedRateFirst,
        compute: (a) => unitsWithRateRoundedFirst(a.count, a.per, writeUnitsForSize(a.itemBytes, a.transactional)),
      },
      ...writeMisconceptions<{
        itemBytes: number;
        count: number;
        per: 'second' | 'minute' | 'hour' | 'day';
        transactional: boolean;
        dayCount?: number | undefined;
      }>((a, o) => Math.ceil((a.count / SECONDS_PER[a.per]) * blocksBy(a.itemBytes, o.blockBytes, o.roundSize) * o.perBlock - 1e-9)),
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
        name: 'Charged only the attributes that changed',
        explanation: 'An update is charged for the whole item: the larger of its size before and after, in 1 KB blocks.',
        compute: (a) => (a.changedBytes === undefined ? Number.NaN : writeUnitsForSize(a.changedBytes, a.transactional)),
      },
      {
        id: 'new-size-only',
        name: 'Used the size after the update even though it shrank',
        explanation: 'When an update makes the item smaller, it is still charged for the larger, earlier size.',
        compute: (a) => (a.afterBytes < a.beforeBytes ? writeUnitsForSize(a.afterBytes, a.transactional) : Number.NaN),
      },
      ...writeMisconceptions<{ beforeBytes: number; afterBytes: number; transactional: boolean; changedBytes?: number | undefined }>(
        (a, o) => blocksBy(Math.max(a.beforeBytes, a.afterBytes), o.blockBytes, o.roundSize) * o.perBlock,
      ),
    ],
  }),
  defineCalculator({
    name: 'readsPerSecond',
    description: 'Reads per second of items of itemBytes that a provisioned capacity serves: args { capacity, itemBytes, consistency }',
    args: z.strictObject({ capacity: Count, itemBytes: Bytes, consistency: Consistency }),
    calculate: readsPerSecond,
    misconceptions: [
      ...readMisconceptions<{ capacity: number; itemBytes: number; consistency: ReadConsistency }>((a, o) =>
        Math.floor(a.capacity / (blocksBy(a.itemBytes, o.blockBytes, o.roundSize) * o.perBlock) + 1e-9),
      ),
      {
        id: 'multiplied',
        name: 'Multiplied the capacity by the units per read',
        explanation: 'Each read uses up units; the reads a capacity serves is capacity ÷ units per read.',
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
      ...writeMisconceptions<{ capacity: number; itemBytes: number; transactional: boolean }>((a, o) =>
        Math.floor(a.capacity / (blocksBy(a.itemBytes, o.blockBytes, o.roundSize) * o.perBlock) + 1e-9),
      ),
      {
        id: 'multiplied',
        name: 'Multiplied the capacity by the units per write',
        explanation: 'Each write uses up units; the writes a capacity serves is capacity ÷ units per write.',
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
        name: 'Rounded every item up to 4 KB',
        explanation: 'A Scan adds up the sizes of the items on each 1 MB page and rounds once per page, not once per item.',
        compute: (a) => Math.ceil((a.itemCount * readUnitsForSize(a.itemBytes, a.consistency)) / a.capacity / 60 - 1e-9),
      },
      {
        id: 'seconds-not-minutes',
        name: 'Gave the time in seconds',
        explanation: 'Units per second give seconds; divide by 60 for minutes.',
        compute: (a) => Math.ceil(scanUnits(a) / a.capacity - 1e-9),
      },
      ...readMisconceptions<{ itemCount: number; itemBytes: number; capacity: number; consistency: 'eventual' | 'strong' }>((a, o) =>
        Math.ceil((blocksBy(a.itemCount * a.itemBytes, o.blockBytes, true) * o.perBlock) / a.capacity / 60 - 1e-9),
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
        name: 'Drew the whole spike from the burst bank',
        explanation: 'The provisioned rate keeps serving during the spike; only the excess above it comes out of the bank.',
        compute: (a) => Math.floor((BURST_WINDOW_SECONDS * (a.provisioned - a.consumedBefore)) / a.spike),
      },
      {
        id: 'always-300',
        name: 'Assumed a burst always lasts 300 seconds',
        explanation:
          '300 seconds is how much unused capacity is banked, not how long a spike can last: that depends on how far the spike exceeds the provisioned rate.',
        compute: () => BURST_WINDOW_SECONDS,
      },
      {
        id: 'banked-full-provisioned',
        name: 'Banked the full provisioned capacity, ignoring what was consumed',
        explanation: 'Only unused capacity is banked: provisioned minus consumed, for up to 300 seconds.',
        compute: (a) => (a.consumedBefore === 0 ? Number.NaN : Math.floor((BURST_WINDOW_SECONDS * a.provisioned) / (a.spike - a.provisioned))),
      },
      {
        id: 'banked-one-minute',
        name: 'Banked one minute instead of five',
        explanation: 'DynamoDB retains up to five minutes (300 seconds) of unused capacity.',
        compute: (a) => Math.floor((60 * (a.provisioned - a.consumedBefore)) / (a.spike - a.provisioned)),
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
        name: 'Multiplied by the target instead of dividing',
        explanation: 'Target utilisation is consumed / provisioned, so provisioned = consumed / target, which is more than consumed.',
        compute: (a) => Math.ceil((a.consumed * a.targetPercent) / 100 - 1e-9),
      },
      {
        id: 'added-headroom',
        name: 'Added the headroom percentage to the consumption',
        explanation: 'Adding (100 − target) % is not the same as dividing by the target: 150 / 0.7 = 215, but 150 × 1.3 = 195.',
        compute: (a) => Math.ceil((a.consumed * (200 - a.targetPercent)) / 100 - 1e-9),
      },
      {
        id: 'rounded-down',
        name: 'Rounded down',
        explanation: 'Rounding down leaves utilisation just above the target; capacity is rounded up.',
        compute: (a) => Math.floor((a.consumed * 100) / a.targetPercent),
      },
    ],
  }),
];
