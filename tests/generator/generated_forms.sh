#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# Generated forms: msoko-make-forms writes three forms (the last with
# deliberate mistakes) and `msoko form fill` of each data file writes the very
# form the generator wrote. That generated forms without mistakes are ready
# to send and those with mistakes are not is checked in a real office on 40
# of them by cli.region_generated_forms (36 ready, 4 with errors).
# Usage: generated_forms.sh MSOKO MSOKO_MAKE_FORMS
set -euo pipefail
msoko=$1
make_forms=$2
tmp=$(mktemp -d /tmp/msoko-generated-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

"$make_forms" --count 3 --seed 11 --mistakes 1 --max-schools 8 --max-kindergartens 6 "$tmp/forms"
test "$(ls "$tmp"/forms/*.json | wc -l)" -eq 3
n=0
while IFS=$'\t' read -r file municipality schools kindergartens mistakes; do
    [ "$file" = file ] && continue
    n=$((n + 1))
    "$msoko" form fill "$tmp/forms/$file.json" "$tmp/filled.fods" 2>/dev/null
    cmp -s "$tmp/filled.fods" "$tmp/forms/$file.fods" || { echo "FAIL: form fill of $file.json differs" >&2; exit 1; }
    echo "$municipality ($schools ОО, $kindergartens ДОО${mistakes:+; ошибки: $mistakes}): form fill gives the same form"
done <"$tmp/forms/forms.tsv"
test "$n" -eq 3
echo "ok"
