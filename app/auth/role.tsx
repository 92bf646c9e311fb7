/**
 * Role checks: authors read reports and edit content, admins also manage accounts. A role
 * includes the ones below it.
 */
import { createMiddleware } from 'hono/factory';
import type { Role } from '../db/schema.ts';
import type { AppEnv } from '../routes/app-env.ts';
import { Layout } from '../views/layout.tsx';
import { loginPath } from './return-to.ts';

const RANK: Record<Role, number> = { learner: 0, author: 1, admin: 2 };

export function hasRole(userRole: Role, needed: Role): boolean {
  return RANK[userRole] >= RANK[needed];
}

/**
 * Lets the request through for a user with the role. A logged-out visitor is sent to log in
 * and brought back; a logged-in user without the role gets a 403 saying how to get it.
 * Runs after loadLearner.
 */
export function requireRole(role: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.var.user;
    const api = c.req.path === '/api' || c.req.path.startsWith('/api/');
    if (!user) {
      if (api)
        return c.json(
          { error: { code: 'Unauthorized', message: `Log in or send an API token (Authorization: Bearer) of a user with the ${role} role.` } },
          401,
        );
      const url = new URL(c.req.url);
      // After a POST the form is gone; come back to the page it was on.
      return c.redirect(loginPath(c.req.method === 'GET' ? `${url.pathname}${url.search}` : url.pathname), 303);
    }
    if (!hasRole(user.role, role)) {
      const message = `This needs the ${role} role; ${user.username} has the ${user.role} role. An admin can grant it on the Users page (/admin/users), or on the server: npm run user -- --role ${role} ${user.username}`;
      if (api) return c.json({ error: { code: 'Forbidden', message } }, 403);
      return c.html(<ForbiddenPage role={role} username={user.username} userRole={user.role} />, 403);
    }
    return next();
  });
}

function ForbiddenPage({ role, username, userRole }: { role: Role; username: string; userRole: Role }) {
  return (
    <Layout title={`The ${role} role is needed`}>
      <h1>The {role} role is needed</h1>
      <div class="error-box" role="alert">
        <p>
          This page is for users with the <strong>{role}</strong> role. You are logged in as <strong>{username}</strong>, who has the {userRole} role.
        </p>
      </div>
      <h2>How to get it</h2>
      <ul>
        <li>
          Ask an admin of this site to grant it on the <a href="/admin/users">Users</a> page.
        </li>
        <li>
          Or, with access to the server:{' '}
          <code>
            npm run user -- --role {role} {username}
          </code>
        </li>
      </ul>
      <p class="muted">HTTP status 403.</p>
    </Layout>
  );
}
