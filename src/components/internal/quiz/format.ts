/** Number formatting shared by the server-rendered answers and the browser's feedback. */
export function formatNumber(value: number, decimals: number): string {
  return value.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatTolerance(tolerance: { kind: 'absolute' | 'relative'; value: number }, unit: string): string {
  if (tolerance.value === 0) return 'exactly';
  return tolerance.kind === 'relative'
    ? `within ${formatNumber(tolerance.value * 100, tolerance.value * 100 < 1 ? 1 : 0)}%`
    : `within ${tolerance.value}${unit ? ` ${unit}` : ''}`;
}
