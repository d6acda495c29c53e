/**
 * Turns a parsed quiz into what pages render: each question with its stable progress key, a content hash
 * (so editing one question resets only that question's saved answer), its answer key, and numeric answers
 * computed from the measurements. Authoring errors that need the measurements are reported here, at build
 * time, naming the file and question id. DOM-free and file-system free: the caller passes the measurements.
 */
import type { Quiz, QuizQuestion } from '../../schemas/quiz.ts';
import { evaluate, ExpressionError, formatPath, parseExpression, referencedPaths } from './expression.ts';
import type { AnswerKey } from './scoring.ts';
import { hashString } from './shuffle.ts';

export interface ResolvedQuestion {
  /** Which quiz file the question comes from. */
  quizId: string;
  /** `<quizId>/<questionId>`: the question's key in the learner's progress record. */
  key: string;
  question: QuizQuestion;
  /** Changes whenever anything the learner sees or is graded on changes, including a re-measured answer. */
  hash: string;
  answerKey: AnswerKey;
  /** For numeric questions: the measurements the answer and givens read, as written by the author. */
  measurementPaths: string[];
  /** For numeric questions: the measured values shown with the question. */
  givens: ResolvedGiven[];
}

export interface ResolvedGiven {
  label: string;
  value: number;
  unit: string;
  decimals: number;
}

export class QuizAuthoringError extends Error {
  override name = 'QuizAuthoringError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Quiz authoring problems:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

/** Returns undefined when `content/measurements/<name>.json` does not exist. */
export type MeasurementsReader = (name: string) => unknown;

/** A short, stable hash of any JSON value (two FNV-1a passes, 64 bits: plenty to notice an edit). */
export function contentHash(value: unknown): string {
  const json = JSON.stringify(value);
  return hashString(json).toString(36) + hashString(`salt:${json}`).toString(36);
}

export function resolveQuiz(quizId: string, quiz: Quiz, readMeasurements: MeasurementsReader): ResolvedQuestion[] {
  const problems: string[] = [];
  const file = `content/quizzes/${quizId}.yaml`;
  const resolved = quiz.questions.flatMap((question): ResolvedQuestion[] => {
    const report = (message: string) => problems.push(`${file}: question "${question.id}": ${message}`);
    const base = { quizId, key: `${quizId}/${question.id}`, question, measurementPaths: [] as string[], givens: [] as ResolvedGiven[] };
    switch (question.type) {
      case 'single':
      case 'pick-line': {
        const items = question.type === 'single' ? question.options : question.lines;
        const answerKey: AnswerKey = { type: question.type, correct: items.findIndex((item) => item.correct) };
        return [{ ...base, answerKey, hash: contentHash(question) }];
      }
      case 'multiple': {
        const correct = question.options.flatMap((option, index) => (option.correct ? [index] : []));
        return [{ ...base, answerKey: { type: 'multiple', correct }, hash: contentHash(question) }];
      }
      case 'ordering':
        return [{ ...base, answerKey: { type: 'ordering', count: question.steps.length }, hash: contentHash(question) }];
      case 'numeric': {
        const expressions = [
          ...(question.answer.kind === 'expression' ? [question.answer.source] : []),
          ...question.given.map((given) => given.value),
        ];
        const measurements = expressions.length > 0 ? readMeasurements(question.measurements) : undefined;
        if (expressions.length > 0 && measurements === undefined) {
          report(`reads content/measurements/${question.measurements}.json, which does not exist yet (run \`npm run lab\`)`);
          return [];
        }
        const failures = problems.length;
        const compute = (source: string): number => {
          try {
            const expression = parseExpression(source);
            base.measurementPaths.push(...referencedPaths(expression).map(formatPath));
            return evaluate(expression, measurements);
          } catch (error) {
            report(error instanceof ExpressionError ? error.message : String(error));
            return Number.NaN;
          }
        };
        const value = question.answer.kind === 'number' ? question.answer.value : compute(question.answer.source);
        const givens = question.given.map((given) => ({ label: given.label, value: compute(given.value), unit: given.unit, decimals: given.decimals }));
        if (problems.length > failures) return [];
        const answerKey: AnswerKey = { type: 'numeric', value, tolerance: question.tolerance };
        base.measurementPaths = [...new Set(base.measurementPaths)];
        // Measured values are part of the hash: a re-measured answer invalidates saved answers to it.
        return [{ ...base, givens, answerKey, hash: contentHash({ question, value, givens }) }];
      }
    }
  });
  if (problems.length > 0) throw new QuizAuthoringError(problems);
  return resolved;
}
