/**
 * DynamoDB's errors, named exactly like AWS's exceptions. Each carries the `__type` string,
 * the HTTP status and the message text the real service returns, so the wire layer can
 * serialise it unchanged and learners see the words AWS would show them.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 */
const DYNAMODB = 'com.amazonaws.dynamodb.v20120810#';
const CORAL_VALIDATE = 'com.amazon.coral.validate#';
const CORAL_SERVICE = 'com.amazon.coral.service#';
const CORAL_AVAILABILITY = 'com.amazon.coral.availability#';

export abstract class DynamoDBError extends Error {
  /** The `__type` field of the JSON error body. */
  abstract readonly type: string;
  readonly statusCode: number = 400;
  /** Extra members of the error body (Item, CancellationReasons, ...). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(message: string, extra: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.extra = extra;
  }

  /** The JSON body DynamoDB sends for this error. */
  toJSON(): Record<string, unknown> {
    return { __type: this.type, message: this.message, ...this.extra };
  }
}

export class ValidationException extends DynamoDBError {
  override readonly name = 'ValidationException';
  readonly type = `${CORAL_VALIDATE}ValidationException`;
}

export class SerializationException extends DynamoDBError {
  override readonly name = 'SerializationException';
  readonly type = `${CORAL_SERVICE}SerializationException`;
  override toJSON(): Record<string, unknown> {
    // DynamoDB capitalises this one.
    return { __type: this.type, Message: this.message, ...this.extra };
  }
}

export class UnknownOperationException extends DynamoDBError {
  override readonly name = 'UnknownOperationException';
  readonly type = `${CORAL_SERVICE}UnknownOperationException`;
}

export class ResourceNotFoundException extends DynamoDBError {
  override readonly name = 'ResourceNotFoundException';
  readonly type = `${DYNAMODB}ResourceNotFoundException`;
}

export class ResourceInUseException extends DynamoDBError {
  override readonly name = 'ResourceInUseException';
  readonly type = `${DYNAMODB}ResourceInUseException`;
}

export class ConditionalCheckFailedException extends DynamoDBError {
  override readonly name = 'ConditionalCheckFailedException';
  readonly type = `${DYNAMODB}ConditionalCheckFailedException`;
}

export class TransactionCanceledException extends DynamoDBError {
  override readonly name = 'TransactionCanceledException';
  readonly type = `${DYNAMODB}TransactionCanceledException`;
  override toJSON(): Record<string, unknown> {
    return { __type: this.type, Message: this.message, ...this.extra };
  }
}

export class TransactionConflictException extends DynamoDBError {
  override readonly name = 'TransactionConflictException';
  readonly type = `${DYNAMODB}TransactionConflictException`;
}

export class IdempotentParameterMismatchException extends DynamoDBError {
  override readonly name = 'IdempotentParameterMismatchException';
  readonly type = `${DYNAMODB}IdempotentParameterMismatchException`;
}

/**
 * A PartiQL INSERT of a key that already has an item.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html#API_ExecuteStatement_Errors
 */
export class DuplicateItemException extends DynamoDBError {
  override readonly name = 'DuplicateItemException';
  readonly type = `${DYNAMODB}DuplicateItemException`;
}

export class LimitExceededException extends DynamoDBError {
  override readonly name = 'LimitExceededException';
  readonly type = `${DYNAMODB}LimitExceededException`;
}

export class ProvisionedThroughputExceededException extends DynamoDBError {
  override readonly name = 'ProvisionedThroughputExceededException';
  readonly type = `${DYNAMODB}ProvisionedThroughputExceededException`;
}

/**
 * DynamoDB's JSON protocol sends throttling in the Coral availability namespace, not the
 * service's own (dynalite's and boto's retry helpers test for exactly this `__type`).
 */
export class ThrottlingException extends DynamoDBError {
  override readonly name = 'ThrottlingException';
  readonly type = `${CORAL_AVAILABILITY}ThrottlingException`;
}

export class RequestLimitExceeded extends DynamoDBError {
  override readonly name = 'RequestLimitExceeded';
  readonly type = `${DYNAMODB}RequestLimitExceeded`;
}

export class ItemCollectionSizeLimitExceededException extends DynamoDBError {
  override readonly name = 'ItemCollectionSizeLimitExceededException';
  readonly type = `${DYNAMODB}ItemCollectionSizeLimitExceededException`;
}

export class InternalServerError extends DynamoDBError {
  override readonly name = 'InternalServerError';
  readonly type = `${DYNAMODB}InternalServerError`;
  override readonly statusCode = 500;
}

/**
 * DynamoDB Streams: a shard iterator used more than 15 minutes after it was issued.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
 */
export class ExpiredIteratorException extends DynamoDBError {
  override readonly name = 'ExpiredIteratorException';
  readonly type = `${DYNAMODB}ExpiredIteratorException`;
}

/**
 * DynamoDB Streams: a read before the trim horizon (records older than 24 hours are gone).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html
 */
export class TrimmedDataAccessException extends DynamoDBError {
  override readonly name = 'TrimmedDataAccessException';
  readonly type = `${DYNAMODB}TrimmedDataAccessException`;
}

/**
 * DescribeContinuousBackups and UpdateContinuousBackups name a missing table with this, not
 * with ResourceNotFoundException.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeContinuousBackups.html
 */
export class TableNotFoundException extends DynamoDBError {
  override readonly name = 'TableNotFoundException';
  readonly type = `${DYNAMODB}TableNotFoundException`;
}

/**
 * An ARN the caller may not touch (another account's or region's table). Coral's error, with
 * `Message` capitalised as dynalite recorded it (validations/tagResource.js).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CommonErrors.html
 */
export class AccessDeniedException extends DynamoDBError {
  override readonly name = 'AccessDeniedException';
  readonly type = `${CORAL_SERVICE}AccessDeniedException`;
  override toJSON(): Record<string, unknown> {
    return { __type: this.type, Message: this.message, ...this.extra };
  }
}

/**
 * RestoreTableToPointInTime's errors.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html
 */
export class PointInTimeRecoveryUnavailableException extends DynamoDBError {
  override readonly name = 'PointInTimeRecoveryUnavailableException';
  readonly type = `${DYNAMODB}PointInTimeRecoveryUnavailableException`;
}

export class TableAlreadyExistsException extends DynamoDBError {
  override readonly name = 'TableAlreadyExistsException';
  readonly type = `${DYNAMODB}TableAlreadyExistsException`;
}

export class InvalidRestoreTimeException extends DynamoDBError {
  override readonly name = 'InvalidRestoreTimeException';
  readonly type = `${DYNAMODB}InvalidRestoreTimeException`;
}

export function isDynamoDBError(e: unknown): e is DynamoDBError {
  return e instanceof DynamoDBError;
}
