import { z } from 'astro/zod';

/**
 * A chapter: `content/lessons/NN-slug/chapter.yaml`. The folder's number is the chapter's place in the
 * course; `order` repeats it so a moved folder without an updated file fails the build instead of
 * silently reordering the course.
 */
export const chapterSchema = z.strictObject({
  title: z.string().min(3).describe('Chapter title, shown in the sidebar and on the chapter page.'),
  summary: z
    .string()
    .min(20)
    .describe('One or two sentences on what the chapter teaches; shown on the landing and chapter pages.'),
  order: z.int().positive().describe('Position in the course; must equal the number in the folder name.'),
});

export type Chapter = z.infer<typeof chapterSchema>;
