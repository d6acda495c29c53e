/**
 * The course's own quizzes: every file parses, every expression evaluates against the lab's real
 * measurements (when `npm run lab` has produced them), and each topic has all five question types.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { quizCollectionSchema, type Quiz } from '../../schemas/quiz.ts';
import { topics } from '../../schemas/topic.ts';
import { resolveQuiz } from './resolve.ts';

const folder = new URL('../../../content/quizzes/', import.meta.url);
const measurementsFile = (name: string) => new URL(`../../../content/measurements/${name}.json`, import.meta.url);
const files = readdirSync(folder).filter((file) => file.endsWith('.yaml'));
const quizzes = new Map<string, Quiz>();

describe('content/quizzes', () => {
  it('has quiz files', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s passes the schema and authoring checks', (file) => {
    const result = quizCollectionSchema.safeParse(parse(readFileSync(new URL(file, folder), 'utf8')));
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual([]);
    if (result.success) quizzes.set(file.replace(/\.yaml$/, ''), result.data);
  });

  it.each(topics)('has all five question types for the %s topic', (topic) => {
    const types = new Set([...quizzes.values()].flatMap((quiz) => quiz.questions.filter((q) => q.topic === topic).map((q) => q.type)));
    expect([...types].sort()).toEqual(['multiple', 'numeric', 'ordering', 'pick-line', 'single']);
  });

  it.runIf(existsSync(measurementsFile('go-hello-world')))('evaluates every expression against the real measurements', () => {
    const read = (name: string) =>
      existsSync(measurementsFile(name)) ? (JSON.parse(readFileSync(measurementsFile(name), 'utf8')) as unknown) : undefined;
    for (const [id, quiz] of quizzes) {
      for (const question of resolveQuiz(id, quiz, read)) {
        if (question.answerKey.type === 'numeric') expect(Number.isFinite(question.answerKey.value)).toBe(true);
      }
    }
  });
});
