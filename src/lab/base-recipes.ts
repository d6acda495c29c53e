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
}

export type BaseRecipe = DebianRootRecipe | DistrolessRecipe;

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const STATIC_PACKAGES = ['base-files', 'netbase', 'tzdata', 'tzdata-legacy', 'media-types'];
const BASE_PACKAGES = ['libc6', 'libssl3t64', 'libzstd1', 'zlib1g'];
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
];

export function recipeFor(image: string): BaseRecipe | undefined {
  return baseRecipes.find((recipe) => recipe.image === image);
}
