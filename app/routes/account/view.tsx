/** Sign-up, log-in and the account page. Pure JSX: the route passes everything in. */
import type { ApiToken } from '../../auth/api-tokens.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords.ts';
import type { User } from '../../auth/sessions.ts';
import { formatDateTime } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { AccountStylesheet, ErrorSummary, type FieldErrors, TextField } from './form-view.tsx';

const LABELS: Record<string, string> = {
  username: 'Username',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  name: 'Token name',
  confirmPassword: 'Password',
};

function ReturnToField({ returnTo }: { returnTo: string | undefined }) {
  return returnTo && returnTo !== '/' ? <input type="hidden" name="returnTo" value={returnTo} /> : null;
}

function withReturnTo(path: string, returnTo: string | undefined): string {
  return returnTo && returnTo !== '/' ? `${path}?returnTo=${encodeURIComponent(returnTo)}` : path;
}

export interface SignupPageProps {
  readonly returnTo?: string | undefined;
  readonly username?: string | undefined;
  readonly errors?: FieldErrors;
  /** The visitor has answered questions anonymously: say they will be kept. */
  readonly hasAnonymousRecord: boolean;
}

export function SignupPage({ returnTo, username, errors = [], hasAnonymousRecord }: SignupPageProps) {
  return (
    <Layout title={errors.length > 0 ? 'Error: Sign up' : 'Sign up'} current="account">
      <AccountStylesheet />
      <h1>Sign up</h1>
      <ErrorSummary errors={errors} labels={LABELS} />
      <p>An account keeps your progress across browsers and devices, and lets scripts use the JSON API with a personal token.</p>
      {hasAnonymousRecord ? <p class="notice">The questions you have answered in this browser move into the new account.</p> : null}
      <form method="post" action="/signup" class="account-form" novalidate>
        <ReturnToField returnTo={returnTo} />
        <TextField
          name="username"
          label="Username"
          value={username}
          errors={errors}
          autocomplete="username"
          maxlength={32}
          hint="3 to 32 letters, digits, dots, underscores or hyphens. Others may see it."
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          errors={errors}
          autocomplete="new-password"
          maxlength={PASSWORD_MAX_LENGTH}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password. A few unrelated words are easy to remember and hard to guess.`}
        />
        <p class="actions">
          <button type="submit">Create account</button>
        </p>
      </form>
      <p>
        Already have an account? <a href={withReturnTo('/login', returnTo)}>Log in</a>.
      </p>
    </Layout>
  );
}

export interface LoginPageProps {
  readonly returnTo?: string | undefined;
  readonly username?: string | undefined;
  /** One message for a wrong username and a wrong password, so neither gives away which accounts exist. */
  readonly failed?: boolean;
  readonly errors?: FieldErrors;
  readonly hasAnonymousRecord: boolean;
}

export function LoginPage({ returnTo, username, failed = false, errors = [], hasAnonymousRecord }: LoginPageProps) {
  const problems = errors.length > 0 || failed;
  return (
    <Layout title={problems ? 'Error: Log in' : 'Log in'} current="account">
      <AccountStylesheet />
      <h1>Log in</h1>
      {failed ? (
        <div class="error-box" role="alert">
          <p>The username or the password is wrong. Check both and try again.</p>
        </div>
      ) : (
        <ErrorSummary errors={errors} labels={LABELS} />
      )}
      {hasAnonymousRecord ? <p class="notice">The questions you have answered in this browser move into your account when you log in.</p> : null}
      <form method="post" action="/login" class="account-form" novalidate>
        <ReturnToField returnTo={returnTo} />
        <TextField name="username" label="Username" value={username} errors={errors} autocomplete="username" maxlength={32} />
        <TextField name="password" label="Password" type="password" errors={errors} autocomplete="current-password" maxlength={1024} />
        <p class="actions">
          <button type="submit">Log in</button>
        </p>
      </form>
      <p>
        No account yet? <a href={withReturnTo('/signup', returnTo)}>Sign up</a>. You can also practise without one.
      </p>
    </Layout>
  );
}

export interface AccountPageProps {
  readonly user: User;
  readonly tokens: readonly ApiToken[];
  /** Which form the errors belong to. */
  readonly form?: 'password' | 'token' | 'delete' | undefined;
  readonly errors?: FieldErrors;
  /** A notice after a successful change. */
  readonly notice?: string | undefined;
  /** Shown once, right after it was created. */
  readonly newToken?: { readonly name: string; readonly token: string } | undefined;
  /** The account's credentials for its own /dynamodb sandbox, and the endpoint to give tools. */
  readonly sandbox?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly endpointUrl: string } | undefined;
}

export function AccountPage({ user, tokens, form, errors = [], notice, newToken, sandbox }: AccountPageProps) {
  const errorsOf = (which: AccountPageProps['form']) => (form === which ? errors : []);
  return (
    <Layout title={errors.length > 0 ? 'Error: Your account' : 'Your account'} current="account">
      <AccountStylesheet />
      <h1>Your account</h1>
      <ErrorSummary errors={errors} labels={LABELS} />
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <dl class="account-facts">
        <dt>Username</dt>
        <dd>{user.username}</dd>
        <dt>Role</dt>
        <dd>
          {user.role}
          {user.role === 'learner' ? <span class="muted"> (authors and admins are granted their role by an admin)</span> : null}
        </dd>
        <dt>Member since</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>
      <p>
        Your learning record: <a href="/progress">progress</a>; download it as <a href="/progress/export.json">JSON</a> or{' '}
        <a href="/progress/export.csv">CSV</a>.
      </p>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <p class="muted">Every other browser logged in to this account is logged out.</p>
        <form method="post" action="/account/password" class="account-form" novalidate>
          <input type="hidden" name="username" value={user.username} autocomplete="username" />
          <TextField
            name="currentPassword"
            label="Current password"
            type="password"
            errors={errorsOf('password')}
            autocomplete="current-password"
            maxlength={1024}
          />
          <TextField
            name="newPassword"
            label="New password"
            type="password"
            errors={errorsOf('password')}
            autocomplete="new-password"
            maxlength={PASSWORD_MAX_LENGTH}
            hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password.`}
          />
          <p class="actions">
            <button type="submit">Change password</button>
          </p>
        </form>
      </section>

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p>
          Scripts use the <a href="/api/openapi.json">JSON API</a> as you with <code>Authorization: Bearer &lt;token&gt;</code>. A token can do everything you
          can, so keep it secret and revoke it when it is no longer needed.
        </p>
        {newToken ? (
          <div class="notice" role="status">
            <p>
              Token <strong>{newToken.name}</strong> created. Copy it now: it is not shown again.
            </p>
            <code class="new-token">{newToken.token}</code>
          </div>
        ) : null}
        {tokens.length === 0 ? (
          <p class="muted">You have no API tokens.</p>
        ) : (
          <table class="token-table">
            <caption class="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td class="token-prefix">
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{formatDateTime(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                  <td>
                    <form method="post" action={`/account/tokens/${t.id}/revoke`} class="inline-form">
                      <button type="submit" class="link-button" aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form method="post" action="/account/tokens" class="account-form" novalidate>
          <TextField
            name="name"
            label="Token name"
            errors={errorsOf('token')}
            autocomplete="off"
            maxlength={64}
            hint="What the token is for, such as “laptop script”."
          />
          <p class="actions">
            <button type="submit">Create token</button>
          </p>
        </form>
      </section>

      {sandbox ? (
        <section aria-labelledby="sandbox-heading">
          <h2 id="sandbox-heading">DynamoDB sandbox</h2>
          <p>
            Your own tables on this server's DynamoDB endpoint. Requests signed with these credentials (AWS Signature Version 4, as the AWS SDKs and CLI sign)
            reach your sandbox; a wrong signature is refused. Any other access key id gets a temporary anonymous sandbox.
          </p>
          <dl class="account-facts">
            <dt>Access key id</dt>
            <dd>
              <code>{sandbox.accessKeyId}</code>
            </dd>
            <dt>Secret access key</dt>
            <dd>
              <details>
                <summary>Show the secret</summary>
                <code>{sandbox.secretAccessKey}</code>
              </details>
            </dd>
          </dl>
          <pre>
            <code>{`export AWS_ACCESS_KEY_ID=${sandbox.accessKeyId} AWS_SECRET_ACCESS_KEY=<the secret above> AWS_DEFAULT_REGION=us-east-1
aws dynamodb list-tables --endpoint-url ${sandbox.endpointUrl}

new DynamoDBClient({ endpoint: '${sandbox.endpointUrl}/dynamodb', region: 'us-east-1',
  credentials: { accessKeyId: '${sandbox.accessKeyId}', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY } })`}</code>
          </pre>
          <form method="post" action="/account/sandbox-key/rotate" class="inline-form">
            <button type="submit">Rotate the key</button>
          </form>
          <p class="muted">Rotating makes a new key id and secret; the old pair stops working at once and your tables move to the new key.</p>
        </section>
      ) : null}

      <section aria-labelledby="delete-heading" class="danger-zone">
        <h2 id="delete-heading">Delete account</h2>
        <p>Deletes the account and everything stored for it: your attempts, reports, sessions and API tokens. This cannot be undone.</p>
        <form method="post" action="/account/delete" class="account-form" novalidate>
          <TextField
            id="confirmPassword"
            name="password"
            label="Password"
            type="password"
            errors={errorsOf('delete')}
            autocomplete="current-password"
            maxlength={1024}
            hint="Type your password to confirm."
          />
          <p class="actions">
            <button type="submit" class="button-danger">
              Delete my account
            </button>
          </p>
        </form>
      </section>
    </Layout>
  );
}
