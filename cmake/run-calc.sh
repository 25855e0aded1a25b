#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# For a developer with a display: opens Calc in its window with the freshly
# built extension in a private profile (BUILD/profile) and the sample loaded.
#   cmake/run-calc.sh BUILD_DIR [WORKBOOK]
# The profile is rebuilt whenever the .oxt is newer than the installed one.
set -euo pipefail
build=$(readlink -f "${1:?build directory}")
book=$(readlink -f "${2:-$(dirname "$0")/../samples/sample-district.ods}")
program=/usr/lib/libreoffice/program
oxt=$build/msoko.oxt
profile=$build/profile
stamp=$profile/.msoko-installed
[[ -f $oxt ]] || { echo "run-calc: $oxt is missing: build first" >&2; exit 1; }
if [[ ! -f $stamp || $oxt -nt $stamp ]]; then
  rm -rf "$profile"
  # The office must create the profile before unopkg writes into it.
  "$program/soffice.bin" --headless --invisible --norestore --nologo --nodefault \
    "-env:UserInstallation=file://$profile" --terminate_after_init
  unshare=()
  [[ $(id -u) -ne 0 ]] || unshare=(unshare --user --map-user=1000 --map-group=1000)
  "${unshare[@]}" "$program/unopkg" add -s -f "-env:UserInstallation=file://$profile" "$oxt"
  touch "$stamp"
fi
[[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]] || echo "run-calc: no display (DISPLAY is not set); try: xvfb-run make run" >&2
exec "$program/soffice" --calc --norestore --nologo "-env:UserInstallation=file://$profile" "$book"
