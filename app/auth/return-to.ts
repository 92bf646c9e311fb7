/** The log-in page's address that brings the visitor back to where they were. */
import { safeReturnPath } from '../routes/safe-redirect.ts';

/** `/login?returnTo=…`, or plain `/login` when the path is the home page or not a path of ours. */
export function loginPath(returnTo: string): string {
  const path = safeReturnPath(returnTo, '/');
  return path === '/' ? '/login' : `/login?returnTo=${encodeURIComponent(path)}`;
}
