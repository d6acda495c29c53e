/** Number formatting shared by the server-rendered table and the live one, so both read the same. */

/** A money amount in the learner's own currency: two decimals, grouped thousands; tiny amounts say so. */
export function formatMoney(amount: number): string {
  if (amount > 0 && amount < 0.005) return '< 0.01';
  return amount.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Gigabytes with enough digits to tell small images apart. */
export function formatGb(gb: number): string {
  if (gb === 0) return '0';
  if (gb < 0.01) return gb.toLocaleString('en', { maximumSignificantDigits: 3 });
  return gb.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatCount(count: number): string {
  return count.toLocaleString('en', { maximumFractionDigits: 1 });
}

/** Megabytes (10^6 bytes), as `docker images` prints them. */
export function formatMb(bytes: number): string {
  return (bytes / 1e6).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
