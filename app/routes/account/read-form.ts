/** A posted form's text fields. A body that is not a form reads as empty, so each field is then reported missing. */
import type { Context } from 'hono';
import { InvalidInputError } from '../request-errors.ts';

export async function readForm(c: Context): Promise<Record<string, string>> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch (error) {
    // A broken multipart body makes parseBody throw a bare TypeError: bad input, not a 500.
    throw new InvalidInputError('body', 'The form could not be read; send it again from the page.', { cause: error });
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
  return fields;
}
