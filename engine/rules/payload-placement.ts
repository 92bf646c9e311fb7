/**
 * Where a payload belongs: in the item when it fits the 400 KB item limit, in Amazon S3 (with its
 * object key in the item) when it does not; with what splitting it over items would take.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-use-s3-too.html
 */
import { writeUnitsForSize } from '../capacity/units.ts';
import { MAX_ITEM_BYTES } from './item-limits.ts';
import { readCount, type Rule } from './rule-kit.ts';

export type PayloadPlacement = 'item' | 's3';

export function placePayload(bytes: number): PayloadPlacement {
  return bytes <= MAX_ITEM_BYTES ? 'item' : 's3';
}

export const payloadPlacementRule: Rule = {
  name: 'payloadPlacement',
  description:
    'Where a payload of `bytes` belongs (item, s3), with chunks (items of 400 KB it would take when split) and upload_wcu (write units to write it all once)',
  inputs: [{ name: 'bytes', kind: 'number', min: 1 }],
  outputs: ['best', 'chunks', 'upload_wcu'],
  apply(inputs) {
    const bytes = readCount('payloadPlacement', inputs, 'bytes', 1);
    return { best: placePayload(bytes), chunks: Math.ceil(bytes / MAX_ITEM_BYTES), upload_wcu: writeUnitsForSize(bytes) };
  },
};
