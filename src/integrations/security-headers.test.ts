import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, nginxHeaders, parseHeadersFile } from './security-headers.ts';

const root = join(import.meta.dirname, '../..');
const rules = parseHeadersFile(readFileSync(join(root, 'public/_headers'), 'utf8'));
const nginx = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8');

describe('public/_headers', () => {
  const page = headersFor(rules, '/course/');
  it('sets the headers the site promises on every page', () => {
    expect(page.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
    expect(page.get('x-content-type-options')).toBe('nosniff');
    expect(page.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(page.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.get('permissions-policy')).toContain('camera=()');
    expect(page.has('cache-control')).toBe(false);
  });
  it('lets browsers keep hashed bundles', () => {
    expect(headersFor(rules, '/_astro/page.abc123.js').get('cache-control')).toContain('immutable');
  });
});

describe('deploy/nginx.conf', () => {
  const server = nginx.slice(0, nginx.indexOf('location / {'));
  const astro = /location \/_astro\/ \{([\s\S]*?)\n {4}\}/.exec(nginx)?.[1] ?? '';
  it('sends the same headers as public/_headers for pages', () => {
    expect(nginxHeaders(server)).toEqual(headersFor(rules, '/course/'));
  });
  it('repeats them in the /_astro/ block (add_header there replaces the outer ones) with the cache header', () => {
    expect(nginxHeaders(astro)).toEqual(headersFor(rules, '/_astro/x.js'));
  });
});

describe('parseHeadersFile', () => {
  it('reads rules and rejects a header outside a rule', () => {
    expect(parseHeadersFile('# c\n/*\n  A: b\n\n/x\n  C: d e\n')).toEqual([
      { pattern: '/*', headers: [['A', 'b']] },
      { pattern: '/x', headers: [['C', 'd e']] },
    ]);
    expect(() => parseHeadersFile('  A: b\n')).toThrow(/line 1/);
  });
});
