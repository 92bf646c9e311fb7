/**
 * CreateTable: simple or composite primary key, PROVISIONED or PAY_PER_REQUEST, up to 5 local
 * and 20 global secondary indexes. Validation texts follow dynalite (validations/createTable.js).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
 */
import type { Database } from '../database.ts';
import { LimitExceededException, ResourceInUseException, ValidationException } from '../errors.ts';
import type { ScalarAttributeType } from '../values/attribute-value.ts';
import { type IndexDefinition, type KeySchema, type ProjectionType, Table, type TableDefinition } from '../storage/table.ts';
import type { Operation } from './operation.ts';
import type { FieldSpec, ShapeSpec } from './shape.ts';
import { describeTable } from './table-description.ts';
import { applyStreamSpecification, STREAM_SPECIFICATION_FIELD, type StreamSpecification, validateCreateStreamSpecification } from '../streams/specification.ts';

const THROUGHPUT_FIELD: FieldSpec = {
  type: 'FieldStruct<ProvisionedThroughput>',
  children: {
    WriteCapacityUnits: { type: 'Long', notNull: true, greaterThanOrEqual: 1 },
    ReadCapacityUnits: { type: 'Long', notNull: true, greaterThanOrEqual: 1 },
  },
};

/**
 * Key attribute names (AttributeDefinitions and KeySchema) are 1 to 255 characters, where other
 * attribute names may reach 64 KB.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_KeySchemaElement.html
 */
export const ATTRIBUTE_NAME_FIELD: FieldSpec = { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 255 };

const KEY_SCHEMA_ELEMENT: FieldSpec = {
  type: 'ValueStruct<KeySchemaElement>',
  children: {
    AttributeName: ATTRIBUTE_NAME_FIELD,
    KeyType: { type: 'String', notNull: true },
  },
};

export const PROJECTION_FIELD: FieldSpec = {
  type: 'FieldStruct<Projection>',
  notNull: true,
  children: {
    ProjectionType: { type: 'String', enum: ['ALL', 'INCLUDE', 'KEYS_ONLY'] },
    NonKeyAttributes: { type: 'List', lengthGreaterThanOrEqual: 1, children: 'String' },
  },
};

export const INDEX_NAME_FIELD: FieldSpec = {
  type: 'String',
  notNull: true,
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 3,
  lengthLessThanOrEqual: 255,
};

export const INDEX_KEY_SCHEMA_FIELD: FieldSpec = {
  type: 'List',
  notNull: true,
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 2,
  children: KEY_SCHEMA_ELEMENT,
};

/**
 * A GSI's KeySchema has no upper bound in the API model since GSIs may be keyed on several
 * attributes (2025); the four-and-four limit is a semantic check (checkIndexDefinition).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndex.html
 */
export const GLOBAL_INDEX_KEY_SCHEMA_FIELD: FieldSpec = {
  type: 'List',
  notNull: true,
  lengthGreaterThanOrEqual: 1,
  children: KEY_SCHEMA_ELEMENT,
};

export const GLOBAL_INDEX_FIELD: FieldSpec = {
  type: 'ValueStruct<GlobalSecondaryIndex>',
  children: {
    IndexName: INDEX_NAME_FIELD,
    KeySchema: GLOBAL_INDEX_KEY_SCHEMA_FIELD,
    Projection: PROJECTION_FIELD,
    ProvisionedThroughput: THROUGHPUT_FIELD,
  },
};

const shape: ShapeSpec = {
  AttributeDefinitions: {
    type: 'List',
    notNull: true,
    children: {
      type: 'ValueStruct<AttributeDefinition>',
      children: {
        AttributeName: ATTRIBUTE_NAME_FIELD,
        AttributeType: { type: 'String', notNull: true, enum: ['B', 'N', 'S'] },
      },
    },
  },
  TableName: { type: 'String', required: true, tableName: true, regex: '[a-zA-Z0-9_.-]+' },
  BillingMode: { type: 'String', enum: ['PROVISIONED', 'PAY_PER_REQUEST'] },
  ProvisionedThroughput: THROUGHPUT_FIELD,
  KeySchema: {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: 2,
    children: {
      type: 'ValueStruct<KeySchemaElement>',
      children: {
        AttributeName: ATTRIBUTE_NAME_FIELD,
        KeyType: { type: 'String', notNull: true, enum: ['HASH', 'RANGE'] },
      },
    },
  },
  LocalSecondaryIndexes: {
    type: 'List',
    children: {
      type: 'ValueStruct<LocalSecondaryIndex>',
      children: { IndexName: INDEX_NAME_FIELD, KeySchema: INDEX_KEY_SCHEMA_FIELD, Projection: PROJECTION_FIELD },
    },
  },
  GlobalSecondaryIndexes: { type: 'List', children: GLOBAL_INDEX_FIELD },
  DeletionProtectionEnabled: 'Boolean',
  TableClass: { type: 'String', enum: ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'] },
  StreamSpecification: STREAM_SPECIFICATION_FIELD,
  Tags: {
    type: 'List',
    children: { type: 'ValueStruct<Tag>', children: { Key: { type: 'String', notNull: true }, Value: { type: 'String', notNull: true } } },
  },
};

interface KeySchemaElement {
  AttributeName: string;
  KeyType: string;
}
interface RawProjection {
  ProjectionType?: string;
  NonKeyAttributes?: string[];
}
interface RawIndex {
  IndexName: string;
  KeySchema: KeySchemaElement[];
  Projection: RawProjection;
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
}
interface CreateTableRequest {
  TableName: string;
  AttributeDefinitions: { AttributeName: string; AttributeType: ScalarAttributeType }[];
  KeySchema: KeySchemaElement[];
  BillingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST';
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
  LocalSecondaryIndexes?: RawIndex[];
  GlobalSecondaryIndexes?: RawIndex[];
}

const MAX_UNITS = 1_000_000_000_000;
const INVALID = 'One or more parameter values were invalid:';

/** Throughput bounds, shared with UpdateTable. */
export function checkThroughputBounds(t: { ReadCapacityUnits: number; WriteCapacityUnits: number }): void {
  if (t.ReadCapacityUnits > MAX_UNITS) {
    throw new ValidationException(`Given value ${t.ReadCapacityUnits} for ReadCapacityUnits is out of bounds`);
  }
  if (t.WriteCapacityUnits > MAX_UNITS) {
    throw new ValidationException(`Given value ${t.WriteCapacityUnits} for WriteCapacityUnits is out of bounds`);
  }
}

/**
 * A GSI's partition key and sort key may each be made of up to four attributes.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html
 */
export const MAX_GSI_KEY_ATTRIBUTES_PER_KIND = 4;

/**
 * The checks one index's key schema and projection get, shared with UpdateTable's Create. A
 * GSI's KeySchema lists its partition key attributes (HASH) and then its sort key attributes
 * (RANGE), up to four of each; an LSI's stays one HASH and one RANGE.
 */
export function checkIndexDefinition(index: RawIndex, definedNames: readonly string[], kind: 'local' | 'global' = 'global'): void {
  const schema = index.KeySchema;
  const keys = schema.map((k) => k.AttributeName);
  if (keys.some((k) => !definedNames.includes(k))) {
    throw new ValidationException(
      `${INVALID} Some index key attributes are not defined in AttributeDefinitions. Keys: [${keys.join(', ')}], AttributeDefinitions: [${definedNames.join(', ')}]`,
    );
  }
  if (schema.length === 2 && keys[0] === keys[1]) {
    throw new ValidationException('Both the Hash Key and the Range Key element in the KeySchema have the same name');
  }
  if (schema[0]!.KeyType !== 'HASH') {
    throw new ValidationException('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  }
  if (kind === 'local' || schema.length === 2) {
    if (schema[1] && schema[1].KeyType !== 'RANGE' && !(kind === 'global' && schema[1].KeyType === 'HASH')) {
      throw new ValidationException('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type');
    }
    if (kind === 'local') return;
  }
  // Multi-attribute GSI keys. AWS's texts for these refusals are not published and no public
  // source quotes them; these follow the wording of the single-attribute messages above.
  if (new Set(keys).size !== keys.length) {
    throw new ValidationException('Invalid KeySchema: Some KeySchemaElements in the KeySchema have the same name');
  }
  const firstRange = schema.findIndex((k) => k.KeyType !== 'HASH');
  const hashCount = firstRange === -1 ? schema.length : firstRange;
  for (const element of schema.slice(hashCount)) {
    if (element.KeyType === 'HASH') {
      throw new ValidationException('Invalid KeySchema: A HASH KeySchemaElement cannot follow a RANGE KeySchemaElement');
    }
    if (element.KeyType !== 'RANGE') {
      throw new ValidationException(`Invalid KeySchema: Unknown KeyType: ${element.KeyType}`);
    }
  }
  if (hashCount > MAX_GSI_KEY_ATTRIBUTES_PER_KIND) {
    throw new ValidationException(`Invalid KeySchema: The number of HASH KeySchemaElements exceeds the limit of ${MAX_GSI_KEY_ATTRIBUTES_PER_KIND}`);
  }
  if (schema.length - hashCount > MAX_GSI_KEY_ATTRIBUTES_PER_KIND) {
    throw new ValidationException(`Invalid KeySchema: The number of RANGE KeySchemaElements exceeds the limit of ${MAX_GSI_KEY_ATTRIBUTES_PER_KIND}`);
  }
}

function checkProjection(index: RawIndex): void {
  const type = index.Projection.ProjectionType;
  if (type == null) throw new ValidationException(`${INVALID} Unknown ProjectionType: null`);
  if (index.Projection.NonKeyAttributes && type !== 'INCLUDE') {
    throw new ValidationException(`${INVALID} ProjectionType is ${type}, but NonKeyAttributes is specified`);
  }
}

function validate(raw: Record<string, unknown>): void {
  const data = raw as unknown as CreateTableRequest;
  if (data.BillingMode === 'PAY_PER_REQUEST') {
    if (data.ProvisionedThroughput) {
      throw new ValidationException(`${INVALID} Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST`);
    }
  } else {
    const t = data.ProvisionedThroughput;
    if (!t?.ReadCapacityUnits || !t.WriteCapacityUnits) {
      throw new ValidationException(`${INVALID} ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED`);
    }
    checkThroughputBounds(t);
  }

  const defined = data.AttributeDefinitions.map((a) => a.AttributeName);
  const keys = data.KeySchema.map((k) => k.AttributeName);
  if (keys.length > defined.length) throw new ValidationException('Invalid KeySchema: Some index key attribute have no definition');
  if (keys.some((k) => !defined.includes(k))) {
    throw new ValidationException(
      `${INVALID} Some index key attributes are not defined in AttributeDefinitions. Keys: [${keys.join(', ')}], AttributeDefinitions: [${defined.join(', ')}]`,
    );
  }
  if (keys[0] === keys[1]) throw new ValidationException('Both the Hash Key and the Range Key element in the KeySchema have the same name');
  if (data.KeySchema[0]!.KeyType !== 'HASH') throw new ValidationException('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  if (data.KeySchema[1] && data.KeySchema[1].KeyType !== 'RANGE') {
    throw new ValidationException('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type');
  }
  if (new Set(defined).size !== defined.length) {
    const duplicate = defined.find((name, i) => defined.indexOf(name) !== i);
    throw new ValidationException(`Cannot have two attributes with the same name. Attribute name: ${duplicate}`);
  }

  const names = new Set<string>();
  const usedAttributes = new Set(keys);
  if (data.LocalSecondaryIndexes) {
    const tableHash = data.KeySchema[0]!.AttributeName;
    if (!data.LocalSecondaryIndexes.length) throw new ValidationException(`${INVALID} List of LocalSecondaryIndexes is empty`);
    if (data.KeySchema.length !== 2) {
      throw new ValidationException(`${INVALID} Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex`);
    }
    for (const index of data.LocalSecondaryIndexes) {
      checkIndexDefinition(index, defined, 'local');
      if (index.KeySchema.length !== 2) {
        throw new ValidationException(`${INVALID} Index KeySchema does not have a range key for index: ${index.IndexName}`);
      }
      const indexHash = index.KeySchema[0]!.AttributeName;
      if (indexHash !== tableHash) {
        throw new ValidationException(
          `${INVALID} Index KeySchema does not have the same leading hash key as table KeySchema for index: ${index.IndexName}. index hash key: ${indexHash}, table hash key: ${tableHash}`,
        );
      }
      checkProjection(index);
      if (names.has(index.IndexName)) throw new ValidationException(`${INVALID} Duplicate index name: ${index.IndexName}`);
      names.add(index.IndexName);
      for (const k of index.KeySchema) usedAttributes.add(k.AttributeName);
    }
    if (data.LocalSecondaryIndexes.length > 5) {
      throw new ValidationException(`${INVALID} Number of LocalSecondaryIndexes exceeds per-table limit of 5`);
    }
  }
  if (data.GlobalSecondaryIndexes) {
    if (!data.GlobalSecondaryIndexes.length) throw new ValidationException(`${INVALID} List of GlobalSecondaryIndexes is empty`);
    for (const index of data.GlobalSecondaryIndexes) {
      checkIndexDefinition(index, defined);
      checkProjection(index);
      if (data.BillingMode === 'PAY_PER_REQUEST' && index.ProvisionedThroughput) {
        throw new ValidationException(
          `${INVALID} ProvisionedThroughput should not be specified for index: ${index.IndexName} when BillingMode is PAY_PER_REQUEST`,
        );
      }
      if (data.BillingMode !== 'PAY_PER_REQUEST' && !index.ProvisionedThroughput) {
        throw new ValidationException(`${INVALID} ProvisionedThroughput must be specified for index: ${index.IndexName}`);
      }
      if (names.has(index.IndexName)) throw new ValidationException(`${INVALID} Duplicate index name: ${index.IndexName}`);
      names.add(index.IndexName);
      for (const k of index.KeySchema) usedAttributes.add(k.AttributeName);
    }
    if (data.GlobalSecondaryIndexes.length > 20) {
      throw new ValidationException(`${INVALID} GlobalSecondaryIndex count exceeds the per-table limit of 20`);
    }
  }
  if (usedAttributes.size !== defined.length) {
    if (!data.LocalSecondaryIndexes && !data.GlobalSecondaryIndexes) {
      throw new ValidationException(`${INVALID} Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions`);
    }
    throw new ValidationException(
      `${INVALID} Some AttributeDefinitions are not used. AttributeDefinitions: [${defined.join(', ')}], keys used: [${[...usedAttributes].join(', ')}]`,
    );
  }
  const includeCount = [...(data.LocalSecondaryIndexes ?? []), ...(data.GlobalSecondaryIndexes ?? [])].reduce(
    (n, index) => n + (index.Projection.NonKeyAttributes?.length ?? 0),
    0,
  );
  if (includeCount > 100) {
    throw new ValidationException(`${INVALID} The sum of distinct NonKeyAttributes across all secondary indexes must not exceed 100`);
  }
  validateCreateStreamSpecification(raw.StreamSpecification as StreamSpecification | undefined);
}

/** Turns a validated KeySchema list into the engine's KeySchema, typed from AttributeDefinitions. */
export function toKeySchema(
  elements: readonly KeySchemaElement[],
  definitions: readonly { AttributeName: string; AttributeType: ScalarAttributeType }[],
): KeySchema {
  const typed = (e: KeySchemaElement) => ({ name: e.AttributeName, type: definitions.find((d) => d.AttributeName === e.AttributeName)!.AttributeType });
  const hashParts = elements.filter((e) => e.KeyType === 'HASH').map(typed);
  const rangeParts = elements.filter((e) => e.KeyType !== 'HASH').map(typed);
  return {
    hash: hashParts[0]!,
    range: rangeParts[0],
    // Only a GSI keyed on several attributes carries the full lists (storage/table.ts).
    ...(hashParts.length > 1 ? { hashParts } : {}),
    ...(rangeParts.length > 1 ? { rangeParts } : {}),
  };
}

/** A GSI definition from a validated request member (CreateTable, UpdateTable Create). */
export function toGlobalIndex(
  index: RawIndex,
  definitions: readonly { AttributeName: string; AttributeType: ScalarAttributeType }[],
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST',
  status: IndexDefinition['status'],
): IndexDefinition {
  return {
    name: index.IndexName,
    kind: 'global',
    key: toKeySchema(index.KeySchema, definitions),
    projection: { type: index.Projection.ProjectionType as ProjectionType, nonKeyAttributes: index.Projection.NonKeyAttributes },
    throughput:
      billingMode === 'PROVISIONED' && index.ProvisionedThroughput
        ? {
            readCapacityUnits: index.ProvisionedThroughput.ReadCapacityUnits,
            writeCapacityUnits: index.ProvisionedThroughput.WriteCapacityUnits,
            numberOfDecreasesToday: 0,
          }
        : undefined,
    status,
  };
}

function run(db: Database, raw: Record<string, unknown>): unknown {
  const data = raw as unknown as CreateTableRequest;
  if (db.hasTable(data.TableName)) throw new ResourceInUseException(`Table already exists: ${data.TableName}`);
  if (db.tableCount() >= db.limits.maxTables) {
    throw new LimitExceededException(`Subscriber limit exceeded: Only ${db.limits.maxTables} tables can be created in this sandbox`);
  }
  const billingMode = data.BillingMode ?? 'PROVISIONED';
  const now = db.nowSeconds();
  const definition: TableDefinition = {
    name: data.TableName,
    key: toKeySchema(data.KeySchema, data.AttributeDefinitions),
    attributeDefinitions: data.AttributeDefinitions.map((a) => ({ AttributeName: a.AttributeName, AttributeType: a.AttributeType })),
    billingMode,
    throughput: {
      readCapacityUnits: data.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
      writeCapacityUnits: data.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
      numberOfDecreasesToday: 0,
    },
    createdAt: now,
    tableId: db.nextTableId(data.TableName),
    arn: db.tableArn(data.TableName),
    status: 'ACTIVE',
    timeToLive: { status: 'DISABLED' },
    deletionProtection: raw.DeletionProtectionEnabled === true,
    tags: Object.fromEntries(((raw.Tags as { Key: string; Value: string }[] | undefined) ?? []).map((t) => [t.Key, t.Value])),
  };
  const table = new Table(definition);
  for (const index of data.LocalSecondaryIndexes ?? []) {
    table.addIndex({
      name: index.IndexName,
      kind: 'local',
      key: toKeySchema(index.KeySchema, data.AttributeDefinitions),
      projection: { type: index.Projection.ProjectionType as ProjectionType, nonKeyAttributes: index.Projection.NonKeyAttributes },
      status: 'ACTIVE',
    });
  }
  for (const index of data.GlobalSecondaryIndexes ?? []) {
    table.addIndex(toGlobalIndex(index, data.AttributeDefinitions, billingMode, 'ACTIVE'));
  }
  db.addTable(table);
  applyStreamSpecification(db, table, raw.StreamSpecification as StreamSpecification | undefined);
  // The table is usable at once in engine time; the response still reports CREATING, as AWS does.
  return { TableDescription: describeTable(table, 'CREATING') };
}

export const createTable: Operation = { shape, validate, run };
