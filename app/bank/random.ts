/**
 * The seeded random source of the bank. A variant is (scenario id, seed): the same pair must
 * give the same question on every machine and Node version, so we use a tiny, fully specified
 * PRNG (mulberry32) instead of Math.random, and mix the scenario id in so that seed 7 of one
 * family is unrelated to seed 7 of another.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A new array with the items in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** 32-bit FNV-1a of a string: a stable way to turn a scenario id into seed material. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: 32 bits of state, passes the usual statistical batteries well enough for quizzes. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

/** The random source of one variant: the seed mixed with the scenario id. */
export function createVariantRandom(scenarioId: string, seed: number): Random {
  return createRandom((hashString(scenarioId) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
}

export const MAX_SEED = 0xffffffff;

/** True for the seeds a variant may have: integers in [0, 2^32). */
export function isSeed(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_SEED;
}
