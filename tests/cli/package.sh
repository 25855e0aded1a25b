#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko package: the filled sample (its warnings explained in the form) gives
# the whole package next to it — every file, SHA256SUMS that sha256sum
# accepts, the JSON of its municipality with the explanations, the CSV with a
# BOM —, the form itself unchanged; an existing folder is kept without
# --replace and replaced with it; the sample with mistakes is refused (exit 3)
# and leaves no folder, nor any temporary one.
#
#   package.sh MSOKO FILLED.ods MISTAKES.ods SCHEMA.json
set -u
tool=$1
filled=$2
mistakes=$3
schema=$4
dir=$(mktemp -d /tmp/msoko-package-XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

form="$dir/Ольховоборский — МСОКО 2024-2025.ods"
cp "$filled" "$form"
before=$(sha256sum <"$form")
"$tool" package "$form" >"$dir/out" 2>"$dir/err"
code=$?
cat "$dir/out" "$dir/err"
[ "$code" -eq 0 ] || fail "exit code $code, not 0"
pkg="$dir/Ольховоборский — МСОКО 2024-2025 — к отправке"
for f in "Ольховоборский — МСОКО 2024-2025.ods" "Ольховоборский — МСОКО 2024-2025.xlsx" indicators.csv \
    indicators.json "Пояснительная записка.odt" "Пояснительная записка.pdf" SHA256SUMS; do
    [ -s "$pkg/$f" ] || fail "no $f in the package"
    grep -qF "$f" "$dir/out" || fail "the summary does not list $f"
done
(cd "$pkg" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match the files"
[ "$(grep -c '' "$pkg/SHA256SUMS")" -eq 6 ] || fail "SHA256SUMS does not list the six other files"
[ "$(sha256sum <"$form")" = "$before" ] || fail "the form was changed"
"${PYTHON:-python3}" - "$pkg/indicators.json" "$pkg/indicators.csv" "$schema" <<'PY' || status=1
import json, sys
import jsonschema
j = json.load(open(sys.argv[1], encoding="utf-8"))
ok = True
try:
    jsonschema.validate(j, json.load(open(sys.argv[3], encoding="utf-8")))
except jsonschema.ValidationError as e:
    print("FAIL: indicators.json does not follow its schema:", e.message); ok = False
def check(cond, what):
    global ok
    if not cond:
        print("FAIL:", what); ok = False
check(j.get("format") == "msoko-submission/1", "format")
check("Ольховоборский" in json.dumps(j, ensure_ascii=False), "the municipality")
text = json.dumps(j, ensure_ascii=False)
check("Малокомплектная школа" in text, "an explanation of the form reaches the JSON")
raw = open(sys.argv[2], "rb").read()
check(raw.startswith(b"\xef\xbb\xbf"), "the CSV's BOM")
check("Малокомплектная школа" in raw.decode("utf-8-sig"), "the explanation in the CSV")
sys.exit(0 if ok else 1)
PY
# An existing package is kept without --replace, replaced with it.
touch "$pkg/marker"
"$tool" package "$form" >"$dir/out2" 2>"$dir/err2"
code=$?
[ "$code" -eq 1 ] || fail "exit code $code over an existing folder, not 1"
grep -q "уже есть" "$dir/err2" || fail "no message about the existing folder: $(cat "$dir/err2")"
[ -e "$pkg/marker" ] || fail "the existing folder was touched"
"$tool" package --replace "$form" >/dev/null 2>"$dir/err3" || fail "--replace failed: $(cat "$dir/err3")"
[ -e "$pkg/marker" ] && fail "--replace kept the old folder"
[ -s "$pkg/SHA256SUMS" ] || fail "--replace wrote no package"
# --out: another folder.
"$tool" package --out "$dir/out-dir" "$form" >/dev/null 2>&1 || fail "--out failed"
[ -s "$dir/out-dir/indicators.json" ] || fail "--out wrote nothing there"

# A folder that cannot be written is named, and nothing is left.
"$tool" package --out "$dir/нет такой/пакет" "$form" >/dev/null 2>"$dir/err5"
code=$?
[ "$code" -eq 1 ] || fail "exit code $code for a folder that cannot be written, not 1"
grep -q "нет такой" "$dir/err5" || fail "the message does not name the folder: $(cat "$dir/err5")"

# The sample with mistakes: refused, nothing written.
bad="$dir/mistakes.ods"
cp "$mistakes" "$bad"
"$tool" package "$bad" >"$dir/out4" 2>&1
code=$?
[ "$code" -eq 3 ] || fail "exit code $code for the form with errors, not 3"
grep -q "ошиб" "$dir/out4" || fail "the refusal names no errors: $(head -3 "$dir/out4")"
[ -e "$dir/mistakes — к отправке" ] && fail "a package of a form with errors"
leftovers=$(find "$dir" -maxdepth 1 -name '.*tmp-*' | wc -l)
[ "$leftovers" -eq 0 ] || fail "temporary folders left: $leftovers"
[ $status -eq 0 ] && echo "package: OK"
exit $status
