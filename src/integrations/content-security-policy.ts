// The site's Content-Security-Policy, computed from the built HTML. Every inline <script> a page really
// contains (the theme script that must run before first paint, any script Astro inlines) is allowed by its
// sha256 and nothing else inline is: no 'unsafe-inline' for scripts. DOM-free so it is tested beside.
import { createHash } from 'node:crypto';

/** The CSP source expression of a script body: `'sha256-<base64>'` over its exact UTF-8 text. */
export function hashSource(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

const scriptPattern = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
// JSON and other data blocks never run, so CSP does not apply to them.
const dataBlockType = /\btype\s*=\s*["']?(?!module\b|text\/javascript\b|application\/javascript\b)[^"'\s>]+/i;

/** The bodies of every inline script on a page that the browser would execute. */
export function inlineScripts(html: string): string[] {
  const bodies: string[] = [];
  for (const match of html.matchAll(scriptPattern)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(` ${attributes}`) || dataBlockType.test(attributes)) continue;
    bodies.push(match[2] ?? '');
  }
  return bodies;
}

/**
 * Inline event handlers (`onclick="…"`) and `javascript:` URLs would need 'unsafe-inline' or 'unsafe-hashes';
 * the build fails on them instead, naming what it found.
 */
export function forbiddenInlineCode(html: string): string[] {
  const withoutScripts = html.replace(scriptPattern, '');
  const found = [...withoutScripts.matchAll(/<[a-z][^>]*?\s(on[a-z]+)\s*=\s*["'][^"']*["']/gi)].map((match) => `${match[1] ?? ''} attribute`);
  if (/\s(?:href|src|action)\s*=\s*["']\s*javascript:/i.test(withoutScripts)) found.push('javascript: URL');
  return found;
}

/**
 * Directives that are the same on every page. Styles keep 'unsafe-inline': xterm.js writes <style>
 * elements at run time (sizes and theme colours measured in the browser, so no build-time hash can match)
 * and Shiki colours code with style attributes. Inline CSS cannot run code; scripts stay locked down.
 * 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine; it does not allow eval().
 */
export const fixedDirectives: readonly string[] = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy for one page: the fixed directives plus script-src allowing exactly its inline scripts. */
export function pagePolicy(scriptBodies: readonly string[]): string {
  const hashes = [...new Set(scriptBodies.map(hashSource))].sort();
  const scriptSource = ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' ');
  return [fixedDirectives[0], scriptSource, ...fixedDirectives.slice(1)].join('; ');
}

/**
 * Puts the policy in a <meta http-equiv> as early in <head> as possible (right after <meta charset>), since
 * a meta policy only governs what comes after it. frame-ancestors is ignored in a meta policy (and Chromium
 * logs an error about it), so it lives in the HTTP headers instead (public/_headers, the server).
 */
export function withPolicyMeta(html: string, policy: string): string {
  if (/http-equiv=["']?content-security-policy/i.test(html)) throw new Error('the page already has a Content-Security-Policy meta element');
  const meta = `<meta http-equiv="content-security-policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const charset = /<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (charset) {
    const end = charset.index + charset[0].length;
    return html.slice(0, end) + meta + html.slice(end);
  }
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('the page has no <head>');
  const end = head.index + head[0].length;
  return html.slice(0, end) + meta + html.slice(end);
}
