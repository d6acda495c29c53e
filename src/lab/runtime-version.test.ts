import { describe, expect, it } from 'vitest';
import { parseRuntimeVersion } from './runtime-version.ts';

describe('parseRuntimeVersion', () => {
  it('reads go version output', () => {
    expect(parseRuntimeVersion('go', 'go version go1.24.4 linux/amd64\n')).toBe('go1.24.4');
  });
  it('reads node --version output', () => {
    expect(parseRuntimeVersion('node', 'v24.21.0\n')).toBe('v24.21.0');
  });
  it('finds nothing in an error message or the other runtime\'s output', () => {
    expect(parseRuntimeVersion('node', 'exec: "node": executable file not found in $PATH')).toBeUndefined();
    expect(parseRuntimeVersion('go', 'v24.21.0')).toBeUndefined();
    expect(parseRuntimeVersion('node', 'go version go1.24.4 linux/amd64')).toBeUndefined();
  });
});
