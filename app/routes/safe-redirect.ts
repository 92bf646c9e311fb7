/**
 * Where a form may send the learner back to. Only a path on this site: a `returnTo` that a link
 * can set would otherwise bounce learners to another site with our address in the bar.
 */

const BASE = 'http://x';
const MAX_LENGTH = 2000;

/**
 * `path` when it is a same-site path, else `fallback`. The result is `path` as a URL serializer
 * writes it (non-ASCII percent-encoded), so it is always a valid Location header value.
 *
 * Refused: anything not starting with exactly one `/` (`//evil.example` and `/\evil.example` are
 * protocol-relative to a browser), any control character or whitespace anywhere (browsers strip
 * tabs and newlines from URLs, so `/\t/evil.example` becomes `//evil.example`, and a newline in a
 * header value makes the response fail), and whatever does not resolve to our own origin.
 */
export function safeReturnPath(path: string | undefined, fallback: string): string {
  if (path === undefined || path.length > MAX_LENGTH) return fallback;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  if (/[\s\p{Cc}\p{Cf}]/u.test(path)) return fallback;
  let url: URL;
  try {
    url = new URL(path, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // Dot segments can collapse into a leading `//` (`/.//evil.example`), so check what is sent too.
  const result = `${url.pathname}${url.search}${url.hash}`;
  return result.startsWith('//') ? fallback : result;
}
