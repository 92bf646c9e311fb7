/**
 * Limits that hold the whole endpoint, whatever key ids a client uses: requests in flight, requests
 * per client address, and the item bytes all sandboxes hold together. Each breach is answered in
 * DynamoDB's error shape: ThrottlingException for rate and concurrency (what DynamoDB sends when
 * requests come faster than it accepts them; the SDKs retry it with backoff), and
 * LimitExceededException for the byte cap (DynamoDB's error for an account-level quota).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 */
import { RateLimiter } from '../../auth/rate-limit.ts';
import { LimitExceededException, ThrottlingException } from '../../../engine/index.ts';

export interface ServerLimitSettings {
  /** Item bytes all sandboxes may hold together (DYNAMODB_MAX_TOTAL_BYTES). */
  readonly maxTotalBytes: number;
  /** /dynamodb requests being read or run at once (DYNAMODB_MAX_CONCURRENT). */
  readonly maxConcurrent: number;
  /** Requests per second from one client address (DYNAMODB_REQUESTS_PER_ADDRESS); Infinity lifts it. */
  readonly requestsPerAddress: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimitSettings = {
  maxTotalBytes: 256 * 1024 * 1024,
  maxConcurrent: 64,
  requestsPerAddress: 2000,
};

/** DynamoDB's text for a request rate it will not serve. */
export const THROTTLED = 'Rate of requests exceeds the allowed throughput.';

/**
 * Actions that can add item bytes. Refused while the server holds its cap; reads and deletes go
 * on, so that sandboxes can always be emptied.
 */
export const GROWING_ACTIONS: ReadonlySet<string> = new Set([
  'PutItem',
  'UpdateItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'ExecuteStatement',
  'BatchExecuteStatement',
  'ExecuteTransaction',
]);

export class ServerLimits {
  readonly settings: ServerLimitSettings;
  private inFlight = 0;
  private readonly perAddress: RateLimiter | undefined;

  constructor(settings: Partial<ServerLimitSettings>, now: () => number) {
    this.settings = { ...DEFAULT_SERVER_LIMITS, ...settings };
    this.perAddress = Number.isFinite(this.settings.requestsPerAddress)
      ? new RateLimiter({ limit: this.settings.requestsPerAddress, windowMs: 1000 }, now)
      : undefined;
  }

  /** Requests being served now. */
  get concurrent(): number {
    return this.inFlight;
  }

  /**
   * Admits one request from `address`, or says why not. On admission the caller must call
   * `release` when the request is answered.
   */
  admit(address: string): ThrottlingException | undefined {
    if (this.inFlight >= this.settings.maxConcurrent) return new ThrottlingException(THROTTLED);
    if (this.perAddress && !this.perAddress.hit(address).allowed) return new ThrottlingException(THROTTLED);
    this.inFlight++;
    return undefined;
  }

  release(): void {
    this.inFlight--;
  }

  /**
   * A growing action is refused when what the server holds plus the request's own size would pass
   * the cap. A request can add more than its size (an UpdateItem doubling a list), so the cap can
   * be passed by at most one request's growth, itself bounded by the 400 KB item limit per item.
   */
  checkBytes(action: string, heldBytes: number, requestBytes: number): LimitExceededException | undefined {
    if (!GROWING_ACTIONS.has(action) || heldBytes + requestBytes <= this.settings.maxTotalBytes) return undefined;
    // Our own text: AWS has no server-wide storage cap to word it.
    return new LimitExceededException(
      `This server holds its limit of ${this.settings.maxTotalBytes} bytes of item data across all sandboxes; delete items or tables, or try again later`,
    );
  }
}
