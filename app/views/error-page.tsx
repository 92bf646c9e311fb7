/** What a learner sees when a request fails: the status, what went wrong, and a way on. */
import { Layout } from './layout.tsx';

export interface ErrorPageProps {
  readonly status: number;
  readonly title: string;
  readonly message: string;
  /** The form field at fault, for a 400. */
  readonly field?: string | undefined;
  /** For a 500: quoted in the log line, so a report can be matched to it. */
  readonly errorId?: string | undefined;
}

export function ErrorPage({ status, title, message, field, errorId }: ErrorPageProps) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <div class="error-box" role="alert">
        {field ? (
          <p>
            <strong>{field}</strong>: {message}
          </p>
        ) : (
          <p>{message}</p>
        )}
        {errorId ? (
          <p>
            Error id <code>{errorId}</code>. Quote it if you report this problem.
          </p>
        ) : null}
      </div>
      <p class="muted">
        HTTP status {status}.{status === 400 ? " Use your browser's Back button to fix the form and send it again." : ''}
      </p>
      <p class="actions">
        <a class="button" href="/">
          Home
        </a>
        <a class="button button-secondary" href="/practice">
          Practise
        </a>
      </p>
    </Layout>
  );
}
