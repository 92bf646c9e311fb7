/**
 * The DAX rules a scenario can name (`answer.rule`): thin wrappers over the sizing, offload and
 * cost functions of dax.ts and engine/cost/dax.ts, their inputs checked by name. Listed in
 * registry.ts.
 */
import { calculateDaxSaving } from '../cost/dax.ts';
import { formatUsd } from '../cost/money.ts';
import { DAX_NODE_TYPES } from '../cost/prices.ts';
import { DAX_LAYOUTS, daxTableLoadFigures, sizeDaxCluster } from './dax.ts';
import { readCount, readEnum, readFlag, type Rule, type RuleValue } from './rule-kit.ts';

const verdictName = (id: string): string => `verdict_${id.replace(/-/g, '_')}`;

export const daxClusterLayout: Rule = {
  name: 'daxClusterLayout',
  description: `The smallest sound DAX cluster layout (${DAX_LAYOUTS.map((l) => l.id).join(', ')}) for a production flag and the nodes a load test needed, its node count (best_nodes), and what is wrong with each other layout (verdict_<id>: too-many-nodes, production-under-three-nodes, production-single-az, too-few-for-load, larger-than-needed; none for the key)`,
  inputs: [
    { name: 'production', kind: 'flag' },
    { name: 'nodes_needed', kind: 'number', min: 1 },
  ],
  outputs: ['best', 'best_nodes', ...DAX_LAYOUTS.map((l) => verdictName(l.id))],
  apply(inputs) {
    const sized = sizeDaxCluster(readFlag('daxClusterLayout', inputs, 'production'), readCount('daxClusterLayout', inputs, 'nodes_needed', 1));
    const out: Record<string, RuleValue> = { best: sized.best, best_nodes: sized.bestNodes };
    for (const [id, verdict] of Object.entries(sized.verdicts)) out[verdictName(id)] = verdict;
    return out;
  },
};

export const daxTableLoad: Rule = {
  name: 'daxTableLoad',
  description:
    'What reaches the table behind DAX (best: misses-and-strong-reads) at `reads` a second of `bytes`, a `hit` ratio (0–1) and `strong_pct` % strong reads: the whole RCU (right_rcu), four wrong figures with one step changed (no_dax_rcu, hit_rcu, strong_cached_rcu, strong_eventual_rcu) and the working',
  inputs: [
    { name: 'reads', kind: 'number', min: 1 },
    { name: 'hit', kind: 'number', min: 0 },
    { name: 'bytes', kind: 'number', min: 1 },
    { name: 'strong_pct', kind: 'number', min: 0 },
  ],
  outputs: ['best', 'right_rcu', 'no_dax_rcu', 'hit_rcu', 'strong_cached_rcu', 'strong_eventual_rcu', 'working'],
  apply(inputs) {
    const n = (name: string, min: number): number => readCount('daxTableLoad', inputs, name, min);
    const f = daxTableLoadFigures({ readsPerSecond: n('reads', 1), hitRatio: n('hit', 0), itemBytes: n('bytes', 1), strongShare: n('strong_pct', 0) / 100 });
    return {
      best: 'misses-and-strong-reads',
      right_rcu: f.right,
      no_dax_rcu: f.noDax,
      hit_rcu: f.hitsSent,
      strong_cached_rcu: f.strongCached,
      strong_eventual_rcu: f.strongAtEventual,
      working: f.calculation.steps.map((s) => `${s.label}: ${s.formula ?? ''} = ${s.value}`).join('; '),
    };
  },
};

const TABLE_MODES = ['provisioned', 'on-demand'] as const;

export const daxPaysOff: Rule = {
  name: 'daxPaysOff',
  description:
    'Whether a DAX cluster (`node_type`, `nodes`) saves more on table reads than it costs (pays, does-not) at `reads` a second of `bytes` and a `hit` ratio, the table in `mode` (provisioned at a 70 % auto-scaling target, or on-demand): the cluster, the saving and the net in USD a month, and the working',
  inputs: [
    { name: 'node_type', kind: 'enum', values: DAX_NODE_TYPES },
    { name: 'nodes', kind: 'number', min: 1 },
    { name: 'reads', kind: 'number', min: 1 },
    { name: 'bytes', kind: 'number', min: 1 },
    { name: 'hit', kind: 'number', min: 0 },
    { name: 'mode', kind: 'enum', values: TABLE_MODES },
  ],
  outputs: ['best', 'cluster_usd', 'saving_usd', 'net_usd', 'working'],
  apply(inputs) {
    const n = (name: string, min: number): number => readCount('daxPaysOff', inputs, name, min);
    const cost = calculateDaxSaving({
      nodeType: readEnum('daxPaysOff', inputs, 'node_type', DAX_NODE_TYPES),
      nodes: n('nodes', 1),
      readsPerSecond: n('reads', 1),
      readItemBytes: n('bytes', 1),
      hitRatio: n('hit', 0),
      tableMode: readEnum('daxPaysOff', inputs, 'mode', TABLE_MODES),
      targetUtilisation: 0.7,
      tableClass: 'standard',
    });
    return {
      best: cost.paysForItself ? 'pays' : 'does-not',
      cluster_usd: formatUsd(cost.clusterCost),
      saving_usd: formatUsd(cost.saving),
      net_usd: formatUsd(cost.net.abs()),
      working: cost.calculation.steps.map((st) => `${st.label}: ${st.formula ? `${st.formula} = ` : ''}${st.value}`).join('; '),
    };
  },
};

export const DAX_RULES: readonly Rule[] = [daxClusterLayout, daxTableLoad, daxPaysOff];
