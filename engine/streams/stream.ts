/**
 * One DynamoDB stream: the change records of one table while its stream was enabled, in one
 * shard, with sequence numbers that increase as the records were written. AWS spreads a stream
 * over shards that roll over every few hours; one open shard per stream shows the same records
 * in the same order, which is what a reader of one table's changes sees.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html
 */
import { TrimmedDataAccessException } from '../errors.ts';
import { hashPartitionKey } from '../storage/key-encoding.ts';
import type { KeySchema } from '../storage/table.ts';
import type { Item } from '../values/attribute-value.ts';

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
export const STREAM_VIEW_TYPES: readonly StreamViewType[] = ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'];

/** Stream records are kept 24 hours, then trimmed. https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html */
export const STREAM_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Sequence numbers are decimal strings; a fixed width keeps string order equal to numeric order. */
const SEQUENCE_DIGITS = 21;

export type EventName = 'INSERT' | 'MODIFY' | 'REMOVE';

export interface StreamRecord {
  readonly sequence: number;
  readonly eventName: EventName;
  /** Engine time in milliseconds. */
  readonly at: number;
  readonly keys: Item;
  readonly newImage?: Item | undefined;
  readonly oldImage?: Item | undefined;
  readonly sizeBytes: number;
  /** True for deletions by time to live, which carry the service's userIdentity. */
  readonly byService: boolean;
}

export function formatSequenceNumber(sequence: number): string {
  return String(sequence).padStart(SEQUENCE_DIGITS, '0');
}

/** The number in a SequenceNumber string, or undefined when it is not one of ours. */
export function parseSequenceNumber(text: string): number | undefined {
  if (!/^\d{1,40}$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A stream label is the creation time as ISO 8601 without the zone, e.g. 2015-05-11T21:21:33.291. */
export function streamLabel(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, -1);
}

export class Stream {
  readonly arn: string;
  readonly label: string;
  readonly tableName: string;
  readonly key: KeySchema;
  readonly viewType: StreamViewType;
  /** Engine time in milliseconds. */
  readonly createdAt: number;
  readonly shardId: string;
  /** Engine time the stream was disabled (or its table deleted); undefined while enabled. */
  disabledAt: number | undefined;
  /** Retained records, oldest first. */
  records: StreamRecord[];
  /** The sequence number the next record gets. */
  nextSequence: number;

  constructor(tableArn: string, tableName: string, key: KeySchema, viewType: StreamViewType, createdAt: number) {
    this.label = streamLabel(createdAt);
    this.arn = `${tableArn}/stream/${this.label}`;
    this.tableName = tableName;
    this.key = key;
    this.viewType = viewType;
    this.createdAt = createdAt;
    // AWS's shard ids: "shardId-" + 20 digits of creation time + "-" + 8 hex digits (65 characters at most).
    const suffix = hashPartitionKey(this.arn).toString(16).padStart(8, '0');
    this.shardId = `shardId-${String(createdAt).padStart(20, '0')}-${suffix}`;
    this.disabledAt = undefined;
    this.records = [];
    this.nextSequence = 1;
  }

  /** A copy whose record list is its own. */
  clone(): Stream {
    const copy = Object.create(Stream.prototype) as Stream;
    Object.assign(copy, this);
    copy.records = [...this.records];
    return copy;
  }

  get enabled(): boolean {
    return this.disabledAt === undefined;
  }

  /** The sequence number of the oldest retained record (or of the next one, when none is retained). */
  get trimHorizon(): number {
    return this.records[0]?.sequence ?? this.nextSequence;
  }

  append(record: Omit<StreamRecord, 'sequence'>): StreamRecord {
    const full = { ...record, sequence: this.nextSequence++ };
    this.records.push(full);
    return full;
  }

  /**
   * Takes back the newest record, which must be `record`: nothing can have read it yet (the
   * write it records was refused within the same request), so its sequence number is reused.
   */
  retract(record: StreamRecord): void {
    if (this.records.at(-1) !== record) throw new Error(`retract: ${formatSequenceNumber(record.sequence)} is not the newest record of ${this.arn}`);
    this.records.pop();
    this.nextSequence = record.sequence;
  }

  /** Drops records older than 24 hours at `now`. */
  trim(now: number): void {
    let drop = 0;
    while (drop < this.records.length && now - this.records[drop]!.at > STREAM_RETENTION_MS) drop++;
    if (drop) this.records = this.records.slice(drop);
  }

  /** Index in `records` of the first record at or after `sequence`. */
  indexFrom(sequence: number): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.records[mid]!.sequence < sequence) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Refuses a read from before the trim horizon, as AWS does once the records there are gone. */
  checkNotTrimmed(sequence: number): void {
    if (sequence < this.trimHorizon) {
      // AWS's exact text for this case is not documented; this one names what happened.
      throw new TrimmedDataAccessException(`The requested sequence number ${formatSequenceNumber(sequence)} is beyond the trim horizon of stream ${this.arn}`);
    }
  }

  /** The sequence number of the last record ever written, when the shard is closed. */
  get endingSequence(): number | undefined {
    return this.enabled || this.nextSequence === 1 ? undefined : this.nextSequence - 1;
  }
}
