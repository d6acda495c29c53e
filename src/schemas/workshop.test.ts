import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { workshopSchema } from './workshop.ts';

const minimal = {
  title: 'Lean containers in an hour',
  summary: 'One lesson and one exercise: enough to see why the size of an image matters.',
  audience: 'Developers who have built a Docker image before.',
  format: 'in-person',
  prepare: ['Install Docker'],
  agenda: [{ type: 'lesson', lesson: '01-why-it-matters/01-introduction' }],
};

const valid = {
  ...minimal,
  startTime: '13:30',
  showTags: ['in-person-only', 'extra-details'],
  quizzes: ['attack-surface'],
  agenda: [
    { type: 'lesson', lesson: '01-why-it-matters/01-introduction', discussionMinutes: 5, notes: ['Ask who has paid for egress.'] },
    { type: 'break', title: 'Coffee', minutes: 15 },
    { type: 'exercise', title: 'Build the images', minutes: 30, exercise: 'go-hello-world', steps: ['Run `docker build`'] },
  ],
};

function messageFor(data: unknown): string {
  const result = workshopSchema.safeParse(data);
  if (result.success) throw new Error('expected the workshop to be refused');
  return z.prettifyError(result.error);
}

describe('workshopSchema', () => {
  it('accepts a full workshop', () => {
    const parsed = workshopSchema.parse(valid);
    expect(parsed.startTime).toBe('13:30');
    expect(parsed.agenda[0]).toMatchObject({ type: 'lesson', discussionMinutes: 5 });
    expect(parsed.agenda[2]).toMatchObject({ type: 'exercise', notes: [] });
  });

  it('fills the defaults of a minimal workshop', () => {
    expect(workshopSchema.parse(minimal)).toMatchObject({
      startTime: '09:00',
      showTags: [],
      quizzes: [],
      agenda: [{ type: 'lesson', discussionMinutes: 0, notes: [] }],
    });
  });

  it.each([
    ['title', { ...valid, title: '' }],
    ['format', { ...valid, format: 'hybrid' }],
    ['startTime', { ...valid, startTime: '9:00' }],
    ['startTime', { ...valid, startTime: '24:00' }],
    ['showTags', { ...valid, showTags: ['speaker-only'] }],
    ['showTags', { ...valid, showTags: ['self-paced-only'] }],
    ['prepare', { ...valid, prepare: [] }],
    ['agenda', { ...valid, agenda: [] }],
    ['agenda', { ...valid, agenda: [{ type: 'break', title: 'Lunch', minutes: 60 }] }],
    ['agenda[0].lesson', { ...valid, agenda: [{ type: 'lesson', lesson: 'introduction' }] }],
    ['agenda[1].minutes', { ...valid, agenda: [valid.agenda[0], { type: 'break', title: 'Coffee', minutes: 2 }] }],
    ['agenda[1].lesson', { ...valid, agenda: [valid.agenda[0], valid.agenda[0]] }],
    ['agenda[0].steps', { ...valid, agenda: [{ ...valid.agenda[2], steps: [] }, valid.agenda[0]] }],
  ])('refuses a bad %s and names the field', (field, data) => {
    const escaped = field.replace(/[[\].]/g, (char) => `\\${char}`);
    expect(messageFor(data)).toMatch(new RegExp(`at ${escaped}`));
  });

  it('refuses unknown fields and unknown item types', () => {
    expect(messageFor({ ...valid, duration: 3 })).toMatch(/duration/);
    expect(messageFor({ ...valid, agenda: [{ type: 'lunch', minutes: 30 }] })).toMatch(/at agenda\[0\]\.type/);
    expect(messageFor({ ...valid, agenda: [{ ...valid.agenda[1], lesson: 'x' }] })).toMatch(/lesson/);
  });
});
