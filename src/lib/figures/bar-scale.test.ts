import { describe, expect, it } from 'vitest';
import { layoutBars, linearScale, logScale, niceStep } from './bar-scale.ts';

describe('niceStep', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(800_000_000)).toBe(200_000_000);
    expect(niceStep(9.17)).toBe(2);
    expect(niceStep(100)).toBe(20);
    expect(niceStep(23)).toBe(5);
  });
});

describe('linearScale', () => {
  it('runs from 0 to the first tick at or above the maximum', () => {
    const scale = linearScale([800, 80, 2]);
    expect(scale.ticks.map((tick) => tick.value)).toEqual([0, 200, 400, 600, 800]);
    expect(scale.position(400)).toBe(0.5);
    expect(scale.position(2)).toBeCloseTo(0.0025);
  });
});

describe('logScale', () => {
  it('spans whole powers of ten around the values', () => {
    const scale = logScale([1_500_000, 800_000_000]);
    expect(scale.ticks.map((tick) => tick.value)).toEqual([1e6, 1e7, 1e8, 1e9]);
    expect(scale.position(1e7)).toBeCloseTo(1 / 3);
    expect(scale.position(1e9)).toBe(1);
  });
  it('gives equal steps to equal ratios', () => {
    const scale = logScale([1e6, 1e9]);
    expect(scale.position(2e7) - scale.position(2e6)).toBeCloseTo(scale.position(2e8) - scale.position(2e7));
  });
  it('widens a range inside one power of ten and rejects no positive values', () => {
    expect(logScale([100]).ticks.map((tick) => tick.value)).toEqual([100, 1000]);
    expect(() => logScale([0])).toThrow(/positive/);
  });
});

describe('layoutBars', () => {
  const items = [
    { key: 'big', label: 'big', value: 800_000_000 },
    { key: 'small', label: 'small', value: 2_000_000 },
    { key: 'none', label: 'none', value: 0 },
  ];
  it('places rows one under another and scales lengths', () => {
    const layout = layoutBars(items, { scale: 'linear', plotWidth: 400, rowHeight: 30, top: 20 });
    expect(layout.bars.map((bar) => bar.y)).toEqual([20, 50, 80]);
    expect(layout.bars[0]?.length).toBe(400);
    expect(layout.bars[1]?.length).toBe(2); // 1 px by scale, held at the visible minimum
    expect(layout.bars[2]?.length).toBe(0);
    expect(layout.height).toBe(110);
  });
  it('makes the small image readable on a log axis', () => {
    const log = layoutBars(items.slice(0, 2), { scale: 'log', plotWidth: 300, rowHeight: 30, top: 0 });
    const linear = layoutBars(items.slice(0, 2), { scale: 'linear', plotWidth: 300, rowHeight: 30, top: 0 });
    expect(log.bars[1]?.length).toBeCloseTo(30.1, 1); // log10(2e6) is a tenth of the way from 1e6 to 1e9
    expect(linear.bars[1]?.length).toBe(2);
  });
});
