import { describe, expect, it } from 'vitest';
import { scanMinutes } from '../../../engine/capacity/scan-time.ts';

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
