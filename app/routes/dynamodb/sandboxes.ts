/**
 * One Database per access key id, so each learner's tables stay apart from everyone else's.
 * Sandboxes are created on first use and freed after they have been idle for `idleMs`.
 */
import { Database, type DatabaseLimits } from '../../../engine/index.ts';

export interface SandboxOptions {
  /** Milliseconds since the epoch; the engine's clock. */
  readonly now: () => number;
  /** Limits each sandbox gets (tables, bytes); see DEFAULT_SANDBOX_LIMITS. */
  readonly limits?: Partial<DatabaseLimits>;
  /** A sandbox unused for this long is freed (default 24 hours). */
  readonly idleMs?: number;
  /** Sandboxes the server keeps at most; the least recently used goes first (default 100). */
  readonly maxSandboxes?: number;
  /** Requests per second one access key may make, averaged over a second (default 1000). */
  readonly requestsPerSecond?: number;
}

/**
 * What one learner's sandbox may hold by default. A server keeps at most `maxSandboxes` of them
 * in memory, so these bound the memory the endpoint can be made to use (100 × 10 MB of items).
 */
export const DEFAULT_SANDBOX_LIMITS: Partial<DatabaseLimits> = { maxTables: 50, maxBytes: 10 * 1024 * 1024 };
export const DEFAULT_MAX_SANDBOXES = 100;

interface Sandbox {
  readonly database: Database;
  lastUsed: number;
  /** Token bucket for the request rate. */
  tokens: number;
  refilledAt: number;
}

export class SandboxRegistry {
  private readonly sandboxes = new Map<string, Sandbox>();
  readonly now: () => number;
  private readonly limits: Partial<DatabaseLimits>;
  private readonly idleMs: number;
  private readonly maxSandboxes: number;
  private readonly requestsPerSecond: number;

  constructor(options: SandboxOptions) {
    this.now = options.now;
    this.limits = { ...DEFAULT_SANDBOX_LIMITS, ...options.limits };
    this.idleMs = options.idleMs ?? 24 * 60 * 60 * 1000;
    this.maxSandboxes = options.maxSandboxes ?? DEFAULT_MAX_SANDBOXES;
    this.requestsPerSecond = options.requestsPerSecond ?? 1000;
  }

  /** The sandbox of `accessKeyId`, created empty on first use. */
  get(accessKeyId: string): Database {
    return this.entry(accessKeyId).database;
  }

  /**
   * Takes one request from the access key's budget; false when it is spent (the caller answers
   * with ThrottlingException).
   */
  admit(accessKeyId: string): boolean {
    return this.enter(accessKeyId) !== undefined;
  }

  /**
   * `admit` and `get` in one lookup, for the request path: the access key's sandbox when the
   * request is within its budget, undefined when it is to be throttled.
   */
  enter(accessKeyId: string): Database | undefined {
    const sandbox = this.entry(accessKeyId);
    const now = sandbox.lastUsed;
    const elapsed = Math.max(0, now - sandbox.refilledAt) / 1000;
    sandbox.tokens = Math.min(this.requestsPerSecond, sandbox.tokens + elapsed * this.requestsPerSecond);
    sandbox.refilledAt = now;
    if (sandbox.tokens < 1) return undefined;
    sandbox.tokens -= 1;
    return sandbox.database;
  }

  has(accessKeyId: string): boolean {
    return this.sandboxes.has(accessKeyId);
  }

  get size(): number {
    return this.sandboxes.size;
  }

  /** Frees every sandbox idle for longer than the idle time; returns how many were freed. */
  sweep(): number {
    const cutoff = this.now() - this.idleMs;
    let freed = 0;
    for (const [key, sandbox] of this.sandboxes) {
      if (sandbox.lastUsed < cutoff) {
        this.sandboxes.delete(key);
        freed++;
      }
    }
    return freed;
  }

  private entry(accessKeyId: string): Sandbox {
    const now = this.now();
    let sandbox = this.sandboxes.get(accessKeyId);
    if (sandbox) {
      // Re-insert so that the map's order is least recently used first.
      this.sandboxes.delete(accessKeyId);
    } else {
      this.sweep();
      if (this.sandboxes.size >= this.maxSandboxes) {
        const oldest = this.sandboxes.keys().next();
        if (!oldest.done) this.sandboxes.delete(oldest.value);
      }
      sandbox = {
        database: new Database({ now: this.now, limits: this.limits }),
        lastUsed: now,
        tokens: this.requestsPerSecond,
        refilledAt: now,
      };
    }
    sandbox.lastUsed = now;
    this.sandboxes.set(accessKeyId, sandbox);
    return sandbox;
  }
}
