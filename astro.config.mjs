// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The public address is only needed for absolute URLs (sitemap, canonical links); a deployment sets SITE_URL.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [mdx()],
  markdown: {
    shikiConfig: {
      // Two themes, switched by CSS custom properties, so code follows the site's light/dark toggle.
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
    },
  },
  build: { format: 'directory' },
});
