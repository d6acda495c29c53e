import { describe, expect, it } from 'vitest';
import { inlineSegments, plainText } from './inline.ts';

describe('inline quiz text', () => {
  it('splits backticked code from text', () => {
    expect(inlineSegments('Run `docker exec` in `sh`.')).toEqual([
      { code: false, text: 'Run ' },
      { code: true, text: 'docker exec' },
      { code: false, text: ' in ' },
      { code: true, text: 'sh' },
      { code: false, text: '.' },
    ]);
  });

  it('keeps HTML as text and an unmatched backtick as is', () => {
    expect(inlineSegments('<b>x</b> `a')).toEqual([{ code: false, text: '<b>x</b> `a' }]);
  });

  it('gives plain text for labels', () => {
    expect(plainText('Move `FROM golang` up')).toBe('Move FROM golang up');
  });
});
