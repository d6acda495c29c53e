/**
 * Layout of the layer-breakdown chart: for each image, one bar split into its file-system layers, each
 * segment as wide as its share of the image's bytes, coloured by where it came from (the base image or the
 * Dockerfile). Pure numbers in, segments and table rows out; LayerChart.astro draws them.
 *
 * A share-of-the-image bar, not a bar of absolute bytes: the images span three orders of magnitude, and the
 * question the lesson asks is "how much of this image is mine?", which a 100% bar answers for each of them.
 */
import type { ImageMeasurement, LayerEntry } from '../../schemas/measurements.ts';

export interface LayerSegment {
  /** What made the layer, short enough for a label: "RUN go build …", "base image". */
  label: string;
  /** The instruction exactly as `docker history --no-trunc` printed it (for the table). */
  instruction: string;
  sizeBytes: number;
  fromBase: boolean;
  /** Share of the image's bytes, 0..1. */
  share: number;
  /** Start and width along the bar, in the same units as the bar's width. */
  x: number;
  width: number;
}

export interface LayerBreakdown {
  key: string;
  totalBytes: number;
  baseBytes: number;
  ownBytes: number;
  /** Layers that hold files (size > 0); history entries of 0 bytes are configuration only. */
  segments: LayerSegment[];
  /** History entries that add no bytes (ENTRYPOINT, USER, WORKDIR…), counted for the caption. */
  configOnly: number;
}

/** Instruction text as a reader knows it from the Dockerfile: BuildKit's marker and the RUN shell prefix dropped. */
export function instructionLabel(entry: Pick<LayerEntry, 'createdBy' | 'fromBase'>, maxLength = 48): string {
  const text = entry.createdBy
    .replace(/\s+# buildkit$/, '')
    .replace(/^RUN \/bin\/sh -c /, 'RUN ')
    .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
    .trim();
  if (text === '') return entry.fromBase ? 'base image (one imported layer)' : '(no instruction recorded)';
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

/** The breakdown of one image over a bar `barWidth` long. Throws when the lab did not record the history. */
export function layerBreakdown(key: string, image: ImageMeasurement, barWidth: number): LayerBreakdown {
  const history = image.layerHistory;
  if (!history) throw new Error(`the measurements of ${key} have no layerHistory (re-run npm run lab -- --only measure)`);
  const withBytes = history.filter((entry) => entry.sizeBytes > 0);
  const totalBytes = withBytes.reduce((sum, entry) => sum + entry.sizeBytes, 0);
  let x = 0;
  const segments = withBytes.map((entry) => {
    const share = totalBytes > 0 ? entry.sizeBytes / totalBytes : 0;
    const segment = { label: instructionLabel(entry), instruction: entry.createdBy, sizeBytes: entry.sizeBytes, fromBase: entry.fromBase, share, x, width: share * barWidth };
    x += segment.width;
    return segment;
  });
  const baseBytes = withBytes.filter((entry) => entry.fromBase).reduce((sum, entry) => sum + entry.sizeBytes, 0);
  return { key, totalBytes, baseBytes, ownBytes: totalBytes - baseBytes, segments, configOnly: history.length - withBytes.length };
}

/** "99.8%", "0.17%", "<0.01%": enough digits that a small own layer does not read as zero. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.0001) return '<0.01%';
  const percent = share * 100;
  return `${Number(percent.toFixed(percent >= 1 ? 1 : 2))}%`;
}
