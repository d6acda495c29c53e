import { describe, expect, it } from 'vitest';
import { quizSchema } from '../../schemas/quiz.ts';
import { QuizAuthoringError, resolveQuiz } from './resolve.ts';
import fixture from './test-fixtures/measurements.fixture.json' with { type: 'json' };

const numeric = (answer: unknown, id = 'ratio') => ({
  id, type: 'numeric', topic: 'cost', prompt: 'How many times larger?', explanation: 'Divide.', unit: 'times', tolerance: '5%', answer,
});
const choice = {
  id: 'shell', type: 'single', topic: 'security', prompt: 'Which has a shell?', explanation: 'Debian does.',
  options: [{ text: 'golang', correct: true, rationale: 'Debian based.' }, { text: 'static:nonroot', rationale: 'No shell.' }],
};
const readFixture = (name: string) => (name === 'go-hello-world' ? fixture : undefined);
const resolve = (...questions: unknown[]) => resolveQuiz('sizes', quizSchema.parse({ title: 'Sizes', questions }), readFixture);

describe('resolving a quiz', () => {
  it('computes numeric answers from the measurements', () => {
    const [question] = resolve(numeric('images["single-stage"].sizeBytes / images["distroless-static-nonroot"].sizeBytes'));
    expect(question?.answerKey).toEqual({ type: 'numeric', value: 200, tolerance: { kind: 'relative', value: 0.05 } });
    expect(question?.measurementPaths).toEqual(['images["single-stage"].sizeBytes', 'images["distroless-static-nonroot"].sizeBytes']);
    expect(question?.key).toBe('sizes/ratio');
  });

  it('builds answer keys from the correct options', () => {
    const [question] = resolve(choice);
    expect(question?.answerKey).toEqual({ type: 'single', correct: 0 });
  });

  it('fails naming the file and question when a measurement does not exist', () => {
    const attempt = () => resolve(choice, numeric('images["scratch"].sizeBytes / 2', 'scratch-size'));
    expect(attempt).toThrow(QuizAuthoringError);
    expect(attempt).toThrow('content/quizzes/sizes.yaml: question "scratch-size": measurement images.scratch.sizeBytes does not exist');
  });

  it('fails when the measurements file does not exist', () => {
    const quiz = quizSchema.parse({ title: 't', questions: [{ ...numeric('images.x.sizeBytes'), measurements: 'python-app' }] });
    expect(() => resolveQuiz('q', quiz, readFixture)).toThrow('content/measurements/python-app.json, which does not exist yet');
  });

  it('reports every problem at once', () => {
    try {
      resolve(numeric('images.a.sizeBytes', 'a'), numeric('images.b.sizeBytes', 'b'));
      expect.unreachable();
    } catch (error) {
      expect((error as QuizAuthoringError).problems).toHaveLength(2);
    }
  });

  it('changes a hash only for the question that changed', () => {
    const before = resolve(choice, numeric(3));
    const edited = resolve({ ...choice, prompt: 'Which image has a shell?' }, numeric(3));
    expect(edited[0]?.hash).not.toBe(before[0]?.hash);
    expect(edited[1]?.hash).toBe(before[1]?.hash);
  });

  it('changes a numeric hash when the measured answer changes', () => {
    const expression = 'images["single-stage"].sizeBytes / 1e6';
    const quiz = quizSchema.parse({ title: 't', questions: [numeric(expression)] });
    const first = resolveQuiz('q', quiz, () => fixture);
    const remeasured = structuredClone(fixture);
    remeasured.images['single-stage'].sizeBytes = 810000000;
    const second = resolveQuiz('q', quiz, () => remeasured);
    expect(second[0]?.hash).not.toBe(first[0]?.hash);
  });
});

describe('measured values shown with a question', () => {
  it('computes each given and reports a missing one by question', () => {
    const given = [{ label: 'single-stage', value: 'images["single-stage"].sizeBytes / 1e6', unit: 'MB' }];
    const [question] = resolve({ ...numeric(2), given });
    expect(question?.givens).toEqual([{ label: 'single-stage', value: 800, unit: 'MB', decimals: 1 }]);
    expect(question?.measurementPaths).toEqual(['images["single-stage"].sizeBytes']);
    expect(() => resolve({ ...numeric(2), given: [{ ...given[0], value: 'images.debug.sizeBytes' }] })).toThrow(
      'question "ratio": measurement images.debug.sizeBytes does not exist',
    );
  });
});
