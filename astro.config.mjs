// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentSecurityPolicy from './src/integrations/content-security-policy-integration.ts';
import pagefind from './src/integrations/pagefind-integration.ts';
import { mdxDirectImports } from './src/integrations/mdx-direct-imports.ts';

// The public address is only needed for absolute URLs (sitemap, canonical links); a deployment sets SITE_URL.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Component styles are scoped by a class (.astro-xxxx) rather than a data-astro-cid-xxxx attribute on every
  // element: the same specificity, 2-3 kB less HTML per page, and selectors the browser matches by class.
  scopedStyleStrategy: 'class',
  // The policy is added before indexing so Pagefind indexes the final HTML.
  integrations: [mdx(), sitemap(), contentSecurityPolicy(), pagefind()],
  markdown: {
    shikiConfig: {
      // Two themes, switched by CSS custom properties, so code follows the site's light/dark toggle.
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
    },
  },
  build: {
    format: 'directory',
    // Every page's CSS goes inside its HTML: no stylesheet request stands between the page and its first
    // paint (on a slow mobile link each costs a round trip), and the browser can paint while it still parses.
    // The Content-Security-Policy allows inline styles already (style-src, see src/integrations/).
    inlineStylesheets: 'always',
  },
  vite: {
    // Each lesson imports only the components it names from the MDX barrel, so it carries only their CSS.
    plugins: [mdxDirectImports(fileURLToPath(new URL('./src/components/mdx/index.ts', import.meta.url)))],
    // xterm's headless terminal (used at build time for replay posters) is CommonJS: Node must load it itself.
    // Left to Vite's dev server it fails with "exports is not defined".
    ssr: { external: ['@xterm/headless', '@xterm/addon-serialize'] },
  },
});
