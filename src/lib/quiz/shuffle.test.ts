import { describe, expect, it } from 'vitest';
import { derangedOrder, hashString, shuffledOrder } from './shuffle.ts';

describe('seeded shuffling', () => {
  it('hashes strings stably (FNV-1a reference values)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });

  it('gives the same order for the same seed and a permutation every time', () => {
    expect(shuffledOrder(6, 'learner-1/q')).toEqual(shuffledOrder(6, 'learner-1/q'));
    expect([...shuffledOrder(6, 'x')].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives different learners different orders', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, learner) => shuffledOrder(5, `learner-${learner}`).join()));
    expect(orders.size).toBeGreaterThan(10);
  });

  it('never leaves an ordering in its answer order', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const order = derangedOrder(3, `seed-${seed}`);
      expect(order).not.toEqual([0, 1, 2]);
      expect([...order].sort()).toEqual([0, 1, 2]);
    }
  });
});
