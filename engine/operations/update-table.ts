/**
 * UpdateTable: billing mode, provisioned throughput, and global secondary indexes created,
 * updated or deleted. Changes complete at once in engine time; the response reports the
 * intermediate statuses (UPDATING, CREATING, DELETING) that DynamoDB reports, and the next
 * DescribeTable shows them ACTIVE or gone.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
 */
import type { Database } from '../database.ts';
import { LimitExceededException, ResourceNotFoundException, ValidationException } from '../errors.ts';
import type { Table, Throughput } from '../storage/table.ts';
import type { ScalarAttributeType } from '../values/attribute-value.ts';
import {
  ATTRIBUTE_NAME_FIELD,
  checkIndexDefinition,
  checkThroughputBounds,
  GLOBAL_INDEX_KEY_SCHEMA_FIELD,
  INDEX_NAME_FIELD,
  PROJECTION_FIELD,
  toGlobalIndex,
} from './create-table.ts';
import { keyAttributes } from './common.ts';
import type { Operation } from './operation.ts';
import type { FieldSpec, ShapeSpec } from './shape.ts';
import { describeTable } from './table-description.ts';
import {
  applyStreamSpecification,
  checkStreamChange,
  STREAM_SPECIFICATION_FIELD,
  type StreamSpecification,
  validateUpdateStreamSpecification,
} from '../streams/specification.ts';

const THROUGHPUT: FieldSpec = {
  type: 'FieldStruct<ProvisionedThroughput>',
  children: {
    WriteCapacityUnits: { type: 'Long', notNull: true, greaterThanOrEqual: 1 },
    ReadCapacityUnits: { type: 'Long', notNull: true, greaterThanOrEqual: 1 },
  },
};

const shape: ShapeSpec = {
  TableName: { type: 'String', required: true, tableName: true, regex: '[a-zA-Z0-9_.-]+' },
  AttributeDefinitions: {
    type: 'List',
    children: {
      type: 'ValueStruct<AttributeDefinition>',
      children: {
        AttributeName: ATTRIBUTE_NAME_FIELD,
        AttributeType: { type: 'String', notNull: true, enum: ['B', 'N', 'S'] },
      },
    },
  },
  ProvisionedThroughput: THROUGHPUT,
  BillingMode: { type: 'String', enum: ['PROVISIONED', 'PAY_PER_REQUEST'] },
  DeletionProtectionEnabled: 'Boolean',
  StreamSpecification: STREAM_SPECIFICATION_FIELD,
  GlobalSecondaryIndexUpdates: {
    type: 'List',
    children: {
      type: 'ValueStruct<GlobalSecondaryIndexUpdate>',
      children: {
        Update: {
          type: 'FieldStruct<UpdateGlobalSecondaryIndexAction>',
          children: { IndexName: INDEX_NAME_FIELD, ProvisionedThroughput: { ...THROUGHPUT, notNull: true } },
        },
        Create: {
          type: 'FieldStruct<CreateGlobalSecondaryIndexAction>',
          children: { Projection: PROJECTION_FIELD, IndexName: INDEX_NAME_FIELD, ProvisionedThroughput: THROUGHPUT, KeySchema: GLOBAL_INDEX_KEY_SCHEMA_FIELD },
        },
        Delete: { type: 'FieldStruct<DeleteGlobalSecondaryIndexAction>', children: { IndexName: INDEX_NAME_FIELD } },
      },
    },
  },
};

interface RawThroughput {
  ReadCapacityUnits: number;
  WriteCapacityUnits: number;
}
interface IndexUpdate {
  Update?: { IndexName: string; ProvisionedThroughput: RawThroughput };
  Create?: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: string }[];
    Projection: { ProjectionType?: string; NonKeyAttributes?: string[] };
    ProvisionedThroughput?: RawThroughput;
  };
  Delete?: { IndexName: string };
}
interface UpdateTableRequest {
  TableName: string;
  AttributeDefinitions?: { AttributeName: string; AttributeType: ScalarAttributeType }[];
  ProvisionedThroughput?: RawThroughput;
  BillingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST';
  DeletionProtectionEnabled?: boolean;
  GlobalSecondaryIndexUpdates?: IndexUpdate[];
}

const INVALID = 'One or more parameter values were invalid:';

function validate(raw: Record<string, unknown>): void {
  const data = raw as unknown as UpdateTableRequest;
  if (
    !data.ProvisionedThroughput &&
    !data.BillingMode &&
    !data.GlobalSecondaryIndexUpdates?.length &&
    data.DeletionProtectionEnabled === undefined &&
    !raw.StreamSpecification
  ) {
    throw new ValidationException(
      'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required',
    );
  }
  if (data.BillingMode === 'PROVISIONED' && !data.ProvisionedThroughput) {
    throw new ValidationException(`${INVALID} ProvisionedThroughput must be specified when BillingMode is PROVISIONED`);
  }
  if (data.ProvisionedThroughput) checkThroughputBounds(data.ProvisionedThroughput);
  validateUpdateStreamSpecification(raw.StreamSpecification as StreamSpecification | undefined);
  const names = new Set<string>();
  for (const update of data.GlobalSecondaryIndexUpdates ?? []) {
    const actions = [update.Update, update.Create, update.Delete].filter((a) => a !== undefined);
    if (actions.length === 0) {
      throw new ValidationException(
        `${INVALID} One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null`,
      );
    }
    const name = actions[0]!.IndexName;
    if (names.has(name)) {
      throw new ValidationException(`${INVALID} Only one global secondary index update per index is allowed simultaneously. Index: ${name}`);
    }
    names.add(name);
  }
}

function sameThroughput(current: Throughput, requested: RawThroughput): boolean {
  return current.readCapacityUnits === requested.ReadCapacityUnits && current.writeCapacityUnits === requested.WriteCapacityUnits;
}

/** Applies a throughput change, recording increases and decreases as DescribeTable shows them. */
function changeThroughput(current: Throughput, requested: RawThroughput, nowSeconds: number): void {
  const up = requested.ReadCapacityUnits > current.readCapacityUnits || requested.WriteCapacityUnits > current.writeCapacityUnits;
  const down = requested.ReadCapacityUnits < current.readCapacityUnits || requested.WriteCapacityUnits < current.writeCapacityUnits;
  if (up) current.lastIncreaseDateTime = nowSeconds;
  if (down) {
    current.lastDecreaseDateTime = nowSeconds;
    current.numberOfDecreasesToday++;
  }
  current.readCapacityUnits = requested.ReadCapacityUnits;
  current.writeCapacityUnits = requested.WriteCapacityUnits;
}

function run(db: Database, raw: Record<string, unknown>): unknown {
  const data = raw as unknown as UpdateTableRequest;
  const table: Table = db.tableByName(data.TableName);
  const definition = table.definition;
  const now = db.nowSeconds();
  const mode = data.BillingMode ?? definition.billingMode;
  const updates = data.GlobalSecondaryIndexUpdates ?? [];

  // Everything is checked before anything changes.
  if (data.ProvisionedThroughput && mode === 'PAY_PER_REQUEST') {
    throw new ValidationException(`${INVALID} Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST`);
  }
  if (data.ProvisionedThroughput && definition.billingMode === 'PROVISIONED' && sameThroughput(definition.throughput, data.ProvisionedThroughput)) {
    const t = definition.throughput;
    const r = data.ProvisionedThroughput;
    throw new ValidationException(
      `The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: ${t.readCapacityUnits}. Requested ReadCapacityUnits: ${r.ReadCapacityUnits}. Current WriteCapacityUnits provisioned for the table: ${t.writeCapacityUnits}. Requested WriteCapacityUnits: ${r.WriteCapacityUnits}. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.`,
    );
  }
  const creates = updates.filter((u) => u.Create).map((u) => u.Create!);
  const deletes = updates.filter((u) => u.Delete).map((u) => u.Delete!);
  if (creates.length + deletes.length > 1) {
    throw new LimitExceededException('Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table');
  }
  const definitions = [...definition.attributeDefinitions];
  for (const d of data.AttributeDefinitions ?? []) {
    const existing = definitions.find((e) => e.AttributeName === d.AttributeName);
    if (existing && existing.AttributeType !== d.AttributeType) {
      throw new ValidationException(
        `${INVALID} Attribute ${d.AttributeName} is already defined with type ${existing.AttributeType}; it cannot be redefined as ${d.AttributeType}`,
      );
    }
    if (!existing) definitions.push({ AttributeName: d.AttributeName, AttributeType: d.AttributeType });
  }
  for (const create of creates) {
    if (table.index(create.IndexName)) throw new ValidationException(`${INVALID} Duplicate index name: ${create.IndexName}`);
    if (!data.AttributeDefinitions) {
      throw new ValidationException(`${INVALID} AttributeDefinitions must be provided when creating a global secondary index`);
    }
    checkIndexDefinition(
      create as Parameters<typeof checkIndexDefinition>[0],
      definitions.map((d) => d.AttributeName),
    );
    if (create.Projection.ProjectionType == null) throw new ValidationException(`${INVALID} Unknown ProjectionType: null`);
    if (create.Projection.NonKeyAttributes && create.Projection.ProjectionType !== 'INCLUDE') {
      throw new ValidationException(`${INVALID} ProjectionType is ${create.Projection.ProjectionType}, but NonKeyAttributes is specified`);
    }
    if (mode === 'PAY_PER_REQUEST' && create.ProvisionedThroughput) {
      throw new ValidationException(
        `${INVALID} ProvisionedThroughput should not be specified for index: ${create.IndexName} when BillingMode is PAY_PER_REQUEST`,
      );
    }
    if (mode === 'PROVISIONED' && !create.ProvisionedThroughput) {
      throw new ValidationException(`${INVALID} ProvisionedThroughput must be specified for index: ${create.IndexName}`);
    }
    const globals = [...table.indexes.values()].filter((s) => s.definition.kind === 'global').length;
    if (globals + 1 > 20) throw new ValidationException(`${INVALID} GlobalSecondaryIndex count exceeds the per-table limit of 20`);
  }
  for (const del of deletes) {
    const store = table.index(del.IndexName);
    if (store?.definition.kind !== 'global') {
      throw new ResourceNotFoundException(`Requested resource not found: Index: ${del.IndexName} not found`);
    }
  }
  for (const update of updates.filter((u) => u.Update).map((u) => u.Update!)) {
    const store = table.index(update.IndexName);
    if (store?.definition.kind !== 'global') {
      throw new ResourceNotFoundException(`Requested resource not found: Index: ${update.IndexName} not found`);
    }
    if (mode === 'PAY_PER_REQUEST') {
      throw new ValidationException(`${INVALID} Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST`);
    }
  }
  if (data.BillingMode === 'PROVISIONED' && definition.billingMode === 'PAY_PER_REQUEST') {
    for (const { definition: index } of table.indexes.values()) {
      if (index.kind === 'global' && !updates.some((u) => u.Update?.IndexName === index.name)) {
        throw new ValidationException(`${INVALID} ProvisionedThroughput must be specified for index: ${index.name}`);
      }
    }
  }

  const streamSpecification = raw.StreamSpecification as StreamSpecification | undefined;
  checkStreamChange(table, streamSpecification);

  if (data.DeletionProtectionEnabled !== undefined) definition.deletionProtection = data.DeletionProtectionEnabled;
  applyStreamSpecification(db, table, streamSpecification);
  const indexStatuses = new Map<string, string>();
  let tableStatus: 'ACTIVE' | 'UPDATING' = 'ACTIVE';
  if (data.BillingMode && data.BillingMode !== definition.billingMode) {
    tableStatus = 'UPDATING';
    definition.billingMode = data.BillingMode;
    definition.billingModeChangedAt = now;
    if (data.BillingMode === 'PAY_PER_REQUEST') {
      definition.throughput = { readCapacityUnits: 0, writeCapacityUnits: 0, numberOfDecreasesToday: definition.throughput.numberOfDecreasesToday };
      for (const { definition: index } of table.indexes.values()) if (index.kind === 'global') index.throughput = undefined;
    } else {
      definition.throughput = {
        readCapacityUnits: data.ProvisionedThroughput!.ReadCapacityUnits,
        writeCapacityUnits: data.ProvisionedThroughput!.WriteCapacityUnits,
        numberOfDecreasesToday: definition.throughput.numberOfDecreasesToday,
      };
    }
  } else if (data.ProvisionedThroughput) {
    tableStatus = 'UPDATING';
    changeThroughput(definition.throughput, data.ProvisionedThroughput, now);
  }
  for (const update of updates.filter((u) => u.Update).map((u) => u.Update!)) {
    const index = table.index(update.IndexName)!.definition;
    index.throughput ??= { readCapacityUnits: 0, writeCapacityUnits: 0, numberOfDecreasesToday: 0 };
    changeThroughput(index.throughput, update.ProvisionedThroughput, now);
    indexStatuses.set(index.name, 'UPDATING');
    tableStatus = 'UPDATING';
  }
  if (creates.length || deletes.length || streamSpecification) tableStatus = 'UPDATING';
  const deleted: Record<string, unknown>[] = [];
  for (const del of deletes) {
    const before = describeTable(table).GlobalSecondaryIndexes as Record<string, unknown>[];
    const description = before.find((g) => g.IndexName === del.IndexName)!;
    deleted.push({ ...description, IndexStatus: 'DELETING' });
    table.removeIndex(del.IndexName);
  }
  definition.attributeDefinitions = definitions;
  for (const create of creates) {
    table.addIndex(toGlobalIndex(create as Parameters<typeof toGlobalIndex>[0], definitions, definition.billingMode, 'ACTIVE'));
    indexStatuses.set(create.IndexName, 'CREATING');
  }
  // Attribute definitions follow the keys in use, as DynamoDB keeps them.
  const used = new Set([definition.key.hash.name, definition.key.range?.name]);
  for (const { definition: index } of table.indexes.values()) {
    for (const k of keyAttributes(index.key)) used.add(k.name);
  }
  definition.attributeDefinitions = definitions.filter((d) => used.has(d.AttributeName));

  const description = describeTable(table, tableStatus, indexStatuses);
  if (deleted.length) description.GlobalSecondaryIndexes = [...((description.GlobalSecondaryIndexes as unknown[]) ?? []), ...deleted];
  return { TableDescription: description };
}

export const updateTable: Operation = { shape, validate, run };
