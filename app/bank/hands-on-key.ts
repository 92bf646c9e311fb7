/**
 * A `request` or `design` answer spec made into one variant's key: its placeholders filled from
 * the variant's parameters, its fixture or design described for the page. Generation, so it
 * lives in the bank; app/grading/ only grades the key it is given and imports nothing from here.
 */
import { describeDesign } from '../grading/design.ts';
import type { HandsOnKey } from '../grading/hands-on.ts';
import { describeRequestFixture } from '../grading/request.ts';
import { fillText, solePlaceholder } from './template.ts';
import type { Params } from './types.ts';

/** The variant's key and the context its page shows (table, sample items, patterns...). */
export function resolveHandsOn(answer: HandsOnKey, params: Params): { key: HandsOnKey; context: Record<string, unknown> } {
  if (answer.kind === 'request') {
    const spec = fillPlaceholders(answer.spec, params);
    return { key: { kind: 'request', spec }, context: describeRequestFixture(spec) };
  }
  const spec = fillPlaceholders(answer.spec, params);
  return { key: { kind: 'design', spec }, context: describeDesign(spec) };
}

/** Fill `{{param}}` in every string of a YAML value; a string that is one placeholder keeps the parameter's type. */
export function fillPlaceholders<T>(value: T, params: Params): T {
  // Under an AttributeValue's N, S or NS the value stays text, as DynamoDB JSON wants it.
  const fill = (v: unknown, textual: boolean): unknown => {
    if (typeof v === 'string') {
      if (!v.includes('{{')) return v;
      const sole = solePlaceholder(v);
      if (!textual && sole !== undefined && params[sole] !== undefined) return params[sole];
      return fillText(v, params, { raw: true });
    }
    if (Array.isArray(v)) return v.map((x) => fill(x, textual));
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [fill(k, true) as string, fill(x, TEXTUAL_TYPES.has(k))]));
    }
    return v;
  };
  return fill(value, false) as T;
}

const TEXTUAL_TYPES = new Set(['S', 'N', 'SS', 'NS']);
