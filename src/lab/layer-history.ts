// Reads `docker history --no-trunc --human=false --format '{{json .}}'`: one JSON object per line, newest
// entry first, sizes as plain byte counts. The measurements keep the entries oldest first, in build order.
import { z } from 'astro/zod';
import type { LayerEntry } from '../schemas/measurements.ts';

const historyLineSchema = z.object({
  CreatedBy: z.string(),
  Comment: z.string(),
  // With --human=false Docker prints the size as a decimal string of bytes ("1425592").
  Size: z.string().regex(/^\d+$/, 'expected a byte count; was --human=false given?'),
});

export function parseDockerHistory(stdout: string): LayerEntry[] {
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
