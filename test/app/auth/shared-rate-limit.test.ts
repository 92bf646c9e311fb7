import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SharedRateLimiter } from '../../../app/auth/shared-rate-limit.ts';
import type { Store } from '../../../app/db/store.ts';
import { openTestStore } from '../../helpers/database.ts';

describe('SharedRateLimiter', () => {
  let store: Store;
  let now = 1_700_000_000_000;
  const clock = () => now;
  beforeEach(async () => {
    store = await openTestStore();
    now = 1_700_000_000_000;
  });
  afterEach(async () => {
    await store.close();
  });

  it('counts hits from every instance together and refuses past the limit with the time left', async () => {
    const rule = { limit: 3, windowMs: 60_000 };
    // Two instances: their own limiter objects, one database.
    const first = new SharedRateLimiter('auth-address', rule, clock);
    const second = new SharedRateLimiter('auth-address', rule, clock);
    expect(await first.hit(store.db, '203.0.113.7')).toEqual({ allowed: true });
    expect(await second.hit(store.db, '203.0.113.7')).toEqual({ allowed: true });
    now += 20_000;
    expect(await first.hit(store.db, '203.0.113.7')).toEqual({ allowed: true });
    expect(await second.hit(store.db, '203.0.113.7')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    // Another address, and the same address under another rule, count apart.
    expect(await second.hit(store.db, '198.51.100.1')).toEqual({ allowed: true });
    expect(await new SharedRateLimiter('auth-username', rule, clock).hit(store.db, '203.0.113.7')).toEqual({ allowed: true });
  });

  it('starts a new window once the old one has ended', async () => {
    const limiter = new SharedRateLimiter('auth-address', { limit: 1, windowMs: 60_000 }, clock);
    expect((await limiter.hit(store.db, 'a')).allowed).toBe(true);
    expect((await limiter.hit(store.db, 'a')).allowed).toBe(false);
    now += 59_999;
    expect((await limiter.hit(store.db, 'a')).allowed).toBe(false);
    now += 1;
    expect((await limiter.hit(store.db, 'a')).allowed).toBe(true);
    expect((await limiter.hit(store.db, 'a')).allowed).toBe(false);
  });
});
