/**
 * Accounts: sign up, log in, log out, and the account page (password, API tokens, deletion).
 * Passwords are checked with scrypt; wrong usernames and wrong passwords look and cost the same.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie } from 'hono/cookie';
import { deleteApiToken, insertApiToken, selectApiTokensOfUser } from '../../auth/api-tokens.ts';
import { clientAddress } from '../../auth/client-address.ts';
import { ensureSandboxKey, rotateSandboxKey } from '../../auth/sandbox-keys.ts';
import { loadLearner } from '../../auth/identity.ts';
import { hasAnonymousRecord, startSession } from '../../auth/log-in.ts';
import { checkNewPassword, checkUsername, dummyHash, hashPassword, needsRehash, verifyPassword } from '../../auth/passwords.ts';
import { tooManyRequests } from '../../auth/rate-limit.ts';
import { requireRole } from '../../auth/role.tsx';
import { deleteSessionByToken, deleteSessionsOfUser, SESSION_COOKIE, type User } from '../../auth/sessions.ts';
import { deleteUser, insertUser, selectOptionalUserByUsername, selectUsers, updatePassword, UsernameTakenError, usernameKey } from '../../auth/users.ts';
import type { AppEnv } from '../app-env.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';
import { safeReturnPath } from '../safe-redirect.ts';
import { ACCOUNT_STYLESHEET } from './account-style.ts';
import type { FieldErrors } from './form-view.tsx';
import { readForm } from './read-form.ts';
import { AccountPage, LoginPage, SignupPage } from './view.tsx';

/** Log-in forms are tiny; a huge body would only make scrypt and the parser work. */
const limitFormBody = bodyLimit({
  maxSize: 16 * 1024,
  onError: (c) => c.text('The form is larger than 16 KB.', 413),
});

/** Longer than any password we accept, short enough that hashing it costs nothing extra. */
const MAX_LOGIN_PASSWORD_LENGTH = 1024;

/**
 * Counts one sign-up or log-in attempt against the client address and the username; a
 * Response when either is over its limit.
 */
async function limitAuthAttempt(c: Context<AppEnv>, username: string): Promise<Response | undefined> {
  const { rateLimiters, db } = c.var.deps;
  const byAddress = await rateLimiters.authPerAddress.hit(db, clientAddress(c));
  if (!byAddress.allowed) return tooManyRequests(c, byAddress.retryAfterSeconds, 'log-in and sign-up attempts from your address');
  if (username !== '') {
    const byUsername = await rateLimiters.authPerUsername.hit(db, usernameKey(username));
    if (!byUsername.allowed) return tooManyRequests(c, byUsername.retryAfterSeconds, `log-in attempts for ${username}`);
  }
  return undefined;
}

function returnToFrom(value: string | undefined): string {
  return safeReturnPath(value, '/');
}

async function accountPage(c: Context<AppEnv>, user: User, extra: Omit<Parameters<typeof AccountPage>[0], 'user' | 'tokens'> = {}) {
  c.header('Cache-Control', 'no-store');
  // The sandbox key is made on the first view of the page (issue 14).
  const key = await ensureSandboxKey(c.var.deps.db, user.id, c.var.deps.clock.now());
  const sandbox = { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, endpointUrl: new URL(c.req.url).origin };
  return <AccountPage user={user} tokens={await selectApiTokensOfUser(c.var.deps.db, user.id)} sandbox={sandbox} {...extra} />;
}

const requireLogin = requireRole('learner');

export const accountRoutes = new Hono<AppEnv>()
  .get('/account/style.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(ACCOUNT_STYLESHEET);
  })
  .get('/signup', loadLearner, (c) => {
    const returnTo = returnToFrom(c.req.query('returnTo'));
    if (c.var.user) return c.redirect(returnTo, 303);
    return c.html(<SignupPage returnTo={returnTo} hasAnonymousRecord={hasAnonymousRecord(c)} />);
  })
  .post('/signup', loadLearner, limitFormBody, async (c) => {
    const { db, clock, passwordCost } = c.var.deps;
    const form = await readForm(c);
    const username = (form.username ?? '').trim();
    const password = form.password ?? '';
    const returnTo = returnToFrom(form.returnTo);
    const limited = await limitAuthAttempt(c, username);
    if (limited) return limited;

    const errors: Array<{ field: string; message: string }> = [];
    const usernameProblem = checkUsername(username);
    if (usernameProblem) errors.push({ field: 'username', message: usernameProblem });
    const passwordProblem = checkNewPassword(password, username);
    if (passwordProblem) errors.push({ field: 'password', message: passwordProblem });
    const again = (problems: FieldErrors) =>
      c.html(<SignupPage returnTo={returnTo} username={username} errors={problems} hasAnonymousRecord={hasAnonymousRecord(c)} />, 400);
    if (errors.length > 0) return again(errors);

    let user: User;
    try {
      user = await insertUser(db, { username, passwordHash: await hashPassword(password, passwordCost), now: clock.now() });
    } catch (error) {
      if (!(error instanceof UsernameTakenError)) throw error;
      return again([{ field: 'username', message: 'This username is taken. Choose another, or log in if it is yours.' }]);
    }
    await startSession(c, user);
    return c.redirect(returnTo, 303);
  })
  .get('/login', loadLearner, (c) => {
    const returnTo = returnToFrom(c.req.query('returnTo'));
    if (c.var.user) return c.redirect(returnTo, 303);
    return c.html(<LoginPage returnTo={returnTo} hasAnonymousRecord={hasAnonymousRecord(c)} />);
  })
  .post('/login', loadLearner, limitFormBody, async (c) => {
    const { db, passwordCost } = c.var.deps;
    const form = await readForm(c);
    const username = (form.username ?? '').trim();
    const password = form.password ?? '';
    const returnTo = returnToFrom(form.returnTo);
    const errors: Array<{ field: string; message: string }> = [];
    if (username === '') errors.push({ field: 'username', message: 'Enter your username.' });
    if (password === '') errors.push({ field: 'password', message: 'Enter your password.' });
    if (errors.length > 0) return c.html(<LoginPage returnTo={returnTo} username={username} errors={errors} hasAnonymousRecord={hasAnonymousRecord(c)} />, 400);
    const limited = await limitAuthAttempt(c, username);
    if (limited) return limited;

    const user = await selectOptionalUserByUsername(db, username);
    // A missing user is checked against a dummy hash, so the answer takes as long either way.
    const candidate = password.length > MAX_LOGIN_PASSWORD_LENGTH ? '' : password;
    const matches = await verifyPassword(candidate, user?.passwordHash ?? (await dummyHash(passwordCost)));
    if (!user || !matches || candidate === '') {
      return c.html(<LoginPage returnTo={returnTo} username={username} failed hasAnonymousRecord={hasAnonymousRecord(c)} />, 401);
    }
    if (needsRehash(user.passwordHash, passwordCost)) await updatePassword(db, user.id, await hashPassword(password, passwordCost));
    await startSession(c, user);
    return c.redirect(returnTo, 303);
  })
  .post('/logout', loadLearner, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSessionByToken(c.var.deps.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  })
  .get('/account', loadLearner, requireLogin, async (c) => {
    const user = c.var.user!;
    const notice = c.req.query('done');
    const notices: Record<string, string> = {
      password: 'Password changed. Every other browser was logged out.',
      revoked: 'Token revoked: scripts using it are refused from now on.',
      rotated: 'Sandbox key rotated: the old key id and secret are refused from now on.',
    };
    return c.html(await accountPage(c, user, { notice: notice ? notices[notice] : undefined }));
  })
  .post('/account/password', loadLearner, requireLogin, limitFormBody, async (c) => {
    const { db, passwordCost } = c.var.deps;
    const user = c.var.user!;
    const form = await readForm(c);
    const current = form.currentPassword ?? '';
    const next = form.newPassword ?? '';
    const limited = await limitAuthAttempt(c, user.username);
    if (limited) return limited;
    const errors: Array<{ field: string; message: string }> = [];
    if (!(await verifyPassword(current.slice(0, MAX_LOGIN_PASSWORD_LENGTH), user.passwordHash)))
      errors.push({ field: 'currentPassword', message: 'This is not your current password.' });
    const problem = checkNewPassword(next, user.username);
    if (problem) errors.push({ field: 'newPassword', message: problem });
    if (errors.length > 0) return c.html(await accountPage(c, user, { form: 'password', errors }), 400);

    await updatePassword(db, user.id, await hashPassword(next, passwordCost));
    // Whoever else knew the old password is logged out everywhere; this browser starts afresh.
    await deleteSessionsOfUser(db, user.id);
    await startSession(c, user);
    return c.redirect('/account?done=password', 303);
  })
  .post('/account/tokens', loadLearner, requireLogin, limitFormBody, async (c) => {
    const { db, clock } = c.var.deps;
    const user = c.var.user!;
    const name = ((await readForm(c)).name ?? '').trim();
    const problem =
      name === ''
        ? 'Give the token a name, so you know what to revoke later.'
        : [...name].length > 64
          ? 'Use at most 64 characters.'
          : /\p{Cc}/u.test(name)
            ? 'Use printable characters only.'
            : undefined;
    if (problem) return c.html(await accountPage(c, user, { form: 'token', errors: [{ field: 'name', message: problem }] }), 400);
    const { token } = await insertApiToken(db, user.id, name, clock.now());
    // Shown in this response only: the database keeps its hash.
    return c.html(await accountPage(c, user, { newToken: { name, token } }), 201);
  })
  .post('/account/tokens/:tokenId/revoke', loadLearner, requireLogin, async (c) => {
    const idText = c.req.param('tokenId');
    if (!/^\d{1,15}$/.test(idText)) throw new InvalidInputError('tokenId', `"${idText}" is not a token number.`);
    if (!(await deleteApiToken(c.var.deps.db, c.var.user!.id, Number(idText)))) throw new NotFoundError(`You have no token ${idText}.`);
    return c.redirect('/account?done=revoked', 303);
  })
  .post('/account/sandbox-key/rotate', loadLearner, requireLogin, async (c) => {
    const { db, clock, sandboxes } = c.var.deps;
    const { previous, current } = await rotateSandboxKey(db, c.var.user!.id, clock.now());
    if (previous) sandboxes.rekey(previous.accessKeyId, current.accessKeyId);
    return c.redirect('/account?done=rotated', 303);
  })
  .post('/account/delete', loadLearner, requireLogin, limitFormBody, async (c) => {
    const { db } = c.var.deps;
    const user = c.var.user!;
    const password = (await readForm(c)).password ?? '';
    const limited = await limitAuthAttempt(c, user.username);
    if (limited) return limited;
    if (!(await verifyPassword(password.slice(0, MAX_LOGIN_PASSWORD_LENGTH), user.passwordHash))) {
      return c.html(
        await accountPage(c, user, {
          form: 'delete',
          errors: [{ field: 'confirmPassword', message: 'This is not your password; the account was not deleted.' }],
        }),
        400,
      );
    }
    if (user.role === 'admin' && (await selectUsers(db)).filter((u) => u.role === 'admin').length === 1 && (await selectUsers(db)).length > 1) {
      return c.html(
        await accountPage(c, user, {
          form: 'delete',
          errors: [{ field: 'confirmPassword', message: 'You are the only admin: make another account admin on the Users page first.' }],
        }),
        409,
      );
    }
    await deleteUser(db, user.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  });
