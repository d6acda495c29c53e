import { describe, expect, it } from 'vitest';
import { parseQuizProps } from './Quiz.ts';

describe('<Quiz> props', () => {
  it('accepts a quiz id and defaults the heading level', () => {
    expect(parseQuizProps({ id: 'attack-surface' }, '/course/x/')).toEqual({ id: 'attack-surface', headingLevel: 2 });
  });

  it('names the page and the problem', () => {
    expect(() => parseQuizProps({ id: 'Attack Surface.yaml' }, '/course/02/03/')).toThrow(
      /^<Quiz> on \/course\/02\/03\/: id: use the quiz file name/,
    );
    expect(() => parseQuizProps({ id: 'a', title: 'x' }, '/p/')).toThrow('Unrecognized key');
    expect(() => parseQuizProps({}, '/p/')).toThrow('id:');
  });
});
