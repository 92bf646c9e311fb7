/** Every API action the engine serves, by the name in `X-Amz-Target: DynamoDB_20120810.<Action>`. */
import { batchGetItem } from './batch-get-item.ts';
import { batchWriteItem } from './batch-write-item.ts';
import { createTable } from './create-table.ts';
import { deleteItem } from './delete-item.ts';
import { getItem } from './get-item.ts';
import { putItem } from './put-item.ts';
import { query } from './query.ts';
import { scan } from './scan.ts';
import { transactGetItems } from './transact-get-items.ts';
import { transactWriteItems } from './transact-write-items.ts';
import { listTagsOfResource, tagResource, untagResource } from './tags.ts';
import { describeTimeToLive, updateTimeToLive } from './time-to-live.ts';
import { updateItem } from './update-item.ts';
import { updateTable } from './update-table.ts';
import { deleteTable } from './delete-table.ts';
import { describeLimits } from './describe-limits.ts';
import { describeEndpoints } from './describe-endpoints.ts';
import { describeContinuousBackupsOperation, updateContinuousBackups } from './continuous-backups.ts';
import { restoreTableToPointInTime } from './restore-table-to-point-in-time.ts';
import { describeTable } from './describe-table.ts';
import { listTables } from './list-tables.ts';
import { batchExecuteStatement } from './batch-execute-statement.ts';
import { executeStatement } from './execute-statement.ts';
import { executeTransaction } from './execute-transaction.ts';
import type { Operation } from './operation.ts';

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateTable: createTable,
  DescribeTable: describeTable,
  DeleteTable: deleteTable,
  ListTables: listTables,
  PutItem: putItem,
  GetItem: getItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  BatchGetItem: batchGetItem,
  BatchWriteItem: batchWriteItem,
  TransactWriteItems: transactWriteItems,
  TransactGetItems: transactGetItems,
  UpdateTable: updateTable,
  UpdateTimeToLive: updateTimeToLive,
  DescribeTimeToLive: describeTimeToLive,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsOfResource: listTagsOfResource,
  DescribeLimits: describeLimits,
  ExecuteStatement: executeStatement,
  BatchExecuteStatement: batchExecuteStatement,
  ExecuteTransaction: executeTransaction,
  DescribeEndpoints: describeEndpoints,
  DescribeContinuousBackups: describeContinuousBackupsOperation,
  UpdateContinuousBackups: updateContinuousBackups,
  RestoreTableToPointInTime: restoreTableToPointInTime,
};
