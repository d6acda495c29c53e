/**
 * mulberry32: a tiny seeded generator of numbers in [0, 1). The same seed gives the same sequence in every
 * browser and in Node: quiz shuffles that stay put between visits, fuzz tests whose failures can be replayed,
 * and benchmark seek points that are the same in every run. Not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
