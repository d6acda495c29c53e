import { describe, expect, it } from 'vitest';
import { workshopSchema } from '../../schemas/workshop.ts';
import { clockTimes, resolveAgenda } from './agenda.ts';
import type { LessonFacts } from './agenda.ts';
import { parseClock } from './clock.ts';

const lessons = new Map<string, LessonFacts>([
  ['01-why-it-matters/01-introduction', { title: 'Why image size matters', minutes: 12, href: '/course/why-it-matters/introduction/' }],
  ['02-building/01-multi-stage', { title: 'Multi-stage builds', minutes: 20, href: '/course/building/multi-stage/' }],
]);

const workshop = workshopSchema.parse({
  title: 'Test workshop',
  summary: 'A workshop used by the agenda arithmetic tests, with two lessons in it.',
  audience: 'Developers who build images.',
  format: 'in-person',
  prepare: ['Install Docker'],
  agenda: [
    { type: 'lesson', lesson: '01-why-it-matters/01-introduction', discussionMinutes: 3 },
    { type: 'break', title: 'Coffee', minutes: 15 },
    { type: 'exercise', title: 'Build', minutes: 25, exercise: 'go-hello-world', steps: ['Build it'] },
    { type: 'lesson', lesson: '02-building/01-multi-stage' },
  ],
});

describe('resolveAgenda', () => {
  it('gives each item its offset and length, lessons taking their own minutes plus discussion', () => {
    const { items } = resolveAgenda('test', workshop, lessons);
    expect(items.map((item) => [item.title, item.offset, item.length])).toEqual([
      ['Why image size matters', 0, 15],
      ['Coffee', 15, 15],
      ['Build', 30, 25],
      ['Multi-stage builds', 55, 20],
    ]);
  });

  it('adds up totals by kind', () => {
    expect(resolveAgenda('test', workshop, lessons).totals).toEqual({ lessons: 35, breaks: 15, exercises: 25, all: 75 });
  });

  it('fails naming the workshop file and the missing lesson id', () => {
    const broken = { agenda: [...workshop.agenda, { type: 'lesson' as const, lesson: '09-gone/01-missing', discussionMinutes: 0, notes: [] }] };
    expect(() => resolveAgenda('half-day', broken, lessons)).toThrow(
      /content\/workshops\/half-day\.yaml: agenda\[4\]\.lesson: no lesson "09-gone\/01-missing"/,
    );
  });
});

describe('clockTimes', () => {
  it('turns offsets into clock times from a start time', () => {
    const { items } = resolveAgenda('test', workshop, lessons);
    const start = parseClock('13:30');
    expect(items.map((item) => clockTimes(item, start))).toEqual([
      { start: '13:30', end: '13:45' },
      { start: '13:45', end: '14:00' },
      { start: '14:00', end: '14:25' },
      { start: '14:25', end: '14:45' },
    ]);
  });
});
