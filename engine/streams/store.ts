/**
 * A sandbox's streams, and the one place item changes become stream records. Tables report
 * every put and delete here (Table.onChange); the changes of one action are held per item and
 * written when the action ends, so that:
 * - a write that leaves the item as it was writes no record (a conditional failure, a
 *   transaction rolled back, a PutItem or UpdateItem that changes nothing, a DeleteItem of a
 *   missing item), as DynamoDB Streams records only modifications
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html; observed:
 *   https://aws-blog.de/2021/01/why-i-had-to-update-my-mental-model-of-dynamodb-streams.html);
 * - each item gets one record per action, in the order the action first touched the items.
 * Streams outlive their tables by 24 hours, as AWS keeps a disabled stream readable that long.
 * The same changes of a table with point-in-time recovery enabled go to its restore history
 * (history.ts).
 */
import type { Table } from '../storage/table.ts';
import { type Item, newAttributeMap } from '../values/attribute-value.ts';
import { valuesEqual } from '../values/compare.ts';
import { itemSize } from '../values/item-size.ts';
import { RestoreHistory } from './history.ts';
import { type EventName, STREAM_RETENTION_MS, Stream, type StreamRecord, type StreamViewType } from './stream.ts';

interface PendingChange {
  readonly table: Table;
  readonly before: Item | undefined;
  after: Item | undefined;
}

export type ChangeCause = 'user' | 'ttl';

const DAY_MS = 86_400_000;

function sameItem(a: Item, b: Item): boolean {
  return valuesEqual({ M: a }, { M: b });
}

function keysOf(table: Table, item: Item): Item {
  const { hash, range } = table.definition.key;
  const keys = newAttributeMap();
  keys[hash.name] = item[hash.name]!;
  if (range) keys[range.name] = item[range.name]!;
  return keys;
}

export class StreamStore {
  /** Every stream, enabled or within 24 hours of being disabled, in creation order. */
  private streams: Stream[];
  private pending = new Map<string, PendingChange>();
  /** The records the last flush wrote, newest last, so that retractLastFlush can take them back. */
  private lastFlushed: { readonly stream: Stream; readonly record: StreamRecord }[] = [];
  /** History entries the last flush wrote, for retractLastFlush. */
  private lastHistoryEntries = 0;
  /** Point-in-time recovery's undo history of every table with PITR enabled. */
  readonly history: RestoreHistory;

  constructor(streams: Stream[] = [], history = new RestoreHistory()) {
    this.streams = streams;
    this.history = history;
  }

  clone(): StreamStore {
    return new StreamStore(
      this.streams.map((s) => s.clone()),
      this.history.clone(),
    );
  }

  /** Every stream kept, untrimmed, in creation order (for a snapshot: engine/storage/snapshot.ts). */
  all(): readonly Stream[] {
    return this.streams;
  }

  /** Starts a stream on `table` (whose StreamSpecification is being enabled) and returns it. */
  enable(table: Table, viewType: StreamViewType, now: number): Stream {
    let createdAt = now;
    // Two streams of one table never share a label, even when enabled within the same millisecond.
    const latest = this.latestFor(table.definition.name);
    if (latest && latest.createdAt >= createdAt) createdAt = latest.createdAt + 1;
    const stream = new Stream(table.definition.arn, table.definition.name, table.definition.key, viewType, createdAt);
    this.streams.push(stream);
    return stream;
  }

  /** Closes the table's enabled stream, if any (StreamEnabled false, or the table deleted). */
  disable(tableName: string, now: number): void {
    for (const stream of this.streams) if (stream.tableName === tableName && stream.enabled) stream.disabledAt = now;
  }

  latestFor(tableName: string): Stream | undefined {
    for (let i = this.streams.length - 1; i >= 0; i--) if (this.streams[i]!.tableName === tableName) return this.streams[i];
    return undefined;
  }

  /** The enabled stream of a table, which new changes go to. */
  enabledFor(tableName: string): Stream | undefined {
    const stream = this.latestFor(tableName);
    return stream?.enabled ? stream : undefined;
  }

  /** Streams still readable at `now`, records trimmed to 24 hours; disabled streams go 24 hours after. */
  list(now: number): readonly Stream[] {
    this.streams = this.streams.filter((s) => s.disabledAt === undefined || now - s.disabledAt <= STREAM_RETENTION_MS);
    for (const stream of this.streams) stream.trim(now);
    return this.streams;
  }

  find(arn: string, now: number): Stream | undefined {
    return this.list(now).find((s) => s.arn === arn);
  }

  /** Table.onChange: notes a put or delete of one item on a table with an enabled stream. */
  noteChange(table: Table, at: string, before: Item | undefined, after: Item | undefined): void {
    if (table.definition.streamViewType === undefined && table.definition.pointInTimeRecovery === undefined) return;
    const id = `${table.definition.name}\u0000${at}`;
    const change = this.pending.get(id);
    if (change && change.table === table) change.after = after;
    else this.pending.set(id, { table, before, after });
  }

  /** Writes the pending changes as records at engine time `now`. */
  flush(now: number, cause: ChangeCause): void {
    this.lastFlushed = [];
    this.lastHistoryEntries = 0;
    if (this.pending.size === 0) return;
    const changes = [...this.pending.values()];
    this.pending.clear();
    for (const { table, before, after } of changes) {
      let eventName: EventName;
      if (before && after) {
        if (sameItem(before, after)) continue;
        eventName = 'MODIFY';
      } else if (after) eventName = 'INSERT';
      else if (before) eventName = 'REMOVE';
      else continue;
      const keys = keysOf(table, (after ?? before)!);
      const pitr = table.definition.pointInTimeRecovery;
      if (pitr) {
        this.history.record(table.definition.tableId, now, pitr.recoveryPeriodInDays * DAY_MS, keys, before && { item: before, size: itemSize(before) });
        this.lastHistoryEntries++;
      }
      const stream = this.enabledFor(table.definition.name);
      if (!stream) continue;
      const view = stream.viewType;
      const newImage = after && (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES') ? after : undefined;
      const oldImage = before && (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES') ? before : undefined;
      // AWS does not document how SizeBytes is counted; here it is the item-size rule applied to
      // the keys and the images the record carries.
      const sizeBytes = itemSize(keys) + (newImage ? itemSize(newImage) : 0) + (oldImage ? itemSize(oldImage) : 0);
      this.lastFlushed.push({ stream, record: stream.append({ eventName, at: now, keys, newImage, oldImage, sizeBytes, byService: cause === 'ttl' }) });
    }
  }

  /** Forgets pending changes (used when nothing was written that should be recorded). */
  discard(): void {
    this.pending.clear();
  }

  /**
   * Takes back the records of the last flush and forgets the changes noted since. The simulation
   * runs a write on the engine and then decides whether to throttle it; a throttled write never
   * happened on AWS, so neither its records nor those of the undo that reverses it may reach the
   * stream. Call it right after the write's action, before any other action flushes.
   */
  retractLastFlush(): void {
    this.pending.clear();
    for (let i = this.lastFlushed.length - 1; i >= 0; i--) this.lastFlushed[i]!.stream.retract(this.lastFlushed[i]!.record);
    this.lastFlushed = [];
    this.history.retract(this.lastHistoryEntries);
    this.lastHistoryEntries = 0;
  }
}
