// Lessons import their components from one barrel (src/components/mdx/index.ts), as the style guide asks.
// But Astro collects a page's CSS from everything its modules import, and a barrel imports every component:
// each lesson carried the styles of all of them (a text lesson shipped the terminal player's, the cost
// calculator's and four charts' CSS, some 15 kB of its 37 kB of inline CSS, parsed before first paint).
// This Vite plugin rewrites a compiled lesson's barrel import into one default import per component it names,
// so a page gets the CSS of the components it uses and no other. Authors keep writing the barrel import.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Names the barrel re-exports as `export { default as Name } from './File.astro'`, with their absolute paths. */
export function barrelExports(barrelSource: string, barrelPath: string): Map<string, string> {
  const exports = new Map<string, string>();
  for (const match of barrelSource.matchAll(/export\s*\{\s*default\s+as\s+(\w+)\s*\}\s*from\s*(['"])([^'"]+)\2/g)) {
    const [, name, , from] = match;
    if (name && from) exports.set(name, resolve(dirname(barrelPath), from));
  }
  return exports;
}

/**
 * Replaces `import { A, B as C } from '<barrel>'` in a module at `modulePath` with `import A from '<A's file>'`,
 * `import C from '<B's file>'`. Names the barrel does not re-export as a default stay on a barrel import, so
 * nothing breaks when it grows other kinds of export. Returns undefined when the module has no barrel import.
 */
export function importComponentsDirectly(code: string, modulePath: string, barrelPath: string, exports: Map<string, string>): string | undefined {
  const rewritten = code.replace(/import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2;?/g, (statement, names: string, quote: string, specifier: string) => {
    if (!specifier.startsWith('.') || resolve(dirname(modulePath), specifier) !== barrelPath) return statement;
    const direct: string[] = [];
    const kept: string[] = [];
    for (const entry of names.split(',').map((part) => part.trim()).filter(Boolean)) {
      const [imported = '', local = imported] = entry.split(/\s+as\s+/).map((part) => part.trim());
      const file = exports.get(imported);
      if (file) direct.push(`import ${local} from ${quote}${file}${quote};`);
      else kept.push(entry);
    }
    if (kept.length) direct.push(`import { ${kept.join(', ')} } from ${quote}${specifier}${quote};`);
    return direct.join('\n');
  });
  return rewritten === code ? undefined : rewritten;
}

/** The plugin: runs after MDX has compiled a lesson to JavaScript (MDX's own plugin runs first, `enforce: 'pre'`). */
export function mdxDirectImports(barrelPath: string): Plugin {
  let exports: Map<string, string> | undefined;
  return {
    name: 'lean-containers:mdx-direct-imports',
    transform(code, id) {
      if (!id.endsWith('.mdx')) return undefined;
      exports ??= barrelExports(readFileSync(barrelPath, 'utf8'), barrelPath);
      const rewritten = importComponentsDirectly(code, id, barrelPath, exports);
      return rewritten === undefined ? undefined : { code: rewritten, map: null };
    },
  };
}
