#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko check on a workbook that is not a form (no passport): the report of
# its one finding form.not_a_form, exit code 3, and the copy --save stores
# has no report sheet «Проверка» (the menu command inserts none either).
#
#   not_a_form.sh MSOKO WORKBOOK
set -u
tool=$1
workbook=$2
dir=$(mktemp -d /tmp/msoko-not-a-form-XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0
"$tool" check --format json --save "$dir/checked.ods" "$workbook" >"$dir/report.json" 2>"$dir/stderr"
code=$?
cat "$dir/report.json"
if [ "$code" -ne 3 ]; then
    echo "FAIL: exit code $code, expected 3"
    cat "$dir/stderr"
    status=1
fi
kinds=$(python3 -c 'import json,sys; print(" ".join(f["kind"] for f in json.load(open(sys.argv[1]))["findings"]))' \
    "$dir/report.json") || kinds="(no JSON)"
if [ "$kinds" != "form.not_a_form" ]; then
    echo "FAIL: findings «$kinds», expected the one form.not_a_form"
    status=1
fi
if [ ! -s "$dir/checked.ods" ]; then
    echo "FAIL: --save stored no copy"
    status=1
elif unzip -p "$dir/checked.ods" content.xml | grep -q 'table:name="Проверка"'; then
    echo "FAIL: the saved copy has a report sheet «Проверка»"
    status=1
fi
exit $status
