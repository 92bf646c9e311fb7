import { describe, expect, it } from 'vitest';
import { scanMinutes, scanPages } from '../../../engine/capacity/scan-time.ts';

describe('scanMinutes', () => {
  it.each([
    // 1,048,576 items of 1,024 B = 1 GiB = 262,144 blocks; eventual 131,072 RCU; at 100 RCU/s 1,310.72 s → 22 min.
    [1_048_576, 1024, 100, 'eventual', 22],
    [1_048_576, 1024, 100, 'strong', 44],
    // 4 KB items: 256 per page, 1 block each. 600,000 items at 1,000 RCU eventual: 300 s → 5 min.
    [600_000, 4096, 1000, 'eventual', 5],
  ] as const)('%i items of %i B at %i RCU (%s) → %i minutes', (itemCount, itemBytes, capacity, consistency, minutes) => {
    expect(scanMinutes({ itemCount, itemBytes, capacity, consistency }).value).toBe(minutes);
  });

  it('rounds each page, not each item: 1,000 items of 100 B are 25 blocks, not 1,000', () => {
    const steps = scanMinutes({ itemCount: 1000, itemBytes: 100, capacity: 1, consistency: 'strong' }).steps;
    expect(steps[1]?.value).toBe('25 blocks');
  });
});

describe('scanPages', () => {
  it.each([
    // 3,000 items of 1,000 B: 1,048 fit in 1 MB, so 2 full pages of 256 blocks (1,048,000 B) and 904 items (904,000 B, 221 blocks).
    [3000, 1000, { perPage: 1048, fullPages: 2, rest: 904, blocksPerFullPage: 256, restBlocks: 221, pages: 3, blocks: 733 }],
    // An item over 1 MB is a page of its own (400 KB items: 2 a page).
    [5, 409_600, { perPage: 2, fullPages: 2, rest: 1, blocksPerFullPage: 200, restBlocks: 100, pages: 3, blocks: 500 }],
    // Pages that come out even leave no partial page.
    [512, 4096, { perPage: 256, fullPages: 2, rest: 0, blocksPerFullPage: 256, restBlocks: 0, pages: 2, blocks: 512 }],
  ] as const)('%i items of %i B', (itemCount, itemBytes, expected) => {
    expect(scanPages({ itemCount, itemBytes })).toEqual(expected);
  });
});
