// Reads `docker history --no-trunc --human=false --format '{{json .}}'`: one JSON object per line, newest
// entry first, sizes as plain byte counts. The measurements keep the entries oldest first, in build order,
// each marked with whether it came with the base image or was added by the exercise's Dockerfile.
import { z } from 'astro/zod';
import type { LayerEntry } from '../schemas/measurements.ts';

const historyLineSchema = z.object({
  CreatedBy: z.string(),
  Comment: z.string(),
  // With --human=false Docker prints the size as a decimal string of bytes ("1425592").
  Size: z.string().regex(/^\d+$/, 'expected a byte count; was --human=false given?'),
});

export type HistoryEntry = Omit<LayerEntry, 'fromBase'>;

export function parseDockerHistory(stdout: string): HistoryEntry[] {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new Error('docker history printed nothing');
  return lines
    .map((line, index) => {
      const parsed = historyLineSchema.safeParse(JSON.parse(line) as unknown);
      if (!parsed.success) throw new Error(`docker history line ${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return { createdBy: parsed.data.CreatedBy, comment: parsed.data.Comment, sizeBytes: Number.parseInt(parsed.data.Size, 10) };
    })
    .reverse();
}

/**
 * Marks the entries an image inherited from its base: the base's own history is the start of the image's
 * (same instructions, same sizes, same order). Anything else means the wrong base was named; that throws
 * rather than guessing. `base` is undefined for FROM scratch, where every entry is the Dockerfile's own.
 */
export function markBaseEntries(image: readonly HistoryEntry[], base: readonly HistoryEntry[] | undefined): LayerEntry[] {
  const inherited = base ?? [];
  inherited.forEach((entry, index) => {
    const own = image[index];
    if (!own || own.createdBy !== entry.createdBy || own.sizeBytes !== entry.sizeBytes) {
      throw new Error(`history entry ${index + 1} of the image (${JSON.stringify(own?.createdBy)}) is not the base's (${JSON.stringify(entry.createdBy)})`);
    }
  });
  return image.map((entry, index) => ({ ...entry, fromBase: index < inherited.length }));
}
