import { describe, expect, it } from 'vitest';
import { describeIssue, quizCollectionSchema, quizSchema } from './quiz.ts';

const option = (text: string, correct = false) => ({ text, correct, rationale: `Because of ${text}.` });
const single = (overrides: Record<string, unknown> = {}) => ({
  id: 'base-image',
  type: 'single',
  topic: 'security',
  prompt: 'Which base has no shell?',
  explanation: 'Distroless images ship no shell.',
  options: [option('distroless/static', true), option('debian')],
  ...overrides,
});
const quiz = (...questions: unknown[]) => ({ title: 'A quiz', questions });

/** Every message of a failed parse through the collection schema, as an author would read them. */
function errors(input: unknown): string[] {
  const result = quizCollectionSchema.safeParse(input);
  if (result.success) throw new Error('expected the quiz to be refused');
  return result.error.issues.map((issue) => issue.message);
}

describe('quiz schema: valid files', () => {
  it('accepts a minimal single choice and fills defaults', () => {
    const parsed = quizSchema.parse(quiz(single()));
    const question = parsed.questions[0];
    expect(question?.type === 'single' && question.shuffle).toBe(true);
    expect(question?.sources).toEqual([]);
  });

  it('accepts every question type', () => {
    const parsed = quizSchema.parse(
      quiz(
        single({ id: 'true-false', options: [option('True', true), option('False')], shuffle: false }),
        single({ id: 'all', type: 'multiple', options: [option('a', true), option('b', true), option('c')] }),
        {
          id: 'ratio', type: 'numeric', topic: 'cost', prompt: 'How many times larger?', explanation: 'Divide.',
          answer: 'images["single-stage"].sizeBytes / images["distroless-static-nonroot"].sizeBytes',
          unit: 'times', tolerance: '5%',
        },
        {
          id: 'order', type: 'ordering', topic: 'performance', prompt: 'Order the build.', explanation: 'Build, then copy.',
          steps: [{ text: 'FROM golang AS build', rationale: 'first' }, { text: 'RUN go build', rationale: 'then' }, { text: 'COPY --from=build', rationale: 'last' }],
        },
        {
          id: 'line', type: 'pick-line', topic: 'security', prompt: 'Which line fails?', explanation: 'No shell.',
          lines: [{ code: 'FROM gcr.io/distroless/static', rationale: 'fine' }, { code: 'RUN mkdir /data', correct: true, rationale: 'needs /bin/sh' }],
        },
      ),
    );
    const numeric = parsed.questions[2];
    expect(numeric?.type === 'numeric' && numeric.tolerance).toEqual({ kind: 'relative', value: 0.05 });
    expect(numeric?.type === 'numeric' && numeric.answer.kind).toBe('expression');
    expect(numeric?.type === 'numeric' && numeric.measurements).toBe('go-hello-world');
    expect(parsed.questions[4]?.type === 'pick-line' && parsed.questions[4].language).toBe('dockerfile');
  });

  it('turns a bare tolerance into an absolute one', () => {
    const parsed = quizSchema.parse(
      quiz({ id: 'n', type: 'numeric', topic: 'cost', prompt: 'p', explanation: 'e', answer: 12, unit: 'MB', tolerance: 0.5 }),
    );
    const question = parsed.questions[0];
    expect(question?.type === 'numeric' && question.tolerance).toEqual({ kind: 'absolute', value: 0.5 });
    expect(question?.type === 'numeric' && question.answer).toEqual({ kind: 'number', value: 12 });
  });
});

describe('quiz schema: authoring errors name the question', () => {
  it('needs a correct option', () => {
    expect(errors(quiz(single({ options: [option('a'), option('b')] })))).toEqual([
      'question "base-image": needs at least one correct option',
    ]);
  });

  it('allows only one correct option in a single choice', () => {
    expect(errors(quiz(single({ options: [option('a', true), option('b', true)] }))).join()).toContain('exactly one correct option, found 2');
  });

  it('needs a rationale for every option', () => {
    const messages = errors(quiz(single({ options: [option('a', true), { text: 'b' }] })));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^question "base-image" \(questions\.0\.options\.1\.rationale\): /);
  });

  it('refuses an empty rationale', () => {
    expect(errors(quiz(single({ options: [option('a', true), { text: 'b', rationale: '  ' }] })))[0]).toContain('must not be empty');
  });

  it.each([
    ['All of the above'],
    ['None of the above'],
    ['The answer below'],
    ['The line above'],
    ['It does NOT have a shell'],
  ])('refuses "%s" in shuffled options', (wording) => {
    expect(errors(quiz(single({ options: [option('a', true), option(wording)] })))[0]).toMatch(/^question "base-image": option 2 says .* shuffled/);
  });

  it('allows positional wording when options keep their order', () => {
    expect(() => quizSchema.parse(quiz(single({ shuffle: false, options: [option('a', true), option('All of the above')] })))).not.toThrow();
  });

  it('refuses a repeated question id', () => {
    expect(errors(quiz(single(), single()))).toEqual(['question id "base-image" is used twice']);
  });

  it('refuses a repeated option', () => {
    expect(errors(quiz(single({ options: [option('a', true), option('A')] })))).toEqual(['question "base-image": repeats an option text']);
  });

  it('refuses an unknown field, so a typo fails the build', () => {
    expect(errors(quiz(single({ rationales: [] })))[0]).toMatch(/^question "base-image" \(questions\.0\): .*rationales/);
  });

  it('refuses an unknown type and topic', () => {
    expect(errors(quiz(single({ type: 'essay' })))[0]).toContain('question "base-image"');
    expect(errors(quiz(single({ topic: 'style' })))[0]).toContain('questions.0.topic');
  });

  it('refuses an expression that does not parse', () => {
    const messages = errors(
      quiz({ id: 'n', type: 'numeric', topic: 'cost', prompt: 'p', explanation: 'e', answer: 'images[single].sizeBytes', unit: '' }),
    );
    expect(messages[0]).toMatch(/^question "n" \(questions\.0\.answer\): expected a quoted key/);
  });

  it('refuses a measured value whose expression does not parse, and a given without a unit', () => {
    const base = { id: 'n', type: 'numeric', topic: 'cost', prompt: 'p', explanation: 'e', answer: 1, unit: 'MB' };
    expect(errors(quiz({ ...base, given: [{ label: 'size', value: 'images["a"].sizeBytes /', unit: 'MB' }] }))[0]).toMatch(
      /^question "n" \(questions\.0\.given\.0\.value\): expression .* ends too early/,
    );
    expect(errors(quiz({ ...base, given: [{ label: 'size', value: '1' }] }))[0]).toContain('questions.0.given.0.unit');
  });

  it('refuses a bad tolerance', () => {
    const base = { id: 'n', type: 'numeric', topic: 'cost', prompt: 'p', explanation: 'e', answer: 1, unit: '' };
    expect(errors(quiz({ ...base, tolerance: -1 }))[0]).toContain('questions.0.tolerance');
    expect(errors(quiz({ ...base, tolerance: 'five percent' }))[0]).toContain('"5%"');
  });

  it('needs exactly one correct line in a pick-the-line question', () => {
    const lines = [{ code: 'FROM scratch', rationale: 'r' }, { code: 'COPY app /', rationale: 'r' }];
    expect(errors(quiz({ id: 'l', type: 'pick-line', topic: 'security', prompt: 'p', explanation: 'e', lines }))).toEqual([
      'question "l": mark exactly one line as correct, found 0',
    ]);
  });

  it('needs at least three distinct steps to order', () => {
    const base = { id: 'o', type: 'ordering', topic: 'performance', prompt: 'p', explanation: 'e' };
    expect(errors(quiz({ ...base, steps: [{ text: 'a', rationale: 'r' }, { text: 'b', rationale: 'r' }] }))[0]).toContain('questions.0.steps');
    const repeated = [{ text: 'a', rationale: 'r' }, { text: 'b', rationale: 'r' }, { text: 'a', rationale: 'r' }];
    expect(errors(quiz({ ...base, steps: repeated }))).toEqual(['question "o": repeats a step text']);
  });

  it('refuses a quiz without questions', () => {
    expect(errors({ title: 'Empty', questions: [] })[0]).toMatch(/^questions: /);
  });

  it('describes an issue outside the questions plainly', () => {
    expect(describeIssue({}, { path: ['title'], message: 'Required' })).toBe('title: Required');
  });
});
