/**
 * Seeded shuffling: each learner sees their own order, the same one on every visit (the seed lives in the
 * progress record), so "option B" in a saved answer keeps meaning the same option. DOM-free.
 */

import { seededRandom } from '../seeded-random.ts';

/** A 32-bit FNV-1a hash of a string: small, stable across browsers and Node. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}


/** The positions 0..count-1 in a seeded order (Fisher–Yates). */
export function shuffledOrder(count: number, seed: string): number[] {
  const random = seededRandom(hashString(seed));
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] as number, order[index] as number];
  }
  return order;
}

/**
 * Like `shuffledOrder`, but never the identity when there is more than one item: an ordering question
 * shown already in order would give its answer away.
 */
export function derangedOrder(count: number, seed: string): number[] {
  const order = shuffledOrder(count, seed);
  if (count > 1 && order.every((item, position) => item === position)) order.push(order.shift() as number);
  return order;
}
