import { describe, expect, it } from 'vitest';
import { MAX_ITEM_BYTES, placePayload, RULES } from '../../../engine/index.ts';

describe('placePayload', () => {
  it('keeps a payload up to 400 KB in the item and sends a larger one to S3', () => {
    expect(placePayload(MAX_ITEM_BYTES)).toBe('item');
    expect(placePayload(MAX_ITEM_BYTES + 1)).toBe('s3');
  });
});

describe('payloadPlacement rule', () => {
  it('counts the 400 KB items and the write units a split file would take', () => {
    // 5 MB = 5,120 KB: 12.8 items of 400 KB, so 13; 1 WCU per KB.
    expect(RULES.get('payloadPlacement')!.apply({ bytes: 5 * 1048576 })).toEqual({ best: 's3', chunks: 13, upload_wcu: 5120 });
  });
});
