import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { countParamSpace, generateParams } from '../../../app/bank/params.ts';
import { createRandom } from '../../../app/bank/random.ts';
import { createContentDir } from './fixtures.ts';

describe('int parameters with bounds from parameters above', () => {
  const specs = {
    media: {
      pick: [
        { what: 'photos', min_mb: 1, max_mb: 3 },
        { what: 'videos', min_mb: 100, max_mb: 102 },
      ],
    },
    size_mb: { int: ['{{media.min_mb}}', '{{media.max_mb}}'] as [string, string] },
    spread: { int: ['-{{size_mb}}', '{{size_mb}} * 2'] as [string, string] },
  };

  it('draws within the bounds the picked parameters give, both ends reached', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const p = generateParams(specs, createRandom(seed));
      const size = Number(p.size_mb);
      expect(size).toBeGreaterThanOrEqual(Number(p['media.min_mb']));
      expect(size).toBeLessThanOrEqual(Number(p['media.max_mb']));
      expect(Number(p.spread)).toBeGreaterThanOrEqual(-size);
      expect(Number(p.spread)).toBeLessThanOrEqual(size * 2);
      seen.add(`${p.what ?? p.media} ${size}`);
    }
    expect([...seen].sort()).toEqual(['photos 1', 'photos 2', 'photos 3', 'videos 100', 'videos 101', 'videos 102']);
  });

  it('draws exactly as an int with those bounds written out, so a deriver moved to markdown keeps its variants', () => {
    const written = generateParams({ n: { int: [20, 300] }, m: { int: [-40, 40] } }, createRandom(9));
    const bounded = generateParams({ n: { int: [20, 300] }, m: { int: ['-{{n}} + {{n}} - 40', '40'] as [string, string] } }, createRandom(9));
    expect(bounded).toEqual(written);
  });

  it('counts a bounded parameter once in the space, as a calc is counted', () => {
    expect(countParamSpace(specs)).toBe(2);
  });

  it('rejects a bound that names a parameter defined below it, at its line', () => {
    const bank = loadBank(
      createContentDir({
        'math/bounds.md': `---
id: math.bounds
title: Bounds
kind: numeric
objectives: [math.rcu]
difficulty: 1
references:
  - { title: "Read and write operations", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html" }
params:
  a: { int: [1, "{{b}}"] }
  b: { int: [1, 5] }
answer:
  calculator: itemReadUnits
  args: { itemBytes: "{{a}} * 1024", consistency: strong }
  unit: RCU
---
A {{a}} KB item.

## Explanation
Blocks.
`,
      }),
    );
    expect(bank.errors.map((e) => `${e.line}: ${e.message}`)).toEqual(['10: Parameter a: a bound uses {{b}}, which is not a parameter defined above it']);
  });
});
