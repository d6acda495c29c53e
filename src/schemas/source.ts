import { z } from 'astro/zod';

/**
 * A cited source: one entry of `content/sources.yaml`. Every figure in lesson text that does not come from
 * the lab's measurements cites one of these.
 */
export const sourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/).describe('Stable key used by <Cite source="…">.'),
  title: z.string().min(3).describe('Title of the book, page or document.'),
  author: z.string().optional().describe('Author or organisation, when there is one.'),
  publisher: z.string().optional().describe('Publisher or site owner.'),
  year: z.int().min(1990).max(2100).optional().describe('Year of publication.'),
  url: z.url({ protocol: /^https$/ }).optional().describe('Where to read it (https only).'),
});

export type Source = z.infer<typeof sourceSchema>;
