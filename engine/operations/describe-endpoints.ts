/**
 * DescribeEndpoints: the regional endpoint and how long a client may cache it, as AWS answers it
 * (`dynamodb.<region>.amazonaws.com`, 1,440 minutes). SDKs call it only for endpoint discovery,
 * which they skip when an endpoint is configured, so answering AWS's address never sends a
 * client configured for this server elsewhere.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeEndpoints.html
 */
import type { Database } from '../database.ts';
import type { Operation } from './operation.ts';

/** Minutes a client may cache the answer, as AWS answers (API_Endpoint.html). */
export const ENDPOINT_CACHE_PERIOD_MINUTES = 1440;

export const describeEndpoints: Operation = {
  shape: {},
  run: (db: Database) => ({
    Endpoints: [{ Address: `dynamodb.${db.region}.amazonaws.com`, CachePeriodInMinutes: ENDPOINT_CACHE_PERIOD_MINUTES }],
  }),
};
