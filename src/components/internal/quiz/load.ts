/**
 * Build-time loading of quizzes: the collection entry, resolved against the lab's measurements.
 * Only Astro frontmatter imports this (it reads files); the browser never does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, getEntry } from 'astro:content';
import type { Quiz } from '../../../schemas/quiz.ts';
import type { Topic } from '../../../schemas/topic.ts';
import { resolveQuiz, type ResolvedQuestion } from '../../../lib/quiz/resolve.ts';

/**
 * `content/measurements/` (the build runs from the project root). QUIZ_MEASUREMENTS_DIR points elsewhere
 * for test builds only (e.g. the unit-test fixture before the lab has run); never set it for a real build.
 */
const measurementsFolder = process.env['QUIZ_MEASUREMENTS_DIR'] ?? join(process.cwd(), 'content', 'measurements');
const cache = new Map<string, unknown>();

/** The lab's measurements, or undefined when `npm run lab` has not produced that file yet. */
export function readMeasurements(name: string): unknown {
  if (!cache.has(name)) {
    const file = join(measurementsFolder, `${name}.json`);
    cache.set(name, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined);
  }
  return cache.get(name);
}

/**
 * A question that could not be shown because its measurements file does not exist yet. Outside CI the
 * page says so instead of failing the whole site's build while the lab is still running; in CI
 * (`CI` set) a missing file fails the build like any other authoring error.
 */
export interface PendingQuestion {
  key: string;
  prompt: string;
  file: string;
}

export interface LoadedQuestions {
  questions: ResolvedQuestion[];
  pending: PendingQuestion[];
}

function needsMissingFile(question: Quiz['questions'][number]): string | undefined {
  if (question.type !== 'numeric') return undefined;
  if (question.answer.kind !== 'expression' && question.given.length === 0) return undefined;
  return readMeasurements(question.measurements) === undefined ? `content/measurements/${question.measurements}.json` : undefined;
}

function load(quizId: string, quiz: Quiz): LoadedQuestions {
  const pending: PendingQuestion[] = [];
  const ready = quiz.questions.filter((question) => {
    const missing = process.env['CI'] ? undefined : needsMissingFile(question);
    if (missing) pending.push({ key: `${quizId}/${question.id}`, prompt: question.prompt, file: missing });
    return !missing;
  });
  return { questions: resolveQuiz(quizId, { ...quiz, questions: ready }, readMeasurements), pending };
}

export async function loadQuiz(quizId: string): Promise<{ quiz: Quiz } & LoadedQuestions> {
  const entry = await getEntry('quizzes', quizId);
  if (!entry) {
    const known = (await getCollection('quizzes')).map((quiz) => quiz.id).join(', ');
    throw new Error(`<Quiz id="${quizId}">: no file content/quizzes/${quizId}.yaml (known quizzes: ${known}).`);
  }
  return { quiz: entry.data, ...load(quizId, entry.data) };
}

/** Every quiz's questions on one topic, in quiz-file order, for `/self-check/<topic>/`. */
export async function loadTopic(topic: Topic): Promise<LoadedQuestions> {
  const result: LoadedQuestions = { questions: [], pending: [] };
  for (const entry of await allQuizzes()) {
    const loaded = load(entry.id, { ...entry.data, questions: entry.data.questions.filter((question) => question.topic === topic) });
    result.questions.push(...loaded.questions);
    result.pending.push(...loaded.pending);
  }
  return result;
}

/** All quizzes, sorted by id so pages are stable. */
export async function allQuizzes() {
  return (await getCollection('quizzes')).sort((a, b) => a.id.localeCompare(b.id));
}
