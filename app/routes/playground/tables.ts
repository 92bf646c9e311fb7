/** A table as the playground lists it, from DescribeTable's answer. */
export interface TableSummary {
  readonly name: string;
  /** TableArn, which TagResource and ListTagsOfResource name the table by. */
  readonly arn: string;
  readonly keys: string;
  readonly keyNames: readonly string[];
  readonly indexes: readonly { readonly name: string; readonly kind: 'GSI' | 'LSI'; readonly keys: string; readonly projection: string }[];
  readonly billing: string;
  readonly provisioned: boolean;
  readonly itemCount: number;
  readonly sizeBytes: number;
  readonly stream: string;
  readonly streamEnabled: boolean;
}

interface KeyElement {
  AttributeName: string;
  KeyType: string;
}

interface Description {
  TableName?: string;
  TableArn?: string;
  KeySchema?: KeyElement[];
  AttributeDefinitions?: { AttributeName: string; AttributeType: string }[];
  BillingModeSummary?: { BillingMode?: string };
  ProvisionedThroughput?: { ReadCapacityUnits?: number; WriteCapacityUnits?: number };
  ItemCount?: number;
  TableSizeBytes?: number;
  StreamSpecification?: { StreamEnabled?: boolean; StreamViewType?: string };
  GlobalSecondaryIndexes?: { IndexName: string; KeySchema: KeyElement[]; Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] } }[];
  LocalSecondaryIndexes?: { IndexName: string; KeySchema: KeyElement[]; Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] } }[];
}

function keysText(schema: readonly KeyElement[], types: ReadonlyMap<string, string>): string {
  return schema.map((k) => `${k.AttributeName} (${types.get(k.AttributeName) ?? '?'}, ${k.KeyType === 'HASH' ? 'partition' : 'sort'})`).join(', ');
}

export function summarizeTable(describeResponse: unknown): TableSummary {
  const table = ((describeResponse as { Table?: Description } | null)?.Table ?? {}) as Description;
  const types = new Map((table.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d.AttributeType]));
  const billing = table.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
  const provisioned = billing === 'PROVISIONED';
  const projection = (p: { ProjectionType?: string; NonKeyAttributes?: string[] } | undefined) =>
    `${p?.ProjectionType ?? 'ALL'}${p?.NonKeyAttributes?.length ? ` (${p.NonKeyAttributes.join(', ')})` : ''}`;
  return {
    name: table.TableName ?? '',
    arn: table.TableArn ?? '',
    keys: keysText(table.KeySchema ?? [], types),
    keyNames: (table.KeySchema ?? []).map((k) => k.AttributeName),
    indexes: [
      ...(table.GlobalSecondaryIndexes ?? []).map((i) => ({
        name: i.IndexName,
        kind: 'GSI' as const,
        keys: keysText(i.KeySchema, types),
        projection: projection(i.Projection),
      })),
      ...(table.LocalSecondaryIndexes ?? []).map((i) => ({
        name: i.IndexName,
        kind: 'LSI' as const,
        keys: keysText(i.KeySchema, types),
        projection: projection(i.Projection),
      })),
    ],
    billing: provisioned
      ? `Provisioned: ${table.ProvisionedThroughput?.ReadCapacityUnits ?? 0} RCU, ${table.ProvisionedThroughput?.WriteCapacityUnits ?? 0} WCU`
      : 'On demand (PAY_PER_REQUEST)',
    provisioned,
    itemCount: table.ItemCount ?? 0,
    sizeBytes: table.TableSizeBytes ?? 0,
    stream: table.StreamSpecification?.StreamEnabled ? `On (${table.StreamSpecification.StreamViewType ?? ''})` : 'Off',
    streamEnabled: table.StreamSpecification?.StreamEnabled === true,
  };
}
