import { z } from 'astro/zod';
import { topicSchema } from './topic.ts';

/**
 * A lesson's frontmatter: `content/lessons/NN-chapter/NN-slug.mdx`. The file's number is its place in the
 * chapter and `order` must equal it, so `ls` always shows the course order.
 */
export const lessonSchema = z.strictObject({
  title: z.string().min(3).describe('Lesson title: the page heading and the sidebar entry.'),
  summary: z
    .string()
    .min(20)
    .max(160)
    .describe('One or two sentences on what the learner gets; the page description, so at most 160 characters.'),
  objectives: z
    .array(z.string().min(5))
    .min(1)
    .describe('What the learner can do after the lesson, each starting with a verb.'),
  minutes: z.int().min(1).max(60).describe('Estimated minutes to work through the lesson, exercises included.'),
  topics: z
    .array(topicSchema)
    .min(1)
    .refine((list) => new Set(list).size === list.length, { error: 'topics must not repeat' })
    .describe('Which of performance, security and cost the lesson teaches.'),
  prerequisites: z
    .array(z.string().regex(/^\d{2}-[a-z0-9-]+\/\d{2}-[a-z0-9-]+$/, 'use a lesson id like "01-why-it-matters/01-introduction"'))
    .default([])
    .describe('Lesson ids (chapter folder/lesson file, no extension) to read first. Default: none.'),
  order: z.int().positive().describe('Position in the chapter; must equal the number in the file name.'),
});

export type Lesson = z.infer<typeof lessonSchema>;
