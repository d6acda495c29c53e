import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDirectory } from './site-pages.ts';

/** One piece of JavaScript a page loads before any interaction: an inline script or a module and its static imports. */
export interface ShippedScript {
  name: string;
  bytes: number;
  gzipBytes: number;
}

const gzip = (text: string): number => gzipSync(text, { level: 9 }).length;

/** The file in dist/ that a site path like `/_astro/x.js` refers to. */
function fileOf(sitePath: string): string {
  return join(distDirectory, sitePath.replace(/^\//, ''));
}

/** Static `import … from "…"` and bare `import "…"` of a module; dynamic `import()` is loaded later, on demand. */
function staticImports(source: string, fromPath: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      found.add(specifier.startsWith('/') ? specifier : posix.join(posix.dirname(fromPath), specifier));
    }
  }
  for (const match of source.matchAll(/\bimport\s*["']([^"']+)["']/g)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('.')) found.add(posix.join(posix.dirname(fromPath), specifier));
  }
  return [...found];
}

/**
 * Everything a built page runs on load: inline scripts, module scripts and, transitively, their static
 * imports (each counted once), with gzipped sizes.
 */
export function scriptsShippedBy(htmlFile: string): ShippedScript[] {
  const html = readFileSync(join(distDirectory, htmlFile), 'utf8');
  const shipped: ShippedScript[] = [];
  const seen = new Set<string>();
  const pending: string[] = [];
  const inlineBodies: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (/type=["']?application\/(ld\+)?json/.test(attributes)) continue;
    const src = /\bsrc=["']?([^"'\s>]+)/.exec(attributes)?.[1];
    if (src) {
      pending.push(src.startsWith('/') ? src : posix.join(posix.dirname(`/${htmlFile}`), src));
    } else if (body.trim()) {
      inlineBodies.push(body);
      // Inline module scripts may import bundled chunks too.
      pending.push(...staticImports(body, `/${htmlFile}`));
    }
  }
  if (inlineBodies.length > 0) {
    // Inline scripts travel inside the gzipped HTML, so what they cost is what they add to it.
    const withoutScripts = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    shipped.push({
      name: `${inlineBodies.length} inline scripts (their share of the gzipped page)`,
      bytes: inlineBodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0),
      gzipBytes: Math.max(0, gzip(html) - gzip(withoutScripts)),
    });
  }
  while (pending.length > 0) {
    const path = pending.pop() ?? '';
    if (seen.has(path)) continue;
    seen.add(path);
    const file = fileOf(path);
    if (!existsSync(file)) throw new Error(`${htmlFile} loads ${path}, which is not in dist/.`);
    const source = readFileSync(file, 'utf8');
    shipped.push({ name: path, bytes: Buffer.byteLength(source), gzipBytes: gzip(source) });
    pending.push(...staticImports(source, path));
  }
  return shipped;
}

export const totalGzip = (scripts: ShippedScript[]): number =>
  scripts.reduce((sum, script) => sum + script.gzipBytes, 0);

