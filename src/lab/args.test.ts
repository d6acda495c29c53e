import { describe, expect, it } from 'vitest';
import { parseLabArgs } from './args.ts';

describe('parseLabArgs', () => {
  it('defaults to auto bases, all steps, writing', () => {
    expect(parseLabArgs([])).toEqual({ exercise: 'go-hello-world', only: [], bases: 'auto', verify: false, force: false, help: false });
  });

  it('accepts repeated and comma-separated --only', () => {
    expect(parseLabArgs(['--only', 'users,no-shell', '--only', 'history']).only).toEqual(['users', 'no-shell', 'history']);
  });

  it('rejects an unknown bases mode and unknown options', () => {
    expect(() => parseLabArgs(['--bases', 'download'])).toThrow(/pull, assemble or auto/);
    expect(() => parseLabArgs(['--onyl', 'x'])).toThrow();
  });
});
