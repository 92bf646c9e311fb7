import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../app/auth/rate-limit.ts';

describe('RateLimiter', () => {
  it('allows the limit per window, then says how long until the window ends', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 }, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')].every((d) => d.allowed)).toBe(true);
    now = 15_500;
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.hit('b')).toEqual({ allowed: true });
    now = 60_000;
    expect(limiter.hit('a')).toEqual({ allowed: true });
  });

  it('never says to retry in 0 seconds', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000 }, () => now);
    limiter.hit('a');
    now = 999.9;
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keeps at most maxKeys windows, dropping expired ones first and then the oldest', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 10_000 }, () => now, 100);
    for (let i = 0; i < 1000; i++) {
      now = i;
      limiter.hit(`address-${i}`);
    }
    expect(limiter.size).toBe(100);
    // The newest keys are still counted; the evicted oldest start afresh.
    expect(limiter.hit('address-999').allowed).toBe(false);
    expect(limiter.hit('address-0').allowed).toBe(true);
    now = 50_000;
    limiter.hit('late');
    expect(limiter.size).toBe(1);
  });
});
