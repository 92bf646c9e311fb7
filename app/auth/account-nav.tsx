/**
 * The account entries of the site navigation. The layout is rendered by pages that do not pass
 * the user in, so this reads the request's context (hono/context-storage, set in create-app).
 */
import { tryGetContext } from 'hono/context-storage';
import type { AppEnv } from '../routes/app-env.ts';

export function AccountNavItems({ current }: { current: string | undefined }) {
  const c = tryGetContext<AppEnv>();
  // A page that never looked for the learner (the cost pages, a 404) cannot say who is logged
  // in; /account sends a visitor who is not to the log-in page.
  if (!c?.var.identified) {
    return (
      <li>
        <a href="/account" aria-current={current === 'account' ? 'page' : undefined}>
          Account
        </a>
      </li>
    );
  }
  const user = c.var.user;
  if (!user) {
    return (
      <>
        <li>
          <a href="/login" aria-current={current === 'account' && c.req.path === '/login' ? 'page' : undefined}>
            Log in
          </a>
        </li>
        <li>
          <a href="/signup" aria-current={current === 'account' && c.req.path === '/signup' ? 'page' : undefined}>
            Sign up
          </a>
        </li>
      </>
    );
  }
  return (
    <>
      {user.role === 'admin' ? (
        <li>
          <a href="/admin/users" aria-current={current === 'admin' ? 'page' : undefined}>
            Users
          </a>
        </li>
      ) : null}
      <li>
        <a href="/account" aria-current={current === 'account' ? 'page' : undefined}>
          Account <span class="nav-username">({user.username})</span>
        </a>
      </li>
      <li>
        <form method="post" action="/logout" class="nav-form">
          <button type="submit" class="nav-button">
            Log out
          </button>
        </form>
      </li>
    </>
  );
}
