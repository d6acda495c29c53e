// Adds the Content-Security-Policy <meta> to every built page, with the sha256 of the inline scripts that
// page really contains. It runs on the finished HTML (astro:build:done) rather than through Astro's own
// `security.csp`: that option does not hash `is:inline` scripts (the theme script must be one) and does
// not support Shiki's style attributes, so it would need hand-kept hashes that drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { builtHtmlFiles } from './html-files.ts';
import { forbiddenInlineCode, inlineScripts, pagePolicy, withPolicyMeta } from './content-security-policy.ts';

export default function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'lean-containers:content-security-policy',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const problems: string[] = [];
        const hashes = new Set<string>();
        const pages = builtHtmlFiles(root);
        for (const page of pages) {
          const file = join(root, page);
          const html = readFileSync(file, 'utf8');
          const forbidden = forbiddenInlineCode(html);
          if (forbidden.length) problems.push(`${page}: ${forbidden.join(', ')}`);
          const scripts = inlineScripts(html);
          scripts.forEach((script) => hashes.add(script));
          writeFileSync(file, withPolicyMeta(html, pagePolicy(scripts)));
        }
        if (problems.length) {
          throw new Error(`Inline code the Content-Security-Policy would block (move it into a <script>):\n${problems.join('\n')}`);
        }
        logger.info(`policy added to ${pages.length} pages (${hashes.size} distinct inline scripts hashed)`);
      },
    },
  };
}
