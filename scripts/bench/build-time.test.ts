import { expect, it } from 'vitest';
import { childCpuSeconds } from './build-time.ts';

it("reads the children's user and system time from bash's times", () => {
  expect(childCpuSeconds('0m0.010s 0m0.002s\n1m2.500s 0m3.120s\n')).toBe(65.6);
  expect(() => childCpuSeconds('garbage')).toThrow(/times/);
});
