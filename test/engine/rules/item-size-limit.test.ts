import { describe, expect, it } from 'vitest';
import { RULES } from '../../../engine/index.ts';

const rule = RULES.get('itemSizeLimit')!;

describe('itemSizeLimit rule', () => {
  it.each([
    [0, 'fits', 409_600],
    [-1, 'fits', 409_599],
    [1, 'too-large', 409_601],
  ])('an item %i bytes from the limit: %s at %i bytes', (offset, best, bytes) => {
    const out = rule.apply({ attributes: 10, name_bytes: 12, value_bytes: 300, offset });
    // The document fills what the 10 attributes (120 bytes of names, 3,000 of values) and its own name leave.
    expect(out).toEqual({ best, bytes, document_bytes: 409_600 - 3_120 - 8 + offset, values_bytes: 409_600 - 3_120 - 8 + offset + 3_000 });
  });

  it('counts the names: the values alone fit where the item does not', () => {
    const out = rule.apply({ attributes: 100, name_bytes: 20, value_bytes: 500, offset: 10 });
    expect(out.best).toBe('too-large');
    expect(Number(out.values_bytes)).toBeLessThan(409_600);
  });

  it('refuses attributes that leave no room for the document', () => {
    expect(() => rule.apply({ attributes: 1000, name_bytes: 40, value_bytes: 900, offset: 0 })).toThrow(/leave no room/);
  });
});
