#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# Generated forms in a real office: msoko-make-forms writes three forms (the
# last with deliberate mistakes); `msoko form fill` of each data file writes
# the very form the generator wrote, and `msoko check` finds the two without
# mistakes ready to send (no error) and the one with mistakes not ready.
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
    set +e
    out=$("$msoko" check "$tmp/filled.fods" 2>&1)
    code=$?
    set -e
    echo "$municipality ($schools ОО, $kindergartens ДОО): exit code $code, $(grep -m1 -E '^Ошибок' <<<"$out")"
    if [ -z "$mistakes" ]; then
        [ "$code" -eq 0 ] || { echo "$out" >&2; echo "FAIL: $file without mistakes is not ready" >&2; exit 1; }
        grep -q "^Ошибок: 0 " <<<"$out" || { echo "FAIL: errors in $file" >&2; exit 1; }
    else
        [ "$code" -eq 3 ] || { echo "$out" >&2; echo "FAIL: $file with mistakes ($mistakes) is ready" >&2; exit 1; }
    fi
done <"$tmp/forms/forms.tsv"
test "$n" -eq 3
echo "ok"
