/**
 * Markdown to safe HTML. Content is trusted less than code: every string reaching a page goes
 * through sanitize-html, which keeps code, tables and links and drops scripts and handlers.
 */
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags,
  allowedAttributes: {
    a: ['href', 'title'],
    code: ['class'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};
SANITIZE.allowedAttributes = { ...SANITIZE.allowedAttributes, a: ['href', 'title', 'rel'] };

export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown, { async: false, gfm: true }), SANITIZE).trim();
}

/** For option labels: no wrapping paragraph. */
export function renderInline(markdown: string): string {
  return sanitizeHtml(marked.parseInline(markdown, { async: false, gfm: true }), SANITIZE).trim();
}

/** HTML that arrives from outside (an imported record) gets the same treatment as content. */
export function sanitizeFragment(html: string): string {
  return sanitizeHtml(html, SANITIZE).trim();
}
