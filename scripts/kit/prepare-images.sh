#!/bin/sh
# prepare-images.sh: get the workshop's base images onto this machine before the day, so nobody waits for
# a download over the room's Wi-Fi.
#
#   sh prepare-images.sh
#
# 1. If the kit has images/base-images.tar (your instructor made it with `npm run kit -- <workshop>
#    --with-images`), load it: no network needed.
# 2. Pull each image in base-images.txt that is still missing.
# Exit status: 0 when every image is present at the end, 1 otherwise.

set -u
here=$(cd "$(dirname "$0")" && pwd)

if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  echo "No Docker Engine answers: start Docker, then run this again (sh setup-check.sh tells you more)." >&2
  exit 1
fi

if [ -f "$here/images/base-images.tar" ]; then
  echo "Loading the base images that came with the kit…"
  docker load -i "$here/images/base-images.tar" || echo "docker load failed; pulling instead." >&2
fi

missing=0
while IFS= read -r image; do
  case "$image" in ''|'#'*) continue ;; esac
  if docker image inspect "$image" >/dev/null 2>&1; then
    echo "present  $image"
  elif docker pull "$image"; then
    echo "pulled   $image"
  else
    echo "MISSING  $image (no registry answered: ask your instructor for the kit with images)" >&2
    missing=1
  fi
done < "$here/base-images.txt"

if [ "$missing" -ne 0 ]; then
  exit 1
fi
echo "All base images are ready."
