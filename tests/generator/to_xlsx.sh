#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Flat ODF files (msoko-make-vpr) as xlsx, the format ФИС ОКО gives them, by
# LibreOffice's own converter in a throwaway profile (removed afterwards):
#
#   tests/generator/to_xlsx.sh OUT_DIR FILE.fods…
#
# OUT_DIR/<name>.xlsx per file; non-zero when one is missing afterwards.
set -euo pipefail
out=$1
shift
soffice=${SOFFICE:-$(command -v soffice || echo /usr/lib/libreoffice/program/soffice)}
profile=$(mktemp -d /tmp/msoko-xlsx-XXXXXX)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$out"
"$soffice" -env:UserInstallation="file://$profile" --headless --norestore --nologo \
    --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" "$@" >/dev/null 2>&1 || true
rc=0
for f in "$@"; do
    name=$(basename "${f%.*}")
    if [ ! -s "$out/$name.xlsx" ]; then
        echo "to_xlsx.sh: $f was not converted" >&2
        rc=1
    fi
done
exit $rc
