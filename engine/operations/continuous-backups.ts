/**
 * DescribeContinuousBackups and UpdateContinuousBackups: point-in-time recovery (PITR) status.
 * Continuous backups are always on for a table (ContinuousBackupsStatus ENABLED); PITR is off
 * until turned on, and then keeps RecoveryPeriodInDays days (1 to 35, default 35) of history
 * (engine/streams/history.ts), which RestoreTableToPointInTime restores from
 * (restore-table-to-point-in-time.ts). The window is on the engine clock; it also starts no
 * earlier than the oldest write the history still holds, as the history is bounded in bytes.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeContinuousBackups.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContinuousBackups.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoveryDescription.html
 */
import type { Database } from '../database.ts';
import { TableNotFoundException } from '../errors.ts';
import type { Table } from '../storage/table.ts';
import type { Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';

/** AWS's default and largest recovery period, in days. */
export const MAX_RECOVERY_PERIOD_DAYS = 35;
/**
 * LatestRestorableDateTime "is typically 5 minutes before the current time"
 * (API_PointInTimeRecoveryDescription.html).
 */
export const LATEST_RESTORABLE_LAG_SECONDS = 5 * 60;

/** TableName here may be a table's name or its ARN (up to 1,024 characters), as on AWS. */
const TABLE_NAME_OR_ARN = { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 1024 } as const;

export function tableOf(db: Database, nameOrArn: string): Table {
  const name = nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('table/') + 'table/'.length) : nameOrArn;
  const table = db.findTable(name);
  // AWS's text is not in its documentation; "Table not found: <name>" is what moto answers
  // (moto/dynamodb/exceptions.py, TableNotFoundException), unconfirmed against AWS.
  if (!table || (nameOrArn.startsWith('arn:') && table.definition.arn !== nameOrArn)) {
    throw new TableNotFoundException(`Table not found: ${name}`);
  }
  return table;
}

/** The window a PITR table can be restored to, in seconds of engine time; undefined when PITR is off. */
export function restorableWindow(
  table: Table,
  nowSeconds: number,
  horizonSeconds = Number.NEGATIVE_INFINITY,
): { earliest: number; latest: number } | undefined {
  const pitr = table.definition.pointInTimeRecovery;
  if (!pitr) return undefined;
  const earliest = Math.max(pitr.enabledAt, nowSeconds - pitr.recoveryPeriodInDays * 86400, horizonSeconds);
  return { earliest, latest: Math.max(earliest, nowSeconds - LATEST_RESTORABLE_LAG_SECONDS) };
}

/** The restorable window of a table in `db`, with the history's horizon. */
export function restorableWindowIn(db: Database, table: Table): { earliest: number; latest: number } | undefined {
  return restorableWindow(table, db.nowSeconds(), db.streams.history.horizon(table.definition.tableId) / 1000);
}

/** ContinuousBackupsDescription of `table` at engine time `nowSeconds`. */
export function describeContinuousBackups(table: Table, nowSeconds: number, horizonSeconds = Number.NEGATIVE_INFINITY): Record<string, unknown> {
  const pitr = table.definition.pointInTimeRecovery;
  const window = restorableWindow(table, nowSeconds, horizonSeconds);
  if (!pitr || !window) {
    return { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } };
  }
  const { earliest, latest } = window;
  return {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: {
      PointInTimeRecoveryStatus: 'ENABLED',
      RecoveryPeriodInDays: pitr.recoveryPeriodInDays,
      EarliestRestorableDateTime: earliest,
      LatestRestorableDateTime: latest,
    },
  };
}

const describeShape: ShapeSpec = { TableName: TABLE_NAME_OR_ARN };

function runDescribe(db: Database, request: Record<string, unknown>): unknown {
  const table = tableOf(db, request.TableName as string);
  return { ContinuousBackupsDescription: describeContinuousBackups(table, db.nowSeconds(), db.streams.history.horizon(table.definition.tableId) / 1000) };
}

const updateShape: ShapeSpec = {
  TableName: TABLE_NAME_OR_ARN,
  PointInTimeRecoverySpecification: {
    type: 'FieldStruct<PointInTimeRecoverySpecification>',
    notNull: true,
    children: {
      PointInTimeRecoveryEnabled: { type: 'Boolean', notNull: true },
      RecoveryPeriodInDays: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: MAX_RECOVERY_PERIOD_DAYS },
    },
  },
};

function runUpdate(db: Database, request: Record<string, unknown>): unknown {
  const table = tableOf(db, request.TableName as string);
  const spec = request.PointInTimeRecoverySpecification as { PointInTimeRecoveryEnabled: boolean; RecoveryPeriodInDays?: number };
  const current = table.definition.pointInTimeRecovery;
  if (!spec.PointInTimeRecoveryEnabled) {
    table.definition.pointInTimeRecovery = undefined;
    // Turning PITR off deletes its history; on again, the window starts afresh.
    if (current) db.streams.history.forget(table.definition.tableId);
  } else {
    // Enabling again keeps the history already kept; only the period changes.
    table.definition.pointInTimeRecovery = {
      enabledAt: current?.enabledAt ?? db.nowSeconds(),
      recoveryPeriodInDays: spec.RecoveryPeriodInDays ?? current?.recoveryPeriodInDays ?? MAX_RECOVERY_PERIOD_DAYS,
    };
  }
  return { ContinuousBackupsDescription: describeContinuousBackups(table, db.nowSeconds(), db.streams.history.horizon(table.definition.tableId) / 1000) };
}

export const describeContinuousBackupsOperation: Operation = { shape: describeShape, run: runDescribe };
export const updateContinuousBackups: Operation = { shape: updateShape, run: runUpdate };
