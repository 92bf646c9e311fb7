/**
 * One Database per access key id, so each learner's tables stay apart from everyone else's, in
 * two pools. An account's sandbox is keyed by the account's access key id and its requests are
 * signature-checked (sigv4.ts); it is never evicted to make room, only freed after a long idle
 * time. Any other key id gets an anonymous sandbox, for trying things out, in a smaller pool
 * whose least recently used member goes first when it is full; that eviction only ever looks at
 * the anonymous pool. The registry also keeps the bytes all sandboxes hold together, for the
 * server-wide cap.
 *
 * A new key id costs nothing to invent, so a client cycling key ids could otherwise push every
 * learner's anonymous sandbox out of the pool. Two rules stop that: one client address may start
 * only so many anonymous sandboxes per window, and a full pool evicts its least recently used
 * sandbox only when that one has been idle for the grace time, never one in use. A new sandbox
 * refused either way is answered with ThrottlingException, DynamoDB's answer to requests faster
 * than it accepts them (the SDKs retry it with backoff); existing sandboxes are served as before.
 */
import { RateLimiter, type RateLimitRule } from '../../auth/rate-limit.ts';
import { Database, restoreDatabase, SandboxSimulations, type DatabaseLimits } from '../../../engine/index.ts';

export interface SandboxOptions {
  /** Milliseconds since the epoch; the engine's clock. */
  readonly now: () => number;
  /** Limits each sandbox gets (tables, bytes); see DEFAULT_SANDBOX_LIMITS. */
  readonly limits?: Partial<DatabaseLimits>;
  /** An anonymous sandbox unused for this long is freed (default 24 hours). */
  readonly idleMs?: number;
  /** An account's sandbox unused for this long is freed (default 30 days). */
  readonly accountIdleMs?: number;
  /** Anonymous sandboxes kept at most; the least recently used goes first (default 50). */
  readonly maxSandboxes?: number;
  /** Requests per second one access key may make, averaged over a second (default 1000; Infinity lifts it). */
  readonly requestsPerSecond?: number;
  /** `sim:` tags every table is taken to carry (tests run the SDK suite through the simulation with them). */
  readonly simulationTags?: Readonly<Record<string, string>>;
  /** New anonymous sandboxes one client address may start per window (default 30 per 10 minutes; a limit of Infinity lifts it). */
  readonly newSandboxesPerAddress?: RateLimitRule;
  /** A full anonymous pool evicts only a sandbox unused for at least this long (default 15 minutes). */
  readonly evictionGraceMs?: number;
}

/**
 * What one learner's sandbox may hold by default. The server-wide byte cap (limits.ts) bounds
 * the sum; these bound what one key can take of it.
 */
export const DEFAULT_SANDBOX_LIMITS = { maxTables: 50, maxBytes: 10 * 1024 * 1024 } as const satisfies Partial<DatabaseLimits>;
export const DEFAULT_MAX_SANDBOXES = 50;
/**
 * A classroom behind one address can still give each learner a sandbox; a script cycling key ids
 * gets 30, then ThrottlingException until the window ends.
 */
export const DEFAULT_NEW_SANDBOXES_PER_ADDRESS: RateLimitRule = { limit: 30, windowMs: 10 * 60 * 1000 };
export const DEFAULT_EVICTION_GRACE_MS = 15 * 60 * 1000;

export type SandboxPool = 'account' | 'anonymous';

/**
 * What an account's sandbox knows of its saved copy (sandbox-store.ts). One object per account,
 * kept across a rekey and a reload, so a pending save follows the sandbox.
 */
export interface PersistedState {
  readonly userId: number;
  /** The saved version the in-memory database reflects (0: never saved). */
  version: number;
  /** Changed since its last save. */
  dirty: boolean;
  /** Engine time of the last save, for coalescing. */
  savedAt: number;
  /** A coalesced save waiting on its timer. */
  timer?: { cancel(): void } | undefined;
  /** The save in flight, which the next one waits for. */
  saving?: Promise<unknown> | undefined;
  /** The snapshot size last refused as over the cap, so it is logged once, not per request. */
  refusedBytes?: number | undefined;
}

interface Sandbox {
  readonly key: string;
  readonly pool: SandboxPool;
  readonly database: Database;
  /** The tables tagged sim:enabled=true and the DAX clusters of /dax (engine/sim/sandbox.ts). */
  readonly simulations: SandboxSimulations;
  lastUsed: number;
  /** Token bucket for the request rate. */
  tokens: number;
  refilledAt: number;
  /** Item bytes at the end of its last request, counted in the registry's total. */
  bytes: number;
  /** An account's sandbox loaded from (and saved to) the database; undefined when kept in memory only. */
  readonly persisted?: PersistedState | undefined;
}

export class SandboxRegistry {
  private readonly anonymous = new Map<string, Sandbox>();
  private readonly accounts = new Map<string, Sandbox>();
  private readonly byDatabase = new WeakMap<Database, Sandbox>();
  readonly now: () => number;
  private readonly limits: Partial<DatabaseLimits>;
  private readonly idleMs: number;
  private readonly accountIdleMs: number;
  private readonly maxSandboxes: number;
  private readonly requestsPerSecond: number;
  private readonly simulationTags: Readonly<Record<string, string>> | undefined;
  private readonly newPerAddress: RateLimiter | undefined;
  private readonly evictionGraceMs: number;
  private heldBytes = 0;

  constructor(options: SandboxOptions) {
    this.now = options.now;
    this.limits = { ...DEFAULT_SANDBOX_LIMITS, ...options.limits };
    this.idleMs = options.idleMs ?? 24 * 60 * 60 * 1000;
    this.accountIdleMs = options.accountIdleMs ?? 30 * 24 * 60 * 60 * 1000;
    this.maxSandboxes = options.maxSandboxes ?? DEFAULT_MAX_SANDBOXES;
    this.requestsPerSecond = options.requestsPerSecond ?? 1000;
    this.simulationTags = options.simulationTags;
    const perAddress = options.newSandboxesPerAddress ?? DEFAULT_NEW_SANDBOXES_PER_ADDRESS;
    this.newPerAddress = perAddress.limit === Number.POSITIVE_INFINITY ? undefined : new RateLimiter(perAddress, this.now);
    this.evictionGraceMs = options.evictionGraceMs ?? DEFAULT_EVICTION_GRACE_MS;
  }

  /**
   * The sandbox of `accessKeyId`, created empty on first use. When the anonymous pool has no
   * room (every member used within the grace time), an empty database that is not kept: callers
   * of `get` have already been admitted by `enter`, or only record beside a refused request.
   */
  get(accessKeyId: string, pool: SandboxPool = 'anonymous'): Database {
    return this.entry(accessKeyId, pool)?.database ?? new Database({ now: this.now, limits: this.limits });
  }

  /**
   * Takes one request from the access key's budget; false when it is spent (the caller answers
   * with ThrottlingException).
   */
  admit(accessKeyId: string, pool: SandboxPool = 'anonymous', address?: string): boolean {
    return this.enter(accessKeyId, pool, address) !== undefined;
  }

  /**
   * `admit` and `get` in one lookup, for the request path: the access key's sandbox when the
   * request is within its budget, undefined when it is to be throttled (the key's rate spent, or
   * a new anonymous sandbox refused: `address` has started its share this window, or the pool is
   * full of sandboxes in use). The caller has checked the signature of an account's key before
   * asking for the account pool.
   */
  enter(accessKeyId: string, pool: SandboxPool = 'anonymous', address?: string): Database | undefined {
    const sandbox = this.entry(accessKeyId, pool, address);
    if (!sandbox) return undefined;
    if (this.requestsPerSecond === Number.POSITIVE_INFINITY) return sandbox.database;
    const now = sandbox.lastUsed;
    const elapsed = Math.max(0, now - sandbox.refilledAt) / 1000;
    sandbox.tokens = Math.min(this.requestsPerSecond, sandbox.tokens + elapsed * this.requestsPerSecond);
    sandbox.refilledAt = now;
    if (sandbox.tokens < 1) return undefined;
    sandbox.tokens -= 1;
    return sandbox.database;
  }

  /** The simulations of a sandbox's database, which serve its requests (a plain pass-through for untagged tables). */
  simulations(database: Database): SandboxSimulations {
    return this.byDatabase.get(database)?.simulations ?? new SandboxSimulations(database);
  }

  /**
   * Re-counts a sandbox's bytes after a request ran on it (writes, deletes, TTL expiry). Its
   * point-in-time history counts too: it is memory the sandbox holds, up to its byte limit again.
   */
  settle(database: Database): void {
    const sandbox = this.byDatabase.get(database);
    if (!sandbox) return;
    const bytes = database.totalBytes() + database.streams.history.heldBytes;
    this.heldBytes += bytes - sandbox.bytes;
    sandbox.bytes = bytes;
  }

  /** Item bytes held by every sandbox together, as of the end of their last requests. */
  get totalBytes(): number {
    return this.heldBytes;
  }

  /** Moves an account's sandbox to its new key id when the account rotates its key. */
  rekey(previous: string, next: string): void {
    const sandbox = this.accounts.get(previous);
    if (!sandbox) return;
    this.accounts.delete(previous);
    const moved: Sandbox = { ...sandbox, key: next };
    this.accounts.set(next, moved);
    this.byDatabase.set(moved.database, moved);
  }

  /**
   * Puts an account's sandbox in place from its saved snapshot (parsed JSON; undefined for a new,
   * empty one) at `version`, replacing any copy held, with its rate budget kept. Throws the
   * engine's SnapshotError, changing nothing, when the snapshot cannot be read.
   */
  install(accessKeyId: string, state: PersistedState, snapshot: unknown): Database {
    const database =
      snapshot === undefined ? new Database({ now: this.now, limits: this.limits }) : restoreDatabase(snapshot, { now: this.now, limits: this.limits });
    const simulations = new SandboxSimulations(database, { defaultTags: this.simulationTags });
    // Tables tagged sim:enabled=true start their simulation afresh; its replicas and timeline are not saved.
    simulations.adoptTables();
    const now = this.now();
    const held = this.accounts.get(accessKeyId);
    if (held) this.free(this.accounts, accessKeyId, held);
    const sandbox: Sandbox = {
      key: accessKeyId,
      pool: 'account',
      database,
      simulations,
      lastUsed: now,
      tokens: held?.tokens ?? this.requestsPerSecond,
      refilledAt: held?.refilledAt ?? now,
      bytes: 0,
      persisted: state,
    };
    this.accounts.set(accessKeyId, sandbox);
    this.byDatabase.set(database, sandbox);
    this.settle(database);
    return database;
  }

  /** An account's sandbox as loaded from the database, with what it knows of its saved copy. */
  persisted(accessKeyId: string): { readonly database: Database; readonly state: PersistedState } | undefined {
    const sandbox = this.accounts.get(accessKeyId);
    return sandbox?.persisted && { database: sandbox.database, state: sandbox.persisted };
  }

  /** Every account sandbox loaded from the database (for the final save on shutdown). */
  persistedSandboxes(): { readonly accessKeyId: string; readonly database: Database; readonly state: PersistedState }[] {
    const found = [];
    for (const [accessKeyId, sandbox] of this.accounts)
      if (sandbox.persisted) found.push({ accessKeyId, database: sandbox.database, state: sandbox.persisted });
    return found;
  }

  has(accessKeyId: string, pool?: SandboxPool): boolean {
    if (pool === 'account') return this.accounts.has(accessKeyId);
    if (pool === 'anonymous') return this.anonymous.has(accessKeyId);
    return this.anonymous.has(accessKeyId) || this.accounts.has(accessKeyId);
  }

  /** Sandboxes held, both pools. */
  get size(): number {
    return this.anonymous.size + this.accounts.size;
  }

  poolSize(pool: SandboxPool): number {
    return (pool === 'account' ? this.accounts : this.anonymous).size;
  }

  /** Frees every sandbox idle for longer than its pool's idle time; returns how many were freed. */
  sweep(): number {
    const now = this.now();
    return this.sweepPool(this.anonymous, now - this.idleMs) + this.sweepPool(this.accounts, now - this.accountIdleMs);
  }

  private sweepPool(pool: Map<string, Sandbox>, cutoff: number): number {
    let freed = 0;
    // Least recently used first: stop at the first one still in use.
    for (const [key, sandbox] of pool) {
      if (sandbox.lastUsed >= cutoff) break;
      this.free(pool, key, sandbox);
      freed++;
    }
    return freed;
  }

  private free(pool: Map<string, Sandbox>, key: string, sandbox: Sandbox): void {
    pool.delete(key);
    this.heldBytes -= sandbox.bytes;
  }

  private entry(accessKeyId: string, kind: SandboxPool, address?: string): Sandbox | undefined {
    const now = this.now();
    const pool = kind === 'account' ? this.accounts : this.anonymous;
    let sandbox = pool.get(accessKeyId);
    if (sandbox) {
      // Re-insert so that the map's order is least recently used first.
      pool.delete(accessKeyId);
    } else {
      this.sweep();
      // Only the anonymous pool is bounded, by count and by address; an account's sandbox is never evicted for room.
      if (kind === 'anonymous') {
        if (address !== undefined && this.newPerAddress && !this.newPerAddress.hit(address).allowed) return undefined;
        if (this.anonymous.size >= this.maxSandboxes) {
          // The least recently used comes first: if it is still within its grace, so is every other.
          const oldest = this.anonymous.entries().next();
          if (oldest.done || now - oldest.value[1].lastUsed < this.evictionGraceMs) return undefined;
          this.free(this.anonymous, oldest.value[0], oldest.value[1]);
        }
      }
      const database = new Database({ now: this.now, limits: this.limits });
      sandbox = {
        key: accessKeyId,
        pool: kind,
        database,
        simulations: new SandboxSimulations(database, { defaultTags: this.simulationTags }),
        lastUsed: now,
        tokens: this.requestsPerSecond,
        refilledAt: now,
        bytes: 0,
      };
      this.byDatabase.set(sandbox.database, sandbox);
    }
    sandbox.lastUsed = now;
    pool.set(accessKeyId, sandbox);
    return sandbox;
  }
}
