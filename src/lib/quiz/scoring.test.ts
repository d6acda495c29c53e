import { describe, expect, it } from 'vitest';
import { grade, isResponseFor, parseNumber, score, withinTolerance, type AnswerKey } from './scoring.ts';

describe('numeric tolerance', () => {
  it('accepts an absolute distance up to and including the tolerance', () => {
    const tolerance = { kind: 'absolute', value: 0.5 } as const;
    expect(withinTolerance(12.5, 12, tolerance)).toBe(true);
    expect(withinTolerance(11.5, 12, tolerance)).toBe(true);
    expect(withinTolerance(12.51, 12, tolerance)).toBe(false);
  });

  it('scales a relative tolerance with the answer', () => {
    const tolerance = { kind: 'relative', value: 0.05 } as const;
    expect(withinTolerance(105, 100, tolerance)).toBe(true);
    expect(withinTolerance(94.9, 100, tolerance)).toBe(false);
    expect(withinTolerance(-95, -100, tolerance)).toBe(true);
  });

  it('absorbs floating-point noise at the edge but nothing more', () => {
    expect(withinTolerance(0.1 + 0.2, 0.3, { kind: 'absolute', value: 0 })).toBe(true);
    expect(withinTolerance(0.31, 0.3, { kind: 'absolute', value: 0 })).toBe(false);
  });

  it('never accepts a missing number', () => {
    expect(withinTolerance(Number.NaN, 0, { kind: 'absolute', value: 1e9 })).toBe(false);
  });
});

describe('reading typed numbers', () => {
  it.each([
    ['12.5', 12.5],
    ['12,5', 12.5],
    [' 1 200 ', 1200],
    ['1,200', 1200],
    ['1e6', 1e6],
    ['-3', -3],
    ['.5', 0.5],
  ])('reads %j as %d', (text, value) => expect(parseNumber(text)).toBe(value));

  it.each([[''], ['abc'], ['12MB'], ['1..2']])('refuses %j', (text) => expect(parseNumber(text)).toBeUndefined());
});

describe('grading', () => {
  it('grades a single choice and a pick-the-line by the chosen number', () => {
    const key: AnswerKey = { type: 'single', correct: 2 };
    expect(grade(key, 2)).toEqual({ type: 'single', correct: true, chosen: 2 });
    expect(grade(key, 0).correct).toBe(false);
    expect(grade({ type: 'pick-line', correct: 4 }, 4).correct).toBe(true);
  });

  it('needs every right option and no wrong one for a multiple choice', () => {
    const key: AnswerKey = { type: 'multiple', correct: [0, 2] };
    expect(grade(key, [2, 0])).toEqual({ type: 'multiple', correct: true, wronglyChosen: [], missed: 0 });
    expect(grade(key, [0])).toEqual({ type: 'multiple', correct: false, wronglyChosen: [], missed: 1 });
    expect(grade(key, [0, 1, 2])).toEqual({ type: 'multiple', correct: false, wronglyChosen: [1], missed: 0 });
    expect(grade(key, []).correct).toBe(false);
  });

  it('says whether a numeric answer is low or high', () => {
    const key: AnswerKey = { type: 'numeric', value: 200, tolerance: { kind: 'relative', value: 0.1 } };
    expect(grade(key, 190)).toEqual({ type: 'numeric', correct: true, direction: 'within' });
    expect(grade(key, 100)).toEqual({ type: 'numeric', correct: false, direction: 'low' });
    expect(grade(key, 300)).toEqual({ type: 'numeric', correct: false, direction: 'high' });
  });

  it('counts the steps in place for an ordering', () => {
    const key: AnswerKey = { type: 'ordering', count: 4 };
    expect(grade(key, [0, 1, 2, 3])).toEqual({ type: 'ordering', correct: true, inPlace: 4, count: 4 });
    expect(grade(key, [1, 0, 2, 3])).toEqual({ type: 'ordering', correct: false, inPlace: 2, count: 4 });
  });

  it('scores unanswered questions as wrong', () => {
    expect(score([grade({ type: 'single', correct: 0 }, 0), undefined, grade({ type: 'single', correct: 0 }, 1)])).toEqual({
      correct: 1,
      total: 3,
    });
  });
});

describe('checking stored responses', () => {
  it('knows the shape each type expects', () => {
    expect(isResponseFor({ type: 'single', correct: 0 }, 1)).toBe(true);
    expect(isResponseFor({ type: 'single', correct: 0 }, [1])).toBe(false);
    expect(isResponseFor({ type: 'multiple', correct: [0] }, [0, 1])).toBe(true);
    expect(isResponseFor({ type: 'multiple', correct: [0] }, ['0'])).toBe(false);
    expect(isResponseFor({ type: 'numeric', value: 1, tolerance: { kind: 'absolute', value: 0 } }, 3.5)).toBe(true);
    expect(isResponseFor({ type: 'numeric', value: 1, tolerance: { kind: 'absolute', value: 0 } }, null)).toBe(false);
    expect(isResponseFor({ type: 'ordering', count: 3 }, [2, 0, 1])).toBe(true);
    expect(isResponseFor({ type: 'ordering', count: 3 }, [0, 0, 1])).toBe(false);
    expect(isResponseFor({ type: 'ordering', count: 3 }, [0, 1])).toBe(false);
  });
});
