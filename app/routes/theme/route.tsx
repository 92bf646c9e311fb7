/**
 * POST /theme: remembers the colour scheme in a cookie and sends the learner back to the page
 * the switch was on. A plain form post, so the switch works without JavaScript; the static
 * theme-switch.js posts the same form in the background after switching at once.
 */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { parseFormBody } from '../form-body.ts';
import { InvalidInputError } from '../request-errors.ts';
import { safeReturnPath } from '../safe-redirect.ts';
import { isTheme, THEME_COOKIE, THEME_COOKIE_MAX_AGE, THEMES } from './theme.ts';

export const themeRoutes = new Hono<AppEnv>().post('/theme', async (c) => {
  const form = await parseFormBody(c);
  const theme = form.theme;
  if (!isTheme(theme)) {
    throw new InvalidInputError('theme', `theme must be one of ${THEMES.join(', ')}${typeof theme === 'string' ? `, not "${theme.slice(0, 40)}"` : ''}.`);
  }
  setCookie(c, THEME_COOKIE, theme, { path: '/', maxAge: THEME_COOKIE_MAX_AGE, sameSite: 'Lax', httpOnly: true, secure: c.var.deps.cookieSecure });
  const returnTo = typeof form.returnTo === 'string' ? form.returnTo : undefined;
  return c.redirect(safeReturnPath(returnTo, '/'), 303);
});
