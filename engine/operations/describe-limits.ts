/**
 * DescribeLimits: the account's provisioned-capacity quotas, at AWS's defaults.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeLimits.html
 */
import type { Operation } from './operation.ts';

export const describeLimits: Operation = {
  shape: {},
  run: () => ({
    AccountMaxReadCapacityUnits: 80000,
    AccountMaxWriteCapacityUnits: 80000,
    TableMaxReadCapacityUnits: 40000,
    TableMaxWriteCapacityUnits: 40000,
  }),
};
