/**
 * StreamSpecification on CreateTable and UpdateTable, and the stream fields of a
 * TableDescription. The texts were recorded from the real service (UpdateTable and CreateTable
 * against AWS, 2026-10, ack-api-quirks DDB-TABLE-050 and DDB-TABLE-437): after a stream is
 * disabled, DescribeTable leaves StreamSpecification out but keeps LatestStreamArn and
 * LatestStreamLabel, and every enable starts a new stream with a new ARN.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_StreamSpecification.html
 */
import type { Database } from '../database.ts';
import { ValidationException } from '../errors.ts';
import type { FieldSpec } from '../operations/shape.ts';
import type { Table, TableDefinition } from '../storage/table.ts';
import { STREAM_VIEW_TYPES, type StreamViewType } from './stream.ts';

export const STREAM_SPECIFICATION_FIELD: FieldSpec = {
  type: 'FieldStruct<StreamSpecification>',
  children: {
    StreamEnabled: { type: 'Boolean', notNull: true },
    StreamViewType: { type: 'String', enum: STREAM_VIEW_TYPES },
  },
};

export interface StreamSpecification {
  readonly StreamEnabled: boolean;
  readonly StreamViewType?: StreamViewType;
}

const INVALID = 'One or more parameter values were invalid:';

/** CreateTable's request-only check of StreamSpecification. */
export function validateCreateStreamSpecification(spec: StreamSpecification | undefined): void {
  if (!spec) return;
  if (spec.StreamEnabled && spec.StreamViewType === undefined) {
    throw new ValidationException(`${INVALID} Table is being created with a stream enabled, UpdateViewType is required`);
  }
  if (!spec.StreamEnabled && spec.StreamViewType !== undefined) {
    throw new ValidationException(`${INVALID} Table is being created with a stream disabled, UpdateViewType should not be specified`);
  }
}

/** UpdateTable's request-only check of StreamSpecification. */
export function validateUpdateStreamSpecification(spec: StreamSpecification | undefined): void {
  if (!spec) return;
  if (spec.StreamEnabled && spec.StreamViewType === undefined) {
    throw new ValidationException(`${INVALID} If stream is being enabled then UpdateViewType is required`);
  }
  if (!spec.StreamEnabled && spec.StreamViewType !== undefined) {
    throw new ValidationException(`${INVALID} If stream is being disabled, then UpdateViewType must not be specified`);
  }
}

/** UpdateTable's check against the table's current stream; run before anything changes. */
export function checkStreamChange(table: Table, spec: StreamSpecification | undefined): void {
  if (!spec) return;
  const name = table.definition.name;
  // Changing the view type in place is refused the same way: disable, then enable again.
  if (spec.StreamEnabled && table.definition.streamViewType !== undefined) {
    throw new ValidationException(`Table already has an enabled stream: TableName: ${name}`);
  }
  if (!spec.StreamEnabled && table.definition.streamViewType === undefined) {
    throw new ValidationException(`Table has no stream to disable: TableName: ${name}`);
  }
}

/** Enables or disables the table's stream as `spec` asks (already checked). */
export function applyStreamSpecification(db: Database, table: Table, spec: StreamSpecification | undefined): void {
  if (!spec) return;
  const definition = table.definition;
  if (spec.StreamEnabled) {
    const stream = db.streams.enable(table, spec.StreamViewType!, db.now());
    definition.streamViewType = spec.StreamViewType;
    definition.latestStream = { arn: stream.arn, label: stream.label };
  } else {
    db.streams.disable(definition.name, db.now());
    definition.streamViewType = undefined;
  }
}

/** The stream members of a TableDescription. */
export function describeStreamFields(definition: TableDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (definition.streamViewType !== undefined) {
    out.StreamSpecification = { StreamEnabled: true, StreamViewType: definition.streamViewType };
  }
  if (definition.latestStream) {
    out.LatestStreamLabel = definition.latestStream.label;
    out.LatestStreamArn = definition.latestStream.arn;
  }
  return out;
}
