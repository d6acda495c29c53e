/**
 * Reads an unknown JSON value as a progress record, migrating older versions. Hand-written rather than zod
 * because it ships to every page and must stay small. Returns a problem message instead of throwing.
 */
import {
  emptyRecord,
  PROGRESS_VERSION,
  type AnswerRecord,
  type ExerciseRecord,
  type LessonProgress,
  type ProgressRecord,
  type ScoreRecord,
} from './record.ts';

export type ReadResult = { ok: true; record: ProgressRecord; migratedFrom?: number } | { ok: false; problem: string; newer?: boolean };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isResponse = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item)));
// Ids are what the site itself writes; anything else in a file is refused rather than stored.
const isId = (value: string) => /^[\w./-]{1,200}$/.test(value) && !value.split('/').includes('__proto__');

function readMap<T>(value: unknown, name: string, readEntry: (entry: unknown) => T | undefined): Record<string, T> | string {
  if (value === undefined) return {};
  if (!isObject(value)) return `"${name}" is not an object`;
  const result: Record<string, T> = {};
  for (const [id, entry] of Object.entries(value)) {
    const read = isId(id) ? readEntry(entry) : undefined;
    if (read === undefined) return `"${name}" has an invalid entry "${id.slice(0, 80)}"`;
    result[id] = read;
  }
  return result;
}

const readLesson = (entry: unknown): LessonProgress | undefined =>
  isObject(entry) && (entry['status'] === 'read' || entry['status'] === 'completed') && isDate(entry['at'])
    ? { status: entry['status'], at: entry['at'] }
    : undefined;

const readAnswer = (entry: unknown): AnswerRecord | undefined => {
  if (!isObject(entry)) return undefined;
  const { hash, response, correct, attempts, at, lessonId } = entry;
  if (typeof hash !== 'string' || !isResponse(response) || typeof correct !== 'boolean' || !isCount(attempts) || !isDate(at)) {
    return undefined;
  }
  if (lessonId !== undefined && (typeof lessonId !== 'string' || !isId(lessonId))) return undefined;
  const answer: AnswerRecord = { hash, response: response as AnswerRecord['response'], correct, attempts, at };
  if (lessonId !== undefined) answer.lessonId = lessonId;
  return answer;
};

const readScore = (entry: unknown): ScoreRecord | undefined =>
  isObject(entry) && isCount(entry['correct']) && isCount(entry['total']) && entry['correct'] <= entry['total'] && isDate(entry['at'])
    ? { correct: entry['correct'], total: entry['total'], at: entry['at'] }
    : undefined;

const readExercise = (entry: unknown): ExerciseRecord | undefined => {
  if (!isObject(entry) || typeof entry['done'] !== 'boolean' || !isDate(entry['at'])) return undefined;
  const exercise: ExerciseRecord = { done: entry['done'], at: entry['at'] };
  if (typeof entry['lessonId'] === 'string' && isId(entry['lessonId'])) exercise.lessonId = entry['lessonId'];
  return exercise;
};

function readCurrent(value: Record<string, unknown>): ReadResult {
  if (typeof value['seed'] !== 'string' || !/^[\w-]{1,64}$/.test(value['seed'])) return { ok: false, problem: 'the shuffle seed is missing or invalid' };
  const record = emptyRecord(value['seed']);
  const lessons = readMap(value['lessons'], 'lessons', readLesson);
  const answers = readMap(value['answers'], 'answers', readAnswer);
  const scores = readMap(value['scores'], 'scores', readScore);
  const exercises = readMap(value['exercises'], 'exercises', readExercise);
  for (const part of [lessons, answers, scores, exercises]) if (typeof part === 'string') return { ok: false, problem: part };
  return {
    ok: true,
    record: {
      ...record,
      lessons: lessons as Record<string, LessonProgress>,
      answers: answers as Record<string, AnswerRecord>,
      scores: scores as Record<string, ScoreRecord>,
      exercises: exercises as Record<string, ExerciseRecord>,
    },
  };
}

/**
 * Version 1 was the first design's record: lesson statuses as bare strings, answers nested per quiz, no
 * timestamps, scores or shuffle seed. Migrating keeps every status and answer.
 */
function migrateFromVersion1(value: Record<string, unknown>, seed: string, now: string): ReadResult {
  const lessons: Record<string, unknown> = {};
  if (value['lessons'] !== undefined && !isObject(value['lessons'])) return { ok: false, problem: '"lessons" is not an object' };
  for (const [id, status] of Object.entries(value['lessons'] ?? {})) lessons[id] = { status, at: now };
  const answers: Record<string, unknown> = {};
  if (value['quizzes'] !== undefined && !isObject(value['quizzes'])) return { ok: false, problem: '"quizzes" is not an object' };
  for (const [quizId, questions] of Object.entries(value['quizzes'] ?? {})) {
    if (!isObject(questions)) return { ok: false, problem: `quiz "${quizId.slice(0, 80)}" is not an object` };
    for (const [questionId, answer] of Object.entries(questions)) {
      answers[`${quizId}/${questionId}`] = isObject(answer) ? { ...answer, attempts: 1, at: now } : answer;
    }
  }
  return readCurrent({ seed, lessons, answers, scores: {}, exercises: {} });
}

/** Reads stored or imported data; `now` dates migrated entries, `seed` seeds records that had none. */
export function readRecord(value: unknown, options: { now: string; seed: string }): ReadResult {
  if (!isObject(value)) return { ok: false, problem: 'it is not a JSON object' };
  const version = value['version'];
  if (version === PROGRESS_VERSION) return readCurrent(value);
  if (version === 1) {
    const migrated = migrateFromVersion1(value, options.seed, options.now);
    return migrated.ok ? { ...migrated, migratedFrom: 1 } : migrated;
  }
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return { ok: false, newer: true, problem: `it was written by a newer version of the course (record version ${version})` };
  }
  return { ok: false, problem: 'it has no known record version' };
}
