/** A posted account form's text fields (parseFormBody refuses a body that is not a form with a 400). */
import type { Context } from 'hono';
import { parseFormBody } from '../form-body.ts';

export async function readForm(c: Context): Promise<Record<string, string>> {
  const body = await parseFormBody(c);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
  return fields;
}
