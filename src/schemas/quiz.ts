import { z } from 'astro/zod';
import { ExpressionError, parseExpression } from '../lib/quiz/expression.ts';
import { topicSchema } from './topic.ts';

/**
 * A quiz: `content/quizzes/<id>.yaml`. Every question carries a stable id and a topic so learners' saved
 * answers survive edits to other questions, and so `/self-check/<topic>/` can gather them from every quiz.
 * Text fields accept `inline code` in backticks and nothing else.
 */

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, e.g. "why-distroless"');
const text = z.string().trim().min(1, 'must not be empty');

/** A citation for a fact that does not come from the lab's measurements. */
const citationSchema = z.strictObject({
  title: text.describe('What is cited, e.g. "distroless README".'),
  url: z.url({ protocol: /^https$/ }).describe('Where to read it (https only).'),
});

const baseFields = {
  id: slug.describe('Stable id, unique in the quiz; saved progress is keyed by it, so never reuse one for another question.'),
  topic: topicSchema,
  prompt: text.describe('The question as the learner reads it.'),
  explanation: text.describe('Why the answer is right: shown after checking or revealing.'),
  hint: text.optional().describe('An optional nudge shown on request before answering.'),
  sources: z.array(citationSchema).default([]).describe('Citations for facts not from our measurements. Default: none.'),
};

const optionSchema = z.strictObject({
  text: text.describe('The option as shown.'),
  correct: z.boolean().default(false).describe('Whether choosing it is right. Default: false.'),
  rationale: text.describe('Why this option is right or wrong; shown as feedback when it is chosen.'),
});

const singleSchema = z.strictObject({
  ...baseFields,
  type: z.literal('single').describe('One right option (true/false is a single choice with two options).'),
  options: z.array(optionSchema).min(2),
  shuffle: z.boolean().default(true).describe('Shuffle options per learner; set false when order matters (True/False). Default: true.'),
});

const multipleSchema = z.strictObject({
  ...baseFields,
  type: z.literal('multiple').describe('Select all that apply: one or more right options.'),
  options: z.array(optionSchema).min(2),
  shuffle: z.boolean().default(true).describe('Shuffle options per learner. Default: true.'),
});

/** `5%` is relative to the answer; a bare number is an absolute difference in the question's unit. */
const toleranceSchema = z
  .union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?%$/, 'write a relative tolerance like "5%"')])
  .default(0)
  .transform((value) =>
    typeof value === 'number'
      ? ({ kind: 'absolute', value } as const)
      : ({ kind: 'relative', value: Number(value.slice(0, -1)) / 100 } as const),
  )
  .describe('Accepted distance from the answer: a number in the unit, or a percentage like "5%". Default: 0.');

/** An expression over measurements, checked for syntax here and against the measurements at build time. */
const expressionSchema = z
  .string()
  .trim()
  .min(1)
  .superRefine((source, context) => {
    try {
      parseExpression(source);
    } catch (error) {
      context.addIssue({ code: 'custom', message: error instanceof ExpressionError ? error.message : String(error) });
    }
  });

/** A measured value shown with a numeric question, so the numbers a learner works from are the lab's own. */
const givenSchema = z.strictObject({
  label: text.describe('What the value is, e.g. "single-stage image, compressed".'),
  value: expressionSchema.describe('Expression over measurements, e.g. `images["single-stage"].compressedSizeBytes / 1e6`.'),
  unit: z.string().trim().describe('Unit shown after the value, e.g. "MB".'),
  decimals: z.int().min(0).max(6).default(1).describe('Decimals shown. Default: 1.'),
});

const numericSchema = z.strictObject({
  ...baseFields,
  type: z.literal('numeric'),
  answer: z
    .union([z.number(), expressionSchema])
    .transform((value) =>
      typeof value === 'number' ? ({ kind: 'number', value } as const) : ({ kind: 'expression', source: value } as const),
    )
    .describe('A number, or an expression over measurements such as `images["single-stage"].sizeBytes / 1e6`.'),
  given: z.array(givenSchema).default([]).describe('Measured values shown with the question. Default: none.'),
  measurements: slug
    .default('go-hello-world')
    .describe('Which `content/measurements/<name>.json` the expressions read. Default: go-hello-world.'),
  unit: z.string().trim().describe('Unit shown beside the input, e.g. "MB", "times", "s"; empty for a plain count.'),
  tolerance: toleranceSchema,
  decimals: z.int().min(0).max(6).default(1).describe('Decimals shown when revealing the answer. Default: 1.'),
});

const orderingSchema = z.strictObject({
  ...baseFields,
  type: z.literal('ordering'),
  steps: z
    .array(
      z.strictObject({
        text: text.describe('One step.'),
        rationale: text.describe('Why the step sits at this place in the order.'),
      }),
    )
    .min(3)
    .describe('The steps in their correct order; learners see them shuffled.'),
});

const pickLineSchema = z.strictObject({
  ...baseFields,
  type: z.literal('pick-line'),
  language: z.string().default('dockerfile').describe('Language of the code, for its label. Default: dockerfile.'),
  lines: z
    .array(
      z.strictObject({
        code: z.string().min(1, 'a line of code must not be empty'),
        correct: z.boolean().default(false).describe('Whether this is the line asked for. Default: false.'),
        rationale: text.describe('What the line does and why it is or is not the answer.'),
      }),
    )
    .min(2)
    .describe('The code, one entry per line, shown in this order.'),
});

export const questionSchema = z.discriminatedUnion('type', [
  singleSchema,
  multipleSchema,
  numericSchema,
  orderingSchema,
  pickLineSchema,
]);

/** Wording that loses its meaning once options are shuffled, or that tricks more than it teaches. */
const shuffleUnsafeWording: readonly [RegExp, string][] = [
  [/\ball of the above\b/i, '"all of the above"'],
  [/\bnone of the above\b/i, '"none of the above"'],
  [/\babove\b/i, '"above"'],
  [/\bbelow\b/i, '"below"'],
  [/\bNOT\b/, '"NOT"'],
];

type Question = z.infer<typeof questionSchema>;

/** Authoring rules that need the whole question; each message names the question id. */
function checkQuestion(question: Question, report: (message: string, path: (string | number)[]) => void) {
  const say = (message: string, path: (string | number)[] = []) => report(`question "${question.id}": ${message}`, path);
  if (question.type === 'single' || question.type === 'multiple') {
    const correct = question.options.filter((option) => option.correct).length;
    if (correct === 0) say('needs at least one correct option', ['options']);
    if (question.type === 'single' && correct > 1) say(`a single choice has exactly one correct option, found ${correct}`, ['options']);
    if (question.type === 'multiple' && correct === question.options.length && question.options.length < 3) {
      say('every option is correct: add a wrong one', ['options']);
    }
    repeatedTexts(question.options.map((option) => option.text)).forEach((index) =>
      say('repeats an option text', ['options', index, 'text']),
    );
    if (question.shuffle) {
      question.options.forEach((option, index) => {
        for (const [pattern, label] of shuffleUnsafeWording) {
          if (pattern.test(option.text)) {
            say(`option ${index + 1} says ${label}, which misleads once options are shuffled`, ['options', index, 'text']);
          }
        }
      });
    }
  }
  if (question.type === 'pick-line') {
    const correct = question.lines.filter((line) => line.correct).length;
    if (correct !== 1) say(`mark exactly one line as correct, found ${correct}`, ['lines']);
  }
  if (question.type === 'ordering') {
    repeatedTexts(question.steps.map((step) => step.text)).forEach((index) => say('repeats a step text', ['steps', index, 'text']));
  }
}

function repeatedTexts(texts: readonly string[]): number[] {
  const seen = new Set<string>();
  return texts.flatMap((value, index) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return [index];
    seen.add(key);
    return [];
  });
}

export const quizSchema = z
  .strictObject({
    title: text.describe('Shown as the quiz heading.'),
    description: text.optional().describe('One sentence on what the quiz checks.'),
    questions: z.array(questionSchema).min(1),
  })
  .superRefine((quiz, context) => {
    const ids = new Set<string>();
    quiz.questions.forEach((question, index) => {
      if (ids.has(question.id)) {
        context.addIssue({ code: 'custom', message: `question id "${question.id}" is used twice`, path: ['questions', index, 'id'] });
      }
      ids.add(question.id);
      checkQuestion(question, (message, path) => context.addIssue({ code: 'custom', message, path: ['questions', index, ...path] }));
    });
  });

export type Quiz = z.infer<typeof quizSchema>;
export type QuizQuestion = Quiz['questions'][number];
export type QuizOption = z.infer<typeof optionSchema>;

/**
 * The collection schema: like `quizSchema`, but structural errors also name the question id (zod alone
 * would only say `questions.3.options.1.rationale`), so an author finds the question in a long file.
 */
export const quizCollectionSchema = z.unknown().transform((input, context): Quiz => {
  const result = quizSchema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    context.addIssue({ code: 'custom', message: describeIssue(input, issue), path: issue.path });
  }
  return z.NEVER;
});

/** One readable line per issue: `question "x" (questions.2.options.1.rationale): must not be empty`. */
export function describeIssue(input: unknown, issue: { path: PropertyKey[]; message: string }): string {
  // Authoring rules already name their question.
  if (issue.message.startsWith('question ')) return issue.message;
  const [first, index] = issue.path;
  const where = issue.path.map(String).join('.');
  if (first !== 'questions' || typeof index !== 'number') {
    return where ? `${where}: ${issue.message}` : issue.message;
  }
  const questions = (input as { questions?: unknown[] } | null)?.questions;
  const id = (questions?.[index] as { id?: unknown } | undefined)?.id;
  const name = typeof id === 'string' ? `question "${id}"` : `question ${index + 1}`;
  return `${name} (${where}): ${issue.message}`;
}
