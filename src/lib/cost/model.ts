/**
 * What image size costs per month: registry storage for the versions kept, and transfer for every node
 * pulling every new version. Upper bounds on purpose: a node that already has a version's base layers
 * downloads only the layers that changed, and a registry stores a shared layer once.
 */
import type { CostInputs } from './inputs.ts';

/** Bytes in the GB that prices are quoted in (decimal gigabyte). */
export const BYTES_PER_GB = 1e9;
/** A month, for turning deploys per day into pulls per month. */
export const DAYS_PER_MONTH = 30;

export interface ImageSize {
  /** Variant name, e.g. "single-stage". */
  name: string;
  /** Compressed bytes: what the registry stores and sends (measured by the lab). */
  compressedSizeBytes: number;
}

export interface CostRow {
  name: string;
  compressedGb: number;
  storedGb: number;
  storageCost: number;
  pullsPerMonth: number;
  egressGb: number;
  egressCost: number;
  totalCost: number;
}

export function costOf(image: ImageSize, inputs: CostInputs): CostRow {
  const compressedGb = image.compressedSizeBytes / BYTES_PER_GB;
  const storedGb = inputs.versionsKept * compressedGb;
  const pullsPerMonth = inputs.nodes * inputs.deploysPerDay * DAYS_PER_MONTH;
  const egressGb = pullsPerMonth * compressedGb;
  const storageCost = storedGb * inputs.storagePricePerGbMonth;
  const egressCost = egressGb * inputs.egressPricePerGb;
  return { name: image.name, compressedGb, storedGb, storageCost, pullsPerMonth, egressGb, egressCost, totalCost: storageCost + egressCost };
}

export function costTable(images: readonly ImageSize[], inputs: CostInputs): CostRow[] {
  return images.map((image) => costOf(image, inputs));
}

/** How much less a row costs per month than a reference row (e.g. the single-stage image). */
export function monthlySaving(row: CostRow, reference: CostRow): number {
  return reference.totalCost - row.totalCost;
}
