/**
 * NoSQL Workbench data models in and out of the playground. A model is the JSON file Workbench's
 * data modeler exports and imports: ModelName, ModelMetadata, and DataModel, one entry per table
 * with KeyAttributes (PartitionKey, SortKey), NonKeyAttributes, GlobalSecondaryIndexes, TableData
 * (items in DynamoDB JSON), BillingMode and ProvisionedCapacitySettings. The shape follows files
 * Workbench 3.x wrote (ModelMetadata.Version "3.0"), found in public repositories.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/workbench.Modeler.html
 *
 * Import checks the shape with zod, then dry-runs the requests on a scratch engine, so every
 * refusal names its JSON path and carries DynamoDB's own reason, and a model that passes loads.
 *
 * What does not survive the trip: Workbench keeps one throughput per table, so a GSI is given
 * its table's on import; auto scaling and facets are not modelled here and are left out on
 * export. Workbench files we found have no local secondary indexes; export writes them as
 * LocalSecondaryIndexes in the GSI entries' shape, and import reads them back from there.
 */
import { z } from 'zod';
import { Database, isDynamoDBError, type Item } from '../../engine/index.ts';
import { billingModeOf, type IndexDescription, type PlaygroundRequest, type TableDescription, tableLoadRequests } from './requests.ts';

export interface ModelError {
  /** Where in the JSON, e.g. DataModel[0].KeyAttributes.PartitionKey.AttributeType ("" for the whole file). */
  readonly path: string;
  readonly message: string;
}

export type WorkbenchImport =
  | { readonly ok: true; readonly requests: readonly PlaygroundRequest[]; readonly tables: readonly string[] }
  | { readonly ok: false; readonly errors: readonly ModelError[] };

/** Beyond this a model is not a model but a data load; the sandbox's own limits still apply after. */
export const WORKBENCH_LIMITS = { maxTables: 50, maxItems: 10_000 } as const;

const KeyAttributeSchema = z.looseObject({
  AttributeName: z.string().min(1, 'an attribute name is required'),
  AttributeType: z.enum(['S', 'N', 'B'], { error: 'a key attribute is of type S, N or B' }),
});

const KeyAttributesSchema = z.looseObject({
  PartitionKey: KeyAttributeSchema,
  SortKey: KeyAttributeSchema.optional(),
});

const IndexSchema = z.looseObject({
  IndexName: z.string().min(1, 'an index name is required'),
  KeyAttributes: KeyAttributesSchema,
  Projection: z
    .looseObject({
      ProjectionType: z.enum(['ALL', 'KEYS_ONLY', 'INCLUDE']),
      NonKeyAttributes: z.array(z.string()).optional(),
    })
    .optional(),
});

const ThroughputSchema = z.looseObject({
  ReadCapacityUnits: z.number().int().positive(),
  WriteCapacityUnits: z.number().int().positive(),
});

const TableSchema = z.looseObject({
  TableName: z.string().min(1, 'a table name is required'),
  KeyAttributes: KeyAttributesSchema,
  NonKeyAttributes: z.array(z.looseObject({ AttributeName: z.string(), AttributeType: z.string() })).optional(),
  GlobalSecondaryIndexes: z.array(IndexSchema).optional(),
  LocalSecondaryIndexes: z.array(IndexSchema).optional(),
  // z.custom passes each item through untouched: a rebuilt record would lose an attribute named __proto__.
  TableData: z
    .array(
      z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'an item is an object of attribute values' }),
    )
    .optional(),
  BillingMode: z.enum(['PROVISIONED', 'PAY_PER_REQUEST']).optional(),
  ProvisionedCapacitySettings: z.looseObject({ ProvisionedThroughput: ThroughputSchema.optional() }).optional(),
});

const ModelSchema = z.looseObject({
  ModelName: z.string().optional(),
  ModelMetadata: z.looseObject({}).optional(),
  DataModel: z.array(TableSchema).min(1, 'a model holds at least one table').max(WORKBENCH_LIMITS.maxTables),
});

type ModelTable = z.infer<typeof TableSchema>;
type ModelIndex = z.infer<typeof IndexSchema>;

/** A zod path as JavaScript would write it: DataModel[0].TableData[2]["odd name"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function keySchema(keys: z.infer<typeof KeyAttributesSchema>) {
  return [
    { AttributeName: keys.PartitionKey.AttributeName, KeyType: 'HASH' },
    ...(keys.SortKey ? [{ AttributeName: keys.SortKey.AttributeName, KeyType: 'RANGE' }] : []),
  ];
}

/** The CreateTable request for one model table, or the errors that stop it. */
function createTableRequest(table: ModelTable, at: string): { request: Record<string, unknown> & { TableName: string }; errors: ModelError[] } {
  const errors: ModelError[] = [];
  const types = new Map<string, string>();
  const define = (keys: z.infer<typeof KeyAttributesSchema>, where: string) => {
    for (const [role, key] of [
      ['PartitionKey', keys.PartitionKey],
      ['SortKey', keys.SortKey],
    ] as const) {
      if (!key) continue;
      const known = types.get(key.AttributeName);
      if (known !== undefined && known !== key.AttributeType) {
        errors.push({
          path: `${where}.KeyAttributes.${role}.AttributeType`,
          message: `${key.AttributeName} is of type ${known} elsewhere in this table; an attribute has one type in every key`,
        });
      }
      types.set(key.AttributeName, key.AttributeType);
    }
  };
  define(table.KeyAttributes, at);
  for (const [i, index] of (table.GlobalSecondaryIndexes ?? []).entries()) define(index.KeyAttributes, `${at}.GlobalSecondaryIndexes[${i}]`);
  for (const [i, index] of (table.LocalSecondaryIndexes ?? []).entries()) define(index.KeyAttributes, `${at}.LocalSecondaryIndexes[${i}]`);

  const billingMode = table.BillingMode ?? (table.ProvisionedCapacitySettings ? 'PROVISIONED' : 'PAY_PER_REQUEST');
  const throughput = table.ProvisionedCapacitySettings?.ProvisionedThroughput;
  if (billingMode === 'PROVISIONED' && !throughput) {
    errors.push({ path: `${at}.ProvisionedCapacitySettings.ProvisionedThroughput`, message: 'a PROVISIONED table needs its read and write capacity units' });
  }
  const provisioned =
    billingMode === 'PROVISIONED' && throughput
      ? { ReadCapacityUnits: throughput.ReadCapacityUnits, WriteCapacityUnits: throughput.WriteCapacityUnits }
      : undefined;
  const index = (entry: ModelIndex, global: boolean) => ({
    IndexName: entry.IndexName,
    KeySchema: keySchema(entry.KeyAttributes),
    Projection: entry.Projection
      ? {
          ProjectionType: entry.Projection.ProjectionType,
          ...(entry.Projection.NonKeyAttributes ? { NonKeyAttributes: entry.Projection.NonKeyAttributes } : {}),
        }
      : { ProjectionType: 'ALL' },
    ...(global && provisioned ? { ProvisionedThroughput: provisioned } : {}),
  });
  const request = {
    TableName: table.TableName,
    AttributeDefinitions: [...types].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keySchema(table.KeyAttributes),
    BillingMode: billingMode,
    ...(provisioned ? { ProvisionedThroughput: provisioned } : {}),
    ...(table.GlobalSecondaryIndexes?.length ? { GlobalSecondaryIndexes: table.GlobalSecondaryIndexes.map((g) => index(g, true)) } : {}),
    ...(table.LocalSecondaryIndexes?.length ? { LocalSecondaryIndexes: table.LocalSecondaryIndexes.map((l) => index(l, false)) } : {}),
  };
  return { request, errors };
}

function describeError(error: unknown): string {
  if (isDynamoDBError(error)) return `${error.name}: ${error.message}`;
  throw error;
}

/**
 * A Workbench model (parsed JSON, or its text) as the CreateTable and BatchWriteItem requests
 * that load it, or every problem found, each with its JSON path.
 */
export function parseWorkbenchModel(json: unknown): WorkbenchImport {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const parsed = ModelSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
  }
  const tables = parsed.data.DataModel;
  const itemCount = tables.reduce((sum, t) => sum + (t.TableData?.length ?? 0), 0);
  if (itemCount > WORKBENCH_LIMITS.maxItems) {
    return {
      ok: false,
      errors: [{ path: 'DataModel', message: `the model holds ${itemCount} items; the playground imports at most ${WORKBENCH_LIMITS.maxItems}` }],
    };
  }

  const errors: ModelError[] = [];
  const requests: PlaygroundRequest[] = [];
  const seen = new Map<string, number>();
  // A scratch sandbox: the engine's own validation, with AWS's words, on every table and item.
  const scratch = new Database({ now: () => 0 });
  tables.forEach((table, t) => {
    const at = `DataModel[${t}]`;
    const first = seen.get(table.TableName);
    if (first !== undefined) {
      errors.push({ path: `${at}.TableName`, message: `the table ${table.TableName} is already defined at DataModel[${first}]` });
      return;
    }
    seen.set(table.TableName, t);
    const { request, errors: tableErrors } = createTableRequest(table, at);
    errors.push(...tableErrors);
    if (tableErrors.length > 0) return;
    try {
      scratch.execute('CreateTable', request);
    } catch (error) {
      errors.push({ path: at, message: `CreateTable refused it: ${describeError(error)}` });
      return;
    }
    const items = (table.TableData ?? []) as Item[];
    const keys = new Map<string, number>();
    const keyNames = keySchema(table.KeyAttributes).map((k) => k.AttributeName);
    items.forEach((item, i) => {
      try {
        scratch.execute('PutItem', { TableName: table.TableName, Item: item });
      } catch (error) {
        errors.push({ path: `${at}.TableData[${i}]`, message: describeError(error) });
        return;
      }
      const key = JSON.stringify(keyNames.map((name) => item[name]));
      const earlier = keys.get(key);
      // One BatchWriteItem refuses two puts of a key, and across batches the later would silently win.
      if (earlier !== undefined) errors.push({ path: `${at}.TableData[${i}]`, message: `the same key as TableData[${earlier}]` });
      else keys.set(key, i);
    });
    requests.push(...tableLoadRequests(request, items));
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, requests, tables: tables.map((t) => t.TableName) };
}

// ---------------------------------------------------------------- export

export interface WorkbenchExportOptions {
  readonly author?: string;
  readonly description?: string;
  /** Milliseconds since the epoch for DateLastModified; without it, the newest table's creation time. */
  readonly modifiedAt?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as Workbench writes it: "Apr 19, 2025, 06:28 AM" (here in UTC). */
export function workbenchDate(ms: number): string {
  const d = new Date(ms);
  const hours = d.getUTCHours();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())}, ${d.getUTCFullYear()}, ${two(hours % 12 || 12)}:${two(d.getUTCMinutes())} ${hours < 12 ? 'AM' : 'PM'}`;
}

function keyAttributes(schema: readonly { AttributeName: string; KeyType: string }[], types: ReadonlyMap<string, string>) {
  const attribute = (name: string) => ({ AttributeName: name, AttributeType: types.get(name) ?? 'S' });
  const hash = schema.find((k) => k.KeyType === 'HASH');
  const range = schema.find((k) => k.KeyType === 'RANGE');
  return { PartitionKey: attribute(hash?.AttributeName ?? ''), ...(range ? { SortKey: attribute(range.AttributeName) } : {}) };
}

function exportIndex(index: IndexDescription, types: ReadonlyMap<string, string>) {
  return {
    IndexName: index.IndexName,
    KeyAttributes: keyAttributes(index.KeySchema, types),
    Projection: {
      ProjectionType: index.Projection?.ProjectionType ?? 'ALL',
      ...(index.Projection?.NonKeyAttributes ? { NonKeyAttributes: [...index.Projection.NonKeyAttributes] } : {}),
    },
  };
}

/** Tables (as DescribeTable describes them) and their items as a Workbench data model. */
export function exportWorkbenchModel(
  tables: readonly { readonly description: TableDescription; readonly items: readonly Item[] }[],
  name: string,
  options: WorkbenchExportOptions = {},
): unknown {
  const created = tables.map((t) => t.description.CreationDateTime).filter((at): at is number => at !== undefined);
  const createdAt = created.length > 0 ? Math.min(...created) * 1000 : undefined;
  const modifiedAt = options.modifiedAt ?? (created.length > 0 ? Math.max(...created) * 1000 : undefined);
  return {
    ModelName: name,
    ModelMetadata: {
      Author: options.author ?? '',
      DateCreated: createdAt === undefined ? '' : workbenchDate(createdAt),
      DateLastModified: modifiedAt === undefined ? '' : workbenchDate(modifiedAt),
      Description: options.description ?? '',
      AWSService: 'Amazon DynamoDB',
      Version: '3.0',
    },
    DataModel: tables.map(({ description, items }) => {
      const types = new Map(description.AttributeDefinitions.map((a) => [a.AttributeName, a.AttributeType]));
      const keyNames = new Set(description.KeySchema.map((k) => k.AttributeName));
      // Workbench lists every other attribute once, index keys included, with the type it first has.
      const nonKey = new Map<string, string>();
      for (const definition of description.AttributeDefinitions)
        if (!keyNames.has(definition.AttributeName)) nonKey.set(definition.AttributeName, definition.AttributeType);
      for (const item of items) {
        for (const [attribute, value] of Object.entries(item)) {
          if (!keyNames.has(attribute) && !nonKey.has(attribute)) nonKey.set(attribute, Object.keys(value)[0] ?? 'S');
        }
      }
      const billingMode = billingModeOf(description);
      const throughput = description.ProvisionedThroughput;
      return {
        TableName: description.TableName,
        KeyAttributes: keyAttributes(description.KeySchema, types),
        NonKeyAttributes: [...nonKey].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
        ...(description.GlobalSecondaryIndexes?.length ? { GlobalSecondaryIndexes: description.GlobalSecondaryIndexes.map((g) => exportIndex(g, types)) } : {}),
        ...(description.LocalSecondaryIndexes?.length ? { LocalSecondaryIndexes: description.LocalSecondaryIndexes.map((l) => exportIndex(l, types)) } : {}),
        TableData: items.map((item) => ({ ...item })),
        DataAccess: { MySql: {} },
        BillingMode: billingMode,
        ...(billingMode === 'PROVISIONED'
          ? {
              ProvisionedCapacitySettings: {
                ProvisionedThroughput: { ReadCapacityUnits: throughput?.ReadCapacityUnits ?? 1, WriteCapacityUnits: throughput?.WriteCapacityUnits ?? 1 },
              },
            }
          : {}),
      };
    }),
  };
}
