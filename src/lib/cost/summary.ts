import { formatMoney } from './format.ts';
import type { CostRow } from './model.ts';

/**
 * One short sentence for the live region: the largest and the smallest monthly total. Screen readers hear
 * this instead of the whole table each time a number changes.
 */
export function costSummary(rows: readonly CostRow[], labelOf: (name: string) => string = (name) => name): string {
  if (rows.length === 0) return 'No images to compare.';
  const sorted = [...rows].sort((a, b) => b.totalCost - a.totalCost);
  const most = sorted[0] as CostRow;
  const least = sorted[sorted.length - 1] as CostRow;
  if (most === least || most.totalCost === least.totalCost) {
    return `Per month: ${formatMoney(most.totalCost)} for each image.`;
  }
  return `Per month: ${labelOf(most.name)} ${formatMoney(most.totalCost)}, ${labelOf(least.name)} ${formatMoney(least.totalCost)}.`;
}
