import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { sourceSchema } from './source.ts';

const minimal = { id: 'distroless-readme', title: 'Distroless README' };

function messageFor(data: unknown): string {
  const result = sourceSchema.safeParse(data);
  if (result.success) throw new Error('expected the source to be refused');
  return z.prettifyError(result.error);
}

describe('sourceSchema', () => {
  it('accepts a minimal and a full source', () => {
    expect(sourceSchema.parse(minimal)).toEqual(minimal);
    const full = { ...minimal, author: 'Google', publisher: 'GitHub', year: 2024, url: 'https://github.com/x/y' };
    expect(sourceSchema.parse(full)).toEqual(full);
  });

  it.each([
    ['url', { ...minimal, url: 'http://insecure.example/' }],
    ['url', { ...minimal, url: 'not a url' }],
    ['id', { ...minimal, id: 'Has Spaces' }],
    ['year', { ...minimal, year: 1850 }],
  ])('refuses a bad %s and names the field', (field, data) => {
    expect(messageFor(data)).toMatch(new RegExp(`at ${field}`));
  });
});
