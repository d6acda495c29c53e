// A static file server for the built site, with no dependencies: `node serve.mjs [folder] [--port 8080]
// [--host 127.0.0.1]`. It ships in the offline kit (any Node.js from version 18 runs it) and the handout
// and kit scripts use it. URLs ending in / serve that folder's index.html, as the site is built.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.cast': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** The file a URL path names inside `root`, or undefined; never a path outside `root`. */
export function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Serves `root`; resolves with the server and its URL once it listens. Port 0 picks a free port. */
export function startServer(root, { port = 8080, host = '127.0.0.1' } = {}) {
  const folder = resolve(root);
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    // A folder without its trailing slash: redirect, as static hosts do, so relative links resolve.
    const file = fileFor(folder, url);
    if (file && file.endsWith(`${sep}index.html`) && !path.endsWith('/') && !path.endsWith('.html')) {
      response.writeHead(301, { location: `${path}/` });
      response.end();
      return;
    }
    const found = file ?? fileFor(folder, '/404.html');
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(file ? 200 : 404, { 'content-type': types[extname(found)] ?? 'application/octet-stream' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(found).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({ server, url: `http://${host}:${actualPort}` });
    });
  });
}

// Run as a program: node serve.mjs [folder] [--port N] [--host H]
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : args[at + 1];
  };
  const folder = args.find((arg, index) => !arg.startsWith('--') && !['--port', '--host'].includes(args[index - 1] ?? '')) ?? 'site';
  const { url } = await startServer(folder, { port: Number(option('--port', '8080')), host: option('--host', '127.0.0.1') });
  process.stdout.write(`Serving ${resolve(folder)} at ${url}/ (Ctrl+C to stop)\n`);
}
