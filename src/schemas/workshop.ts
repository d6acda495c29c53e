import { z } from 'astro/zod';

/**
 * A workshop: `content/workshops/<id>.yaml`. One source of lessons serves every workshop; the workshop picks
 * lessons for its agenda, adds breaks and exercises, and says which tagged blocks (`<Only tag="…">`) its
 * format shows. Lesson ids are checked against the lessons collection at build time
 * (src/lib/workshop/agenda.ts), because a schema cannot see other collections.
 */

/** Tags an author may put on a block with `<Only tag="…">`. */
export const blockTags = ['extra-details', 'in-person-only', 'self-paced-only'] as const;
export const blockTagSchema = z.enum(blockTags).describe('A tagged block: extra-details, in-person-only or self-paced-only.');
export type BlockTag = z.infer<typeof blockTagSchema>;

const lessonIdSchema = z
  .string()
  .regex(/^\d{2}-[a-z0-9-]+\/\d{2}-[a-z0-9-]+$/, 'use a lesson id like "01-why-it-matters/01-introduction"');

/** "09:00": a 24-hour clock time. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time like "09:00"')
  .describe('A 24-hour clock time, "HH:MM".');

const notesSchema = z
  .array(z.string().trim().min(1))
  .default([])
  .describe('Facilitator notes (timing tips, common mistakes, discussion prompts), shown only in instructor mode. Default: none.');

const lessonItemSchema = z.strictObject({
  type: z.literal('lesson').describe('Teach one lesson; its length is the lesson\'s own `minutes`.'),
  lesson: lessonIdSchema.describe('Lesson id: chapter folder/lesson file without extension.'),
  discussionMinutes: z
    .int()
    .min(0)
    .max(30)
    .default(0)
    .describe('Minutes of room discussion added to the lesson\'s own minutes. Default: 0.'),
  notes: notesSchema,
});

const breakItemSchema = z.strictObject({
  type: z.literal('break').describe('A break: coffee, lunch.'),
  title: z.string().trim().min(1).describe('What the break is, e.g. "Coffee".'),
  minutes: z.int().min(5).max(90).describe('Length in minutes.'),
});

const exerciseItemSchema = z.strictObject({
  type: z.literal('exercise').describe('Hands-on time on the learners\' own machines.'),
  title: z.string().trim().min(1).describe('What attendees do, e.g. "Build all six images".'),
  minutes: z.int().min(5).max(120).describe('Length in minutes.'),
  exercise: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .describe('Folder under exercises/ the attendees work in, e.g. "go-hello-world".'),
  steps: z.array(z.string().trim().min(1)).min(1).describe('What to do, one instruction per entry; `code` in backticks.'),
  notes: notesSchema,
});

export const agendaItemSchema = z.discriminatedUnion('type', [lessonItemSchema, breakItemSchema, exerciseItemSchema]);
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const workshopSchema = z
  .strictObject({
    title: z.string().trim().min(3).describe('Workshop title, shown on its pages and the handout.'),
    summary: z.string().trim().min(50).max(160).describe('One or two sentences for the workshop list; also the agenda page\'s meta description (50–160 characters).'),
    audience: z.string().trim().min(10).describe('Who it is for and what they should already know.'),
    format: z.enum(['in-person', 'self-paced']).describe('In a room with an instructor, or learners on their own.'),
    startTime: clockTimeSchema.default('09:00').describe('Default start time of the agenda; the page lets you pick another. Default: 09:00.'),
    showTags: z
      .array(blockTagSchema)
      .default([])
      .refine((tags) => new Set(tags).size === tags.length, { error: 'showTags must not repeat' })
      .describe('Tagged blocks this workshop shows; untagged content always shows. Default: none.'),
    prepare: z
      .array(z.string().trim().min(1))
      .min(1)
      .describe('What attendees must do before the day, one item per entry; `code` in backticks.'),
    quizzes: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/))
      .default([])
      .describe('Extra quiz ids (content/quizzes/<id>.yaml) for the answer key, after the quizzes the agenda\'s lessons embed. Default: none.'),
    agenda: z.array(agendaItemSchema).min(1).describe('The schedule, in order.'),
  })
  .superRefine((workshop, context) => {
    // The two formats exclude each other: a block for one must never show in the other.
    if (workshop.showTags.includes(workshop.format === 'in-person' ? 'self-paced-only' : 'in-person-only')) {
      context.addIssue({ code: 'custom', path: ['showTags'], message: `a ${workshop.format} workshop cannot show ${workshop.format === 'in-person' ? 'self-paced-only' : 'in-person-only'} blocks` });
    }
    const seen = new Set<string>();
    workshop.agenda.forEach((item, index) => {
      if (item.type !== 'lesson') return;
      if (seen.has(item.lesson)) context.addIssue({ code: 'custom', path: ['agenda', index, 'lesson'], message: `lesson "${item.lesson}" is already on the agenda` });
      seen.add(item.lesson);
    });
    if (!workshop.agenda.some((item) => item.type === 'lesson')) {
      context.addIssue({ code: 'custom', path: ['agenda'], message: 'the agenda needs at least one lesson' });
    }
  });

export type Workshop = z.infer<typeof workshopSchema>;
