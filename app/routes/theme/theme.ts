/**
 * The learner's colour scheme: `system` follows the browser's prefers-color-scheme, `light` and
 * `dark` pin one. Kept in a cookie rather than the profile so that choosing it never creates a
 * profile and works before sign-in.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'theme';
/** A year: the choice outlives a session. */
export const THEME_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** The request's theme; a missing or tampered cookie is `system`. */
export function readTheme(c: Context | undefined): Theme {
  const value = c ? getCookie(c, THEME_COOKIE) : undefined;
  return isTheme(value) ? value : 'system';
}
