import { z } from 'astro/zod';

/** Props of <Quiz>: validated like content, so a typo in a lesson fails the build with a clear message. */
export const quizPropsSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'use the quiz file name without ".yaml", e.g. "attack-surface"')
    .describe('The quiz: content/quizzes/<id>.yaml.'),
  headingLevel: z.union([z.literal(2), z.literal(3)]).default(2).describe('Heading level of the quiz title. Default: 2.'),
});

export type QuizProps = z.input<typeof quizPropsSchema>;

/** Parses the props or throws an error naming the page and the problem. */
export function parseQuizProps(props: unknown, page: string): z.output<typeof quizPropsSchema> {
  const result = quizPropsSchema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'props'}: ${issue.message}`).join('; ');
  throw new Error(`<Quiz> on ${page}: ${problems}.`);
}
