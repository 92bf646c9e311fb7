/**
 * ReplicaLog keeps cursors, maxima and a per-item index so that no request walks the whole log
 * (the bench's hot path). This checks it against the plain definitions it replaced, over random
 * logs: the same unapplied writes for every copy, partition and GSI, and the same item images.
 */
import { describe, expect, it } from 'vitest';
import { REPLICAS, ReplicaLog, SeededRandom, type WriteRecord } from '../../../engine/sim/index.ts';

/** The definitions, written plainly over the whole list of pending writes. */
class PlainLog {
  records: WriteRecord[] = [];
  latest(lagging: number) {
    let replicaVisibleAt = Number.NEGATIVE_INFINITY;
    let indexVisibleAt = Number.NEGATIVE_INFINITY;
    for (const r of this.records) {
      if (r.lagging === lagging) replicaVisibleAt = Math.max(replicaVisibleAt, r.replicaVisibleAt);
      indexVisibleAt = Math.max(indexVisibleAt, r.indexVisibleAt);
    }
    return { replicaVisibleAt, indexVisibleAt };
  }
  prune(now: number) {
    let i = 0;
    while (i < this.records.length && this.records[i]!.replicaVisibleAt <= now && this.records[i]!.indexVisibleAt <= now) i++;
    this.records.splice(0, i);
  }
  unappliedByReplica(replica: number, now: number, partition?: number) {
    const touches = (r: WriteRecord) => partition === undefined || r.partitions.has(partition);
    const i = this.records.findIndex((r) => r.lagging === replica && r.replicaVisibleAt > now && touches(r));
    return i < 0 ? [] : this.records.slice(i).filter(touches);
  }
  unappliedByIndexes(now: number) {
    const i = this.records.findIndex((r) => r.indexVisibleAt > now);
    return i < 0 ? [] : this.records.slice(i);
  }
  itemImage(replica: number, now: number, partition: number, id: string) {
    for (const r of this.unappliedByReplica(replica, now, partition)) {
      const image = r.undo.find((u) => u.id === id);
      if (image) return { old: image.old };
    }
    return undefined;
  }
}

describe('ReplicaLog', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('answers as the plain definitions do over a random run (seed %i)', (seed) => {
    const random = new SeededRandom(seed);
    const fast = new ReplicaLog();
    const plain = new PlainLog();
    let now = 0;
    for (let step = 0; step < 8000; step++) {
      now += random.int(3);
      const roll = random.next();
      if (roll < 0.45) {
        const lagging = random.int(REPLICAS);
        // As Simulation.log builds them: in order per copy and for the GSIs.
        const before = plain.latest(lagging);
        const item = random.int(20);
        const partition = item % 4;
        const record: WriteRecord = {
          at: now,
          table: 't',
          partitions: new Set([partition]),
          lagging,
          replicaVisibleAt: Math.max(now + random.int(60), before.replicaVisibleAt),
          indexVisibleAt: Math.max(now + random.int(40), before.indexVisibleAt),
          undo: [{ key: {}, id: `i${item}`, old: random.next() < 0.3 ? undefined : ({ item: { v: { N: String(step) } }, size: step } as never) }],
        };
        // Forgotten writes may still count in the fast log's maxima, but they are visible by now, so never hold a write back.
        const fastBefore = fast.latest(lagging);
        expect(Math.max(now, fastBefore.replicaVisibleAt)).toBe(Math.max(now, before.replicaVisibleAt));
        expect(Math.max(now, fastBefore.indexVisibleAt)).toBe(Math.max(now, before.indexVisibleAt));
        fast.append(record);
        plain.records.push(record);
      } else if (roll < 0.6) {
        fast.prune(now);
        plain.prune(now);
      } else if (roll < 0.62 && seed <= 4) {
        // Seeds above 4 never clear, so the log grows past the compaction threshold.
        fast.clear();
        plain.records = [];
      } else {
        const replica = random.int(REPLICAS);
        const partition = random.next() < 0.2 ? undefined : random.int(4);
        expect(fast.unappliedByReplica(replica, now, partition)).toEqual(plain.unappliedByReplica(replica, now, partition));
        expect(fast.unappliedByIndexes(now)).toEqual(plain.unappliedByIndexes(now));
        const item = random.int(20);
        expect(fast.itemImage(replica, now, item % 4, `i${item}`)).toEqual(plain.itemImage(replica, now, item % 4, `i${item}`));
      }
      expect(fast.pending).toBe(plain.records.length > 0);
    }
  });
});
