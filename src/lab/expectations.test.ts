import { describe, expect, it } from 'vitest';
import { checkExpectation, plainText } from './expectations.ts';

describe('plainText', () => {
  it('removes colours, cursor movement and carriage returns', () => {
    expect(plainText('\x1b[1;32m$\x1b[0m ls\r\n\x1b[2K\x1b[1Ahi')).toBe('$ ls\nhi');
  });
});

describe('checkExpectation', () => {
  it('passes when the exit status and text match', () => {
    expect(checkExpectation({ exitCode: 0, output: 'Hello, World!' }, 0, '\x1b[0mHello, World!\r\n')).toBeUndefined();
  });

  it('reports a wrong exit status and missing text', () => {
    expect(checkExpectation({ exitCode: 127, output: 'not found' }, 0, 'Hello')).toBe(
      'exit status 0, expected 127; output does not contain "not found"',
    );
  });
});
