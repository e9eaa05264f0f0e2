/**
 * A small seeded pseudo-random generator (mulberry32) so the demo world is identical on every build.
 * Never use Math.random in seed code.
 */

export type Rng = {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** `n` characters drawn from `alphabet`. */
  chars(alphabet: string, n: number): string;
};

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[int(0, items.length - 1)]!;
    },
    chars: (alphabet: string, n: number): string => {
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[int(0, alphabet.length - 1)];
      return s;
    },
  };
}

/** Seed of the demo world. Changing it changes every generated code. */
export const WORLD_SEED = 0x7a1c_2026;
