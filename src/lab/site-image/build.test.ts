import { describe, expect, it } from 'vitest';
import { siteBuildArgs } from './build.ts';

describe('siteBuildArgs', () => {
  it('builds without network, from scratch when asked, from the given context', () => {
    expect(siteBuildArgs({ tag: 'site:test', noCache: true, context: '/repo' })).toEqual([
      'build', '--network=none', '--progress=plain', '--no-cache', '-t', 'site:test', '/repo',
    ]);
  });

  it('keeps the build cache unless told otherwise, and never asks for a network', () => {
    const args = siteBuildArgs({ tag: 'site:test', noCache: false, context: '/repo' });
    expect(args).not.toContain('--no-cache');
    expect(args.filter((arg) => arg.startsWith('--network'))).toEqual(['--network=none']);
  });
});
