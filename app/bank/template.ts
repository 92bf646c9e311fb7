/**
 * `{{placeholder}}` substitution. In prose a number is shown with thousands separators
 * (1,250,000); `{{name|raw}}` prints it bare, for code blocks and JSON; `{{name|cap}}`
 * capitalises the first letter, for a value that starts a sentence. Arguments to calculators
 * always get the bare value.
 */
import type { ParamValue, Params } from './types.ts';

export const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*(raw|cap))?\s*\}\}/g;

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
  return text.replace(PLACEHOLDER, (_, name: string, filter: string | undefined) => {
    const value = params[name];
    if (value === undefined) throw new UnboundPlaceholderError(name);
    const text = formatValue(value, options.raw === true || filter === 'raw');
    return filter === 'cap' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}

/** If the whole text is exactly one placeholder, its name: its value keeps its type. */
export function solePlaceholder(text: string): string | undefined {
  const m = /^\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*(?:raw|cap)\s*)?\}\}$/.exec(text.trim());
  return m?.[1];
}
