#!/usr/bin/env bash
# Installs what leitmotif needs from Debian's archive, if it is missing,
# then configures the meson build folder given as $1 (default: build).
# As root it runs apt-get; otherwise sudo; if neither can work it prints the
# exact command to run and stops.
set -euo pipefail

packages=(gcc pkg-config meson ninja-build libglib2.0-dev libjson-glib-dev
          libstemmer-dev libcriterion-dev libsqlite3-dev sqlite3 valgrind)
# The test suite also needs a browser for the HTML report, and slurm-wlm and
# munge for the test of the Slurm job array, which brings up a single-node
# Slurm of its own (scripts/test.sh sets LM_EXTRA_PACKAGES); producing the
# reports needs neither; scripts/fuzz.sh needs clang and its libFuzzer runtime.
read -r -a extra <<<"${LM_EXTRA_PACKAGES:-}"
packages+=("${extra[@]}")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    echo "leitmotif: installing ${missing[*]}" >&2
    bash -c "$cmd"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    echo "leitmotif: installing ${missing[*]} with sudo" >&2
    sudo bash -c "$cmd"
  else
    echo "leitmotif: missing packages: ${missing[*]}" >&2
    echo "Run this as root, then run this command again:" >&2
    echo "  $cmd" >&2
    exit 2
  fi
fi

builddir=${1:-build}
shift || true
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@"
fi
meson compile -C "$builddir"
