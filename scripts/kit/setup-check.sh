#!/bin/sh
# setup-check.sh: is this machine ready for the Lean Containers workshop?
#
#   sh setup-check.sh
#
# Checks, each printed as PASS, WARN or FAIL with what to do:
#   docker      the docker command is installed
#   engine      a Docker Engine answers (Docker Desktop running, or the docker service started)
#   disk        at least 5 GB free where Docker keeps its images (or here, if that place is not visible)
#   build       Docker can build an image with BuildKit, as the exercises' Dockerfiles need (a tiny image
#               FROM scratch, with a BuildKit-only COPY --chmod: needs no network and no base image)
#   bases       the workshop's base images are present (listed in base-images.txt; run prepare-images.sh)
#
# Exit status: 0 when nothing failed (warnings allowed), 1 when a check failed.
# Needs only a POSIX shell, docker, df, awk and mktemp. Nothing is downloaded.

set -u
here=$(cd "$(dirname "$0")" && pwd)
failed=0
need_kb=$((5 * 1024 * 1024))

pass() { printf 'PASS  %-7s %s\n' "$1" "$2"; }
warn() { printf 'WARN  %-7s %s\n' "$1" "$2"; }
fail() { printf 'FAIL  %-7s %s\n' "$1" "$2"; failed=1; }

if ! command -v docker >/dev/null 2>&1; then
  fail docker "docker is not installed: install Docker Desktop (macOS, Windows) or Docker Engine (Linux), then run this again."
  exit 1
fi
pass docker "$(docker --version 2>/dev/null)"

server=$(docker version --format '{{.Server.Version}}' 2>&1)
if [ $? -ne 0 ] || [ -z "$server" ]; then
  case "$server" in
    *"permission denied"*) fail engine "Docker refused you: add your user to the docker group (sudo usermod -aG docker \$USER) and log in again." ;;
    *) fail engine "no Docker Engine answers: start Docker Desktop, or run 'sudo systemctl start docker'. ($(printf '%s\n' "$server" | grep -v '^$' | head -n 1))" ;;
  esac
  exit 1
fi
pass engine "Docker Engine $server answers"

root=$(docker info --format '{{.DockerRootDir}}' 2>/dev/null)
where="$root"
[ -n "$root" ] && [ -d "$root" ] || where="$here"
free_kb=$(df -Pk "$where" 2>/dev/null | awk 'NR == 2 { print $4 }')
if [ -z "$free_kb" ]; then
  warn disk "could not read the free space of $where; make sure 5 GB are free."
elif [ "$free_kb" -lt "$need_kb" ]; then
  fail disk "only $((free_kb / 1024)) MB free on $where; free at least 5 GB (docker system prune removes unused images)."
else
  note=""
  [ "$where" = "$here" ] && note=" (Docker's own disk is inside its VM: check Docker Desktop's disk limit too)"
  pass disk "$((free_kb / 1024 / 1024)) GB free on $where$note"
fi

work=$(mktemp -d 2>/dev/null || mktemp -d -t setup-check)
trap 'rm -rf "$work"' EXIT
echo "The workshop's set-up check built this image." > "$work/hello.txt"
# --chmod needs BuildKit, like the exercises' `RUN --mount`: the legacy builder fails here, not mid-workshop.
printf 'FROM scratch\nCOPY --chmod=644 hello.txt /hello.txt\n' > "$work/Dockerfile"
tag="lean-containers-setup-check:latest"
if output=$(docker build --network=none -q -t "$tag" "$work" 2>&1); then
  pass build "built a test image with BuildKit ($(printf '%s' "$output" | tail -n 1 | cut -c1-19))"
  docker image rm "$tag" >/dev/null 2>&1 || true
else
  case "$output" in
    *"requires BuildKit"*) fail build "docker builds with the legacy builder, but the workshop's Dockerfiles need BuildKit: install the buildx plugin (docker-buildx), or set DOCKER_BUILDKIT=1 with an older Docker, then run this again." ;;
    *) fail build "docker build failed: $(printf '%s' "$output" | tail -n 3 | tr '\n' ' ')" ;;
  esac
fi

if [ -f "$here/base-images.txt" ]; then
  missing=""
  while IFS= read -r image; do
    case "$image" in ''|'#'*) continue ;; esac
    docker image inspect "$image" >/dev/null 2>&1 || missing="$missing $image"
  done < "$here/base-images.txt"
  if [ -n "$missing" ]; then
    warn bases "missing:$missing. Run 'sh prepare-images.sh' before the day, on a good connection."
  else
    pass bases "every base image of the exercises is here"
  fi
fi

if [ "$failed" -ne 0 ]; then
  echo "Some checks failed: fix them, or bring this output to the workshop."
  exit 1
fi
echo "Ready for the workshop."
