/**
 * Fixed-window limits counted in the database, for the limits that must hold across instances:
 * password guessing spread over two instances behind a load balancer would otherwise get twice
 * the attempts. One upsert per hit, the same statement on SQLite and PostgreSQL: a window that
 * has ended restarts at this hit, otherwise its count goes up by one.
 */
import { and, like, lt, sql } from 'drizzle-orm';
import { type Db, tablesOf } from '../db/store.ts';
import type { RateLimitDecision, RateLimitRule } from './rate-limit.ts';

/** Windows ended this long ago are deleted every PRUNE_EVERY hits, so the table stays small. */
const PRUNE_EVERY = 500;
let hitsSincePrune = 0;

export class SharedRateLimiter {
  constructor(
    readonly name: string,
    readonly rule: RateLimitRule,
    private readonly now: () => number,
  ) {}

  /** Counts one attempt for `key` under this rule and says whether it may proceed. */
  async hit(db: Db, key: string): Promise<RateLimitDecision> {
    const { rateLimitWindows: windows } = tablesOf(db);
    const t = this.now();
    const at = new Date(t);
    const expired = new Date(t - this.rule.windowMs);
    const [window] = await db
      .insert(windows)
      .values({ key: `${this.name}:${key}`, startedAt: at, count: 1 })
      .onConflictDoUpdate({
        target: windows.key,
        set: {
          // The column names bare: both dialects read them as the existing row's values here.
          startedAt: sql`case when ${windows.startedAt} <= ${expired.getTime()} then ${at.getTime()} else ${windows.startedAt} end`,
          count: sql`case when ${windows.startedAt} <= ${expired.getTime()} then 1 else ${windows.count} + 1 end`,
        },
      })
      .returning({ startedAt: windows.startedAt, count: windows.count });
    if (++hitsSincePrune >= PRUNE_EVERY) {
      hitsSincePrune = 0;
      // Only this rule's windows: another rule's may be longer and still running.
      await db.delete(windows).where(and(like(windows.key, `${this.name}:%`), lt(windows.startedAt, expired)));
    }
    if (window === undefined || window.count <= this.rule.limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt.getTime() + this.rule.windowMs - t) / 1000)) };
  }
}
