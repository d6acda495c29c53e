import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { lessonSchema } from './lesson.ts';

const valid = {
  title: 'Why image size and contents matter',
  summary: 'One program, three images of very different sizes, and what the difference costs.',
  objectives: ['Explain what an image contains besides the program'],
  minutes: 12,
  topics: ['performance', 'security'],
  prerequisites: ['01-why-it-matters/01-introduction'],
  order: 2,
};

/** The message a learner-author would read, as Astro prints it: each issue with its field path. */
function messageFor(data: unknown): string {
  const result = lessonSchema.safeParse(data);
  if (result.success) throw new Error('expected the lesson to be refused');
  return z.prettifyError(result.error);
}

describe('lessonSchema', () => {
  it('accepts a complete lesson', () => {
    expect(lessonSchema.parse(valid)).toEqual(valid);
  });

  it('accepts a minimal lesson and defaults prerequisites to none', () => {
    const { prerequisites: _omitted, ...minimal } = valid;
    expect(lessonSchema.parse(minimal).prerequisites).toEqual([]);
  });

  it.each([
    ['minutes', { ...valid, minutes: 'ten' }],
    ['minutes', { ...valid, minutes: 0 }],
    ['topics', { ...valid, topics: [] }],
    ['topics', { ...valid, topics: ['speed'] }],
    ['topics', { ...valid, topics: ['cost', 'cost'] }],
    ['objectives', { ...valid, objectives: [] }],
    ['prerequisites', { ...valid, prerequisites: ['introduction'] }],
    ['order', { ...valid, order: 1.5 }],
    ['summary', { ...valid, summary: 'Too short.' }],
    ['title', { ...valid, title: undefined }],
  ])('refuses a bad %s and names the field', (field, data) => {
    expect(messageFor(data)).toMatch(new RegExp(`at ${field}`));
  });

  it('refuses unknown fields, so a typo fails the build', () => {
    expect(messageFor({ ...valid, minuets: 12 })).toMatch(/minuets/);
  });
});
