/**
 * The requests the playground ran, newest first, kept in memory beside the sandbox they ran on
 * (keyed by its Database, so they go when the registry frees the sandbox). Server-side rather than
 * in the browser so that it works without JavaScript and survives a reload; not in SQLite because
 * it describes tables that themselves live only in memory.
 */
import type { Database } from '../../../engine/index.ts';

export const HISTORY_LENGTH = 50;

export interface HistoryEntry {
  /** Counts up per sandbox, so a link to an entry stays valid as newer ones push it down. */
  readonly id: number;
  readonly action: string;
  readonly input: unknown;
  /** The AWS error type when it failed. */
  readonly error?: string;
  /** Sent through the simulated DAX cluster (`POST /dax`) rather than to DynamoDB. */
  readonly target?: 'dax';
  /** Milliseconds since the epoch (the app's clock). */
  readonly at: number;
}

interface Log {
  next: number;
  entries: HistoryEntry[];
}

const logs = new WeakMap<Database, Log>();

export function recordRequest(database: Database, entry: Omit<HistoryEntry, 'id'>): HistoryEntry {
  let log = logs.get(database);
  if (!log) {
    log = { next: 1, entries: [] };
    logs.set(database, log);
  }
  const recorded = { id: log.next++, ...entry };
  log.entries.unshift(recorded);
  log.entries.length = Math.min(log.entries.length, HISTORY_LENGTH);
  return recorded;
}

export function listHistory(database: Database): readonly HistoryEntry[] {
  return logs.get(database)?.entries ?? [];
}

export function findHistoryEntry(database: Database, id: number): HistoryEntry | undefined {
  return logs.get(database)?.entries.find((entry) => entry.id === id);
}
