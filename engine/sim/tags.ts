/**
 * The tags that turn the simulation on for one table on the wire, and their settings. A learner
 * sets them with TagResource (or CreateTable's Tags), from the SDK or the CLI:
 *
 *   aws dynamodb tag-resource --resource-arn <arn> --tags Key=sim:enabled,Value=true
 *
 * Keys (all optional but `sim:enabled`; a table without `sim:enabled=true` is served by the plain
 * engine, whatever else it carries):
 *
 *   sim:enabled               true | false
 *   sim:replication-lag-ms    200 (fixed) | 10-1000 (uniform)     default 10-1000
 *   sim:index-lag-ms          same forms                           default 10-500
 *   sim:enforce-throughput    true | false                         default true
 *   sim:seed                  0 .. 4294967295                      default 1
 *   sim:burst-at-start        empty | full                         default empty
 *   sim:partitions            1 .. 100 (at least this many)        default 1
 *   sim:dax-nodes             1 .. 11                              default 1   (POST /dax)
 *   sim:dax-item-ttl-ms       0 .. 86400000                        default 300000
 *   sim:dax-query-ttl-ms      0 .. 86400000                        default 300000
 *
 * These are the simulation's, not AWS's: DynamoDB has no such tags, so the messages below are
 * ours, in the form of AWS's tag messages ("One or more parameter values were invalid: ...").
 * DAX allows up to 11 nodes per cluster (one primary and up to ten read replicas):
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.cluster.html
 */
import { DAX_MAX_NODES } from '../rules/dax.ts';
import { ValidationException } from '../errors.ts';
import type { LagDistribution } from './random.ts';

export const SIM_TAG_PREFIX = 'sim:';

/** Longest lag a tag may ask for: pending writes are held that long, so it bounds memory. */
export const MAX_SIM_LAG_MS = 600_000;
/** Most partitions a tag may ask for: a Scan's units are spread over all of them. */
export const MAX_SIM_PARTITIONS = 100;
/** Longest DAX TTL a tag may ask for: a day. */
export const MAX_DAX_TTL_MS = 86_400_000;

/** A simulated table's settings, read off its tags. */
export interface SimTableSettings {
  readonly enabled: boolean;
  readonly replicationLag?: LagDistribution | undefined;
  readonly indexLag?: LagDistribution | undefined;
  readonly enforceThroughput: boolean;
  readonly seed: number;
  readonly burstAtStart: 'empty' | 'full';
  readonly partitions: number;
  readonly daxNodes: number;
  readonly daxItemTtlMs?: number | undefined;
  readonly daxQueryTtlMs?: number | undefined;
}

export const SIM_TAG_MESSAGES = {
  unknownKey: (key: string) => `One or more parameter values were invalid: Unknown simulation tag key: ${key}. Known keys: ${Object.keys(PARSERS).join(', ')}`,
  badValue: (key: string, value: string, expected: string) =>
    `One or more parameter values were invalid: Invalid value for tag ${key}: ${value}. Expected ${expected}`,
} as const;

type Parser = (value: string, key: string) => Partial<SimTableSettings>;

const WHOLE = /^\d+$/;

function whole(key: string, value: string, min: number, max: number, expected: string): number {
  const n = WHOLE.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) throw new ValidationException(SIM_TAG_MESSAGES.badValue(key, value, expected));
  return n;
}

function bool(key: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ValidationException(SIM_TAG_MESSAGES.badValue(key, value, 'true or false'));
}

function lag(key: string, value: string): LagDistribution {
  const expected = `milliseconds, fixed (200) or a uniform range (10-1000), from 0 to ${MAX_SIM_LAG_MS}`;
  const range = /^(\d+)-(\d+)$/.exec(value);
  if (range) {
    const min = whole(key, range[1]!, 0, MAX_SIM_LAG_MS, expected);
    const max = whole(key, range[2]!, 0, MAX_SIM_LAG_MS, expected);
    if (min > max) throw new ValidationException(SIM_TAG_MESSAGES.badValue(key, value, expected));
    return min === max ? { kind: 'fixed', ms: min } : { kind: 'uniform', minMs: min, maxMs: max };
  }
  return { kind: 'fixed', ms: whole(key, value, 0, MAX_SIM_LAG_MS, expected) };
}

const PARSERS: Readonly<Record<string, Parser>> = {
  'sim:enabled': (v, k) => ({ enabled: bool(k, v) }),
  'sim:replication-lag-ms': (v, k) => ({ replicationLag: lag(k, v) }),
  'sim:index-lag-ms': (v, k) => ({ indexLag: lag(k, v) }),
  'sim:enforce-throughput': (v, k) => ({ enforceThroughput: bool(k, v) }),
  'sim:seed': (v, k) => ({ seed: whole(k, v, 0, 4_294_967_295, 'a whole number from 0 to 4294967295') }),
  'sim:burst-at-start': (v, k) => {
    if (v !== 'empty' && v !== 'full') throw new ValidationException(SIM_TAG_MESSAGES.badValue(k, v, 'empty or full'));
    return { burstAtStart: v };
  },
  'sim:partitions': (v, k) => ({ partitions: whole(k, v, 1, MAX_SIM_PARTITIONS, `a whole number from 1 to ${MAX_SIM_PARTITIONS}`) }),
  'sim:dax-nodes': (v, k) => ({ daxNodes: whole(k, v, 1, DAX_MAX_NODES, `a whole number from 1 to ${DAX_MAX_NODES}`) }),
  'sim:dax-item-ttl-ms': (v, k) => ({ daxItemTtlMs: whole(k, v, 0, MAX_DAX_TTL_MS, `milliseconds from 0 to ${MAX_DAX_TTL_MS}`) }),
  'sim:dax-query-ttl-ms': (v, k) => ({ daxQueryTtlMs: whole(k, v, 0, MAX_DAX_TTL_MS, `milliseconds from 0 to ${MAX_DAX_TTL_MS}`) }),
};

const DEFAULTS: SimTableSettings = { enabled: false, enforceThroughput: true, seed: 1, burstAtStart: 'empty', partitions: 1, daxNodes: 1 };

/**
 * A table's simulation settings from its tags; throws ValidationException for an unknown `sim:`
 * key or a value out of range, so TagResource and CreateTable refuse it before anything changes.
 */
export function simSettings(tags: Readonly<Record<string, string>> | undefined): SimTableSettings {
  let settings: SimTableSettings = DEFAULTS;
  if (!tags) return settings;
  for (const [key, value] of Object.entries(tags)) {
    if (!key.startsWith(SIM_TAG_PREFIX)) continue;
    const parse = Object.hasOwn(PARSERS, key) ? PARSERS[key] : undefined;
    if (!parse) throw new ValidationException(SIM_TAG_MESSAGES.unknownKey(key));
    settings = { ...settings, ...parse(value, key) };
  }
  return settings;
}

/** The `sim:` tags alone, as one string: equal strings mean equal settings. */
export function simTagsKey(tags: Readonly<Record<string, string>> | undefined): string {
  if (!tags) return '';
  return JSON.stringify(
    Object.entries(tags)
      .filter(([k]) => k.startsWith(SIM_TAG_PREFIX))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
