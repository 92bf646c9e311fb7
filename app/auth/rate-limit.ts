/**
 * Fixed-window rate limits. Log-in and sign-up attempts are counted in the database
 * (shared-rate-limit.ts), so instances behind a load balancer count them together; answers per
 * learner are counted in memory, per instance (a second instance counts separately and a
 * restart forgets them), which is enough to slow a runaway script.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../routes/app-env.ts';
import { clientAddress } from './client-address.ts';
import { SharedRateLimiter } from './shared-rate-limit.ts';
import { renderTooManyRequestsPage } from './too-many-requests-view.tsx';

export interface RateLimitRule {
  readonly limit: number;
  readonly windowMs: number;
}

export type RateLimitDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Window {
  readonly startedAt: number;
  count: number;
}

/** More keys than this and the oldest windows are dropped, so a flood of addresses cannot exhaust memory. */
const DEFAULT_MAX_KEYS = 10_000;

export class RateLimiter {
  // Insertion order is window start order: a key is re-inserted when its window restarts, so
  // the oldest (and first to expire) windows are always at the front.
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly rule: RateLimitRule,
    private readonly now: () => number,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {}

  /** Counts one request for the key, and says whether it may proceed. */
  hit(key: string): RateLimitDecision {
    const t = this.now();
    let window = this.windows.get(key);
    if (!window || t - window.startedAt >= this.rule.windowMs) {
      this.windows.delete(key);
      window = { startedAt: t, count: 0 };
      this.windows.set(key, window);
      this.evict(t);
    }
    if (window.count >= this.rule.limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.rule.windowMs - t) / 1000)) };
    }
    window.count++;
    return { allowed: true };
  }

  get size(): number {
    return this.windows.size;
  }

  private evict(t: number): void {
    for (const [key, window] of this.windows) {
      if (this.windows.size <= this.maxKeys && t - window.startedAt < this.rule.windowMs) break;
      this.windows.delete(key);
    }
  }
}

export interface RateLimitSettings {
  /** Log-in and sign-up attempts from one client address. */
  readonly authPerAddress: RateLimitRule;
  /** Log-in and sign-up attempts naming one username, from anywhere. */
  readonly authPerUsername: RateLimitRule;
  /** Answers stored per learner (account, anonymous profile, or address before either exists). */
  readonly answersPerLearner: RateLimitRule;
}

const MINUTE = 60 * 1000;

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  authPerAddress: { limit: 30, windowMs: 15 * MINUTE },
  authPerUsername: { limit: 10, windowMs: 15 * MINUTE },
  answersPerLearner: { limit: 60, windowMs: MINUTE },
};

export interface RateLimiters {
  readonly authPerAddress: SharedRateLimiter;
  readonly authPerUsername: SharedRateLimiter;
  readonly answersPerLearner: RateLimiter;
}

export function createRateLimiters(settings: RateLimitSettings, now: () => number): RateLimiters {
  return {
    authPerAddress: new SharedRateLimiter('auth-address', settings.authPerAddress, now),
    authPerUsername: new SharedRateLimiter('auth-username', settings.authPerUsername, now),
    answersPerLearner: new RateLimiter(settings.answersPerLearner, now),
  };
}

/** A 429 with Retry-After: JSON under /api/, a page that says when to come back elsewhere. */
export function tooManyRequests(c: Context<AppEnv>, retryAfterSeconds: number, what: string): Response | Promise<Response> {
  c.header('Retry-After', String(retryAfterSeconds));
  const message = `Too many ${what}. Try again in ${describeWait(retryAfterSeconds)}.`;
  if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return c.json({ error: { code: 'TooManyRequests', message, retryAfterSeconds } }, 429);
  return c.html(renderTooManyRequestsPage(message, retryAfterSeconds), 429);
}

/**
 * Limits stored answers per learner; runs after loadLearner. A visitor with neither account nor
 * profile yet is counted by address, or dropping the cookie would reset the count.
 */
export const limitAnswers = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.var.user ? `user:${c.var.user.id}` : c.var.profile ? `profile:${c.var.profile.id}` : `address:${clientAddress(c)}`;
  const decision = c.var.deps.rateLimiters.answersPerLearner.hit(key);
  if (!decision.allowed) return tooManyRequests(c, decision.retryAfterSeconds, 'answers in a minute');
  return next();
});

export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
