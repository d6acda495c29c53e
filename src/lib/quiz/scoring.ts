/**
 * Grading, shared by the browser (checking answers) and the build (answer keys). DOM-free.
 * Option, line and step numbers are their positions in the quiz file, whatever order the learner saw.
 */

export type Tolerance = { kind: 'absolute' | 'relative'; value: number };

/** What the browser needs to grade a question, and nothing about how it is shown. */
export type AnswerKey =
  | { type: 'single' | 'pick-line'; correct: number }
  | { type: 'multiple'; correct: number[] }
  | { type: 'numeric'; value: number; tolerance: Tolerance }
  | { type: 'ordering'; count: number };

/**
 * A learner's response: the chosen option/line number (single, pick-line), the chosen option numbers
 * (multiple), the number typed (numeric), or the step numbers in the order the learner put them (ordering;
 * the file's order is the right one).
 */
export type Response = number | number[];

export type Grade =
  | { correct: boolean; type: 'single' | 'pick-line'; chosen: number }
  | { correct: boolean; type: 'multiple'; wronglyChosen: number[]; missed: number }
  | { correct: boolean; type: 'numeric'; direction: 'low' | 'high' | 'within' }
  | { correct: boolean; type: 'ordering'; inPlace: number; count: number };

/** Whether `value` lies within the tolerance of `answer`; a hair of slack absorbs floating-point noise. */
export function withinTolerance(value: number, answer: number, tolerance: Tolerance): boolean {
  if (!Number.isFinite(value)) return false;
  const allowed = tolerance.kind === 'absolute' ? tolerance.value : Math.abs(answer) * tolerance.value;
  return Math.abs(value - answer) <= allowed + 1e-9 * Math.max(1, Math.abs(answer));
}

/** Reads a typed number the way people write them: "12.5", "12,5", " 1 200 ", "1e6". */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/[\s_]/g, '').replace(/,(?=\d{1,2}$)/, '.').replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** Whether a stored response has the shape its question expects (stored data may be stale or edited). */
export function isResponseFor(key: AnswerKey, response: unknown): response is Response {
  if (key.type === 'multiple') return Array.isArray(response) && response.every(Number.isInteger);
  if (key.type === 'ordering') {
    return (
      Array.isArray(response) &&
      response.length === key.count &&
      new Set(response).size === key.count &&
      response.every((step) => Number.isInteger(step) && step >= 0 && step < key.count)
    );
  }
  if (key.type === 'numeric') return typeof response === 'number' && Number.isFinite(response);
  return Number.isInteger(response);
}

export function grade(key: AnswerKey, response: Response): Grade {
  switch (key.type) {
    case 'single':
    case 'pick-line': {
      const chosen = typeof response === 'number' ? response : -1;
      return { type: key.type, correct: chosen === key.correct, chosen };
    }
    case 'multiple': {
      const chosen = new Set(Array.isArray(response) ? response : [response]);
      const wronglyChosen = [...chosen].filter((option) => !key.correct.includes(option)).sort((a, b) => a - b);
      const missed = key.correct.filter((option) => !chosen.has(option)).length;
      return { type: 'multiple', correct: wronglyChosen.length === 0 && missed === 0, wronglyChosen, missed };
    }
    case 'numeric': {
      const value = typeof response === 'number' ? response : Number.NaN;
      const correct = withinTolerance(value, key.value, key.tolerance);
      return { type: 'numeric', correct, direction: correct ? 'within' : value < key.value ? 'low' : 'high' };
    }
    case 'ordering': {
      const order = Array.isArray(response) ? response : [];
      const inPlace = order.filter((step, position) => step === position).length;
      return { type: 'ordering', correct: inPlace === key.count && order.length === key.count, inPlace, count: key.count };
    }
  }
}

/** A score over a set of graded questions; unanswered questions count as wrong. */
export function score(grades: readonly (Grade | undefined)[]): { correct: number; total: number } {
  return { correct: grades.filter((result) => result?.correct).length, total: grades.length };
}
