/**
 * TableDescription as CreateTable, DescribeTable, UpdateTable and DeleteTable return it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html
 */
import { partitionAttributes, sortAttributes, type IndexDefinition, type KeySchema, type Table, type Throughput } from '../storage/table.ts';
import { describeStreamFields } from '../streams/specification.ts';

export function keySchemaElements(key: KeySchema): { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[] {
  // A multi-attribute GSI lists every partition key attribute, then every sort key attribute.
  return [
    ...partitionAttributes(key).map((k) => ({ AttributeName: k.name, KeyType: 'HASH' as const })),
    ...sortAttributes(key).map((k) => ({ AttributeName: k.name, KeyType: 'RANGE' as const })),
  ];
}

function describeThroughput(t: Throughput | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (t?.lastIncreaseDateTime !== undefined) out.LastIncreaseDateTime = t.lastIncreaseDateTime;
  if (t?.lastDecreaseDateTime !== undefined) out.LastDecreaseDateTime = t.lastDecreaseDateTime;
  out.NumberOfDecreasesToday = t?.numberOfDecreasesToday ?? 0;
  out.ReadCapacityUnits = t?.readCapacityUnits ?? 0;
  out.WriteCapacityUnits = t?.writeCapacityUnits ?? 0;
  return out;
}

function describeProjection(index: IndexDefinition): Record<string, unknown> {
  const p: Record<string, unknown> = { ProjectionType: index.projection.type };
  if (index.projection.nonKeyAttributes) p.NonKeyAttributes = [...index.projection.nonKeyAttributes];
  return p;
}

/** The TableDescription of `table` as it stands, with `status` overriding the stored status. */
export function describeTable(table: Table, status = table.definition.status, indexStatuses: ReadonlyMap<string, string> = new Map()): Record<string, unknown> {
  const d = table.definition;
  const description: Record<string, unknown> = {
    AttributeDefinitions: d.attributeDefinitions.map((a) => ({ ...a })),
    TableName: d.name,
    KeySchema: keySchemaElements(d.key),
    TableStatus: status,
    CreationDateTime: d.createdAt,
    ProvisionedThroughput: describeThroughput(d.billingMode === 'PROVISIONED' ? d.throughput : undefined),
    TableSizeBytes: table.items.bytes,
    ItemCount: table.items.itemCount,
    TableArn: d.arn,
    TableId: d.tableId,
  };
  if (d.billingMode === 'PAY_PER_REQUEST') {
    description.BillingModeSummary = {
      BillingMode: 'PAY_PER_REQUEST',
      LastUpdateToPayPerRequestDateTime: d.billingModeChangedAt ?? d.createdAt,
    };
  }
  const locals: Record<string, unknown>[] = [];
  const globals: Record<string, unknown>[] = [];
  for (const { definition: index, items } of table.indexes.values()) {
    const common = {
      IndexName: index.name,
      KeySchema: keySchemaElements(index.key),
      Projection: describeProjection(index),
      IndexSizeBytes: items.bytes,
      ItemCount: items.itemCount,
      IndexArn: `${d.arn}/index/${index.name}`,
    };
    if (index.kind === 'local') locals.push(common);
    else {
      const g: Record<string, unknown> = {
        ...common,
        IndexStatus: indexStatuses.get(index.name) ?? (status === 'CREATING' ? 'CREATING' : index.status),
        ProvisionedThroughput: describeThroughput(d.billingMode === 'PROVISIONED' ? index.throughput : undefined),
      };
      if (indexStatuses.get(index.name) === 'CREATING') g.Backfilling = false;
      globals.push(g);
    }
  }
  if (locals.length) description.LocalSecondaryIndexes = locals;
  if (globals.length) description.GlobalSecondaryIndexes = globals;
  Object.assign(description, describeStreamFields(d));
  description.DeletionProtectionEnabled = d.deletionProtection === true;
  return description;
}
