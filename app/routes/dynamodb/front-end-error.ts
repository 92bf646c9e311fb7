/**
 * An error the front end raises before any action runs (authentication, limits), in the Coral
 * service namespace, as DynamoDB sends them.
 */
import { DynamoDBError } from '../../../engine/index.ts';

export class FrontEndError extends DynamoDBError {
  override readonly name: string;
  readonly type: string;
  override readonly statusCode: number;
  constructor(name: string, message: string, statusCode = 400) {
    super(message);
    this.name = name;
    this.type = `com.amazon.coral.service#${name}`;
    this.statusCode = statusCode;
  }
}
