#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# --catalogue chooses the catalogue of every subcommand: a blank form of
# another catalogue (the unit tests' mini catalogue, 11 indicators) computes
# with it — the core's indicators every one «нет данных», none an error; in
# the office msoko starts (MSOKO_CATALOGUE in its environment) no МСОКО
# formula is an error — while without it the indicators are refused (the form
# is of another catalogue) and the office knows none of its indicators
# (Err:502).
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
code=$?
printf '%s\n' "$without"
if [ "$code" -ne 1 ] || ! grep -q "^msoko: форма составлена по каталогу «mini" <<<"$without"; then
    echo "FAIL: without --catalogue, the indicators of a form of another catalogue are refused (exit code $code)"
    status=1
fi
formulas_with=$("$tool" formulas --lang en --format tsv --catalogue "$catalogue" "$dir/form.fods" 2>/dev/null)
if [ -z "$formulas_with" ] || grep -q "Err:502" <<<"$formulas_with"; then
    echo "FAIL: with --catalogue, the office computes the form's formulas with it (no Err:502)"
    status=1
fi
formulas_without=$("$tool" formulas --lang en --format tsv "$dir/form.fods" 2>/dev/null)
if ! grep -q "Err:502" <<<"$formulas_without"; then
    echo "FAIL: without --catalogue, the office should not know the indicators of this catalogue"
    status=1
fi
exit $status
