// How each base image a Dockerfile names is made when it cannot be pulled: the same Debian packages
// the official image is built from, assembled locally. Read these against their upstream sources:
// - golang:1.24-trixie = buildpack-deps:trixie-scm (docker-library/buildpack-deps debian/trixie/{curl,scm})
//   + the cgo packages of docker-library/golang 1.24/trixie/Dockerfile. Upstream unpacks Go's release
//   tarball into /usr/local/go; with no download site reachable we install Debian's golang-1.24-go and
//   link /usr/local/go to it.
// - debian:trixie-slim = a minbase Debian with documentation, manuals and locales left out, as
//   debuerreotype's slimify step does.
// - gcr.io/distroless/* = GoogleContainerTools/distroless static/config.bzl (STATIC_PACKAGES debian13),
//   base/config.bzl (BASE_PACKAGES debian13), common/BUILD.bazel (passwd, group, home, /tmp, cacerts,
//   os-release) and static/static.bzl (users, env, workdir; debug images add busybox in /busybox).
//   Distroless extracts packages without running their scripts and lists them in
//   /var/lib/dpkg/status.d/ for scanners; so does the lab. Its busybox is docker-library's musl build;
//   here it is Debian's busybox-static.
// - gcr.io/distroless/nodejs24-debian13 = the cc image (base + cc/config.bzl CC_PACKAGES debian13) plus Node's
//   release binary at /nodejs/bin/node as its entrypoint (nodejs/BUILD, private/extensions/node.bzl: bin/node
//   and LICENSE of the linux-x64 tarball, no npm, corepack or headers). The stand-in's binary is the official
//   one the project installs (npm's pinned `node` package, node_modules/node/bin/node); that package does not
//   carry Node's LICENSE file, so the stand-in has none.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.ts';

export type RecipeKind = 'debian-root' | 'distroless';

export interface ImageConfig {
  env: Record<string, string>;
  user?: string;
  workdir?: string;
  entrypoint?: string[];
  cmd?: string[];
}

export interface DebianRootRecipe {
  kind: 'debian-root';
  /** The image a learner would pull, which this stands in for. */
  image: string;
  suite: string;
  /** mmdebstrap variant. */
  variant: 'minbase';
  packages: string[];
  /** dpkg path filters (slim images). */
  dpkgExcludes: string[];
  /** Shell commands run in the finished root (as hooks), e.g. links upstream makes. */
  customize: string[];
  config: ImageConfig;
  summary: string;
}

export interface DistrolessRecipe {
  kind: 'distroless';
  image: string;
  suite: string;
  /** Debian packages extracted (dpkg -x), exactly these, no dependencies. */
  packages: string[];
  user: 'root' | 'nonroot';
  debug: boolean;
  config: ImageConfig;
  summary: string;
  /** A language runtime added on top, as distroless's nodejs images add Node's binary to cc. Absent: none. */
  node?: NodeRuntime;
}

/** Node.js's release binary laid out as distroless's nodejs images have it. */
export interface NodeRuntime {
  /** The release the binary must report (`node --version` without the v), e.g. 24.21.0. */
  version: string;
  /** Repository-relative path of the official linux-x64 binary to copy. */
  binary: string;
  /** Where it goes in the image (distroless: /nodejs/bin/node). */
  target: string;
}

export type BaseRecipe = DebianRootRecipe | DistrolessRecipe;

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const STATIC_PACKAGES = ['base-files', 'netbase', 'tzdata', 'tzdata-legacy', 'media-types'];
const BASE_PACKAGES = ['libc6', 'libssl3t64', 'libzstd1', 'zlib1g'];
/** cc/config.bzl CC_PACKAGES debian13 (zlib1g is already in base). */
const CC_PACKAGES = ['libgomp1', 'libstdc++6', 'libgcc-s1', 'gcc-14-base'];
/** The CA bundle is generated from this package's certificates, as distroless's cacerts rule does. */
export const CA_PACKAGE = 'ca-certificates';
export const BUSYBOX_PACKAGE = 'busybox-static';

const SLIM_EXCLUDES = [
  'path-exclude=/usr/share/doc/*',
  'path-include=/usr/share/doc/*/copyright',
  'path-exclude=/usr/share/groff/*',
  'path-exclude=/usr/share/info/*',
  'path-exclude=/usr/share/linda/*',
  'path-exclude=/usr/share/lintian/overrides/*',
  'path-exclude=/usr/share/locale/*',
  'path-include=/usr/share/locale/locale.alias',
  'path-exclude=/usr/share/man/*',
];

function distroless(name: string, user: 'root' | 'nonroot', debug: boolean, withBase: boolean): DistrolessRecipe {
  const nonroot = user === 'nonroot';
  const env: Record<string, string> = {
    PATH: debug ? `${PATH}:/busybox` : PATH,
    SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt',
  };
  const config: ImageConfig = { env, user: nonroot ? '65532' : '0', workdir: nonroot ? '/home/nonroot' : '/' };
  if (debug) config.entrypoint = ['/busybox/sh'];
  const packages = [...STATIC_PACKAGES, ...(withBase ? BASE_PACKAGES : [])];
  return {
    kind: 'distroless',
    image: name,
    suite: 'trixie',
    packages,
    user,
    debug,
    config,
    summary:
      `Debian trixie packages: ${[...packages, CA_PACKAGE].join(', ')}${debug ? `, ${BUSYBOX_PACKAGE} (for /busybox)` : ''}` +
      ' extracted with dpkg -x, plus distroless\'s passwd/group (root, nobody, nonroot 65532), /tmp and os-release',
  };
}

/** The Node.js release the project pins (package.json devDependencies: node), whose binary the stand-in copies. */
export const NODE_PACKAGE_DIR = 'node_modules/node';
function pinnedNodeVersion(): string {
  const manifest = path.join(repoRoot, NODE_PACKAGE_DIR, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : 'missing';
}

/** distroless nodejs24-debian13:nonroot: the cc image (nonroot) plus Node's binary as the entrypoint. */
function distrolessNode(name: string): DistrolessRecipe {
  const cc = distroless(name, 'nonroot', false, true);
  const packages = [...cc.packages, ...CC_PACKAGES];
  const node: NodeRuntime = { version: pinnedNodeVersion(), binary: `${NODE_PACKAGE_DIR}/bin/node`, target: '/nodejs/bin/node' };
  return {
    ...cc,
    packages,
    node,
    config: { ...cc.config, entrypoint: [node.target] },
    summary:
      `Debian trixie packages: ${[...packages, CA_PACKAGE].join(', ')} extracted with dpkg -x, plus distroless's passwd/group ` +
      `(root, nobody, nonroot 65532), /tmp and os-release, plus the official Node ${node.version} linux-x64 binary ` +
      `(npm's node package) at ${node.target} as the entrypoint; without Node's LICENSE file`,
  };
}

export const baseRecipes: readonly BaseRecipe[] = [
  {
    kind: 'debian-root',
    image: 'golang:1.24-trixie',
    suite: 'trixie',
    variant: 'minbase',
    packages: [
      // buildpack-deps:trixie-curl
      'ca-certificates', 'curl', 'gnupg', 'netbase', 'sq', 'wget',
      // buildpack-deps:trixie-scm
      'git', 'mercurial', 'openssh-client', 'subversion', 'procps',
      // golang:1.24-trixie (cgo)
      'g++', 'gcc', 'libc6-dev', 'make', 'pkg-config',
      // Go itself: Debian's package in place of the upstream tarball
      'golang-1.24-go',
    ],
    dpkgExcludes: [],
    customize: [
      'ln -s /usr/lib/go-1.24 "$1/usr/local/go"',
      'mkdir -p "$1/go/src" "$1/go/bin" && chmod -R 1777 "$1/go"',
    ],
    config: {
      env: { PATH: `/go/bin:/usr/local/go/bin:${PATH}`, GOLANG_VERSION: '1.24', GOTOOLCHAIN: 'local', GOPATH: '/go' },
      workdir: '/go',
      cmd: ['bash'],
    },
    summary:
      'Debian trixie (mmdebstrap minbase) + the packages of buildpack-deps:trixie-scm and golang:1.24-trixie ' +
      '(ca-certificates curl gnupg netbase sq wget git mercurial openssh-client subversion procps g++ gcc libc6-dev ' +
      'make pkg-config), Go from Debian\'s golang-1.24-go linked at /usr/local/go',
  },
  {
    kind: 'debian-root',
    image: 'debian:trixie-slim',
    suite: 'trixie',
    variant: 'minbase',
    packages: [],
    dpkgExcludes: SLIM_EXCLUDES,
    customize: [],
    config: { env: { PATH }, cmd: ['bash'] },
    summary: 'Debian trixie (mmdebstrap minbase) without docs, manuals and locales, as debuerreotype slims it',
  },
  distroless('gcr.io/distroless/static-debian13:nonroot', 'nonroot', false, false),
  distroless('gcr.io/distroless/static-debian13:debug-nonroot', 'nonroot', true, false),
  distroless('gcr.io/distroless/base-debian13', 'root', false, true),
  distrolessNode('gcr.io/distroless/nodejs24-debian13:nonroot'),
];

export function recipeFor(image: string): BaseRecipe | undefined {
  return baseRecipes.find((recipe) => recipe.image === image);
}
