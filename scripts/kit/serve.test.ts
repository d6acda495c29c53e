import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileFor, startServer } from './serve.mjs';

const root = mkdtempSync(join(tmpdir(), 'serve-test-'));
mkdirSync(join(root, 'workshops/half-day'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
writeFileSync(join(root, '404.html'), '<h1>not found</h1>');
writeFileSync(join(root, 'workshops/half-day/index.html'), '<h1>half day</h1>');
writeFileSync(join(root, 'app.js'), 'export {}');

describe('fileFor', () => {
  it('maps folders to their index.html and files to themselves', () => {
    expect(fileFor(root, '/')).toBe(join(root, 'index.html'));
    expect(fileFor(root, '/workshops/half-day/?start=10:00')).toBe(join(root, 'workshops/half-day/index.html'));
    expect(fileFor(root, '/app.js')).toBe(join(root, 'app.js'));
    expect(fileFor(root, '/nothing/')).toBeUndefined();
  });

  it('never leaves the root', () => {
    expect(fileFor(root, '/../../etc/passwd')).toBeUndefined();
    expect(fileFor(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(fileFor(root, '/%zz')).toBeUndefined();
  });
});

describe('startServer', () => {
  const started = startServer(root, { port: 0 });
  afterAll(async () => (await started).server.close());

  it('serves pages with their type, redirects a folder without its slash, and answers 404 with the 404 page', async () => {
    const { url } = await started;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${url}/workshops/half-day/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('half day');
    const redirect = await fetch(`${url}/workshops/half-day`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/workshops/half-day/');
    const missing = await fetch(`${url}/nope/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('not found');
    expect((await fetch(`${url}/app.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
  });
});
