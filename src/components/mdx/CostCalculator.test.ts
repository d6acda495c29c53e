import { describe, expect, it } from 'vitest';
import { fixtureMeasurements } from '../../lib/figures/fixtures/measurements.ts';
import { exampleInputs } from '../../lib/cost/inputs.ts';
import { calculatorImages, columnHeadings, defaultImages, tableView } from './CostCalculator.ts';

describe('calculatorImages', () => {
  it('takes the compressed sizes of the production candidates, debug left out', () => {
    const images = calculatorImages(fixtureMeasurements, defaultImages);
    expect(images.map((image) => image.name)).toEqual(['single-stage', 'multi-stage', 'distroless', 'distroless-static-nonroot', 'scratch']);
    expect(images[0]).toEqual({ name: 'single-stage', compressedSizeBytes: 300_000_000 });
  });
});

describe('tableView', () => {
  const images = calculatorImages(fixtureMeasurements, ['single-stage', 'distroless-static-nonroot']);
  // Example inputs: 20 nodes × 10 deploys × 30 days = 6,000 pulls; 100 versions kept; 0.1 per GB for both.
  const view = tableView(images, exampleInputs);

  it('fills one cell per column, the first row being the reference for savings', () => {
    expect(view.rows.map((row) => row.cells.length)).toEqual([columnHeadings.length, columnHeadings.length]);
    expect(view.rows[0]?.cells).toEqual(['single-stage', '300.00', '30.00', '3.00', '1,800.00', '180.00', '183.00', '—']);
    expect(view.rows[1]?.cells).toEqual(['distroless-static-nonroot', '1.00', '0.10', '0.01', '6.00', '0.60', '0.61', '182.39']);
  });

  it('works the formula through for the first image, with the inputs in it', () => {
    expect(view.worked).toBe(
      'single-stage: 20 nodes × 10 deploys × 30 days = 6,000 pulls; 6,000 × 0.30 GB = 1,800.00 GB × 0.1 = 180.00 for transfer. ' +
        '100 versions × 0.30 GB = 30.00 GB × 0.1 = 3.00 for storage. Total: 183.00 per month.',
    );
  });

  it('summarises the most and the least expensive image in one sentence', () => {
    expect(view.summary).toBe('Per month: single-stage 183.00, distroless-static-nonroot 0.61.');
  });
});
