/**
 * What the playground's loaders produce: DynamoDB requests in wire shape, run one after another
 * through the same path as /dynamodb, so a sample dataset, a Workbench model or a question's
 * table meets the same validation, limits and errors as a learner's own request.
 */
import { BATCH_WRITE_MAX_REQUESTS, type Item, STREAM_OPERATIONS } from '../../engine/index.ts';

/** One DynamoDB API call: the action as X-Amz-Target names it and its JSON input. */
export interface PlaygroundRequest {
  readonly action: string;
  readonly input: unknown;
}

/**
 * Whether an action is DynamoDB Streams' (ListStreams, DescribeStream, GetShardIterator,
 * GetRecords) rather than DynamoDB's: it goes out under the Streams target, and the CLI, the SDK
 * and boto3 each name a separate client for it.
 */
export function isStreamAction(action: string): boolean {
  return Object.hasOwn(STREAM_OPERATIONS, action);
}

/** The items as BatchWriteItem calls of at most 25 puts each, in the order given. */
export function batchWriteRequests(tableName: string, items: readonly Item[]): PlaygroundRequest[] {
  const requests: PlaygroundRequest[] = [];
  for (let start = 0; start < items.length; start += BATCH_WRITE_MAX_REQUESTS) {
    const puts = items.slice(start, start + BATCH_WRITE_MAX_REQUESTS).map((item) => ({ PutRequest: { Item: item } }));
    requests.push({ action: 'BatchWriteItem', input: { RequestItems: { [tableName]: puts } } });
  }
  return requests;
}

/** A CreateTable request followed by the BatchWriteItem calls that fill the table. */
export function tableLoadRequests(
  createTable: Readonly<Record<string, unknown>> & { readonly TableName: string },
  items: readonly Item[],
): PlaygroundRequest[] {
  return [{ action: 'CreateTable', input: createTable }, ...batchWriteRequests(createTable.TableName, items)];
}

/**
 * The members of a TableDescription (DescribeTable's answer) that the playground reads.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html
 */
export interface TableDescription {
  readonly TableName: string;
  readonly AttributeDefinitions: readonly { readonly AttributeName: string; readonly AttributeType: string }[];
  readonly KeySchema: readonly KeySchemaElement[];
  readonly ProvisionedThroughput?: { readonly ReadCapacityUnits?: number; readonly WriteCapacityUnits?: number };
  readonly BillingModeSummary?: { readonly BillingMode?: string };
  readonly GlobalSecondaryIndexes?: readonly IndexDescription[];
  readonly LocalSecondaryIndexes?: readonly IndexDescription[];
  readonly CreationDateTime?: number;
}

export interface KeySchemaElement {
  readonly AttributeName: string;
  readonly KeyType: 'HASH' | 'RANGE' | string;
}

export interface IndexDescription {
  readonly IndexName: string;
  readonly KeySchema: readonly KeySchemaElement[];
  readonly Projection?: { readonly ProjectionType?: string; readonly NonKeyAttributes?: readonly string[] };
  readonly ProvisionedThroughput?: { readonly ReadCapacityUnits?: number; readonly WriteCapacityUnits?: number };
}

/** A table is on demand when its description says so; DescribeTable omits the summary for provisioned tables. */
export function billingModeOf(description: TableDescription): 'PAY_PER_REQUEST' | 'PROVISIONED' {
  return description.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';
}
