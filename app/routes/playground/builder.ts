/**
 * The operation builder's form fields: which of a request's parameters each action takes as a
 * field, and the request they make. The actions themselves come from the engine's own tables
 * (OPERATIONS, and STREAM_OPERATIONS for DynamoDB Streams); an action with no fields here is
 * built as raw JSON only.
 */
import { GET_RECORDS_MAX, OPERATIONS, SHARD_ITERATOR_LIFETIME_MS, STREAM_OPERATIONS, STREAM_RETENTION_MS } from '../../../engine/index.ts';
import { isStreamAction } from '../../playground/requests.ts';
import { type Built, type FieldError, type Form, jsonField } from './requests.ts';

export type FieldKind = 'text' | 'json' | 'integer' | 'boolean' | 'choice';

/** Values only the sandbox knows (its streams, their shards): the page offers them as a select when it has any. */
export type FieldSource = 'streamArns' | 'shardIds';

/** The values on offer for each source, as [value, text] pairs. */
export type FieldChoices = Readonly<Partial<Record<FieldSource, readonly (readonly [string, string])[]>>>;

export interface BuilderField {
  readonly name: string;
  readonly kind: FieldKind;
  readonly hint?: string;
  readonly choices?: readonly string[];
  readonly source?: FieldSource;
  /** The action refuses a request without it: an empty choice reads "(choose)", not "(default)". */
  readonly required?: boolean;
}

const F = {
  TableName: { name: 'TableName', kind: 'text' },
  IndexName: { name: 'IndexName', kind: 'text', hint: 'Leave empty to read the table itself.' },
  Key: { name: 'Key', kind: 'json', hint: 'DynamoDB JSON of the primary key: {"pk": {"S": "a"}}' },
  Item: { name: 'Item', kind: 'json', hint: 'DynamoDB JSON of the whole item.' },
  KeyConditionExpression: { name: 'KeyConditionExpression', kind: 'text', hint: 'pk = :pk AND begins_with(sk, :prefix)' },
  FilterExpression: { name: 'FilterExpression', kind: 'text', hint: 'Applied after the read: it does not lower the capacity consumed.' },
  ProjectionExpression: { name: 'ProjectionExpression', kind: 'text', hint: 'Attributes to return, comma-separated.' },
  ConditionExpression: { name: 'ConditionExpression', kind: 'text', hint: 'attribute_not_exists(pk)' },
  UpdateExpression: { name: 'UpdateExpression', kind: 'text', hint: 'SET #n = :v REMOVE old ADD counter :one' },
  ExpressionAttributeNames: { name: 'ExpressionAttributeNames', kind: 'json', hint: '{"#n": "name"}' },
  ExpressionAttributeValues: { name: 'ExpressionAttributeValues', kind: 'json', hint: '{":v": {"S": "x"}}' },
  Limit: { name: 'Limit', kind: 'integer', hint: 'Items to read before the page ends (the filter runs after).' },
  ConsistentRead: { name: 'ConsistentRead', kind: 'boolean' },
  ScanIndexForward: { name: 'ScanIndexForward', kind: 'boolean', hint: 'false: highest sort key first.' },
  Select: { name: 'Select', kind: 'choice', choices: ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT'] },
  ReturnValues: { name: 'ReturnValues', kind: 'choice', choices: ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'] },
  ExclusiveStartKey: { name: 'ExclusiveStartKey', kind: 'json', hint: 'The LastEvaluatedKey of the page before.' },
  Segment: { name: 'Segment', kind: 'integer' },
  TotalSegments: { name: 'TotalSegments', kind: 'integer', hint: 'Parallel scan: how many segments in all.' },
} as const satisfies Record<string, BuilderField>;

const MINUTES = SHARD_ITERATOR_LIFETIME_MS / 60_000;
const HOURS = STREAM_RETENTION_MS / 3_600_000;

// DynamoDB Streams: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB_Streams.html
const S = {
  TableName: { name: 'TableName', kind: 'text', hint: "Leave empty to list every table's stream." },
  ListLimit: { name: 'Limit', kind: 'integer', hint: 'Streams per page, 1 to 100.' },
  StreamArn: { name: 'StreamArn', kind: 'text', source: 'streamArns', hint: "The stream's ARN, as ListStreams or DescribeTable (LatestStreamArn) gives it." },
  ShardId: { name: 'ShardId', kind: 'text', source: 'shardIds', hint: 'A shard of the stream, as DescribeStream lists them.' },
  ShardIteratorType: {
    name: 'ShardIteratorType',
    kind: 'choice',
    required: true,
    choices: ['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER'],
    hint: `TRIM_HORIZON: the oldest record kept (records stay ${HOURS} hours). LATEST: only records written after this call. AT_ or AFTER_SEQUENCE_NUMBER: from a record, given below.`,
  },
  SequenceNumber: { name: 'SequenceNumber', kind: 'text', hint: "Only with AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER: a record's SequenceNumber." },
  ShardIterator: {
    name: 'ShardIterator',
    kind: 'text',
    hint: `From GetShardIterator, or the NextShardIterator of the last GetRecords; it expires ${MINUTES} minutes after it was issued.`,
  },
  RecordsLimit: { name: 'Limit', kind: 'integer', hint: `Records to return, at most ${GET_RECORDS_MAX.toLocaleString('en-US')} (and at most 1 MB) per call.` },
} as const satisfies Record<string, BuilderField>;

const NAMES_VALUES = [F.ExpressionAttributeNames, F.ExpressionAttributeValues];

/** Parameters offered as fields, per action; the JSON can carry any other parameter. */
export const ACTION_FIELDS: Readonly<Partial<Record<string, readonly BuilderField[]>>> = {
  GetItem: [F.TableName, F.Key, F.ProjectionExpression, F.ExpressionAttributeNames, F.ConsistentRead],
  PutItem: [F.TableName, F.Item, F.ConditionExpression, ...NAMES_VALUES, F.ReturnValues],
  UpdateItem: [F.TableName, F.Key, F.UpdateExpression, F.ConditionExpression, ...NAMES_VALUES, F.ReturnValues],
  DeleteItem: [F.TableName, F.Key, F.ConditionExpression, ...NAMES_VALUES, F.ReturnValues],
  Query: [
    F.TableName,
    F.IndexName,
    F.KeyConditionExpression,
    F.FilterExpression,
    F.ProjectionExpression,
    ...NAMES_VALUES,
    F.Limit,
    F.ConsistentRead,
    F.ScanIndexForward,
    F.Select,
    F.ExclusiveStartKey,
  ],
  Scan: [
    F.TableName,
    F.IndexName,
    F.FilterExpression,
    F.ProjectionExpression,
    ...NAMES_VALUES,
    F.Limit,
    F.ConsistentRead,
    F.Select,
    F.ExclusiveStartKey,
    F.Segment,
    F.TotalSegments,
  ],
  DescribeTable: [F.TableName],
  DeleteTable: [F.TableName],
  DescribeTimeToLive: [F.TableName],
  ListStreams: [S.TableName, S.ListLimit],
  DescribeStream: [S.StreamArn],
  GetShardIterator: [S.StreamArn, S.ShardId, S.ShardIteratorType, S.SequenceNumber],
  GetRecords: [S.ShardIterator, S.RecordsLimit],
};

/** Item reads and writes: the builder asks them for ConsumedCapacity with every index's share. */
const CAPACITY_ACTIONS = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan']);

export interface ActionGroup {
  readonly label: string;
  readonly actions: readonly string[];
}

/** Every action the engine serves, in its tables' order: DynamoDB's, then DynamoDB Streams'. */
export function builderActions(): readonly ActionGroup[] {
  return [
    { label: 'DynamoDB', actions: Object.keys(OPERATIONS) },
    { label: 'Streams', actions: Object.keys(STREAM_OPERATIONS) },
  ];
}

export function isBuilderAction(action: string): boolean {
  return Object.hasOwn(OPERATIONS, action) || isStreamAction(action);
}

/** The request the fields make; ReturnConsumedCapacity INDEXES for item reads and writes. */
export function buildFromFields(action: string, form: Form): Built {
  const errors: FieldError[] = [];
  const input: Record<string, unknown> = {};
  for (const field of ACTION_FIELDS[action] ?? []) {
    const raw = (form[field.name] ?? '').trim();
    if (raw === '') continue;
    switch (field.kind) {
      case 'text':
      case 'choice':
        input[field.name] = raw;
        break;
      case 'json':
        input[field.name] = jsonField(form, field.name, errors);
        break;
      case 'integer':
        if (/^-?\d+$/.test(raw)) input[field.name] = Number(raw);
        else errors.push({ field: field.name, message: `"${raw}" is not a whole number.` });
        break;
      case 'boolean':
        input[field.name] = raw === 'true';
        break;
    }
  }
  if (CAPACITY_ACTIONS.has(action)) input.ReturnConsumedCapacity = 'INDEXES';
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, request: { action, input } };
}

/** Field values from a request, for showing a JSON request (from history, a next page) in the fields. */
export function fieldsFromInput(action: string, input: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (typeof input !== 'object' || input === null) return values;
  for (const field of ACTION_FIELDS[action] ?? []) {
    const value = (input as Record<string, unknown>)[field.name];
    if (value === undefined) continue;
    values[field.name] = field.kind === 'json' ? JSON.stringify(value) : String(value);
  }
  return values;
}
