import type { APIRoute } from 'astro';

/** Lets every crawler in and points it at the sitemap @astrojs/sitemap writes (absolute, from `site`). */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
