// Reads the `_headers` file format (Netlify / Cloudflare Pages): a path pattern on its own line, then
// indented `Name: value` lines. Used by the test that keeps public/_headers, deploy/nginx.conf and the Go
// server in agreement; the Go server has its own reader of the same file.

export interface HeaderRule {
  /** A path, or a prefix ending in `*`. */
  pattern: string;
  headers: [name: string, value: string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const match = /^\s+([A-Za-z0-9-]+):\s*(.+?)\s*$/.exec(line);
    if (!rule || !match) throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path`);
    rule.headers.push([match[1] ?? '', match[2] ?? '']);
  }
  return rules;
}

/** The headers a path gets: those of every matching rule, in file order. */
export function headersFor(rules: HeaderRule[], path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    const matches = rule.pattern.endsWith('*') ? path.startsWith(rule.pattern.slice(0, -1)) : path === rule.pattern;
    if (matches) for (const [name, value] of rule.headers) headers.set(name.toLowerCase(), value);
  }
  return headers;
}

/** `add_header Name "value"` lines of an nginx location (or server) block. */
export function nginxHeaders(block: string): Map<string, string> {
  return new Map([...block.matchAll(/^\s*add_header\s+([A-Za-z0-9-]+)\s+"([^"]*)"/gm)].map((match) => [(match[1] ?? '').toLowerCase(), match[2] ?? '']));
}
