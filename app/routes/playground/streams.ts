/**
 * Reading a table's stream in the playground: the four DynamoDB Streams steps (ListStreams,
 * DescribeStream, GetShardIterator, GetRecords), each answer making the next request; the
 * sandbox's stream ARNs and shard ids for the builder's selects; and the last shard iterator the
 * sandbox was given, so GetRecords opens with it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html
 */
import type { Database } from '../../../engine/index.ts';
import type { DynamodbOutcome } from '../dynamodb/index.ts';
import type { FieldChoices } from './builder.ts';
import type { PlaygroundRequest } from './requests.ts';

type AttributeMap = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** A request the answer makes possible: opened in the builder to run, or (next records) run at once. */
export interface StreamStep {
  /** Which of the four steps the request is. */
  readonly step: 2 | 3 | 4;
  /** What the request reads, for the button's context: a stream, a shard. */
  readonly subject: string;
  readonly request: PlaygroundRequest;
}

interface ListStreamsAnswer {
  readonly Streams?: readonly { readonly StreamArn?: string; readonly TableName?: string; readonly StreamLabel?: string }[];
}
interface DescribeStreamAnswer {
  readonly StreamDescription?: { readonly StreamArn?: string; readonly TableName?: string; readonly Shards?: readonly { readonly ShardId?: string }[] };
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

/** The next step's requests after a Streams answer; none after GetRecords (its next page is `nextRecords`). */
export function nextStreamSteps(request: PlaygroundRequest, response: unknown): StreamStep[] {
  switch (request.action) {
    case 'ListStreams':
      return ((response as ListStreamsAnswer).Streams ?? []).flatMap((s) =>
        s.StreamArn
          ? [
              {
                step: 2 as const,
                subject: `${s.TableName ?? '?'} (${s.StreamLabel ?? ''})`,
                request: { action: 'DescribeStream', input: { StreamArn: s.StreamArn } },
              },
            ]
          : [],
      );
    case 'DescribeStream': {
      const d = (response as DescribeStreamAnswer).StreamDescription ?? {};
      const arn = d.StreamArn ?? (request.input.StreamArn as string | undefined);
      if (!arn) return [];
      return (d.Shards ?? []).flatMap((shard) =>
        shard.ShardId
          ? [
              {
                step: 3 as const,
                subject: shard.ShardId,
                request: { action: 'GetShardIterator', input: { StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' } },
              },
            ]
          : [],
      );
    }
    case 'GetShardIterator': {
      const iterator = record(response).ShardIterator;
      return typeof iterator === 'string'
        ? [{ step: 4, subject: String(request.input.ShardId ?? ''), request: { action: 'GetRecords', input: { ShardIterator: iterator } } }]
        : [];
    }
    default:
      return [];
  }
}

/** GetRecords again from NextShardIterator, with the same Limit; undefined once a closed shard is read to its end. */
export function nextRecords(request: PlaygroundRequest, response: unknown): PlaygroundRequest | undefined {
  const next = record(response).NextShardIterator;
  if (request.action !== 'GetRecords' || typeof next !== 'string') return undefined;
  return { action: 'GetRecords', input: { ...request.input, ShardIterator: next } };
}

export interface StreamRecordRow {
  readonly eventName: string;
  readonly keys: AttributeMap;
  readonly oldImage?: AttributeMap | undefined;
  readonly newImage?: AttributeMap | undefined;
  readonly sequenceNumber: string;
  /** A TTL deletion, made by the service rather than a request. */
  readonly byService: boolean;
}

/** GetRecords' records as rows, in stream order. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html */
export function streamRecordRows(response: unknown): StreamRecordRow[] {
  const records = record(response).Records;
  if (!Array.isArray(records)) return [];
  return records.map((r) => {
    const body = record(record(r).dynamodb);
    return {
      eventName: String(record(r).eventName ?? ''),
      keys: record(body.Keys) as AttributeMap,
      oldImage: body.OldImage as AttributeMap | undefined,
      newImage: body.NewImage as AttributeMap | undefined,
      sequenceNumber: String(body.SequenceNumber ?? ''),
      byService: record(record(r).userIdentity).Type === 'Service',
    };
  });
}

/**
 * The last shard iterator each sandbox was given (by GetShardIterator, or as a GetRecords'
 * NextShardIterator), beside the sandbox as the history is (history.ts), so GetRecords opens with it.
 */
const iterators = new WeakMap<Database, string>();

export function rememberShardIterator(database: Database, request: PlaygroundRequest, outcome: DynamodbOutcome): void {
  if (!outcome.ok) return;
  const answer = record(outcome.response);
  const iterator = request.action === 'GetShardIterator' ? answer.ShardIterator : request.action === 'GetRecords' ? answer.NextShardIterator : undefined;
  if (typeof iterator === 'string') iterators.set(database, iterator);
}

export function lastShardIterator(database: Database): string | undefined {
  return iterators.get(database);
}

/**
 * The sandbox's streams (for StreamArn) and their shards (for ShardId), read through `read` (the
 * wire's own path) only for the actions that offer them. Shards come from the stream chosen, or
 * every stream when none is.
 */
export function streamSources(read: (request: PlaygroundRequest) => DynamodbOutcome, action: string, chosenArn: string | undefined): FieldChoices {
  if (action !== 'DescribeStream' && action !== 'GetShardIterator') return {};
  const listed = read({ action: 'ListStreams', input: {} });
  const streams = listed.ok ? ((listed.response as ListStreamsAnswer).Streams ?? []) : [];
  const streamArns = streams.flatMap((s) => (s.StreamArn ? [[s.StreamArn, `${s.TableName ?? '?'} (${s.StreamLabel ?? s.StreamArn})`] as const] : []));
  if (action !== 'GetShardIterator') return { streamArns };
  const arns = chosenArn ? [chosenArn] : streamArns.map(([arn]) => arn);
  const shardIds = arns.flatMap((arn) => {
    const described = read({ action: 'DescribeStream', input: { StreamArn: arn } });
    if (!described.ok) return [];
    const d = (described.response as DescribeStreamAnswer).StreamDescription ?? {};
    return (d.Shards ?? []).flatMap((s) => (s.ShardId ? [[s.ShardId, arns.length > 1 ? `${s.ShardId} (${d.TableName ?? '?'})` : s.ShardId] as const] : []));
  });
  return { streamArns, shardIds };
}
