#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko vpr import on generated Ф1 files as ФИС ОКО gives them (xlsx, issue
# 18): Russian 4 and Maths 5 with deliberate mistakes, an older export of
# «Окружающий мир» 4 without «Отметка» (marks by the year's boundaries), one
# planted school in each. Every figure of the JSON per school × subject ×
# grade and for the municipality, the form's totals, the objectivity flags
# and the findings against the test's own arithmetic over the generator's
# pupils (vpr_expected.py); the results workbook written. One import, one
# office.
#
#   vpr_import.sh MSOKO MAKE-VPR PYTHON
set -u
tool=$1
make=$2
python=$3
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/msoko-vpr-import-XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

planted=edu420003
"$make" --school-count 7 --subject "Русский язык 4" --subject "Математика 5" --pupils 560 --seed 25 \
  --mistakes --planted $planted --out "$dir/made" >/dev/null || { echo "FAIL: no files generated"; exit 1; }
"$make" --school-count 7 --subject "Окружающий мир 4" --no-mark-column --pupils 480 --seed 26 \
  --planted $planted --out "$dir/made" >/dev/null || { echo "FAIL: no older export generated"; exit 1; }
bash "$here/../generator/to_xlsx.sh" "$dir/xlsx" "$dir"/made/*.fods || { echo "FAIL: no xlsx"; exit 1; }

"$tool" vpr import "$dir"/xlsx/*.xlsx -o "$dir/results.ods" --format json >"$dir/analysis.json" 2>"$dir/err"
code=$?
# The deliberate mistakes are findings of the analysis, not a failed import.
[ "$code" -eq 0 ] || { cat "$dir/err"; fail "import: exit code $code"; }
[ -s "$dir/results.ods" ] || fail "no results workbook"
# No participant's code in what the terminal shows (the JSON holds none either).
cut -f4 "$dir"/made/*.pupils.tsv | grep -v '^code$' | sort -u >"$dir/codes"
grep -qwFf "$dir/codes" "$dir/err" && fail "a participant's code on stderr"
grep -qwFf "$dir/codes" "$dir/analysis.json" && fail "a participant's code in the JSON"

"$python" "$here/vpr_expected.py" "$dir/analysis.json" "$dir/made" || status=1
exit $status
