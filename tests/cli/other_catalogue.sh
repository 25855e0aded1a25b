#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# --catalogue reaches the office msoko starts: a blank form of another
# catalogue (the unit tests' mini catalogue, 11 indicators) computes in the
# office with that catalogue — every indicator «нет данных», none an error —
# while without it the office knows none of its indicators (Err:502).
#
#   other_catalogue.sh MSOKO CATALOGUE
set -u
tool=$1
catalogue=$2
dir=$(mktemp -d /tmp/msoko-other-catalogue-XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0
if ! "$tool" form blank --catalogue "$catalogue" --schools 2 --kindergartens 1 "$dir/form.fods"; then
    echo "FAIL: msoko form blank"
    exit 1
fi
with=$("$tool" indicators --catalogue "$catalogue" "$dir/form.fods" 2>&1)
printf '%s\n' "$with"
if ! grep -q "^Показателей: 11; рассчитано: 0, нет данных (#Н/Д): 11, ошибок: 0$" <<<"$with"; then
    echo "FAIL: with --catalogue, every indicator of the blank form has no data and none is an error"
    status=1
fi
without=$("$tool" indicators "$dir/form.fods" 2>&1)
printf '%s\n' "$without"
if ! grep -q "^Показателей: 11; .*ошибок: 11$" <<<"$without"; then
    echo "FAIL: without --catalogue, the office should not know the indicators of this catalogue"
    status=1
fi
exit $status
