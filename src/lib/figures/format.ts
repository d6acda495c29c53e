/**
 * Number formats for measured figures. Pure functions, no I/O.
 *
 * `docker images` prints sizes with go-units' HumanSizeWithPrecision(size, 3): decimal units (1 MB =
 * 1,000,000 bytes), three significant digits, unit names B, kB, MB, GB, TB. `mb` reproduces that so a
 * lesson's number matches what the learner's own terminal shows; `mib` is the binary alternative.
 */

export const formatNames = ['mb', 'mib', 'bytes', 'seconds', 'milliseconds', 'count', 'ratio'] as const;
export type FormatName = (typeof formatNames)[number];

const decimalUnits = ['B', 'kB', 'MB', 'GB', 'TB'] as const;
const binaryUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** A value and its unit, kept apart so the page can join them with a non-breaking space. */
export interface Formatted {
  number: string;
  unit: string;
}

/** `%.Ng` of Go's fmt: N significant digits, trailing zeros dropped. */
function significant(value: number, digits: number): string {
  return String(Number(value.toPrecision(digits)));
}

function scaled(bytes: number, base: number, units: readonly string[], digits: number): Formatted {
  let value = bytes;
  let index = 0;
  while (value >= base && index < units.length - 1) {
    value /= base;
    index += 1;
  }
  return { number: significant(value, digits), unit: units[index] ?? 'B' };
}

/** Decimal size as `docker images` shows it: 803000000 → 803 MB, 9170000 → 9.17 MB. */
export function formatDockerSize(bytes: number): Formatted {
  return scaled(bytes, 1000, decimalUnits, 3);
}

/** Binary size: 1572864 → 1.5 MiB (three significant digits). */
export function formatBinarySize(bytes: number): Formatted {
  return scaled(bytes, 1024, binaryUnits, 3);
}

/** Exact bytes with thousands separators: 1234567 → 1,234,567 bytes. */
export function formatExactBytes(bytes: number): Formatted {
  return { number: Math.round(bytes).toLocaleString('en-US'), unit: bytes === 1 ? 'byte' : 'bytes' };
}

/** Seconds with two significant digits below 10 s and whole seconds above: 0.4312 → 0.43 s, 47.6 → 48 s. */
export function formatSeconds(seconds: number): Formatted {
  if (seconds >= 10) return { number: Math.round(seconds).toLocaleString('en-US'), unit: 's' };
  return { number: significant(seconds, 2), unit: 's' };
}

/** Seconds shown as milliseconds, whole numbers: 0.4312 → 431 ms. */
export function formatMilliseconds(seconds: number): Formatted {
  return { number: Math.round(seconds * 1000).toLocaleString('en-US'), unit: 'ms' };
}

/** A plain count: 1234 → 1,234. */
export function formatCount(value: number): Formatted {
  return { number: Math.round(value).toLocaleString('en-US'), unit: '' };
}

/** How many times larger: 36.52 → 37×, 4.25 → 4.3×, 1.04 → 1.0×. */
export function formatRatio(ratio: number): Formatted {
  const number = ratio >= 10 ? Math.round(ratio).toLocaleString('en-US') : ratio.toFixed(1);
  return { number, unit: '×' };
}

export function formatValue(value: number, format: FormatName): Formatted {
  switch (format) {
    case 'mb':
      return formatDockerSize(value);
    case 'mib':
      return formatBinarySize(value);
    case 'bytes':
      return formatExactBytes(value);
    case 'seconds':
      return formatSeconds(value);
    case 'milliseconds':
      return formatMilliseconds(value);
    case 'count':
      return formatCount(value);
    case 'ratio':
      return formatRatio(value);
  }
}

/** One string, joined with a no-break space (none before ×). */
export function joinFormatted({ number, unit }: Formatted): string {
  if (!unit) return number;
  return unit === '×' ? `${number}${unit}` : `${number}\u00a0${unit}`;
}
