/**
 * Layout of a horizontal bar chart: pure numbers in, bar lengths and axis ticks out (SizeChart.astro draws
 * them as SVG). Linear or logarithmic: the exercise's sizes span about two orders of magnitude, where a
 * linear axis leaves the small images as slivers.
 */

export type ScaleKind = 'linear' | 'log';

export interface Tick {
  value: number;
  /** Distance from the axis start, 0..1. */
  position: number;
}

export interface Scale {
  kind: ScaleKind;
  /** Where a value sits along the axis, 0..1 (clamped). */
  position: (value: number) => number;
  ticks: Tick[];
}

/** 1, 2 or 5 times a power of ten: the step of a linear axis with about `count` ticks. */
export function niceStep(max: number, count = 5): number {
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** A linear axis from 0 to the first nice tick at or above the largest value. */
export function linearScale(values: readonly number[], count = 5): Scale {
  const max = Math.max(...values, 0);
  if (max <= 0) return { kind: 'linear', position: () => 0, ticks: [{ value: 0, position: 0 }] };
  const step = niceStep(max, count);
  const end = Math.ceil(max / step) * step;
  const ticks: Tick[] = [];
  for (let value = 0; value <= end + step / 2; value += step) ticks.push({ value, position: value / end });
  return { kind: 'linear', position: (value) => clamp(value / end), ticks };
}

/** A log axis over whole powers of ten that enclose every value (values must be positive). */
export function logScale(values: readonly number[]): Scale {
  const positive = values.filter((value) => value > 0);
  if (positive.length === 0) throw new Error('a log scale needs at least one positive value');
  const low = Math.floor(Math.log10(Math.min(...positive)));
  let high = Math.ceil(Math.log10(Math.max(...positive)));
  if (high === low) high += 1;
  const span = high - low;
  const ticks: Tick[] = [];
  for (let exponent = low; exponent <= high; exponent += 1) ticks.push({ value: 10 ** exponent, position: (exponent - low) / span });
  return {
    kind: 'log',
    position: (value) => (value <= 0 ? 0 : clamp((Math.log10(value) - low) / span)),
    ticks,
  };
}

export interface BarInput {
  key: string;
  label: string;
  value: number;
}

export interface Bar extends BarInput {
  /** Bar length in the same units as `plotWidth`. */
  length: number;
  /** Top of the bar's row. */
  y: number;
}

export interface BarLayout {
  bars: Bar[];
  scale: Scale;
  height: number;
}

export interface BarLayoutOptions {
  scale: ScaleKind;
  plotWidth: number;
  rowHeight: number;
  /** Room above the first row (for the axis labels). */
  top: number;
}

/** A bar never drawn shorter than this, so a tiny positive value is still visible on a linear axis. */
const minimumLength = 2;

export function layoutBars(items: readonly BarInput[], options: BarLayoutOptions): BarLayout {
  const values = items.map((item) => item.value);
  const scale = options.scale === 'log' ? logScale(values) : linearScale(values);
  const bars = items.map((item, index) => {
    const raw = scale.position(item.value) * options.plotWidth;
    return { ...item, length: item.value > 0 ? Math.max(minimumLength, raw) : 0, y: options.top + index * options.rowHeight };
  });
  return { bars, scale, height: options.top + items.length * options.rowHeight };
}
