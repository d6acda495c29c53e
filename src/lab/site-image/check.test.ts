import { describe, expect, it } from 'vitest';
import { firstLessonPath, responseProblems, serveArgs, userProblem } from './check.ts';

const securityHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "frame-ancestors 'none'; base-uri 'self'",
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=()',
};

describe('responseProblems', () => {
  it('accepts a response with the status, type and every security header', () => {
    expect(responseProblems('/', { status: 200, headers: new Headers(securityHeaders) }, 200, 'text/html')).toEqual([]);
  });

  it('names each missing header, a wrong status and a wrong type', () => {
    const headers = new Headers({ ...securityHeaders, 'content-type': 'text/plain' });
    headers.delete('x-content-type-options');
    headers.delete('strict-transport-security');
    expect(responseProblems('/x/', { status: 500, headers }, 200, 'text/html')).toEqual([
      '/x/: status 500, want 200',
      '/x/: Content-Type "text/plain", want text/html',
      '/x/: no X-Content-Type-Options: nosniff',
      '/x/: no Strict-Transport-Security',
    ]);
  });

  it('wants frame-ancestors none in the CSP header, not just any policy', () => {
    const headers = new Headers({ ...securityHeaders, 'content-security-policy': "default-src 'self'" });
    expect(responseProblems('/', { status: 200, headers }, 200, 'text/html')).toEqual(["/: no CSP frame-ancestors 'none'"]);
  });
});

describe('firstLessonPath', () => {
  it('finds the first /course/<chapter>/<lesson>/ page, skipping the course and chapter pages', () => {
    const sitemap = [
      '<urlset><url><loc>http://localhost:8080/</loc></url>',
      '<url><loc>http://localhost:8080/course/</loc></url>',
      '<url><loc>http://localhost:8080/course/anatomy/</loc></url>',
      '<url><loc>http://localhost:8080/course/anatomy/layers/</loc></url></urlset>',
    ].join('');
    expect(firstLessonPath(sitemap)).toBe('/course/anatomy/layers/');
  });

  it('is undefined when the sitemap lists no lesson', () => {
    expect(firstLessonPath('<urlset><url><loc>http://localhost:8080/course/</loc></url></urlset>')).toBeUndefined();
  });
});

describe('userProblem', () => {
  it('accepts distroless nonroot by uid or name', () => {
    expect(userProblem('65532')).toBeUndefined();
    expect(userProblem('nonroot')).toBeUndefined();
  });

  it('rejects root, whether named or left unset', () => {
    expect(userProblem('')).toBe('runs as "root", want nonroot (65532)');
    expect(userProblem('0')).toBe('runs as "0", want nonroot (65532)');
  });
});

describe('serveArgs', () => {
  it('uses the host network and listens on loopback only', () => {
    expect(serveArgs('site:1', 'check-1', 18080)).toEqual([
      'run', '--detach', '--name', 'check-1', '--network=host', 'site:1', '-addr', '127.0.0.1:18080',
    ]);
  });
});
