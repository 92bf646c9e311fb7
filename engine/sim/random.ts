/**
 * The simulation's only source of chance: a seeded generator (mulberry32), so the same seed
 * gives the same run. The engine has no randomness of its own; every draw goes through here.
 */

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/**
 * A lag in milliseconds of virtual time. AWS publishes no distribution: it says only that copies
 * are usually consistent within a second and that GSI propagation usually takes a fraction of a
 * second, so the defaults (simulation.ts) stay under those figures and are settable.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Writes
 */
export type LagDistribution =
  | { readonly kind: 'fixed'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly kind: 'exponential'; readonly meanMs: number; readonly maxMs: number };

export const NO_LAG: LagDistribution = { kind: 'fixed', ms: 0 };

/** One lag drawn from `lag`; a fixed lag draws nothing, so turning lag off does not shift the other draws' sequence. */
export function drawLag(lag: LagDistribution, random: SeededRandom): number {
  switch (lag.kind) {
    case 'fixed':
      return lag.ms;
    case 'uniform':
      return lag.minMs + random.next() * (lag.maxMs - lag.minMs);
    case 'exponential':
      return Math.min(lag.maxMs, -lag.meanMs * Math.log(1 - random.next()));
  }
}
