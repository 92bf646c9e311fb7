/**
 * `{{placeholder}}` substitution. In prose a number is shown with thousands separators
 * (1,250,000); `{{name|raw}}` prints it bare, for code blocks and JSON; `{{name|cap}}`
 * capitalises the first letter, for a value that starts a sentence; `{{n|plural:read}}` is the
 * noun agreeing with the number n ("read" for 1, "reads" otherwise; `{{n|plural:index:indexes}}`
 * names an irregular plural). Arguments to calculators always get the bare value.
 *
 * In prose, an "a" or "an" written just before a placeholder agrees with the value that fills
 * it ("a {{size}} KB item" reads "an 8 KB item"; "a `{{table}}` table", "an `Accounts` table"),
 * so templates never need to know which values start with a vowel sound (text.ts).
 */
import { agreeArticle, pluralize } from './text.ts';
import type { ParamValue, Params } from './types.ts';

export const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*(raw|cap|plural:[A-Za-z]+(?::[A-Za-z]+)?))?\s*\}\}/g;
// The same, with the article (and any emphasis or code mark) written before it.
const ARTICLE_AND_PLACEHOLDER = new RegExp(`(?:\\b([Aa]n?)(\\s+[*_\`]*))?${PLACEHOLDER.source}`, 'g');

export class UnboundPlaceholderError extends Error {
  override readonly name = 'UnboundPlaceholderError';
  constructor(readonly placeholder: string) {
    super(`Placeholder {{${placeholder}}} is not bound by any parameter`);
  }
}

/** Every placeholder name in the text, in order of appearance, with repeats. */
export function findPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

// One formatter for all prose numbers: toLocaleString would build a new one per call.
const PROSE_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export function formatValue(value: ParamValue, raw: boolean): string {
  if (typeof value === 'number' && !raw) return PROSE_NUMBER.format(value);
  return String(value);
}

/** Fill placeholders for display. Throws UnboundPlaceholderError for a name not in params. */
export function fillText(text: string, params: Params, options: { raw?: boolean } = {}): string {
  const raw = options.raw === true;
  return text.replace(ARTICLE_AND_PLACEHOLDER, (_, article: string | undefined, gap: string | undefined, name: string, filter: string | undefined) => {
    const value = params[name];
    if (value === undefined) throw new UnboundPlaceholderError(name);
    let text: string;
    if (filter?.startsWith('plural:')) {
      const [, singular, plural] = filter.split(':');
      if (typeof value !== 'number') throw new TypeError(`{{${name}|${filter}}} needs a number, but ${name} is ${JSON.stringify(value)}`);
      text = pluralize(value, singular!, plural);
    } else {
      text = formatValue(value, raw || filter === 'raw');
      if (filter === 'cap') text = text.charAt(0).toUpperCase() + text.slice(1);
    }
    // Raw text (calculator arguments, JSON) is data: its letters are never rewritten.
    if (article === undefined) return text;
    return `${raw || text === '' ? article : agreeArticle(article, text)}${gap}${text}`;
  });
}

/** If the whole text is exactly one placeholder, its name: its value keeps its type. */
export function solePlaceholder(text: string): string | undefined {
  const m = /^\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*(?:raw|cap)\s*)?\}\}$/.exec(text.trim());
  return m?.[1];
}
