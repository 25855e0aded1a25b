#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Installs the Debian packages this project needs, when any is missing.
# Idempotent and quiet when everything is there; works as root or through sudo;
# never asks a question (CI has no standard input).
set -euo pipefail

# The last line is for the sanitizer and fuzzing build (build-sanitize): clang,
# its sanitizer and libFuzzer runtimes, llvm-symbolizer; and the format check.
packages=(
  cmake make g++ pkg-config zip unzip
  libreoffice-calc libreoffice-dev libreoffice-l10n-ru
  # The extension's help (F1, «Справка»): LibreOffice shows extension help only
  # with a local help pack, and renders its pages with Writer's HTML view.
  libreoffice-help-ru libreoffice-help-en-us libreoffice-writer
  # The form's font (Liberation Sans, named in the form's styles).
  fonts-liberation2
  # The explanatory note's PDF read back by its test (pdftotext, pdfinfo) and drawn for the README (pdftoppm).
  poppler-utils
  libboost1.81-dev libboost-json1.81-dev libboost-program-options1.81-dev libboost-date-time1.81-dev
  libspdlog-dev libfmt-dev
  libgtest-dev
  # SHA-256 of the submission package's files (SHA256SUMS): OpenSSL's libcrypto.
  libssl-dev
  # The test that validates indicators.json against docs/submission-format.schema.json.
  python3-jsonschema
  clang-14 libclang-rt-14-dev llvm-14 clang-format-14
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo -n)
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp /tmp/msoko-setup.XXXXXX.log)
apt_install() { "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1; }
if ! apt_install; then
  "${sudo[@]}" apt-get update -q >>"$log" 2>&1
  apt_install || { cat "$log" >&2; exit 1; }
fi
rm -f "$log"
