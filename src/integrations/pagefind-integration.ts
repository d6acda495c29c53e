// Builds the Pagefind search index over the finished site (astro:build:done), into dist/pagefind/.
// What is indexed: the <main> of lessons, chapter pages and self-checks (lesson text, quiz questions with
// their rationales and explanations, terminal transcripts). Navigation inside <main> (breadcrumbs,
// previous/next) and anything marked data-pagefind-ignore is left out.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { builtHtmlFiles } from './html-files.ts';
import { htmlForIndex, isSearchable } from './searchable-pages.ts';

export default function pagefind(): AstroIntegration {
  return {
    name: 'lean-containers:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { index, errors } = await createIndex({
          rootSelector: 'main',
          excludeSelectors: ['nav', '.no-search', 'script', 'style', 'svg'],
          forceLanguage: 'en',
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const pages = builtHtmlFiles(root).filter(isSearchable);
        for (const page of pages) {
          const added = await index.addHTMLFile({ url: `/${page.replace(/index\.html$/, '')}`, content: htmlForIndex(readFileSync(join(root, page), 'utf8')) });
          if (added.errors.length) throw new Error(`Pagefind could not index ${page}: ${added.errors.join('; ')}`);
        }
        const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await close();
        logger.info(`search index: ${pages.length} pages`);
      },
    },
  };
}
