// The Node build image the site's Dockerfile names (node:24-trixie-slim), assembled when no registry answers.
// Upstream (nodejs/docker-node 24/trixie-slim/Dockerfile) starts from debian:trixie-slim, adds a `node` user
// (uid 1000), unpacks Node's release tarball into /usr/local and links `nodejs` to `node`. The stand-in does the
// same from what this machine has: the lab's debian:trixie-slim stand-in, the official Node binary the project
// already installed (npm's `node` package, node_modules/node/bin/node), and npm from the npm registry's `npm`
// package at the version that Node release bundles. Left out: corepack, yarn and the C headers, which the site
// build does not use, and the entrypoint script, which only prepends `node` to arguments.
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LABEL_PREFIX } from '../assemble.ts';
import { ensureBase } from '../bases.ts';
import type { BaseImage, BasesMode } from '../bases.ts';
import { run } from '../exec.ts';
import { canonicalJson, sha256, sha256File } from '../hash.ts';
import { cacheDir, repoRoot } from '../paths.ts';

export const NODE_IMAGE = 'node:24-trixie-slim';
const ROOT_IMAGE = 'debian:trixie-slim';
export const NODE_BINARY = path.join(repoRoot, 'node_modules', 'node', 'bin', 'node');

/**
 * The npm each Node release bundles in its tarball. 24.21.0 → 11.19.0: Fedora's nodejs24-npm package, which
 * repackages the bundled npm, is 11.19.0-1.24.21.0 (packages.fedoraproject.org, nodejs24-npm, Fedora 45).
 */
export const BUNDLED_NPM: Readonly<Record<string, string>> = { '24.21.0': '11.19.0' };

export function npmVersionFor(nodeVersion: string): string {
  const version = BUNDLED_NPM[nodeVersion.replace(/^v/, '')];
  if (!version) {
    throw new Error(
      `No npm version known for Node ${nodeVersion}: add the npm its release bundles to BUNDLED_NPM in src/lab/site-image/node-base.ts`,
    );
  }
  return version;
}

/** The Dockerfile that turns the Debian root into the stand-in; its context holds `node` and `npm/`. */
export function nodeBaseDockerfile(nodeVersion: string, labels: Record<string, string>): string {
  const labelLines = Object.entries(labels).map(([key, value]) => `LABEL ${key}=${JSON.stringify(value)}`);
  return [
    `FROM ${ROOT_IMAGE}`,
    'RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node',
    `ENV NODE_VERSION=${nodeVersion.replace(/^v/, '')}`,
    'COPY node /usr/local/bin/node',
    'COPY npm /usr/local/lib/node_modules/npm',
    'RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\',
    ' && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\',
    ' && ln -s node /usr/local/bin/nodejs \\',
    ' && node --version && npm --version',
    ...labelLines,
    'CMD ["node"]',
    '',
  ].join('\n');
}

export function nodeBaseSummary(nodeVersion: string, npmVersion: string): string {
  return (
    `the lab's debian:trixie-slim stand-in + the official Node ${nodeVersion} linux-x64 binary from npm's node package ` +
    `+ npm ${npmVersion} from npm's npm package, laid out as nodejs/docker-node's 24/trixie-slim image (user node 1000, ` +
    '/usr/local); without corepack, yarn and headers'
  );
}

interface Inspected {
  Id: string;
  Config: { Labels: Record<string, string> | null };
}

async function inspect(image: string, env: NodeJS.ProcessEnv): Promise<Inspected | undefined> {
  const result = await run('docker', ['image', 'inspect', image], { env, check: false });
  if (result.exitCode !== 0) return undefined;
  return (JSON.parse(result.stdout) as Inspected[])[0];
}

/** npm's package tarball, fetched once into .lab-cache with the host's npm client. */
async function npmTarball(version: string, dir: string): Promise<string> {
  const file = path.join(dir, `npm-${version}.tgz`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  await run('npm', ['pack', `npm@${version}`, '--pack-destination', dir, '--silent'], { timeoutMs: 300_000 });
  if (!existsSync(file)) throw new Error(`npm pack npm@${version} wrote no ${file}`);
  return file;
}

/** Makes sure node:24-trixie-slim is present: pulled (if a registry answers) or the labelled stand-in. */
export async function ensureNodeBase(mode: BasesMode, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<BaseImage> {
  const present = await inspect(NODE_IMAGE, env);
  const labels = present?.Config.Labels ?? {};
  const isOurs = labels[`${LABEL_PREFIX}.provenance`] === 'assembled';
  if (present && !isOurs && mode !== 'assemble') return { image: NODE_IMAGE, provenance: 'pulled', imageId: present.Id };
  if (mode !== 'assemble' && !present) {
    log(`pulling ${NODE_IMAGE}`);
    const pulled = await run('docker', ['pull', '--quiet', NODE_IMAGE], { env, check: false, timeoutMs: 300_000 });
    const inspected = pulled.exitCode === 0 ? await inspect(NODE_IMAGE, env) : undefined;
    if (inspected) return { image: NODE_IMAGE, provenance: 'pulled', imageId: inspected.Id };
    if (mode === 'pull') throw new Error(`Cannot pull ${NODE_IMAGE}: ${pulled.stderr.trim()}`);
  }

  const root = await ensureBase(ROOT_IMAGE, mode, env, log);
  const nodeVersion = (await run(NODE_BINARY, ['--version'])).stdout.trim();
  const npmVersion = npmVersionFor(nodeVersion);
  const workDir = path.join(cacheDir, 'node-base');
  const tarball = await npmTarball(npmVersion, workDir);
  const summary = nodeBaseSummary(nodeVersion, npmVersion);
  const recipeSha256 = sha256(
    canonicalJson({ root: root.imageId, node: sha256File(NODE_BINARY), npm: sha256File(tarball), dockerfile: nodeBaseDockerfile(nodeVersion, {}) }),
  );
  if (present && isOurs && labels[`${LABEL_PREFIX}.recipe-sha256`] === recipeSha256) {
    return { image: NODE_IMAGE, provenance: 'assembled', assembledFrom: summary, imageId: present.Id };
  }

  log(`assembling ${NODE_IMAGE} from ${ROOT_IMAGE}, Node ${nodeVersion} and npm ${npmVersion}`);
  const context = path.join(workDir, 'context');
  rmSync(context, { recursive: true, force: true });
  mkdirSync(context, { recursive: true });
  try {
    linkSync(NODE_BINARY, path.join(context, 'node'));
  } catch {
    copyFileSync(NODE_BINARY, path.join(context, 'node')); // another file system: no hard link
  }
  await run('tar', ['-xzf', tarball, '-C', context]);
  await run('mv', [path.join(context, 'package'), path.join(context, 'npm')]);
  const buildLabels = {
    'org.opencontainers.image.title': NODE_IMAGE,
    'org.opencontainers.image.description':
      `Stand-in for ${NODE_IMAGE}, assembled locally by the Lean Containers Workshop lab; not the published image`,
    'org.opencontainers.image.created': new Date().toISOString(),
    [`${LABEL_PREFIX}.provenance`]: 'assembled',
    [`${LABEL_PREFIX}.assembled-from`]: summary,
    [`${LABEL_PREFIX}.recipe-sha256`]: recipeSha256,
  };
  writeFileSync(path.join(context, 'Dockerfile'), nodeBaseDockerfile(nodeVersion, buildLabels));
  try {
    await run('docker', ['build', '--network=none', '--quiet', '-t', NODE_IMAGE, context], { env, timeoutMs: 600_000 });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
  const built = await inspect(NODE_IMAGE, env);
  if (!built) throw new Error(`Assembling ${NODE_IMAGE} produced no image`);
  return { image: NODE_IMAGE, provenance: 'assembled', assembledFrom: summary, imageId: built.Id };
}
