/**
 * Every decision rule a scenario can name (`rule: capacityMode` in its front matter), by name,
 * in one list, as graphql-js keeps specifiedRules.ts: the bank looks a rule up here, feeds it
 * the variant's parameters as inputs and takes its outputs (the key first of all). Each entry
 * checks its inputs and says which one is wrong, so a bad scenario fails at content:check with
 * the input's name rather than with a wrong key.
 */
import { AUTO_SCALING_GOALS, autoScalingAction } from './auto-scaling-action.ts';
import { CAPACITY_TRAFFIC_SHAPES, chooseCapacityMode } from './capacity-mode.ts';
import { chooseCache, daxStaleness, type DataSource } from './dax.ts';
import { choosePrimaryKeyKind } from './key-design.ts';
import { INDEX_RULES } from './index-rules.ts';
import { DAX_RULES } from './dax-rules.ts';
import { SERVERLESS_RULES } from './serverless-rules.ts';
import { readUnitsForSize } from '../capacity/units.ts';
import { planRead, READ_SOURCES, strongReadOutcome, type Freshness } from './read-consistency.ts';
import { chooseRead, READ_NEEDS } from './read-mode.ts';
import { cheapestReadPlan, costReadPlans } from './read-plan.ts';
import { SURGE_SHAPES, surgeFix } from './surge-fix.ts';
import { strongReadCostRule } from './strong-read-cost.ts';
import { partitionKeyRule } from './partition-key.ts';
import { payloadPlacementRule } from './payload-placement.ts';
import { itemSizeLimitRule } from './item-size-limit.ts';
import { keyConditionRule } from './key-condition-outcome.ts';

import { readCount, readEnum, readFlag, type Rule } from './rule-kit.ts';

export { RuleInputError, type Rule, type RuleInput, type RuleInputs, type RuleValue } from './rule-kit.ts';

const capacityMode: Rule = {
  name: 'capacityMode',
  description: 'The capacity mode a traffic shape calls for (on-demand, provisioned, autoscaling)',
  inputs: [{ name: 'shape', kind: 'enum', values: CAPACITY_TRAFFIC_SHAPES }],
  outputs: ['best'],
  apply: (inputs) => ({ best: chooseCapacityMode(readEnum('capacityMode', inputs, 'shape', CAPACITY_TRAFFIC_SHAPES)) }),
};

const autoScalingChange: Rule = {
  name: 'autoScalingAction',
  description: 'What to change in the scaling policy for a goal (change-target, raise-minimum, lower-maximum, toggle-auto-scaling)',
  inputs: [{ name: 'goal', kind: 'enum', values: AUTO_SCALING_GOALS }],
  outputs: ['best'],
  apply: (inputs) => ({ best: autoScalingAction(readEnum('autoScalingAction', inputs, 'goal', AUTO_SCALING_GOALS)) }),
};

const surge: Rule = {
  name: 'surgeFix',
  description: 'What stops an auto-scaled table throttling in a surge (switch-to-on-demand, scheduled-scaling, keep-target-tracking)',
  inputs: [{ name: 'shape', kind: 'enum', values: SURGE_SHAPES }],
  outputs: ['best'],
  apply: (inputs) => ({ best: surgeFix(readEnum('surgeFix', inputs, 'shape', SURGE_SHAPES)) }),
};

const readMode: Rule = {
  name: 'readMode',
  description: 'The read a requirement needs (eventual, strong, base-strong, transact)',
  inputs: [
    { name: 'need', kind: 'enum', values: READ_NEEDS },
    { name: 'source', kind: 'enum', values: READ_SOURCES, default: 'table' },
  ],
  outputs: ['best'],
  apply: (inputs) => ({
    best: chooseRead(readEnum('readMode', inputs, 'need', READ_NEEDS), readEnum('readMode', inputs, 'source', READ_SOURCES, 'table')),
  }),
};

const strongRead: Rule = {
  name: 'strongReadOutcome',
  description: 'What a ConsistentRead=true request to a source returns (latest-data, validation-exception)',
  inputs: [{ name: 'source', kind: 'enum', values: READ_SOURCES }],
  outputs: ['best'],
  apply: (inputs) => ({ best: strongReadOutcome(readEnum('strongReadOutcome', inputs, 'source', READ_SOURCES)) }),
};

const readPlan: Rule = {
  name: 'readPlan',
  description: 'The cheapest of five ways to read `wanted` items from one item collection, and what each costs in RCU (best is empty on a tie)',
  inputs: [
    { name: 'wanted', kind: 'number', min: 1 },
    { name: 'collection', kind: 'number', min: 1 },
    { name: 'table', kind: 'number', min: 1 },
    { name: 'bytes', kind: 'number', min: 1 },
  ],
  outputs: ['best', 'cost_query', 'cost_batch', 'cost_get_strong', 'cost_transact', 'cost_scan'],
  apply(inputs) {
    const n = (name: string): number => readCount('readPlan', inputs, name, 1);
    const situation = { wanted: n('wanted'), collection: n('collection'), table: n('table'), itemBytes: n('bytes') };
    const costs = costReadPlans(situation);
    return {
      best: cheapestReadPlan(situation) ?? '',
      cost_query: costs.query,
      cost_batch: costs.batch,
      cost_get_strong: costs['get-strong'],
      cost_transact: costs.transact,
      cost_scan: costs.scan,
    };
  },
};

const FRESHNESS: readonly Freshness[] = ['latest', 'seconds'];

const readWhere: Rule = {
  name: 'planRead',
  description:
    'The cheapest read meeting a freshness need (latest, seconds) on a source (table, lsi, gsi, stream): strong, eventual, or read-base-table when the source cannot serve strong reads; with the RCU of strong and eventual reads of `bytes` at `reads` per second',
  inputs: [
    { name: 'source', kind: 'enum', values: READ_SOURCES },
    { name: 'freshness', kind: 'enum', values: FRESHNESS },
    { name: 'bytes', kind: 'number', min: 1 },
    { name: 'reads', kind: 'number', min: 1 },
  ],
  outputs: ['best', 'strong_rcu', 'eventual_rcu'],
  apply(inputs) {
    const source = readEnum('planRead', inputs, 'source', READ_SOURCES);
    const freshness = readEnum('planRead', inputs, 'freshness', FRESHNESS);
    const itemBytes = readCount('planRead', inputs, 'bytes', 1);
    const reads = readCount('planRead', inputs, 'reads', 1);
    const plan = planRead({ source, freshness, itemBytes, readsPerSecond: reads });
    return {
      best: plan.possible ? plan.mode : 'read-base-table',
      strong_rcu: readUnitsForSize(itemBytes, 'strong') * reads,
      eventual_rcu: readUnitsForSize(itemBytes, 'eventual') * reads,
    };
  },
};

/** How the application reads an entity, as an input word: choosePrimaryKeyKind takes the two needs as flags. */
const KEY_READS = ['by-id', 'related-in-order'] as const;

const primaryKeyKind: Rule = {
  name: 'primaryKeyKind',
  description:
    "The primary key an entity needs (simple, composite) from how it is read: by-id (one item by its identifier) or related-in-order (an owner's items together or in order)",
  inputs: [{ name: 'reads', kind: 'enum', values: KEY_READS }],
  outputs: ['best'],
  apply(inputs) {
    const reads = readEnum('primaryKeyKind', inputs, 'reads', KEY_READS);
    return { best: choosePrimaryKeyKind({ lookupById: reads === 'by-id', relatedItemsInOrder: reads === 'related-in-order' }) };
  },
};

/** The data behind a cache: DynamoDB alone, or DynamoDB and one other source. */
const CACHE_SOURCES = ['dynamodb', 'dynamodb+rds', 'dynamodb+aurora', 'dynamodb+s3', 'dynamodb+http-api'] as const;
const LATENCY_NEEDS = ['microseconds', 'milliseconds'] as const;

const cacheChoice: Rule = {
  name: 'cacheChoice',
  description:
    'DAX, ElastiCache or no cache for a workload (chooseCache), and the reason that decided (strong-reads-pass-through, write-heavy, reads-rarely-repeat, several-sources, computed-results, own-invalidation, dynamodb-only-read-heavy)',
  inputs: [
    { name: 'sources', kind: 'enum', values: CACHE_SOURCES },
    { name: 'ratio', kind: 'number', min: 0.001 },
    { name: 'strong', kind: 'flag' },
    { name: 'computed', kind: 'flag' },
    { name: 'own_invalidation', kind: 'flag' },
    { name: 'latency_need', kind: 'enum', values: LATENCY_NEEDS, default: 'microseconds' },
    { name: 'repeats', kind: 'flag', default: true },
  ],
  outputs: ['best', 'reason'],
  apply(inputs) {
    const advice = chooseCache({
      sources: readEnum('cacheChoice', inputs, 'sources', CACHE_SOURCES).split('+') as DataSource[],
      readsPerWrite: readCount('cacheChoice', inputs, 'ratio', 0.001),
      strongReadsRequired: readFlag('cacheChoice', inputs, 'strong'),
      cachesComputedResults: readFlag('cacheChoice', inputs, 'computed'),
      ownsInvalidation: readFlag('cacheChoice', inputs, 'own_invalidation'),
      latencyNeed: readEnum('cacheChoice', inputs, 'latency_need', LATENCY_NEEDS, 'microseconds'),
      repeatedReads: readFlag('cacheChoice', inputs, 'repeats', true),
    });
    return { best: advice.choice, reason: advice.reasons[0]! };
  },
};

const DAX_WRITE_PATHS = ['through-dax', 'direct-to-dynamodb'] as const;
const DAX_READ_KINDS = ['get-item', 'query'] as const;

const daxStale: Rule = {
  name: 'daxStaleness',
  description:
    'What bounds how long a read through DAX returns the old value after a write (write-through-updates-item-cache, item-cache-ttl, query-cache-ttl), from the write path (through-dax, direct-to-dynamodb) and the read (get-item, query)',
  inputs: [
    { name: 'write_path', kind: 'enum', values: DAX_WRITE_PATHS },
    { name: 'read_kind', kind: 'enum', values: DAX_READ_KINDS },
  ],
  outputs: ['best'],
  apply(inputs) {
    // The cause does not depend on the TTLs; they only say how long the window is.
    const writePath = readEnum('daxStaleness', inputs, 'write_path', DAX_WRITE_PATHS);
    const readKind = readEnum('daxStaleness', inputs, 'read_kind', DAX_READ_KINDS);
    return { best: daxStaleness({ writePath, readKind, itemTtlSeconds: 0, queryTtlSeconds: 0 }).cause };
  },
};

/** The rules by name. To add one: a file with the decision, then an entry here. */
export const RULES: ReadonlyMap<string, Rule> = new Map(
  [
    capacityMode,
    autoScalingChange,
    surge,
    readMode,
    strongRead,
    readPlan,
    primaryKeyKind,
    readWhere,
    cacheChoice,
    daxStale,
    ...INDEX_RULES,
    ...DAX_RULES,
    ...SERVERLESS_RULES,
    strongReadCostRule,
    partitionKeyRule,
    payloadPlacementRule,
    itemSizeLimitRule,
    keyConditionRule,
  ].map((r) => [r.name, r]),
);
