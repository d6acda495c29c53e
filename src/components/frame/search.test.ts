import { describe, expect, it } from 'vitest';
import { excerptParts, resultsStatus } from './search.ts';
import { opensSearch } from './search-shortcut.ts';

const key = (key: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; defaultPrevented: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  defaultPrevented: false,
  ...extra,
});

describe('opensSearch', () => {
  it('opens on "/" outside text fields', () => {
    expect(opensSearch(key('/'), 'other')).toBe(true);
  });
  it('lets "/" be typed in a text field', () => {
    expect(opensSearch(key('/'), 'text-field')).toBe(false);
  });
  it('ignores modifiers, other keys and handled events', () => {
    expect(opensSearch(key('/', { ctrlKey: true }), 'other')).toBe(false);
    expect(opensSearch(key('/', { metaKey: true }), 'other')).toBe(false);
    expect(opensSearch(key('/', { altKey: true }), 'other')).toBe(false);
    expect(opensSearch(key('/', { defaultPrevented: true }), 'other')).toBe(false);
    expect(opensSearch(key('?'), 'other')).toBe(false);
  });
});

describe('excerptParts', () => {
  it('splits marked runs and decodes entities', () => {
    expect(excerptParts('runs as <mark>nonroot</mark> &amp; has no shell &lt;sh&gt;')).toEqual([
      { text: 'runs as ', marked: false },
      { text: 'nonroot', marked: true },
      { text: ' & has no shell <sh>', marked: false },
    ]);
  });
  it('drops other tags but keeps their text, so no markup reaches the page', () => {
    expect(excerptParts('<img src=x onerror=alert(1)>a <b>b</b> &#39;c&#x27;')).toEqual([{ text: "a b 'c'", marked: false }]);
  });
  it('returns nothing for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});

describe('resultsStatus', () => {
  it('counts results in words', () => {
    expect(resultsStatus(' distroless ', 1)).toBe('1 result for “distroless”.');
    expect(resultsStatus('nonroot', 3)).toBe('3 results for “nonroot”.');
    expect(resultsStatus('zzz', 0)).toBe('No results for “zzz”.');
    expect(resultsStatus('  ', 0)).toBe('');
  });
});
