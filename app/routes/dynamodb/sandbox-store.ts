/**
 * Account sandboxes saved in the database (table sandbox_snapshots), so that they survive a
 * restart and whichever instance serves a request can load them. Anonymous sandboxes stay in
 * memory, per instance.
 *
 * A save writes the engine's snapshot (engine/storage/snapshot.ts), gzipped, after a request that
 * changed the sandbox. Each in-memory copy remembers the version it reflects, and a save is
 * conditional on that version (`update … where user_id = ? and version = ?`, or an insert for the
 * first), so two instances can never both build on the same version. How eagerly instances
 * check depends on `sync`:
 *
 * - `always` (the default on PostgreSQL, where several instances may share the store): before a
 *   request, the stored version is read and a newer copy reloaded; after a change the save is
 *   awaited before the answer goes out. A save refused because another instance saved first
 *   means this copy was stale: the caller reloads and runs the request again (it was never
 *   acknowledged). Requests for one sandbox are served one at a time per instance.
 * - `off` (the default on SQLite, where one process owns the file): the copy in memory is the
 *   truth once loaded; saves are coalesced to at most one per sandbox per `coalesceMs` and run
 *   after the answer, and `flush()` writes what is pending (main.ts awaits it on SIGTERM).
 *
 * A snapshot larger than `maxSnapshotBytes` is not saved (the request still succeeds; the copy
 * lives on in this instance's memory only) and is logged once per size.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { snapshotDatabase } from '../../../engine/index.ts';
import type { Db } from '../../db/connection.ts';
import { firstRow, tablesOf } from '../../db/store.ts';
import { DEFAULT_SANDBOX_LIMITS, type PersistedState, type SandboxRegistry } from './sandboxes.ts';

export type SandboxSync = 'always' | 'off';
export const SANDBOX_SYNC_MODES: readonly SandboxSync[] = ['always', 'off'];

/**
 * Actions that never change a sandbox: after them nothing is saved. Anything else that succeeds
 * counts as a change (an action added later is saved rather than lost). The TTL sweep a read may
 * run is not saved either: it runs again, the same way, after a reload.
 */
const READ_ONLY_ACTIONS: ReadonlySet<string> = new Set([
  'GetItem',
  'BatchGetItem',
  'Query',
  'Scan',
  'TransactGetItems',
  'DescribeTable',
  'ListTables',
  'DescribeTimeToLive',
  'DescribeContinuousBackups',
  'ListTagsOfResource',
  'DescribeEndpoints',
  'DescribeLimits',
]);

/**
 * Whether a successful `action` sent to DynamoDB (not Streams, not the simulation's own actions)
 * may have changed the sandbox. A PartiQL SELECT reads only, like the Query or Scan it runs as.
 */
export function changesSandbox(target: 'dynamodb' | 'dax' | 'streams' | 'sim', action: string, input?: unknown): boolean {
  if (target !== 'dynamodb' && target !== 'dax') return false;
  if (action === 'ExecuteStatement') return !/^\s*select\b/i.test(String((input as { Statement?: unknown } | null)?.Statement ?? ''));
  return !READ_ONLY_ACTIONS.has(action);
}

/**
 * The default cap on a saved snapshot: twice the per-sandbox byte limit, as the snapshot's JSON
 * spells out attribute names and types (10 MB of items by AWS's size is about 12 MB of JSON)
 * and carries the point-in-time history and stream records besides.
 */
export const DEFAULT_SNAPSHOT_MAX_BYTES = 2 * DEFAULT_SANDBOX_LIMITS.maxBytes;
/** Saves per sandbox per second at most, with sync off. */
export const DEFAULT_COALESCE_MS = 1000;
/** How often a request is run again when another instance saved the sandbox first. */
export const DEFAULT_SAVE_ATTEMPTS = 5;

export interface SandboxStoreOptions {
  readonly db: Db;
  readonly sync: SandboxSync;
  /** Largest snapshot saved, in bytes of JSON before compression. */
  readonly maxSnapshotBytes: number;
  readonly coalesceMs?: number;
  readonly logger?: { info(message: string): void; error(message: string, error?: unknown): void };
  /** Runs `run` after `ms` milliseconds (default: an unref'd setTimeout); tests pass their own. */
  readonly schedule?: (run: () => void, ms: number) => { cancel(): void };
}

export type SaveOutcome = 'saved' | 'unchanged' | 'conflict' | 'too large';

function defaultSchedule(run: () => void, ms: number): { cancel(): void } {
  const timer = setTimeout(run, ms);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}

export class SandboxStore {
  readonly sync: SandboxSync;
  readonly maxSnapshotBytes: number;
  private readonly registry: SandboxRegistry;
  private readonly db: Db;
  private readonly coalesceMs: number;
  private readonly logger: NonNullable<SandboxStoreOptions['logger']>;
  private readonly schedule: NonNullable<SandboxStoreOptions['schedule']>;
  /** Per access key id: the tail of the requests waiting to be served one at a time. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(registry: SandboxRegistry, options: SandboxStoreOptions) {
    this.registry = registry;
    this.db = options.db;
    this.sync = options.sync;
    this.maxSnapshotBytes = options.maxSnapshotBytes;
    this.coalesceMs = options.coalesceMs ?? DEFAULT_COALESCE_MS;
    this.logger = options.logger ?? { info: (message) => console.log(message), error: (message, error) => console.error(message, error) };
    this.schedule = options.schedule ?? defaultSchedule;
  }

  /** True when the sandbox can be served at once, without a look at the database (sync off, loaded). */
  isCurrent(accessKeyId: string): boolean {
    return this.sync === 'off' && this.registry.persisted(accessKeyId) !== undefined;
  }

  /** Runs `body` when the key's earlier requests on this instance are done (one at a time per sandbox). */
  async serialized<T>(accessKeyId: string, body: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(accessKeyId) ?? Promise.resolve();
    const turn = previous.then(body, body);
    const tail = turn.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(accessKeyId, tail);
    try {
      return await turn;
    } finally {
      if (this.queues.get(accessKeyId) === tail) this.queues.delete(accessKeyId);
    }
  }

  /**
   * Loads the account's sandbox on first use, and with sync `always` reloads it when another
   * instance saved a newer version. Throws the engine's SnapshotError for a stored snapshot it
   * cannot read (kept as it is, for an operator to look at).
   */
  async prepare(accessKeyId: string, userId: number): Promise<void> {
    const held = this.registry.persisted(accessKeyId);
    if (held && this.sync === 'off') return;
    const { sandboxSnapshots } = tablesOf(this.db);
    if (held) {
      const stored = firstRow(
        await this.db.select({ version: sandboxSnapshots.version }).from(sandboxSnapshots).where(eq(sandboxSnapshots.userId, userId)).limit(1),
      );
      if ((stored?.version ?? 0) <= held.state.version) return;
    }
    const row = firstRow(await this.db.select().from(sandboxSnapshots).where(eq(sandboxSnapshots.userId, userId)).limit(1));
    const state: PersistedState = held?.state ?? { userId, version: 0, dirty: false, savedAt: Number.NEGATIVE_INFINITY };
    const snapshot = row === undefined ? undefined : JSON.parse(gunzipSync(row.snapshot).toString('utf8'));
    this.registry.install(accessKeyId, state, snapshot);
    state.version = row?.version ?? 0;
    state.dirty = false;
  }

  /**
   * Notes that a request changed the sandbox. With sync off, schedules a coalesced save; with
   * sync `always`, the caller saves with `saveNow` before it answers.
   */
  markChanged(accessKeyId: string): void {
    const held = this.registry.persisted(accessKeyId);
    if (!held) return;
    const { state } = held;
    state.dirty = true;
    if (this.sync === 'always' || state.timer) return;
    const wait = Math.max(0, state.savedAt + this.coalesceMs - this.registry.now());
    state.timer = this.schedule(() => {
      state.timer = undefined;
      this.saveNow(accessKeyId).catch((error: unknown) => this.logger.error(`Saving the DynamoDB sandbox of user ${state.userId} failed`, error));
    }, wait);
  }

  /** Saves every sandbox with changes not yet saved (with sync off, the final save on shutdown). */
  async flush(): Promise<void> {
    for (const { accessKeyId, state } of this.registry.persistedSandboxes()) {
      state.timer?.cancel();
      state.timer = undefined;
      await this.saveNow(accessKeyId);
    }
  }

  /**
   * Writes the sandbox's snapshot if it changed, conditional on the version it was loaded or
   * last saved at: `conflict` when another instance saved first (reload and run the request
   * again), `too large` when it is over the cap and was not saved.
   */
  async saveNow(accessKeyId: string): Promise<SaveOutcome> {
    const held = this.registry.persisted(accessKeyId);
    if (!held) return 'unchanged';
    const { state, database } = held;
    // One save at a time per sandbox, so each builds on the version the one before wrote.
    while (state.saving !== undefined) await state.saving.catch(() => undefined);
    if (!state.dirty) return 'unchanged';
    const text = JSON.stringify(snapshotDatabase(database));
    const bytes = Buffer.byteLength(text);
    state.dirty = false;
    if (bytes > this.maxSnapshotBytes) {
      if (state.refusedBytes !== bytes) {
        state.refusedBytes = bytes;
        this.logger.info(
          `DynamoDB sandbox of user ${state.userId} not saved: its snapshot is ${bytes} bytes, over the cap of ${this.maxSnapshotBytes} (DYNAMODB_SNAPSHOT_MAX_BYTES); it lives on in this instance's memory only`,
        );
      }
      return 'too large';
    }
    const saving = this.write(state, gzipSync(text), bytes);
    state.saving = saving;
    try {
      const outcome = await saving;
      if (outcome === 'conflict' && this.sync === 'off') {
        // One process owns a SQLite file; another writing the same sandbox means two share it.
        this.logger.error(
          `DynamoDB sandbox of user ${state.userId} was saved by another process; set DYNAMODB_SANDBOX_SYNC=always when instances share the database`,
        );
      }
      if (outcome === 'conflict') state.dirty = true;
      return outcome;
    } finally {
      state.saving = undefined;
    }
  }

  private async write(state: PersistedState, snapshot: Buffer, bytes: number): Promise<SaveOutcome> {
    const { sandboxSnapshots } = tablesOf(this.db);
    const next = state.version + 1;
    const values = { version: next, snapshot, bytes, updatedAt: new Date(this.registry.now()) };
    const rows =
      state.version === 0
        ? await this.db
            .insert(sandboxSnapshots)
            .values({ userId: state.userId, ...values })
            .onConflictDoNothing()
            .returning({ version: sandboxSnapshots.version })
        : await this.db
            .update(sandboxSnapshots)
            .set(values)
            .where(and(eq(sandboxSnapshots.userId, state.userId), eq(sandboxSnapshots.version, state.version)))
            .returning({ version: sandboxSnapshots.version });
    if (rows.length === 0) return 'conflict';
    state.version = next;
    state.savedAt = this.registry.now();
    return 'saved';
  }
}
