import { describe, expect, it } from 'vitest';
import { sameOriginUrl } from './source.ts';

describe('sameOriginUrl', () => {
  const page = 'http://127.0.0.1:4321/replay/?src=x';
  it('accepts relative and same-origin URLs', () => {
    expect(sameOriginUrl('/replay/casts/samples/colours.cast', page)?.href).toBe('http://127.0.0.1:4321/replay/casts/samples/colours.cast');
    expect(sameOriginUrl('casts/a.cast', page)?.pathname).toBe('/replay/casts/a.cast');
  });
  it('refuses other origins and schemes', () => {
    expect(sameOriginUrl('https://example.org/a.cast', page)).toBeUndefined();
    expect(sameOriginUrl('//example.org/a.cast', page)).toBeUndefined();
    expect(sameOriginUrl('javascript:alert(1)', page)).toBeUndefined();
    expect(sameOriginUrl('data:text/plain,hi', page)).toBeUndefined();
  });
});
