#!/bin/sh
# check-image.sh: check your own container image the way the course checks its images.
#
#   sh check-image.sh IMAGE [--max-mb N] [--expect TEXT]
#
# Checks, each printed as PASS or FAIL with what to fix:
#   size        the uncompressed size (as `docker images` shows it) is at most N MB (default 20)
#   shell       `docker run --entrypoint sh IMAGE` fails, and no shell file is in the image
#   packages    no package manager (apt, dpkg, apk, yum, dnf, rpm, ...) is in the image
#   user        the image's configured user is a number other than 0
#   output      running the image prints TEXT (default "Hello, World!"; --expect '' skips the check)
#   setuid      no file has the setuid or setgid bit
#
# Exit status: 0 when every check passes, 1 when one fails, 2 when the checks could not run
# (no docker, no daemon, no such image, bad arguments).
#
# Needs only a POSIX shell, docker, tar, grep, awk and mktemp. Containers run with --network=none and are
# removed afterwards.

set -u

usage() {
  echo "usage: sh check-image.sh IMAGE [--max-mb N] [--expect TEXT]" >&2
  echo "  e.g. sh check-image.sh go-hello-world:distroless-static-nonroot --max-mb 10" >&2
}

die() {
  echo "error: $*" >&2
  exit 2
}

image=''
max_mb=20
expect='Hello, World!'
while [ $# -gt 0 ]; do
  case "$1" in
    --max-mb)
      [ $# -ge 2 ] || { usage; die "--max-mb needs a number of megabytes"; }
      max_mb=$2
      shift 2
      ;;
    --max-mb=*) max_mb=${1#--max-mb=}; shift ;;
    --expect)
      [ $# -ge 2 ] || { usage; die "--expect needs the text the program prints"; }
      expect=$2
      shift 2
      ;;
    --expect=*) expect=${1#--expect=}; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) usage; die "unknown option $1" ;;
    *)
      [ -z "$image" ] || { usage; die "give one image, got '$image' and '$1'"; }
      image=$1
      shift
      ;;
  esac
done
[ -n "$image" ] || { usage; die "which image? Name it, e.g. go-hello-world:distroless-static-nonroot"; }
# A positive decimal number of megabytes, like 10 or 2.5.
case "$max_mb" in
  '' | *[!0-9.]* | *.*.* | .) die "--max-mb must be a positive number of megabytes, got '$max_mb'" ;;
esac
awk -v n="$max_mb" 'BEGIN { exit !(n > 0) }' || die "--max-mb must be more than 0, got '$max_mb'"

command -v docker >/dev/null 2>&1 ||
  die "docker is not installed or not on your PATH. Install Docker (https://docs.docker.com/get-started/get-docker/) and run this again."
daemon_error=$(docker version --format '{{.Server.Version}}' 2>&1 >/dev/null) ||
  die "cannot reach the Docker daemon. Is it running? docker said: $daemon_error"
docker image inspect "$image" >/dev/null 2>&1 ||
  die "there is no image '$image' here. Build it first (docker build -t $image .) or check the name with: docker images"

work=$(mktemp -d "${TMPDIR:-/tmp}/check-image.XXXXXX") || die "cannot create a temporary folder"
container=''
cleanup() {
  [ -z "$container" ] || docker rm -f "$container" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM

passed=0
failed=0
pass() {
  printf 'PASS  %s\n' "$1"
  passed=$((passed + 1))
}
fail() {
  printf 'FAIL  %s\n      fix: %s\n' "$1" "$2"
  failed=$((failed + 1))
}

echo "Checking $image"

# The file list of the image's flattened file system, one `tar -tv` line per entry. `docker export`
# needs a container; creating one runs nothing, so any entrypoint will do.
container=$(docker create --network=none --entrypoint /check-image-does-not-run "$image" 2>"$work/create.err") ||
  die "cannot create a container from '$image': $(cat "$work/create.err")"
docker export "$container" | tar -tvf - >"$work/files" 2>"$work/tar.err" ||
  die "cannot list the files of '$image': $(cat "$work/tar.err")"
docker rm -f "$container" >/dev/null 2>&1
container=''

# Paths of entries whose name (before a symlink's " -> target") ends in one of the given programs,
# in a bin directory (or busybox's own /busybox).
find_programs() {
  grep -E "(^|[ /])(usr/|usr/local/)?(s?bin|busybox)/($1)( -> .*| link to .*)?\$" "$work/files" |
    sed -E 's/( -> .*| link to .*)$//' | awk '{ print "/" $NF }' | sed 's#^//*#/#' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

# 1. Size.
size_bytes=$(docker image inspect --format '{{.Size}}' "$image")
if awk -v size="$size_bytes" -v max="$max_mb" 'BEGIN { exit !(size <= max * 1000000) }'; then
  pass "size: $(awk -v s="$size_bytes" 'BEGIN { printf "%.2f", s / 1e6 }') MB, within the limit of $max_mb MB"
else
  fail "size: $(awk -v s="$size_bytes" 'BEGIN { printf "%.2f", s / 1e6 }') MB, over the limit of $max_mb MB" \
    "use a multi-stage build: compile in a build stage, copy only the binary into a small runtime stage (FROM gcr.io/distroless/static-debian13:nonroot); docker history $image shows the big layers."
fi

# 2. No shell: starting one must fail, and no shell file may be there under another name.
docker run --rm --network=none --entrypoint sh "$image" -c 'exit 0' >"$work/sh.out" 2>&1
sh_status=$?
shells=$(find_programs 'sh|bash|dash|ash|zsh|ksh|mksh|busybox')
if [ "$sh_status" -eq 0 ]; then
  fail "shell: docker run --entrypoint sh works${shells:+ (found $shells)}" \
    "use a runtime base without a shell, such as gcr.io/distroless/static-debian13:nonroot; never ship a :debug tag."
elif [ -n "$shells" ]; then
  fail "shell: 'sh' did not start, but the image holds $shells" \
    "remove the shells from the runtime stage: copy only your binary onto a distroless or scratch base."
else
  pass "shell: none (docker run --entrypoint sh exits $sh_status: $(head -n 1 "$work/sh.out" | sed -E 's/.*(executable file not found|no such file or directory).*/\1/'))"
fi

# 3. No package manager.
managers=$(find_programs 'apt|apt-get|dpkg|apk|yum|dnf|microdnf|rpm|zypper|pacman')
if [ -n "$managers" ]; then
  fail "packages: package manager found: $managers" \
    "install what you need in the build stage and copy the results into a distroless runtime stage."
else
  pass "packages: no package manager"
fi

# 4. A numeric user other than root. A name cannot be checked by Kubernetes' runAsNonRoot.
user=$(docker image inspect --format '{{.Config.User}}' "$image")
uid=${user%%:*}
case "$uid" in
  '') fail "user: not set, so the program runs as root" "add USER 65532:65532 to the runtime stage, or use a :nonroot distroless tag." ;;
  *[!0-9]*)
    if [ "$uid" = root ]; then
      fail "user: root" "add USER 65532:65532 to the runtime stage, or use a :nonroot distroless tag."
    else
      fail "user: '$user' is a name, not a number" "write the user as a number (USER 65532:65532) so platforms can verify it is not root."
    fi
    ;;
  *)
    if [ "$uid" -eq 0 ]; then
      fail "user: $user is root" "add USER 65532:65532 to the runtime stage, or use a :nonroot distroless tag."
    else
      pass "user: $user (not root)"
    fi
    ;;
esac

# 5. The program's own output.
if [ -z "$expect" ]; then
  echo "SKIP  output: not checked (--expect '')"
else
  docker run --rm --network=none "$image" >"$work/run.out" 2>&1
  run_status=$?
  if [ "$run_status" -eq 0 ] && grep -qF -- "$expect" "$work/run.out"; then
    pass "output: prints \"$expect\""
  else
    fail "output: exit status $run_status, printed: $(head -c 200 "$work/run.out" | tr '\n' ' ')" \
      "check ENTRYPOINT points at your binary (exec form, e.g. [\"/usr/local/bin/hello\"]) and that it is built static (CGO_ENABLED=0)."
  fi
fi

# 6. No setuid or setgid regular files: the 4th or 7th character of the mode is s or S. (A setgid
#    directory such as /var/mail only passes its group on to new files, so it is not counted.)
grep -E '^-.{2}[sS]|^-.{5}[sS]' "$work/files" >"$work/setuid"
setuid_count=$(awk 'END { print NR }' "$work/setuid")
if [ "$setuid_count" -gt 0 ]; then
  fail "setuid: $setuid_count setuid/setgid files, e.g. $(head -n 3 "$work/setuid" | awk '{ print "/" $NF }' | sed 's#^//*#/#' | tr '\n' ' ' | sed 's/ $//')" \
    "do not ship a distribution in the runtime stage; distroless and scratch bases have no setuid programs."
else
  pass "setuid: no setuid or setgid files"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
