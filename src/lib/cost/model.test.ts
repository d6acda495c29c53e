import { describe, expect, it } from 'vitest';
import { exampleInputs, type CostInputs } from './inputs.ts';
import { costOf, costTable, DAYS_PER_MONTH, monthlySaving } from './model.ts';
import { costSummary } from './summary.ts';
import { formatGb, formatMoney } from './format.ts';

const inputs: CostInputs = { nodes: 4, deploysPerDay: 2, versionsKept: 10, storagePricePerGbMonth: 0.5, egressPricePerGb: 0.25 };

describe('costOf', () => {
  it('multiplies the compressed size by versions kept and by pulls per month', () => {
    const row = costOf({ name: 'big', compressedSizeBytes: 2e9 }, inputs);
    expect(row.compressedGb).toBe(2);
    expect(row.storedGb).toBe(20); // 10 versions × 2 GB
    expect(row.storageCost).toBe(10); // 20 GB × 0.5
    expect(row.pullsPerMonth).toBe(4 * 2 * DAYS_PER_MONTH); // 240
    expect(row.egressGb).toBe(480); // 240 pulls × 2 GB
    expect(row.egressCost).toBe(120); // 480 GB × 0.25
    expect(row.totalCost).toBe(130);
  });

  it('costs nothing for zero nodes and zero versions', () => {
    const row = costOf({ name: 'x', compressedSizeBytes: 5e8 }, { ...inputs, nodes: 0, versionsKept: 0 });
    expect(row.totalCost).toBe(0);
  });

  it('scales linearly with size, so a 100× smaller image costs 100× less', () => {
    const [large, small] = costTable(
      [
        { name: 'large', compressedSizeBytes: 300e6 },
        { name: 'small', compressedSizeBytes: 3e6 },
      ],
      exampleInputs,
    );
    expect(large && small).toBeTruthy();
    expect(large!.totalCost / small!.totalCost).toBeCloseTo(100, 9);
    expect(monthlySaving(small!, large!)).toBeCloseTo(large!.totalCost * 0.99, 9);
  });
});

describe('costSummary', () => {
  it('names the most and the least expensive image', () => {
    const rows = costTable(
      [
        { name: 'small', compressedSizeBytes: 1e6 },
        { name: 'large', compressedSizeBytes: 1e9 },
      ],
      inputs,
    );
    expect(costSummary(rows, (name) => name.toUpperCase())).toBe('Per month: LARGE 65.00, SMALL 0.07.');
  });

  it('says so when there is nothing to compare', () => {
    expect(costSummary([])).toBe('No images to compare.');
  });
});

describe('format', () => {
  it('shows money with two decimals and marks amounts under a cent', () => {
    expect(formatMoney(1234.5)).toBe('1,234.50');
    expect(formatMoney(0.001)).toBe('< 0.01');
    expect(formatMoney(0)).toBe('0.00');
  });

  it('keeps three significant digits for small sizes', () => {
    expect(formatGb(0.001234)).toBe('0.00123');
    expect(formatGb(12.345)).toBe('12.35');
    expect(formatGb(0)).toBe('0');
  });
});
