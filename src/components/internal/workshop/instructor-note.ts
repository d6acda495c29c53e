import { z } from 'astro/zod';

/** What an <InstructorNote> is about; it only changes the label. */
export const instructorNoteKindSchema = z
  .enum(['timing', 'mistake', 'discussion', 'answer'])
  .optional()
  .describe('timing, mistake, discussion or answer; default: a plain instructor note.');

export type InstructorNoteKind = z.infer<typeof instructorNoteKindSchema>;

const labels: Record<NonNullable<InstructorNoteKind>, string> = {
  timing: 'Instructor note: timing',
  mistake: 'Instructor note: common mistake',
  discussion: 'Instructor note: discussion prompt',
  answer: 'Instructor note: answer',
};

export function instructorNoteLabel(kind: InstructorNoteKind): string {
  return kind ? labels[kind] : 'Instructor note';
}
