# The course site as a container image, built the way the course teaches: a build stage per toolchain, and a
# final image with nothing but a static server binary and the built pages, on distroless static, as nonroot.
#
#   docker build -t lean-containers-site .
#   docker run --rm -p 127.0.0.1:8080:8080 lean-containers-site        # then open http://127.0.0.1:8080/
#
# On an engine started with --bridge=none (as the lab starts one), -p cannot publish a port; use the host's
# network and pick a loopback address instead:
#   docker run --rm --network=host lean-containers-site -addr 127.0.0.1:8080
#
# Offline builds. With network, the Node stage's `npm ci` downloads the packages package-lock.json names. The lab
# (`npm run lab -- site-image`, `npm run test:lab`) builds with --network=none instead: before the build it makes
# .npm-cache/ in the context with npm itself (`npm ci --cache` of the same lockfile on the host, see
# src/lab/site-image/npm-cache.ts), and `npm ci --offline` installs from that cache, checking every tarball
# against the lockfile's integrity hash as an online install does. Nothing is copied from the host's own
# node_modules: that folder holds packages built for the host (node-pty) and the lab's tools, not a clean install.

# ---- 1. the static site (Astro), with Node 24 as package.json requires
FROM node:24-trixie-slim AS site
WORKDIR /src
COPY package.json package-lock.json ./
# The optional offline cache: the [e] pattern lets COPY find nothing when there is no .npm-cache/ (package.json
# is named too because a COPY must match at least one file).
COPY package.json .npm-cach[e] /tmp/npm-cache/
# --offline when a cache came with the context, so a package missing from it fails the build at once instead of
# reaching for a network that is not there. --ignore-scripts: the site build needs no install scripts. They would
# download a second Node binary (the `node` devDependency that pins Node for local work) and compile node-pty
# (used only by the lab's recorder).
RUN if [ -d /tmp/npm-cache/_cacache ]; then offline=--offline; else offline=; fi \
    && npm ci $offline --ignore-scripts --no-audit --no-fund --cache /tmp/npm-cache \
    && rm -rf /tmp/npm-cache
COPY . .
# Canonical links and the sitemap need the public address; override with --build-arg SITE_URL=https://…
ARG SITE_URL=http://localhost:8080
ENV SITE_URL=${SITE_URL} ASTRO_TELEMETRY_DISABLED=1
# node, not `npm run build`: npm would put node_modules/.bin first on PATH, where the skipped `node` package
# left no binary. `COPY . .` brought the npm cache along a second time (.dockerignore cannot leave it out of one
# COPY only); it goes before the build. Only this stage's layers hold it, never the final image.
RUN rm -rf .npm-cache && node node_modules/astro/bin/astro.mjs build

# ---- 2. the server: Go's standard library only, so a static binary with no C library
FROM golang:1.24-trixie AS server
WORKDIR /src
COPY server/go.mod server/*.go ./
# Only the build: the server's tests (server/main_test.go) run in CI with `go test`, not in every image build.
# Compiling net/http and its dependencies from a cold cache is still this build's longest step (about 5 minutes on
# a busy 2-core machine, beside `npm ci` and the Astro build in the other stage). The cache mount keeps Go's
# compile cache between builds without putting it in a layer.
RUN --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server .

# ---- 3. what runs: no shell, no package manager, user 65532
FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=server /out/server /usr/local/bin/site-server
COPY --from=site /src/dist /site
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/site-server", "-healthcheck", "http://127.0.0.1:8080/"]
ENTRYPOINT ["/usr/local/bin/site-server", "-root", "/site"]
CMD ["-addr", ":8080"]
