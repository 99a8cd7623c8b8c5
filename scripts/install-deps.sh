#!/usr/bin/env bash
# Installs exactly the Debian 12 packages dmf-oracle needs. Idempotent:
# runs `apt-get update` only when something is missing; uses sudo when not root.
# Extra package names on the command line are installed too (`./dmf bench` adds gnuplot-nox).
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config
  libboost-dev libmpfr-dev libgmp-dev libmpfi-dev libeigen3-dev
  libcalcium-dev libflint-arb-dev libflint-dev
  librapidcheck-dev doctest-dev libcli11-dev nlohmann-json3-dev
  libzip-dev python3-jsonschema python3-numpy python3-mpmath
  python3-torch python3-matplotlib
  libopenmpi-dev openmpi-bin
  clang libclang-rt-14-dev
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
