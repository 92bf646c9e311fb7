/**
 * Binds each browser to a learner profile through a cookie, creating the profile on the
 * first visit. Accounts will replace this; until then the cookie is the identity.
 */
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { insertProfile, selectOptionalProfileByToken } from '../progress/profiles.ts';
import type { AppEnv } from './app-env.ts';

export const PROFILE_COOKIE = 'learner';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export const loadProfile = createMiddleware<AppEnv>(async (c, next) => {
  // Idempotent: a second run in the same request must not mint a second profile.
  if (c.var.profile) return next();
  const { db, clock, randomToken } = c.var.deps;
  const token = getCookie(c, PROFILE_COOKIE);
  let profile = token ? selectOptionalProfileByToken(db, token) : undefined;
  if (!profile) {
    profile = insertProfile(db, randomToken(), clock.now());
    setCookie(c, PROFILE_COOKIE, profile.token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: ONE_YEAR_SECONDS });
  }
  c.set('profile', profile);
  await next();
});
