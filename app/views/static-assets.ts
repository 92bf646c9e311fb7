/**
 * The files under /static/. Scripts and styles are served as files, never inlined, so the
 * Content-Security-Policy can say `script-src 'self'; style-src 'self'` and an injected
 * `<script>` or `<style>` does nothing. The two scripts stay TypeScript strings because the JSON
 * editor's embeds the server's own `jsonHint` function.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AUTHORING_PREVIEW_SCRIPT } from '../routes/authoring/preview-script.ts';
import { CHECKS_STYLE } from './checks-view.tsx';
import { clientBundle } from './client-bundle.ts';
import { EXAM_TIMER_SCRIPT } from './exam-timer.ts';
import { KEYBOARD_SHORTCUTS_SCRIPT } from './keyboard-shortcuts.ts';
import { THEME_SWITCH_SCRIPT } from './theme-switch.ts';
import { JSON_EDITOR_SCRIPT, JSON_EDITOR_STYLE } from './request-editor.tsx';

export interface StaticAsset {
  readonly contentType: string;
  readonly body: string;
  /** A strong validator: a revalidation after max-age answers 304 without the body. */
  readonly etag: string;
}

function asset(contentType: string, body: string): StaticAsset {
  return { contentType, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

const CSS = 'text/css; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

/**
 * A stylesheet's comments say why to its reader, not to the browser: served without them and
 * without blank lines, a sixth of style.css (6 KB of every page's 100 KB allowance).
 */
export function withoutCssComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*\n/g, '\n');
}

// The JSON editor's and the checks' rules ride in the one stylesheet: their selectors are their
// own (.item-lines, .json-status, .checks, .side-by-side), and one file is one request.
const STYLESHEET = withoutCssComments([readFileSync(new URL('./style.css', import.meta.url), 'utf8'), JSON_EDITOR_STYLE, CHECKS_STYLE].join('\n'));

export const STATIC_ASSETS: ReadonlyMap<string, StaticAsset> = new Map([
  ['style.css', asset(CSS, STYLESHEET)],
  ['api-reference.css', asset(CSS, readFileSync(new URL('./api-reference.css', import.meta.url), 'utf8'))],
  ['keyboard-shortcuts.js', asset(JS, KEYBOARD_SHORTCUTS_SCRIPT)],
  ['json-editor.js', asset(JS, JSON_EDITOR_SCRIPT)],
  ['exam-timer.js', asset(JS, EXAM_TIMER_SCRIPT)],
  ['authoring-preview.js', asset(JS, AUTHORING_PREVIEW_SCRIPT)],
  ['theme-switch.js', asset(JS, THEME_SWITCH_SCRIPT)],
  // Bundled from TypeScript with their npm imports (client-bundle.ts): the playground's JSON editor and page script.
  ['code-editor.js', asset(JS, clientBundle('app/views/code-editor-client.ts'))],
  ['playground.js', asset(JS, clientBundle('app/routes/playground/client.ts'))],
]);

/** Short enough that a deploy shows within minutes; the ETag makes the revalidation cheap. */
export const STATIC_CACHE_CONTROL = 'public, max-age=300';
