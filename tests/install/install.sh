#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# `cmake --install` into a temporary prefix, then the tree moved elsewhere:
# the installed msoko finds its .oxt and catalogue beside itself (the build
# tree's msoko still uses the build tree's), and reads the catalogue there.
# With DEB=1 also the Debian package (cpack -G DEB, ≈ 1 s once built): its fields
# and files (dpkg-deb), its msoko run unpacked, and apt's simulated install.
# Usage: install.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d /tmp/msoko-install-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
for f in bin/msoko share/msoko/msoko.oxt share/msoko/catalogue/msoko-267-1.json \
    share/msoko/catalogue/vpr-boundaries.json share/doc/msoko/README.md \
    share/doc/msoko/LICENSE share/doc/msoko/docs/cli.md share/doc/msoko/docs/images/report.png; do
    test -s "$tmp/prefix/$f" || { echo "not installed: $f" >&2; exit 1; }
done
ls "$tmp/prefix"/share/msoko/catalogue/history/*.json >/dev/null || { echo "no catalogue history installed" >&2; exit 1; }

# Moved: nothing of the prefix is compiled in.
mv "$tmp/prefix" "$tmp/moved"
out=$("$tmp/moved/bin/msoko" --version)
echo "$out"
grep -qF "расширение / extension: $tmp/moved/share/msoko/msoko.oxt" <<<"$out" || { echo "the installed .oxt is not used" >&2; exit 1; }
grep -qF "каталог / catalogue: $tmp/moved/share/msoko/catalogue/msoko-267-1.json" <<<"$out" ||
    { echo "the installed catalogue is not used" >&2; exit 1; }
grep -qF "границы отметок ВПР / VPR mark boundaries: $tmp/moved/share/msoko/catalogue/vpr-boundaries.json" <<<"$out" ||
    { echo "the installed VPR mark boundaries are not used" >&2; exit 1; }
env -u MSOKO_CATALOGUE "$tmp/moved/bin/msoko" catalogue check
# The build tree's msoko: the build tree's files.
"$build/cli/msoko" --version | grep -qF "расширение / extension: $build/msoko.oxt" ||
    { echo "the build tree's msoko does not use the built .oxt" >&2; exit 1; }

if [ "${DEB:-0}" = 1 ]; then
    start=$(date +%s)
    (cd "$build" && cpack -G DEB -B "$tmp/deb" >/dev/null)
    deb=$(ls "$tmp"/deb/msoko_*.deb)
    echo "$(basename "$deb"): $(( $(date +%s) - start )) s"
    dpkg-deb -I "$deb" | grep -E '^ (Package|Version|Depends|Section|Maintainer):'
    files=$(dpkg-deb -c "$deb")
    for f in ./usr/bin/msoko ./usr/share/msoko/msoko.oxt ./usr/share/msoko/catalogue/msoko-267-1.json \
        ./usr/share/msoko/catalogue/vpr-boundaries.json ./usr/share/doc/msoko/README.md ./usr/share/doc/msoko/docs/cli.md; do
        grep -qF " $f" <<<"$files" || { echo "not in the package: $f" >&2; exit 1; }
    done
    dpkg-deb -f "$deb" Depends | grep -q "libreoffice-calc" || { echo "no dependency on libreoffice-calc" >&2; exit 1; }
    # Unpacked anywhere, the package's msoko runs with its own files.
    dpkg-deb -x "$deb" "$tmp/unpacked"
    "$tmp/unpacked/usr/bin/msoko" --version | grep -qF "$tmp/unpacked/usr/share/msoko/msoko.oxt" ||
        { echo "the packaged msoko does not find its .oxt" >&2; exit 1; }
    env -u MSOKO_CATALOGUE "$tmp/unpacked/usr/bin/msoko" catalogue check >/dev/null
    # apt would install it: every dependency is satisfiable here (a simulation: nothing is installed).
    if command -v apt-get >/dev/null; then
        apt-get -s install "$deb" 2>&1 | grep -q "^Inst msoko " || { apt-get -s install "$deb" >&2; exit 1; }
    fi
fi
echo "installed and relocated: ok"
