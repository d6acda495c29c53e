import { z } from 'astro/zod';

/** The three lenses the course looks through; every lesson and question belongs to at least one. */
export const topicSchema = z
  .enum(['performance', 'security', 'cost'])
  .describe('One of the three course topics: performance, security or cost.');

export type Topic = z.infer<typeof topicSchema>;

/** Topics in the order the course presents them. */
export const topics: readonly Topic[] = topicSchema.options;
