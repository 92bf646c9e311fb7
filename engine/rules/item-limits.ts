/**
 * The 400 KB item limit as AWS counts it: attribute names and values both count.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items
 */
import { MAX_ITEM_SIZE } from '../values/validate.ts';

/** 400 KB, in bytes (1 KB = 1,024 B). */
/** The 400 KB item limit, as PutItem enforces it. */
export const MAX_ITEM_BYTES = MAX_ITEM_SIZE;

export interface SizedAttribute {
  readonly name: string;
  /** Size of the value by DynamoDB's rules (engine/values/item-size.ts computes it for real values). */
  readonly bytes: number;
}

export interface ItemSizeVerdict {
  readonly bytes: number;
  readonly fits: boolean;
}

/** Total size (UTF-8 name bytes plus value bytes) and whether it is within 400 KB. */
export function itemSizeLimitVerdict(attributes: readonly SizedAttribute[]): ItemSizeVerdict {
  const encoder = new TextEncoder();
  const bytes = attributes.reduce((sum, a) => sum + encoder.encode(a.name).length + a.bytes, 0);
  return { bytes, fits: bytes <= MAX_ITEM_BYTES };
}
