/**
 * The partition key among four candidates (a, b, c, d) that spreads a workload: one whose busiest
 * value stays within a partition's 3,000 RCU and 1,000 WCU, then the most distinct values, then
 * the least skew (choosePartitionKey), with each candidate's load on its busiest value.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-uniform-load.html
 */
import { choosePartitionKey, measureHottestKey, type PartitionKeyCandidate } from './key-design.ts';
import { readCount, type Rule, type RuleInput, type RuleValue } from './rule-kit.ts';

const CANDIDATES = ['a', 'b', 'c', 'd'] as const;

export const partitionKeyRule: Rule = {
  name: 'partitionKey',
  description:
    "The partition key among candidates a, b, c and d (each with `<x>_values` distinct values and `<x>_share`, the share of requests on its busiest value) for `reads` eventually consistent reads and `writes` writes per second of `bytes`; outputs best (a-d) and each candidate's `<x>_rcu`, `<x>_wcu` on its busiest value and `<x>_hot` (more than one partition can serve)",
  inputs: [
    ...CANDIDATES.flatMap((c): RuleInput[] => [
      { name: `${c}_values`, kind: 'number', min: 1 },
      { name: `${c}_share`, kind: 'number', min: 0 },
    ]),
    { name: 'reads', kind: 'number', min: 0 },
    { name: 'writes', kind: 'number', min: 0 },
    { name: 'bytes', kind: 'number', min: 1 },
  ],
  outputs: ['best', ...CANDIDATES.flatMap((c) => [`${c}_rcu`, `${c}_wcu`, `${c}_hot`])],
  apply(inputs) {
    const n = (name: string, min: number): number => readCount('partitionKey', inputs, name, min);
    const workload = { readsPerSecond: n('reads', 0), writesPerSecond: n('writes', 0), itemBytes: n('bytes', 1) };
    const candidates: PartitionKeyCandidate[] = CANDIDATES.map((c) => ({ name: c, distinctValues: n(`${c}_values`, 1), hottestShare: n(`${c}_share`, 0) }));
    const out: Record<string, RuleValue> = { best: choosePartitionKey(candidates, workload).name };
    for (const candidate of candidates) {
      const load = measureHottestKey(candidate, workload);
      Object.assign(out, { [`${candidate.name}_rcu`]: load.hottestRcu, [`${candidate.name}_wcu`]: load.hottestWcu, [`${candidate.name}_hot`]: load.hot });
    }
    return out;
  },
};
