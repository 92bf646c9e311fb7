/** The page for a 429: what was limited and when to come back. */
import { Layout } from '../views/layout.tsx';

export function renderTooManyRequestsPage(message: string, retryAfterSeconds: number) {
  return (
    <Layout title="Too many requests">
      <h1>Too many requests</h1>
      <div class="error-box" role="alert">
        <p>{message}</p>
      </div>
      <p class="muted">
        HTTP status 429. The limit protects accounts from password guessing and the server from runaway scripts; it resets by itself after {retryAfterSeconds}{' '}
        s.
      </p>
      <p class="actions">
        <a class="button" href="/">
          Home
        </a>
      </p>
    </Layout>
  );
}
