import { describe, expect, it } from 'vitest';
import { Collection } from '../../../engine/storage/collection.ts';

function entry(sort: string) {
  return { sort, range: sort, item: { sk: { S: sort } }, size: 10 };
}

describe('Collection', () => {
  it('keeps entries of a partition sorted and replaces an equal sort key', () => {
    const c = new Collection();
    for (const s of ['m', 'a', 'z', 'c']) c.put('p', entry(s));
    const replaced = c.put('p', { ...entry('c'), size: 30 });
    expect(replaced?.size).toBe(10);
    expect(c.partition('p')!.entries.map((e) => e.sort)).toEqual(['a', 'c', 'm', 'z']);
    expect(c.itemCount).toBe(4);
    expect(c.bytes).toBe(60);
  });

  it('keeps partitions in hash order and drops an emptied partition', () => {
    const c = new Collection();
    for (let i = 0; i < 50; i++) c.put(`p${i}`, entry('x'));
    const hashes = Array.from({ length: c.partitionCount }, (_, i) => c.partitionAt(i)!.hash);
    expect(hashes).toEqual([...hashes].sort((a, b) => a - b));
    c.delete('p7', 'x');
    expect(c.partition('p7')).toBeUndefined();
    expect(c.partitionCount).toBe(49);
  });

  it('isolates a clone from writes on either side while sharing unwritten partitions', () => {
    const original = new Collection();
    original.put('p', entry('a'));
    original.put('q', entry('a'));
    const copy = original.clone();
    copy.put('p', entry('b'));
    original.delete('q', 'a');
    expect(original.partition('p')!.entries.map((e) => e.sort)).toEqual(['a']);
    expect(copy.partition('p')!.entries.map((e) => e.sort)).toEqual(['a', 'b']);
    expect(copy.partition('q')).toBeDefined();
    expect(original.itemCount).toBe(1);
    expect(copy.itemCount).toBe(3);
  });

  it('keeps a clone unchanged when the original then writes into a partition they share', () => {
    const original = new Collection();
    original.put('p', entry('a'));
    const copy = original.clone();
    original.put('p', entry('b'));
    original.put('p', { ...entry('a'), size: 99 });
    expect(copy.partition('p')!.entries.map((e) => [e.sort, e.size])).toEqual([['a', 10]]);
    expect(original.partition('p')!.entries.map((e) => [e.sort, e.size])).toEqual([
      ['a', 99],
      ['b', 10],
    ]);
    expect(copy.bytes).toBe(10);
    expect(copy.itemCount).toBe(1);
  });
});
