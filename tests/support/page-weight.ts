import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDirectory } from './site-pages.ts';

/** One piece of JavaScript a page loads: its inline scripts, or a module file in dist/. */
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

const resolve = (specifier: string, fromPath: string): string =>
  specifier.startsWith('/') ? specifier : posix.join(posix.dirname(fromPath), specifier);
const isLocal = (specifier: string): boolean => specifier.startsWith('.') || specifier.startsWith('/');

/** Static `import … from "…"` and bare `import "…"` of a module: they load (and run) with it. */
export function staticImports(source: string, fromPath: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+)["'`]/g)) {
    const specifier = match[1] ?? '';
    if (isLocal(specifier)) found.add(resolve(specifier, fromPath));
  }
  for (const match of source.matchAll(/\bimport\s*["'`]([^"'`]+)["'`]/g)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('.')) found.add(resolve(specifier, fromPath));
  }
  return [...found];
}

/**
 * Bundled modules a script loads later, on demand: dynamic `import("…")`, and the URL of a separately bundled
 * script (Vite's `?worker&url`, as the search dialog is) that it adds to the page when needed.
 */
export function modulesLoadedOnDemand(source: string, fromPath: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) {
    const specifier = match[1] ?? '';
    if (isLocal(specifier)) found.add(resolve(specifier, fromPath));
  }
  const loadedStatically = new Set(staticImports(source, fromPath));
  for (const match of source.matchAll(/["'`](\/_astro\/[^"'`\s]+\.js)["'`]/g)) {
    const path = match[1] ?? '';
    if (!loadedStatically.has(path) && existsSync(fileOf(path))) found.add(path);
  }
  return [...found];
}

const scriptPattern = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

/** The value of one attribute in a tag's attribute text (quoted or not); `data-type` is not `type`. */
function attributeValue(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

/** JavaScript MIME types, by the HTML standard's list: a classic script with one of these types runs. */
const javaScriptMimeType = /^(?:(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/;

/**
 * Whether the browser runs a <script> with these attributes: no type (or an empty one), `module`, or a
 * JavaScript MIME type such as text/javascript. Data blocks (application/json, ld+json), import maps and
 * speculation rules are not JavaScript, so they do not count towards a page's JavaScript.
 */
export function isExecutableScript(attributes: string): boolean {
  const type = attributeValue(attributes, 'type')?.trim().toLowerCase();
  return type === undefined || type === '' || type === 'module' || javaScriptMimeType.test(type);
}

/** The executable scripts of a page's HTML: the `src` of each external one, the body of each inline one. */
export interface PageScripts {
  sources: string[];
  inlineBodies: string[];
  /** The page without its inline executable scripts (their share of the gzipped page is the difference). */
  htmlWithoutInline: string;
}

/** Finds a page's executable scripts; `pagePath` (e.g. `/course/x/index.html`) resolves relative `src`. */
export function executableScriptsOf(html: string, pagePath: string): PageScripts {
  const sources: string[] = [];
  const inlineBodies: string[] = [];
  const htmlWithoutInline = html.replace(scriptPattern, (tag, attributes: string, body: string) => {
    if (!isExecutableScript(attributes)) return tag;
    const src = attributeValue(attributes, 'src');
    if (src) {
      sources.push(resolve(src, pagePath));
      return tag;
    }
    if (!body.trim()) return tag;
    inlineBodies.push(body);
    // Inline module scripts may import bundled chunks too.
    sources.push(...staticImports(body, pagePath));
    return '';
  });
  return { sources, inlineBodies, htmlWithoutInline };
}

/** A built page's HTML and its executable scripts. */
function pageScripts(htmlFile: string): PageScripts & { html: string } {
  const html = readFileSync(join(distDirectory, htmlFile), 'utf8');
  return { html, ...executableScriptsOf(html, `/${htmlFile}`) };
}

/** Walks modules and their static imports from `start`, skipping those in `skip`; each module once. */
function modulesFrom(start: string[], skip: ReadonlySet<string>, htmlFile: string): ShippedScript[] {
  const shipped: ShippedScript[] = [];
  const seen = new Set(skip);
  const pending = [...start];
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

/**
 * Everything a built page runs on load: inline scripts, module scripts and, transitively, their static
 * imports (each counted once), with gzipped sizes.
 */
export function scriptsShippedBy(htmlFile: string): ShippedScript[] {
  const { html, sources, inlineBodies, htmlWithoutInline } = pageScripts(htmlFile);
  const shipped: ShippedScript[] = [];
  if (inlineBodies.length > 0) {
    // Inline scripts travel inside the gzipped HTML, so what they cost is what they add to it.
    shipped.push({
      name: `${inlineBodies.length} inline scripts (their share of the gzipped page)`,
      bytes: inlineBodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0),
      gzipBytes: Math.max(0, gzip(html) - gzip(htmlWithoutInline)),
    });
  }
  shipped.push(...modulesFrom(sources, new Set(), htmlFile));
  return shipped;
}

/**
 * JavaScript a page can load later, on demand, beyond what it runs on load: modules behind a dynamic
 * `import()` (e.g. xterm when a replay scrolls into view) or added as a script when needed (the search
 * dialog), each with its static imports, and what those load on demand in turn.
 */
export function scriptsLoadedLaterBy(htmlFile: string): ShippedScript[] {
  const { sources, inlineBodies } = pageScripts(htmlFile);
  const onLoad = modulesFrom(sources, new Set(), htmlFile);
  const counted = new Set(onLoad.map((script) => script.name));
  const sourceOf = (script: ShippedScript): string => readFileSync(fileOf(script.name), 'utf8');
  let frontier = [
    ...inlineBodies.flatMap((body) => modulesLoadedOnDemand(body, `/${htmlFile}`)),
    ...onLoad.flatMap((script) => modulesLoadedOnDemand(sourceOf(script), script.name)),
  ];
  const later: ShippedScript[] = [];
  while (frontier.length > 0) {
    const loaded = modulesFrom(frontier, counted, htmlFile);
    later.push(...loaded);
    for (const script of loaded) counted.add(script.name);
    frontier = loaded.flatMap((script) => modulesLoadedOnDemand(sourceOf(script), script.name));
  }
  return later;
}

export const totalGzip = (scripts: ShippedScript[]): number =>
  scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
