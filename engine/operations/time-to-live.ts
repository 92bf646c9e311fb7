/**
 * UpdateTimeToLive and DescribeTimeToLive. The change completes at once in engine time, so the
 * status goes straight to ENABLED or DISABLED.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
 */
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import { TABLE_NAME_FIELD, type Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';

const updateShape: ShapeSpec = {
  TableName: TABLE_NAME_FIELD,
  TimeToLiveSpecification: {
    type: 'FieldStruct<TimeToLiveSpecification>',
    notNull: true,
    children: {
      Enabled: { type: 'Boolean', notNull: true },
      AttributeName: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 255 },
    },
  },
};

function runUpdate(db: Database, request: Record<string, unknown>): unknown {
  const table = db.tableByName(request.TableName as string);
  const spec = request.TimeToLiveSpecification as { Enabled: boolean; AttributeName: string };
  const ttl = table.definition.timeToLive;
  if (spec.Enabled && ttl.status === 'ENABLED') throw new ValidationException('TimeToLive is already enabled');
  if (!spec.Enabled && ttl.status === 'DISABLED') throw new ValidationException('TimeToLive is already disabled');
  if (!spec.Enabled && ttl.attributeName !== spec.AttributeName) {
    throw new ValidationException(`TimeToLive is enabled on a different attribute: ${ttl.attributeName}`);
  }
  table.definition.timeToLive = spec.Enabled ? { status: 'ENABLED', attributeName: spec.AttributeName } : { status: 'DISABLED' };
  return { TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName } };
}

const describeShape: ShapeSpec = {
  TableName: { type: 'String', required: true, tableName: true, regex: '[a-zA-Z0-9_.-]+' },
};

function runDescribe(db: Database, request: Record<string, unknown>): unknown {
  const ttl = db.tableByName(request.TableName as string).definition.timeToLive;
  const description: Record<string, unknown> = { TimeToLiveStatus: ttl.status };
  if (ttl.status !== 'DISABLED' && ttl.attributeName !== undefined) description.AttributeName = ttl.attributeName;
  return { TimeToLiveDescription: description };
}

export const updateTimeToLive: Operation = { shape: updateShape, run: runUpdate };
export const describeTimeToLive: Operation = { shape: describeShape, run: runDescribe };
