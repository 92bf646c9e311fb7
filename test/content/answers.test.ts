/**
 * Independent oracles: each numeric family's answer recomputed from its parameters with the
 * textbook formula, for many seeds. They catch wiring mistakes in front matter (a wrong
 * argument expression, a swapped parameter) that the calculators' own tests cannot see.
 */
import { describe, expect, it } from 'vitest';
import { loadContentBank } from '../helpers/content-bank.ts';

const bank = loadContentBank();

type P = Record<string, string | number | boolean>;
const n = (p: P, k: string): number => Number(p[k]);
const readBlocks = (bytes: number): number => Math.max(1, Math.ceil(bytes / 4096));
const writeBlocks = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));
const perBlock = (mode: unknown): number => (mode === 'strong' ? 1 : mode === 'transactional' ? 2 : 0.5);
const SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400 };
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

const ORACLES: Record<string, (p: P) => number> = {
  'math.rcu-single-read': (p) => Math.ceil(readBlocks(n(p, 'size_kb') * 1024 + n(p, 'extra')) * perBlock(p.consistency) * n(p, 'reads')),
  'math.wcu-writes-per-second': (p) => writeBlocks(n(p, 'bytes')) * n(p, 'writes'),
  'math.rate-writes-per-period': (p) => Math.ceil((n(p, 'count') * writeBlocks(n(p, 'bytes'))) / SECONDS[String(p['period.per'])]!),
  'math.rate-reads-per-period': (p) =>
    Math.ceil((n(p, 'count') * readBlocks(n(p, 'bytes')) * perBlock(p.consistency) * 2) / SECONDS[String(p['period.per'])]! / 2),
  'math.query-read-units': (p) => readBlocks(n(p, 'count') * n(p, 'bytes')) * perBlock(p['read.mode']),
  'math.batchget-read-units': (p) => sum(['a', 'b', 'c', 'd'].map((k) => readBlocks(n(p, k)))) * perBlock(p.consistency),
  'math.transact-write-units': (p) => sum(['a', 'b', 'c'].map((k) => writeBlocks(n(p, k)))) * 2,
  'math.transact-read-rate': (p) => readBlocks(n(p, 'bytes')) * 2 * n(p, 'items'),
  'math.scan-filter-read-units': (p) => readBlocks(n(p, 'scanned') * n(p, 'bytes')) * perBlock(p.consistency),
  'math.update-item-units': (p) => writeBlocks(Math.max(n(p, 'before'), n(p, 'before') + Number(p['change.delta']))),
  'math.batch-write-units': (p) => sum(['a', 'b', 'c', 'd', 'e'].map((k) => writeBlocks(n(p, k)))),
  'math.transact-get-units': (p) => sum(['a', 'b', 'c'].map((k) => readBlocks(n(p, k)))) * 2,
  'math.reads-per-second-capacity': (p) => Math.floor(n(p, 'capacity') / (readBlocks(n(p, 'bytes')) * perBlock(p['read.mode']))),
  'math.writes-per-second-capacity': (p) => Math.floor(n(p, 'capacity') / (writeBlocks(n(p, 'bytes')) * (p['mode.transactional'] === true ? 2 : 1))),
  'math.hot-key-writes': (p) => Math.floor(1000 / writeBlocks(n(p, 'bytes'))),
  'math.hot-key-reads': (p) => Math.floor(3000 / (readBlocks(n(p, 'bytes')) * perBlock(p['read.mode']))),
  'math.peak-hour-writes': (p) => Math.ceil((n(p, 'peak_hour') * writeBlocks(n(p, 'bytes'))) / 3600),
  'consistency.switch-to-strong': (p) => Math.ceil((n(p, 'count') * readBlocks(n(p, 'bytes'))) / SECONDS[String(p['period.per'])]!),
  'capacity.autoscaling-target': (p) => Math.ceil((n(p, 'consumed') * 100) / n(p, 'target')),
  'capacity.burst-duration': (p) => Math.floor((300 * (n(p, 'provisioned') - n(p, 'consumed'))) / (n(p, 'spike') - n(p, 'provisioned'))),
};

describe('numeric answers agree with an independent formula', () => {
  it.each(Object.keys(ORACLES))('%s', (id) => {
    expect(bank.get(id)).toBeDefined();
    for (let seed = 0; seed < 100; seed++) {
      const { variant, key } = bank.instance(id, seed);
      if (key.kind !== 'numeric') throw new Error(`${id} is not numeric`);
      expect({ seed, value: key.calculation.value }).toEqual({ seed, value: ORACLES[id]!(variant.params as P) });
    }
  });
});

describe('rule-derived keys agree with the requirement they were generated from', () => {
  it.each([
    ['consistency.choose-read-mode', 'req.need', { latest: 'strong', 'stale-ok': 'eventual', snapshot: 'transact' }],
    [
      'capacity.choose-mode',
      'traffic.shape',
      { 'daily-cycle': 'autoscaling', 'steady-growth': 'autoscaling', spiky: 'on-demand', 'new-unknown': 'on-demand', 'mostly-idle': 'on-demand' },
    ],
  ] as const)('%s', (id, param, expected: Readonly<Record<string, string>>) => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      const { variant, key } = bank.instance(id, seed);
      const requirement = String(variant.params[param]);
      seen.add(requirement);
      expect({ seed, key: key.kind === 'choice' ? key.correct : undefined }).toEqual({ seed, key: expected[requirement] });
    }
    expect([...seen].sort()).toEqual(Object.keys(expected).sort());
  });
});
