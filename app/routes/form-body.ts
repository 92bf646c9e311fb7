/**
 * Reading a posted HTML form. `c.req.parseBody` answers `{}` for a body that is not a form and
 * throws a bare TypeError for a broken multipart one, which would be a 500; a page POST reads its
 * body here instead, so either is a 400 naming the body and nothing is stored.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { InvalidInputError } from './request-errors.ts';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

type FormFields<All extends boolean> = Record<string, All extends true ? string | File | (string | File)[] : string | File>;

/** The form's fields, or InvalidInputError('body', ...) saying what is wrong with the body. */
export async function parseFormBody<All extends boolean = false>(c: Context, options: { all?: All } = {}): Promise<FormFields<All>> {
  const contentType = c.req.header('Content-Type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType || !FORM_TYPES.includes(mediaType)) {
    throw new InvalidInputError(
      'body',
      `Send the form as application/x-www-form-urlencoded or multipart/form-data${mediaType ? `, not ${mediaType}` : ' (the request has no Content-Type)'}.`,
    );
  }
  if (mediaType === 'multipart/form-data' && !/;\s*boundary=/i.test(contentType ?? '')) {
    throw new InvalidInputError('body', 'The multipart form has no boundary in its Content-Type, so its fields cannot be told apart.');
  }
  try {
    return (await c.req.parseBody({ all: options.all ?? false })) as FormFields<All>;
  } catch (error) {
    // The body limit's 413 is already a clear answer.
    if (error instanceof HTTPException) throw error;
    throw new InvalidInputError('body', await describeBrokenBody(c, mediaType), { cause: error });
  }
}

/** The parser only says "Failed to parse body as FormData"; the bytes tell which way it is broken. */
async function describeBrokenBody(c: Context, mediaType: string): Promise<string> {
  const fallback = 'The form body could not be read; send the form again.';
  if (mediaType !== 'multipart/form-data') return fallback;
  const boundary = /;\s*boundary="?([^";]+)"?/i.exec(c.req.header('Content-Type') ?? '')?.[1];
  let text: string;
  try {
    text = new TextDecoder().decode(await c.req.arrayBuffer());
  } catch {
    return fallback;
  }
  if (!boundary || !text.includes(`--${boundary}`)) return 'The multipart form body does not contain the boundary its Content-Type names.';
  if (!text.includes(`--${boundary}--`)) return 'The multipart form body ends before its closing boundary: it was cut short.';
  return 'The multipart form body is malformed: a part lacks its headers or its blank line.';
}
