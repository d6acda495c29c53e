import type { Topic } from '../../../schemas/topic.ts';

/** Titles and descriptions of the per-topic self-check pages. */
export const topicPages: Record<Topic, { title: string; description: string }> = {
  performance: {
    title: 'Performance',
    description: 'Image size, build caching and multi-stage builds: what makes an image slow to move, and what does not.',
  },
  security: {
    title: 'Security',
    description: 'Shells, package managers, setuid programs and users: what an attacker can use inside each image.',
  },
  cost: {
    title: 'Cost',
    description: 'Registry storage and egress: what a pull transfers, and what a smaller image saves.',
  },
};
