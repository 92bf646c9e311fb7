/**
 * The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and GetRecords, as
 * `X-Amz-Target: DynamoDBStreams_20120810.<Action>` names them. Each stream has one shard
 * (see stream.ts). Shard iterators expire 15 minutes after they are issued; records are kept
 * 24 hours; both on the engine clock.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB_Streams.html
 */
import type { Database } from '../database.ts';
import { ExpiredIteratorException, ResourceNotFoundException, ValidationException } from '../errors.ts';
import { keySchemaElements } from '../operations/table-description.ts';
import type { Operation } from '../operations/operation.ts';
import { hashPartitionKey } from '../storage/key-encoding.ts';
import { formatSequenceNumber, parseSequenceNumber, type Stream, type StreamRecord } from './stream.ts';

/** A shard iterator is good for 15 minutes. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html */
export const SHARD_ITERATOR_LIFETIME_MS = 15 * 60 * 1000;
/** GetRecords returns at most 1,000 records or 1 MB. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html */
export const GET_RECORDS_MAX = 1000;
export const GET_RECORDS_MAX_BYTES = 1024 * 1024;

const STREAM_ARN_FIELD = { type: 'String', lengthGreaterThanOrEqual: 37, lengthLessThanOrEqual: 1024 } as const;
const SHARD_ID_FIELD = { type: 'String', lengthGreaterThanOrEqual: 28, lengthLessThanOrEqual: 65 } as const;

function streamOf(db: Database, arn: string): Stream {
  const stream = db.streams.find(arn, db.now());
  // AWS's exact text for an unknown stream is not documented; this follows DescribeTable's form.
  if (!stream) throw new ResourceNotFoundException(`Requested resource not found: Stream: ${arn} not found`);
  return stream;
}

// ListStreams https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_ListStreams.html
const listStreams: Operation = {
  shape: {
    TableName: { type: 'String', regex: '[a-zA-Z0-9_.-]+', lengthGreaterThanOrEqual: 3, lengthLessThanOrEqual: 255 },
    Limit: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 100 },
    ExclusiveStartStreamArn: STREAM_ARN_FIELD,
  },
  run(db, request) {
    const name = request.TableName as string | undefined;
    const limit = (request.Limit as number | undefined) ?? 100;
    let streams = db.streams.list(db.now()).filter((s) => name === undefined || s.tableName === name);
    const start = request.ExclusiveStartStreamArn as string | undefined;
    if (start !== undefined) {
      const at = streams.findIndex((s) => s.arn === start);
      if (at < 0) throw new ValidationException(`Invalid ExclusiveStartStreamArn: ${start}`);
      streams = streams.slice(at + 1);
    }
    const page = streams.slice(0, limit);
    const response: Record<string, unknown> = {
      Streams: page.map((s) => ({ StreamArn: s.arn, TableName: s.tableName, StreamLabel: s.label })),
    };
    if (streams.length > limit) response.LastEvaluatedStreamArn = page.at(-1)!.arn;
    return response;
  },
};

// DescribeStream https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_DescribeStream.html
const describeStream: Operation = {
  shape: {
    StreamArn: { ...STREAM_ARN_FIELD, required: true },
    Limit: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: 100 },
    ExclusiveStartShardId: SHARD_ID_FIELD,
  },
  run(db, request) {
    const stream = streamOf(db, request.StreamArn as string);
    const range: Record<string, string> = { StartingSequenceNumber: formatSequenceNumber(stream.trimHorizon) };
    if (stream.endingSequence !== undefined) range.EndingSequenceNumber = formatSequenceNumber(stream.endingSequence);
    // The one shard is listed unless the page starts after it (ids sort in creation order).
    const after = request.ExclusiveStartShardId as string | undefined;
    const shards = after !== undefined && after >= stream.shardId ? [] : [{ ShardId: stream.shardId, SequenceNumberRange: range }];
    return {
      StreamDescription: {
        StreamArn: stream.arn,
        StreamLabel: stream.label,
        StreamStatus: stream.enabled ? 'ENABLED' : 'DISABLED',
        StreamViewType: stream.viewType,
        CreationRequestDateTime: stream.createdAt / 1000,
        TableName: stream.tableName,
        KeySchema: keySchemaElements(stream.key),
        Shards: shards,
      },
    };
  },
};

interface IteratorState {
  readonly arn: string;
  readonly shardId: string;
  /** The sequence number the next GetRecords starts at. */
  readonly position: number;
  /** Engine time the iterator was issued, in milliseconds. */
  readonly issuedAt: number;
}

/**
 * Iterators look like AWS's (the stream ARN, then an opaque part) and carry their own state, so
 * the engine keeps none per iterator.
 */
function encodeIterator(state: IteratorState): string {
  const opaque = btoa(JSON.stringify([state.shardId, state.position, state.issuedAt]));
  return `${state.arn}|1|${opaque}`;
}

function decodeIterator(text: string): IteratorState | undefined {
  const parts = text.split('|');
  if (parts.length !== 3 || parts[1] !== '1') return undefined;
  try {
    const decoded: unknown = JSON.parse(atob(parts[2]!));
    if (!Array.isArray(decoded) || decoded.length !== 3) return undefined;
    const [shardId, position, issuedAt] = decoded as unknown[];
    if (typeof shardId !== 'string' || !Number.isSafeInteger(position) || !Number.isFinite(issuedAt)) return undefined;
    return { arn: parts[0]!, shardId, position: position as number, issuedAt: issuedAt as number };
  } catch {
    return undefined;
  }
}

// GetShardIterator https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html
const getShardIterator: Operation = {
  shape: {
    StreamArn: { ...STREAM_ARN_FIELD, required: true },
    ShardId: { ...SHARD_ID_FIELD, required: true },
    ShardIteratorType: { type: 'String', required: true, enum: ['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER'] },
    SequenceNumber: { type: 'String', lengthGreaterThanOrEqual: 21, lengthLessThanOrEqual: 40 },
  },
  validate(request) {
    const type = request.ShardIteratorType as string;
    const sequence = request.SequenceNumber as string | undefined;
    // AWS refuses these combinations with a ValidationException; its exact texts are not documented.
    if ((type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER') && sequence === undefined) {
      throw new ValidationException(`SequenceNumber is required for ShardIteratorType ${type}`);
    }
    if ((type === 'TRIM_HORIZON' || type === 'LATEST') && sequence !== undefined) {
      throw new ValidationException(`SequenceNumber must not be specified for ShardIteratorType ${type}`);
    }
    if (sequence !== undefined && parseSequenceNumber(sequence) === undefined) {
      throw new ValidationException(`Invalid SequenceNumber: ${sequence}`);
    }
  },
  run(db, request) {
    const stream = streamOf(db, request.StreamArn as string);
    const shardId = request.ShardId as string;
    if (shardId !== stream.shardId) {
      throw new ResourceNotFoundException(`Requested resource not found: Shard does not exist`);
    }
    const type = request.ShardIteratorType as string;
    let position: number;
    if (type === 'TRIM_HORIZON') position = stream.trimHorizon;
    else if (type === 'LATEST') position = stream.nextSequence;
    else {
      const sequence = parseSequenceNumber(request.SequenceNumber as string)!;
      if (sequence >= stream.nextSequence) {
        throw new ValidationException(`Invalid SequenceNumber: ${request.SequenceNumber as string} is not in shard ${shardId}`);
      }
      stream.checkNotTrimmed(sequence);
      position = type === 'AT_SEQUENCE_NUMBER' ? sequence : sequence + 1;
    }
    return { ShardIterator: encodeIterator({ arn: stream.arn, shardId, position, issuedAt: db.now() }) };
  },
};

/** A record as GetRecords returns it. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html */
function shapeRecord(db: Database, stream: Stream, record: StreamRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {
    ApproximateCreationDateTime: Math.floor(record.at / 1000),
    Keys: record.keys,
  };
  if (record.newImage) body.NewImage = record.newImage;
  if (record.oldImage) body.OldImage = record.oldImage;
  body.SequenceNumber = formatSequenceNumber(record.sequence);
  body.SizeBytes = record.sizeBytes;
  body.StreamViewType = stream.viewType;
  // eventID: unique per record and derived, not random, so the same run gives the same ids.
  const eventID = [0, 1, 2, 3].map((i) => hashIdPart(`${stream.arn}\u0000${record.sequence}\u0000${i}`)).join('');
  const out: Record<string, unknown> = {
    eventID,
    eventName: record.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: db.region,
    dynamodb: body,
  };
  // TTL deletions: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html
  if (record.byService) out.userIdentity = { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' };
  return out;
}

function hashIdPart(text: string): string {
  return hashPartitionKey(text).toString(16).padStart(8, '0');
}

/** Bytes a record adds to a GetRecords page, for the 1 MB bound. */
function recordBytes(record: StreamRecord): number {
  return record.sizeBytes;
}

// GetRecords https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
const getRecords: Operation = {
  shape: {
    ShardIterator: { type: 'String', required: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 2048 },
    Limit: { type: 'Integer', greaterThanOrEqual: 1, lessThanOrEqual: GET_RECORDS_MAX },
  },
  run(db, request) {
    const text = request.ShardIterator as string;
    const state = decodeIterator(text);
    // AWS answers a malformed iterator with a ValidationException; its exact text is not documented.
    if (!state) throw new ValidationException(`Invalid ShardIterator: ${text.length > 64 ? `${text.slice(0, 64)}...` : text}`);
    const now = db.now();
    if (now - state.issuedAt > SHARD_ITERATOR_LIFETIME_MS) {
      // The exact text is not documented; this says what the API reference says happened.
      throw new ExpiredIteratorException('Iterator expired: the shard iterator was issued more than 15 minutes ago');
    }
    const stream = streamOf(db, state.arn);
    if (state.shardId !== stream.shardId) throw new ResourceNotFoundException('Requested resource not found: Shard does not exist');
    stream.checkNotTrimmed(state.position);
    const limit = (request.Limit as number | undefined) ?? GET_RECORDS_MAX;
    const records: Record<string, unknown>[] = [];
    let index = stream.indexFrom(state.position);
    let bytes = 0;
    while (index < stream.records.length && records.length < limit) {
      const record = stream.records[index]!;
      if (records.length > 0 && bytes + recordBytes(record) > GET_RECORDS_MAX_BYTES) break;
      bytes += recordBytes(record);
      records.push(shapeRecord(db, stream, record));
      index++;
    }
    const next = index < stream.records.length ? stream.records[index]!.sequence : stream.nextSequence;
    const response: Record<string, unknown> = { Records: records };
    // A closed shard (stream disabled) read to its end has no next iterator.
    if (stream.enabled || next < stream.nextSequence) {
      response.NextShardIterator = encodeIterator({ arn: stream.arn, shardId: stream.shardId, position: next, issuedAt: now });
    }
    return response;
  },
};

/** Every DynamoDB Streams action, by its name in `X-Amz-Target: DynamoDBStreams_20120810.<Action>`. */
export const STREAM_OPERATIONS: Readonly<Record<string, Operation>> = {
  ListStreams: listStreams,
  DescribeStream: describeStream,
  GetShardIterator: getShardIterator,
  GetRecords: getRecords,
};
