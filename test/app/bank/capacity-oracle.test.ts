/**
 * Every numeric capacity family's key, recomputed from the variant's parameters by the rules as
 * AWS states them, without the engine's calculators: 4 KB read blocks (0.5 / 1 / 2 RCU), 1 KB write
 * blocks (1 / 2 WCU), Query sums then rounds once, batches and transactions round each item, an
 * UpdateItem is charged for the larger size, rates are per second and rounded up once at the end.
 * Sources: read-write-operations.html, CapacityUnitCalculations.html, transaction-apis.html,
 * AutoScaling.CLI.html (150 WCU at 70 % → 215), re:Post dynamodb-spiky-workloads-short-intervals.
 */
import { describe, expect, it } from 'vitest';
import { loadContentBank } from '../../helpers/content-bank.ts';

const bank = loadContentBank();
const SECONDS: Readonly<Record<string, number>> = { second: 1, minute: 60, hour: 3600, day: 86400 };
const readBlocks = (bytes: number): number => Math.max(1, Math.ceil(bytes / 4096));
const writeBlocks = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));
const perBlock = (consistency: unknown): number => (consistency === 'eventual' ? 0.5 : consistency === 'strong' ? 1 : 2);
// Products of a rate and a unit price can land a hair above a whole number in floating point.
const ceil = (x: number): number => Math.ceil(x - 1e-9);
const floor = (x: number): number => Math.floor(x + 1e-9);

/** AWS's formula: UTF-8 name bytes + value; numbers 1 byte per two significant digits + 1. */
function documentedSize(value: Record<string, unknown>): number {
  const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');
  const number = (n: string): number => {
    const digits = n.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
    return digits.length === 0 ? 1 : Math.ceil(digits.length / 2) + 1;
  };
  const [[type, v]] = Object.entries(value) as [[string, unknown]];
  switch (type) {
    case 'S':
      return utf8(v as string);
    case 'N':
      return number(v as string);
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (v as string[]).reduce((sum, s) => sum + utf8(s), 0);
    case 'L':
      return 3 + (v as Record<string, unknown>[]).reduce((sum, e) => sum + 1 + documentedSize(e), 0);
    case 'M':
      return 3 + Object.entries(v as Record<string, Record<string, unknown>>).reduce((sum, [k, e]) => sum + 1 + utf8(k) + documentedSize(e), 0);
    default:
      throw new Error(`no documented size for ${type}`);
  }
}
const itemBytes = (json: string): number =>
  Object.entries(JSON.parse(json) as Record<string, Record<string, unknown>>).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + documentedSize(v), 0);

type P = Readonly<Record<string, string | number | boolean>>;
const n = (p: P, k: string): number => Number(p[k]);
const sizes = (p: P, keys: string[], blocks: (b: number) => number): number => keys.reduce((sum, k) => sum + blocks(n(p, k)), 0);

const ORACLE: Readonly<Record<string, (p: P, args: Record<string, unknown>) => number>> = {
  'math.batch-write-units': (p) => sizes(p, ['a', 'b', 'c', 'd', 'e'], writeBlocks),
  'math.batchget-read-units': (p) => sizes(p, ['a', 'b', 'c', 'd'], readBlocks) * perBlock(p.consistency),
  'math.hot-key-reads': (p) => floor(3000 / (readBlocks(n(p, 'bytes')) * perBlock(p['read.mode']))),
  'math.hot-key-writes': (p) => floor(1000 / writeBlocks(n(p, 'bytes'))),
  'math.item-size-json': (_p, a) => itemBytes(a.item as string),
  'math.item-write-units': (_p, a) => writeBlocks(itemBytes(a.item as string)),
  'math.peak-hour-writes': (p) => ceil(((n(p, 'day_count') * n(p, 'share')) / 100 / n(p, 'hours') / 3600) * writeBlocks(n(p, 'bytes'))),
  'math.query-read-units': (p) => readBlocks(n(p, 'count') * n(p, 'bytes')) * perBlock(p['read.mode']),
  'math.rate-reads-per-period': (p) => ceil((n(p, 'count') / SECONDS[p['period.per'] as string]!) * readBlocks(n(p, 'bytes')) * perBlock(p.consistency)),
  'math.rate-writes-per-period': (p) => ceil((n(p, 'count') / SECONDS[p['period.per'] as string]!) * writeBlocks(n(p, 'bytes'))),
  'math.rcu-single-read': (p) => ceil(n(p, 'reads') * readBlocks(n(p, 'size_kb') * 1024 + n(p, 'extra')) * perBlock(p.consistency)),
  'math.reads-per-second-capacity': (p) => floor(n(p, 'capacity') / (readBlocks(n(p, 'bytes')) * perBlock(p['read.mode']))),
  'math.scan-filter-read-units': (p) => readBlocks(n(p, 'scanned') * n(p, 'bytes')) * perBlock(p.consistency),
  'math.transact-get-units': (p) => sizes(p, ['a', 'b', 'c'], readBlocks) * 2,
  'math.transact-read-rate': (p) => ceil(n(p, 'items') * readBlocks(n(p, 'bytes')) * 2),
  'math.transact-write-units': (p) => sizes(p, ['a', 'b', 'c'], writeBlocks) * 2,
  'math.update-item-units': (p) => writeBlocks(Math.max(n(p, 'before'), n(p, 'before') + n(p, 'change.delta'))),
  'math.wcu-writes-per-second': (p) => n(p, 'writes') * writeBlocks(n(p, 'bytes')),
  'math.writes-per-second-capacity': (p) => floor(n(p, 'capacity') / (writeBlocks(n(p, 'bytes')) * (p['mode.transactional'] ? 2 : 1))),
  'capacity.autoscaling-target': (p) => ceil(n(p, 'consumed') / (n(p, 'target') / 100)),
  'capacity.burst-duration': (p) => floor((300 * (n(p, 'provisioned') - n(p, 'consumed'))) / (n(p, 'spike') - n(p, 'provisioned'))),
  'consistency.switch-to-strong': (p) => ceil((n(p, 'count') / SECONDS[p['period.per'] as string]!) * readBlocks(n(p, 'bytes'))),
  // Within the family's tolerance of a minute: the whole table in 4 KB blocks, without 1 MB pages.
  'math.scan-duration': (p) => ceil((((n(p, 'count') * n(p, 'bytes')) / 4096) * perBlock(p.consistency)) / n(p, 'capacity') / 60),
};

describe('numeric capacity families agree with the documented rules', () => {
  it.each(Object.keys(ORACLE))('%s', (id) => {
    for (let seed = 0; seed < 100; seed++) {
      const instance = bank.instance(id, seed);
      if (instance.key.kind !== 'numeric') throw new Error(`${id} is not numeric`);
      const expected = ORACLE[id]!(instance.variant.params as P, instance.key.args);
      expect(
        Math.abs(instance.key.calculation.value - expected),
        `${id} seed ${seed}: key ${instance.key.calculation.value}, rules ${expected}`,
      ).toBeLessThanOrEqual(instance.key.tolerance);
    }
  });
});
