/**
 * Who is asking: an account (from the session cookie, or a Bearer API token) and the learning
 * profile to read from. Reading never creates anything; `ensureProfile` creates the profile
 * when there is something to store (an answer, a report).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { insertProfile, type Profile, selectOptionalProfileByToken, selectOptionalProfileByUserId } from '../progress/profiles.ts';
import type { AppEnv } from '../routes/app-env.ts';
import { selectUserByApiToken } from './api-tokens.ts';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, selectUserBySessionToken } from './sessions.ts';

export const PROFILE_COOKIE = 'learner';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function bearerToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('Authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** Sets `user` and `profile` (either may be undefined) for the routes after it. */
export const loadLearner = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.identified) return next();
  const { db, clock } = c.var.deps;
  const now = clock.now();
  let user: AppEnv['Variables']['user'];
  const bearer = bearerToken(c);
  if (bearer !== undefined) {
    user = await selectUserByApiToken(db, bearer, now);
    if (!user)
      return c.json(
        { error: { code: 'InvalidToken', message: 'The API token is not valid: it may have been revoked. Create one on your account page.' } },
        401,
      );
  } else {
    const sessionToken = getCookie(c, SESSION_COOKIE);
    if (sessionToken) {
      user = (await selectUserBySessionToken(db, sessionToken, now))?.user;
      if (!user) deleteCookie(c, SESSION_COOKIE, { path: '/' });
    }
  }
  let profile: Profile | undefined;
  if (user) profile = await selectOptionalProfileByUserId(db, user.id);
  else {
    const token = getCookie(c, PROFILE_COOKIE);
    profile = token ? await selectOptionalProfileByToken(db, token) : undefined;
    // A profile that now belongs to an account is not an anonymous visitor's any more.
    if (profile?.userId != null) profile = undefined;
  }
  c.set('user', user);
  c.set('profile', profile);
  c.set('identified', true);
  await next();
});

/** The profile to store into, created now if the learner has none yet. */
export async function ensureProfile(c: Context<AppEnv>): Promise<Profile> {
  const existing = c.var.profile;
  if (existing) return existing;
  const { db, clock, randomToken } = c.var.deps;
  const user = c.var.user;
  const profile = await insertProfile(db, randomToken(), clock.now(), user?.id ?? null);
  if (!user)
    setCookie(c, PROFILE_COOKIE, profile.token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: ONE_YEAR_SECONDS, secure: c.var.deps.cookieSecure });
  c.set('profile', profile);
  return profile;
}

/** Sets the session cookie for a token from insertSession. */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: SESSION_ABSOLUTE_MS / 1000, secure: c.var.deps.cookieSecure });
}
