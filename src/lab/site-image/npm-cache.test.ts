import { describe, expect, it } from 'vitest';
import { cacheStamp, fillArgs, isCacheCurrent } from './npm-cache.ts';

describe('the npm cache stamp', () => {
  const lockfile = '{"lockfileVersion":3}';

  it('is current only for the lockfile it was made from, and only with content', () => {
    const stamp = cacheStamp(lockfile);
    expect(isCacheCurrent(stamp, lockfile, true)).toBe(true);
    expect(isCacheCurrent(stamp, '{"lockfileVersion":3,"x":1}', true)).toBe(false);
    expect(isCacheCurrent(stamp, lockfile, false)).toBe(false);
    expect(isCacheCurrent(undefined, lockfile, true)).toBe(false);
  });
});

describe('fillArgs', () => {
  it('fills the given cache with npm ci and runs no install scripts', () => {
    const args = fillArgs('/tmp/cache');
    expect(args[0]).toBe('ci');
    expect(args).toContain('--ignore-scripts');
    expect(args.slice(args.indexOf('--cache'), args.indexOf('--cache') + 2)).toEqual(['--cache', '/tmp/cache']);
  });
});
