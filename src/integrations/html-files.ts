import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every .html file under a built site's folder, as paths relative to it (forward slashes). */
export function builtHtmlFiles(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return builtHtmlFiles(root, relative);
    return entry.name.endsWith('.html') ? [relative] : [];
  });
}
