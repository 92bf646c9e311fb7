/** The answer does not fit the question (wrong kind, unknown option id, not a number...). */
export class InvalidAnswerError extends Error {
  override readonly name = 'InvalidAnswerError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
