import { describe, expect, it } from 'vitest';
import { answerKeyQuizzes, quizIdsInLesson } from './quizzes.ts';

describe('quizIdsInLesson', () => {
  it('finds embedded quizzes in order, whatever the attribute order or quotes', () => {
    const source = 'Text\n<Quiz id="image-anatomy" />\nmore\n<Quiz title="x" id=\'single-stage-build\'/>\n<Quizzes id="no" />';
    expect(quizIdsInLesson(source)).toEqual(['image-anatomy', 'single-stage-build']);
  });

  it('finds none in a lesson without quizzes', () => {
    expect(quizIdsInLesson('## Only prose\n\nNo quiz here.')).toEqual([]);
  });
});

describe('answerKeyQuizzes', () => {
  it('lists lesson quizzes in agenda order, then extras, each once', () => {
    expect(answerKeyQuizzes(['<Quiz id="b" />', '<Quiz id="a" />'], ['c', 'a'])).toEqual(['b', 'a', 'c']);
  });
});
