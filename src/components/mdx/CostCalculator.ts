/**
 * The logic of <CostCalculator>: which images it compares and the text of every table cell, shared by the
 * server render (the worked example) and the browser (live updates), so both always agree. DOM-free.
 */
import type { Measurements, VariantName } from '../../schemas/measurements.ts';
import type { CostInputs } from '../../lib/cost/inputs.ts';
import { costTable, DAYS_PER_MONTH, monthlySaving, type CostRow } from '../../lib/cost/model.ts';
import { formatCount, formatGb, formatMb, formatMoney } from '../../lib/cost/format.ts';
import { costSummary } from '../../lib/cost/summary.ts';

export interface CalculatorImage {
  name: string;
  compressedSizeBytes: number;
}

/** The production candidates; the debug image is for debugging only, so it is not priced by default. */
export const defaultImages: readonly VariantName[] = ['single-stage', 'multi-stage', 'distroless', 'distroless-static-nonroot', 'scratch'];

export function calculatorImages(measurements: Measurements, names: readonly VariantName[]): CalculatorImage[] {
  // The measurements schema requires every variant, so each name is there.
  return names.map((name) => ({ name, compressedSizeBytes: measurements.images[name].compressedSizeBytes }));
}

export const columnHeadings = [
  'Image',
  'Compressed size (MB)',
  'Stored (GB)',
  'Storage per month',
  'Pulled per month (GB)',
  'Transfer per month',
  'Total per month',
  'Saving per month vs. the first row',
] as const;

export interface TableView {
  rows: { name: string; cells: string[] }[];
  /** One sentence for the live region. */
  summary: string;
  /** The formula worked through with the numbers of the first image. */
  worked: string;
}

function workedLine(row: CostRow, inputs: CostInputs): string {
  const gb = formatGb(row.compressedGb);
  return (
    `${row.name}: ${formatCount(inputs.nodes)} nodes × ${formatCount(inputs.deploysPerDay)} deploys × ${DAYS_PER_MONTH} days = ` +
    `${formatCount(row.pullsPerMonth)} pulls; ${formatCount(row.pullsPerMonth)} × ${gb} GB = ${formatGb(row.egressGb)} GB × ` +
    `${inputs.egressPricePerGb} = ${formatMoney(row.egressCost)} for transfer. ${formatCount(inputs.versionsKept)} versions × ${gb} GB = ` +
    `${formatGb(row.storedGb)} GB × ${inputs.storagePricePerGbMonth} = ${formatMoney(row.storageCost)} for storage. ` +
    `Total: ${formatMoney(row.totalCost)} per month.`
  );
}

export function tableView(images: readonly CalculatorImage[], inputs: CostInputs): TableView {
  const rows = costTable(images, inputs);
  const reference = rows[0];
  return {
    rows: rows.map((row, index) => {
      const image = images[index] as CalculatorImage;
      return {
        name: row.name,
        cells: [
          row.name,
          formatMb(image.compressedSizeBytes),
          formatGb(row.storedGb),
          formatMoney(row.storageCost),
          formatGb(row.egressGb),
          formatMoney(row.egressCost),
          formatMoney(row.totalCost),
          reference && index > 0 ? formatMoney(monthlySaving(row, reference)) : '—',
        ],
      };
    }),
    summary: costSummary(rows),
    worked: reference ? workedLine(reference, inputs) : '',
  };
}
