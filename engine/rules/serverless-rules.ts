/**
 * The serverless rules a scenario can name (`answer.rule`): thin wrappers over serverless.ts,
 * their inputs checked by name. Listed in registry.ts.
 */
import { readCount, readEnum, readFlag, type Rule } from './rule-kit.ts';
import { compareScanToQuery, recommendArchitecture } from './serverless.ts';

export const scanToQuery: Rule = {
  name: 'scanToQuery',
  description:
    'The cheaper way (query, scan) to read the `matching` items of one partition-key value from a table of `items` items of `bytes`: a Scan with a filter (every item read, rounded per 1 MB page) or a Query on the key (rounded once), with both RCU figures and the Scan pages',
  inputs: [
    { name: 'items', kind: 'number', min: 1 },
    { name: 'bytes', kind: 'number', min: 1 },
    { name: 'matching', kind: 'number', min: 1 },
  ],
  outputs: ['best', 'scan_rcu', 'query_rcu', 'scan_pages'],
  apply(inputs) {
    const n = (name: string): number => readCount('scanToQuery', inputs, name, 1);
    const r = compareScanToQuery({ tableItems: n('items'), itemBytes: n('bytes'), matchingItems: n('matching') });
    return { best: r.query.value < r.scan.value ? 'query' : 'scan', scan_rcu: r.scan.value, query_rcu: r.query.value, scan_pages: r.scanPages };
  },
};

const TRAFFIC = ['unpredictable', 'steady-high'] as const;

export const serverlessArchitecture: Rule = {
  name: 'serverlessArchitecture',
  description:
    "The study guide's architecture for a migration (serverless-first, containers-portable, serverless-with-provisioned-concurrency) from the traffic (unpredictable, steady-high) and whether the team knows serverless, lock-in is acceptable and cold starts are acceptable; with the reason that decided (lock-in-unacceptable, team-unfamiliar, steady-high-traffic, cold-starts, bursty-tight-budget)",
  inputs: [
    { name: 'traffic', kind: 'enum', values: TRAFFIC },
    { name: 'team_knows', kind: 'flag' },
    { name: 'lock_in_ok', kind: 'flag' },
    { name: 'cold_ok', kind: 'flag' },
  ],
  outputs: ['best', 'reason'],
  apply(inputs) {
    const { choice, reason } = recommendArchitecture({
      traffic: readEnum('serverlessArchitecture', inputs, 'traffic', TRAFFIC),
      // The budget is tight in every variant of the family; it does not decide between these three.
      monthlyBudget: 0,
      teamKnowsServerless: readFlag('serverlessArchitecture', inputs, 'team_knows'),
      lockInAcceptable: readFlag('serverlessArchitecture', inputs, 'lock_in_ok'),
      coldStartsUnacceptable: !readFlag('serverlessArchitecture', inputs, 'cold_ok'),
    });
    return { best: choice, reason };
  },
};

export const SERVERLESS_RULES: readonly Rule[] = [scanToQuery, serverlessArchitecture];
