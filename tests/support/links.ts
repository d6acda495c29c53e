import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** A link from one built page that leads nowhere. */
export interface BrokenLink {
  page: string;
  target: string;
  reason: string;
}

const attributePattern = /<(a|link|script|img|source|iframe|use)\b[^>]*?\s(href|src|srcset|xlink:href)=["']([^"']*)["']/gi;

function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

function resolveFile(root: string, path: string): string | undefined {
  const direct = join(root, path);
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  const index = join(direct, 'index.html');
  if (existsSync(index)) return index;
  if (existsSync(`${direct}.html`)) return `${direct}.html`;
  return undefined;
}

const idCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const html = readFileSync(file, 'utf8');
    ids = new Set([...html.matchAll(/\sid=["']([^"']+)["']/g)].map((match) => match[1] ?? ''));
    idCache.set(file, ids);
  }
  return ids;
}

/**
 * Checks every internal link, script, stylesheet and image of the built pages: the file must exist and a
 * `#fragment` must name an element id on the target page. External links are not followed (the build
 * machines have no internet), only counted.
 */
export function checkLinks(root: string, pages: string[]): { broken: BrokenLink[]; checked: number; external: number } {
  const broken: BrokenLink[] = [];
  let checked = 0;
  let external = 0;
  for (const page of pages) {
    const file = join(root, page);
    const html = readFileSync(file, 'utf8');
    const pageDirectory = posix.dirname(`/${page}`);
    for (const match of html.matchAll(attributePattern)) {
      const attribute = (match[2] ?? '').toLowerCase();
      const raw = (match[3] ?? '').replace(/&amp;/g, '&');
      const targets = attribute === 'srcset' ? raw.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [raw];
      for (const target of targets) {
        if (!target || target.startsWith('data:') || target.startsWith('mailto:')) continue;
        if (isExternal(target)) {
          external++;
          continue;
        }
        checked++;
        const [pathAndQuery = '', fragment] = target.split('#');
        const path = pathAndQuery.split('?')[0] ?? '';
        const targetPath = path === '' ? `/${page}` : path.startsWith('/') ? path : posix.join(pageDirectory, path);
        const targetFile = resolveFile(root, decodeURIComponent(targetPath));
        if (!targetFile) {
          broken.push({ page, target, reason: 'no such file in the build' });
          continue;
        }
        if (fragment && targetFile.endsWith('.html') && !idsIn(targetFile).has(decodeURIComponent(fragment))) {
          broken.push({ page, target, reason: `no element with id "${fragment}"` });
        }
      }
    }
  }
  return { broken, checked, external };
}
