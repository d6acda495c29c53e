import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { chapterSchema } from './chapter.ts';

const valid = { title: 'Why it matters', summary: 'What is inside an image and what it costs you.', order: 1 };

function messageFor(data: unknown): string {
  const result = chapterSchema.safeParse(data);
  if (result.success) throw new Error('expected the chapter to be refused');
  return z.prettifyError(result.error);
}

describe('chapterSchema', () => {
  it('accepts a valid chapter', () => {
    expect(chapterSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['title', { ...valid, title: '' }],
    ['summary', { ...valid, summary: 'Short.' }],
    ['order', { ...valid, order: 0 }],
    ['order', { ...valid, order: '1' }],
  ])('refuses a bad %s and names the field', (field, data) => {
    expect(messageFor(data)).toMatch(new RegExp(`at ${field}`));
  });

  it('refuses unknown fields', () => {
    expect(messageFor({ ...valid, colour: 'blue' })).toMatch(/colour/);
  });
});
