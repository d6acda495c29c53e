// What makes the offline kit offline: every file of a folder, and the assets a built page would fetch
// from another host (which a room without internet could not load).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `folder`, as paths relative to it. */
export function filesUnder(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(folder, path) : entry.isFile() ? [path] : [];
  });
}

/**
 * Assets a page would fetch from another host: scripts, stylesheets, images, fonts, frames, and url() in
 * CSS. Links (<a href>) to other sites are fine: they are references, not parts of the page.
 */
export function externalAssets(site: string): string[] {
  const found: string[] = [];
  const htmlAsset = /<(?:script|img|source|iframe|audio|video|embed)\b[^>]*?\s(?:src|srcset)=["']((?:https?:)?\/\/[^"']+)["']|<link\b(?=[^>]*\srel=["'](?:stylesheet|icon|preload|modulepreload|manifest)["'])[^>]*?\shref=["']((?:https?:)?\/\/[^"']+)["']/gi;
  const cssAsset = /url\(\s*["']?((?:https?:)?\/\/[^"')]+)/gi;
  for (const file of filesUnder(site)) {
    if (!/\.(html|css|js)$/.test(file)) continue;
    const text = readFileSync(join(site, file), 'utf8');
    if (file.endsWith('.html')) for (const match of text.matchAll(htmlAsset)) found.push(`${file}: ${match[1] ?? match[2]}`);
    if (!file.endsWith('.js')) for (const match of text.matchAll(cssAsset)) found.push(`${file}: ${match[1]}`);
  }
  return found;
}
