/**
 * RestoreTableToPointInTime: a new table holding the source table's items as they were at a
 * time within its restorable window (EarliestRestorableDateTime to LatestRestorableDateTime, the
 * latter five minutes before now), rebuilt from the source's point-in-time history
 * (engine/streams/history.ts) by undoing, newest first, every write made after that time.
 *
 * As AWS documents, the new table gets the source's current GSIs, LSIs, billing mode and
 * provisioned throughput (BillingModeOverride and ProvisionedThroughputOverride replace the last
 * two), and not its tags, stream, TTL or PITR settings, nor its auto scaling policies. The table
 * is usable at once in engine time; the response reports CREATING with RestoreInProgress, as AWS
 * answers while it restores. A deleted table cannot be restored here (AWS keeps a deleted
 * table's PITR history for its recovery period): its name answers TableNotFoundException.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.Tutorial.html
 */
import type { Database } from '../database.ts';
import {
  InvalidRestoreTimeException,
  LimitExceededException,
  PointInTimeRecoveryUnavailableException,
  TableAlreadyExistsException,
  ValidationException,
} from '../errors.ts';
import { type BillingMode, Table, type TableDefinition } from '../storage/table.ts';
import { restorableWindowIn, tableOf } from './continuous-backups.ts';
import type { Operation } from './operation.ts';
import type { FieldSpec, ShapeSpec } from './shape.ts';
import { describeTable } from './table-description.ts';

const THROUGHPUT_FIELD: FieldSpec = {
  type: 'FieldStruct<ProvisionedThroughput>',
  children: {
    WriteCapacityUnits: { type: 'Long', notNull: true, greaterThanOrEqual: 1 },
    ReadCapacityUnits: { type: 'Long', notNull: true, greaterThanOrEqual: 1 },
  },
};

const shape: ShapeSpec = {
  SourceTableArn: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 1024 },
  SourceTableName: { type: 'String', tableName: true, regex: '[a-zA-Z0-9_.-]+', lengthGreaterThanOrEqual: 3, lengthLessThanOrEqual: 255 },
  TargetTableName: { type: 'String', notNull: true, tableName: true, regex: '[a-zA-Z0-9_.-]+', lengthGreaterThanOrEqual: 3, lengthLessThanOrEqual: 255 },
  UseLatestRestorableTime: 'Boolean',
  // A timestamp: the SDKs send seconds since the epoch, with a fraction.
  RestoreDateTime: 'Double',
  BillingModeOverride: { type: 'String', enum: ['PROVISIONED', 'PAY_PER_REQUEST'] },
  ProvisionedThroughputOverride: THROUGHPUT_FIELD,
};

interface RestoreRequest {
  readonly SourceTableArn?: string;
  readonly SourceTableName?: string;
  readonly TargetTableName: string;
  readonly UseLatestRestorableTime?: boolean;
  readonly RestoreDateTime?: number;
  readonly BillingModeOverride?: BillingMode;
  readonly ProvisionedThroughputOverride?: { readonly ReadCapacityUnits: number; readonly WriteCapacityUnits: number };
}

/**
 * AWS does not document these texts; they follow the API reference's descriptions. The PITR one
 * is the live service's text as moto records it for ExportTableToPointInTime (tests marked
 * aws_verified), the other two are moto's (moto/dynamodb/exceptions.py), unconfirmed against AWS.
 */
export const RESTORE_MESSAGES = {
  sourceMissing: 'Either SourceTableName or SourceTableArn must be specified',
  sourceBoth: 'Only one of SourceTableName or SourceTableArn can be specified',
  timeMissing: 'Either RestoreDateTime or UseLatestRestorableTime must be specified',
  timeBoth: 'Only one of RestoreDateTime or UseLatestRestorableTime can be specified',
  throughputMissing: 'ProvisionedThroughputOverride must be specified when BillingModeOverride is PROVISIONED',
  pitrOff: (table: string) => `Point in time recovery is not enabled for table '${table}'`,
  targetExists: (table: string) => `Table already exists: ${table}`,
  invalidTime: 'RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime.',
} as const;

function validate(raw: Record<string, unknown>): void {
  const data = raw as unknown as RestoreRequest;
  if (data.SourceTableName === undefined && data.SourceTableArn === undefined) throw new ValidationException(RESTORE_MESSAGES.sourceMissing);
  if (data.SourceTableName !== undefined && data.SourceTableArn !== undefined) throw new ValidationException(RESTORE_MESSAGES.sourceBoth);
  const latest = data.UseLatestRestorableTime === true;
  if (!latest && data.RestoreDateTime === undefined) throw new ValidationException(RESTORE_MESSAGES.timeMissing);
  if (latest && data.RestoreDateTime !== undefined) throw new ValidationException(RESTORE_MESSAGES.timeBoth);
  if (data.BillingModeOverride === 'PROVISIONED' && data.ProvisionedThroughputOverride === undefined) {
    throw new ValidationException(RESTORE_MESSAGES.throughputMissing);
  }
}

function run(db: Database, raw: Record<string, unknown>): unknown {
  const data = raw as unknown as RestoreRequest;
  const source = tableOf(db, (data.SourceTableArn ?? data.SourceTableName)!);
  const name = source.definition.name;
  const window = restorableWindowIn(db, source);
  if (!window) throw new PointInTimeRecoveryUnavailableException(RESTORE_MESSAGES.pitrOff(name));
  if (db.hasTable(data.TargetTableName)) throw new TableAlreadyExistsException(RESTORE_MESSAGES.targetExists(data.TargetTableName));
  const at = data.UseLatestRestorableTime === true ? window.latest : data.RestoreDateTime!;
  if (at < window.earliest || at > window.latest) throw new InvalidRestoreTimeException(RESTORE_MESSAGES.invalidTime);
  if (db.tableCount() >= db.limits.maxTables) {
    throw new LimitExceededException(`Subscriber limit exceeded: Only ${db.limits.maxTables} tables can be created in this sandbox`);
  }

  const copy = source.clone();
  const billingMode = data.BillingModeOverride ?? copy.definition.billingMode;
  const throughput = data.ProvisionedThroughputOverride
    ? {
        readCapacityUnits: data.ProvisionedThroughputOverride.ReadCapacityUnits,
        writeCapacityUnits: data.ProvisionedThroughputOverride.WriteCapacityUnits,
        numberOfDecreasesToday: 0,
      }
    : billingMode === 'PAY_PER_REQUEST'
      ? { readCapacityUnits: 0, writeCapacityUnits: 0, numberOfDecreasesToday: 0 }
      : { ...copy.definition.throughput, lastIncreaseDateTime: undefined, lastDecreaseDateTime: undefined, numberOfDecreasesToday: 0 };
  const definition: TableDefinition = {
    name: data.TargetTableName,
    key: copy.definition.key,
    attributeDefinitions: copy.definition.attributeDefinitions,
    billingMode,
    throughput,
    createdAt: db.nowSeconds(),
    tableId: db.nextTableId(data.TargetTableName),
    arn: db.tableArn(data.TargetTableName),
    status: 'ACTIVE',
    // Not restored, as AWS documents: TTL, stream, tags, PITR (and deletion protection starts off).
    timeToLive: { status: 'DISABLED' },
    deletionProtection: false,
    tags: {},
  };
  const target = new Table(definition, copy.items, copy.indexes);
  // GSIs follow the table's billing mode: no throughput on demand; the table's override when
  // switched to provisioned without one (AWS takes GlobalSecondaryIndexOverride, not served here).
  for (const { definition: index } of target.indexes.values()) {
    if (index.kind !== 'global') continue;
    if (billingMode === 'PAY_PER_REQUEST') index.throughput = undefined;
    else if (!index.throughput)
      index.throughput = { readCapacityUnits: throughput.readCapacityUnits, writeCapacityUnits: throughput.writeCapacityUnits, numberOfDecreasesToday: 0 };
  }
  // Undo, newest first, what was written after the restore time. The table is not in the
  // database yet, so the undo writes reach neither a stream nor the history.
  for (const entry of db.streams.history.writesAfter(source.definition.tableId, at * 1000)) {
    if (entry.before) target.put(entry.before.item, entry.before.size);
    else target.delete(entry.key);
  }
  if (db.totalBytes() + target.items.bytes > db.limits.maxBytes) {
    throw new LimitExceededException(`Sandbox size limit exceeded: restoring ${name} would hold more than ${db.limits.maxBytes} bytes of items`);
  }
  db.addTable(target);
  const description = describeTable(target, 'CREATING');
  return {
    TableDescription: {
      ...description,
      RestoreSummary: { SourceTableArn: source.definition.arn, RestoreDateTime: at, RestoreInProgress: true },
    },
  };
}

export const restoreTableToPointInTime: Operation = { shape, validate, run };
