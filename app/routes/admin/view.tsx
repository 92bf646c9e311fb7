/** The admin's list of accounts, with a role form per row. */
import type { User } from '../../auth/sessions.ts';
import { ROLES } from '../../db/schema.ts';
import { formatDateTime } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { AccountStylesheet } from '../account/form-view.tsx';

export interface UsersPageProps {
  readonly users: readonly User[];
  readonly currentUserId: number;
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
}

export function UsersPage({ users, currentUserId, notice, error }: UsersPageProps) {
  return (
    <Layout title={error ? 'Error: Users' : 'Users'} current="admin">
      <AccountStylesheet />
      <h1>Users</h1>
      {error ? (
        <div class="error-box" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        Roles: a <strong>learner</strong> practises; an <strong>author</strong> also reads question reports; an <strong>admin</strong> also manages accounts.{' '}
        {users.length} {users.length === 1 ? 'account' : 'accounts'}.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Since</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <th scope="row">
                {u.username}
                {u.id === currentUserId ? <span class="muted"> (you)</span> : null}
              </th>
              <td>{formatDateTime(u.createdAt)}</td>
              <td>
                <form method="post" action={`/admin/users/${u.id}/role`} class="role-form">
                  <label for={`role-${u.id}`} class="visually-hidden">
                    Role of {u.username}
                  </label>
                  <select id={`role-${u.id}`} name="role">
                    {ROLES.map((r) => (
                      <option value={r} selected={r === u.role}>
                        {r}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="button-secondary">
                    Save<span class="visually-hidden"> role of {u.username}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
