/**
 * DescribeLimits: the account's provisioned-capacity quotas, at AWS's defaults. Checked against
 * the quotas page (December 2026): per account and Region 80,000 read and 80,000 write capacity
 * units across provisioned tables and GSIs; per table or GSI 40,000 of each.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeLimits.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#default-limits-throughput
 */
import type { Operation } from './operation.ts';

export const ACCOUNT_MAX_CAPACITY_UNITS = 80000;
export const TABLE_MAX_CAPACITY_UNITS = 40000;

export const describeLimits: Operation = {
  shape: {},
  run: () => ({
    AccountMaxReadCapacityUnits: ACCOUNT_MAX_CAPACITY_UNITS,
    AccountMaxWriteCapacityUnits: ACCOUNT_MAX_CAPACITY_UNITS,
    TableMaxReadCapacityUnits: TABLE_MAX_CAPACITY_UNITS,
    TableMaxWriteCapacityUnits: TABLE_MAX_CAPACITY_UNITS,
  }),
};
