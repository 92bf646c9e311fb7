/**
 * Errors a route throws for a bad request; create-app's onError turns them into a 400 or
 * 404 page, or JSON under /api/, naming the field at fault.
 */
import type { ZodError } from 'zod';

export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  constructor(
    readonly field: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** The first issue is enough for a learner to fix the form; the rest follow on resubmit. */
  static fromZod(error: ZodError, fallbackField = 'body'): InvalidInputError {
    const issue = error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : fallbackField;
    return new InvalidInputError(field, issue?.message ?? 'Invalid input.', { cause: error });
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}
