#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko subforms make: a form of three of the sample's organisations gives one
# sub-form per organisation of its register, named «<code> <short name>.ods»,
# in «<stem> — формы организаций» beside it, each listed; the form itself
# unchanged; an existing
# folder kept without --replace and replaced with it; --format json lists the
# files; a sub-form is checked as one (its person to fill: not ready, exit 3)
# and is not made into sub-forms again.
#
#   subforms_make.sh MSOKO DATA.json
set -u
tool=$1
data=$2
dir=$(mktemp -d /tmp/msoko-subforms-XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# A form of three organisations of the sample (each sub-form costs the office
# about a second; cli.subforms_merge makes all 29 of the sample in the core
# and merges them through the office, integration.RoundTrip makes those of the
# organisations covering every field, value kind and file-name character
# through this code): one file per organisation, named and listed, the form unchanged;
# then an existing folder kept without --replace, replaced with it; --format
# json; --out.
python3 - "$data" "$dir/small.json" >"$dir/small-expected" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
kept, per_type = [], {}
for org in d["organisations"]:
    if per_type.get(org["type"], 0) < (2 if org["type"] == "school" else 1):
        kept.append(org)
        per_type[org["type"]] = per_type.get(org["type"], 0) + 1
codes = {o["code"] for o in kept} | {"УО"}
d["organisations"] = kept
d["values"] = {k: v for k, v in d["values"].items() if k in codes}
d["schools"], d["kindergartens"] = 2, 1
d.pop("explanations", None)
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
for org in kept:
    name = org["code"] + " " + (org.get("short") or org["name"])
    print("".join("-" if c in '/\\:*?"<>|' else c for c in name) + ".ods")
PY
"$tool" form fill "$dir/small.json" "$dir/small.fods" >/dev/null 2>&1 || fail "form fill of three organisations failed"
small="$dir/Малый — МСОКО.fods"
mv "$dir/small.fods" "$small"
before=$(sha256sum <"$small")
"$tool" subforms make "$small" >"$dir/out" 2>"$dir/err"
code=$?
cat "$dir/out" "$dir/err"
[ "$code" -eq 0 ] || fail "exit code $code, not 0"
folder="$dir/Малый — МСОКО — формы организаций"
[ -d "$folder" ] || fail "no folder «$(basename "$folder")»"
n=0
while IFS= read -r f; do
    n=$((n + 1))
    [ -s "$folder/$f" ] || fail "no «$f»"
    grep -qF "$f" "$dir/out" || fail "the output does not list «$f»"
done <"$dir/small-expected"
[ "$n" -eq 3 ] || fail "$n organisations, not 3"
[ "$(find "$folder" -type f | wc -l)" -eq "$n" ] || fail "not one file per organisation"
[ "$(sha256sum <"$small")" = "$before" ] || fail "the form was changed"
sfolder="$dir/Малый — МСОКО — формы организаций"
[ "$(find "$sfolder" -type f | wc -l)" -eq 3 ] || fail "not three files for three organisations"
touch "$sfolder/marker"
"$tool" subforms make "$small" >/dev/null 2>"$dir/err2"
code=$?
[ "$code" -eq 1 ] || fail "exit code $code over an existing folder, not 1"
grep -q "уже есть" "$dir/err2" || fail "no message about the existing folder: $(cat "$dir/err2")"
[ -e "$sfolder/marker" ] || fail "the existing folder was touched"
"$tool" subforms make --replace --format json "$small" >"$dir/json" 2>"$dir/err3" ||
    fail "--replace failed: $(cat "$dir/err3")"
[ -e "$sfolder/marker" ] && fail "--replace kept the old folder"
python3 - "$dir/json" "$dir/small-expected" <<'PY' || status=1
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
expected = [l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8")]
if j.get("format") != "msoko-subforms/1" or j.get("files") != expected or len(expected) != 3:
    print("FAIL: the JSON output:", j); sys.exit(1)
PY

# --out: another folder.
"$tool" subforms make --out "$dir/школы" "$small" >/dev/null 2>&1 || fail "--out failed"
[ "$(find "$dir/школы" -type f | wc -l)" -eq 3 ] || fail "--out did not get every file"

# A sub-form is checked as one: the school's person is not filled yet.
first=$(head -1 "$dir/small-expected")
"$tool" check "$folder/$first" >"$dir/check" 2>&1
code=$?
[ "$code" -eq 3 ] || fail "check of a sub-form: exit code $code, not 3"
grep -q "форма организации не готова к отправке в муниципалитет" "$dir/check" ||
    fail "the check does not say it is a sub-form: $(head -3 "$dir/check")"
grep -q "Ответственный за заполнение" "$dir/check" || fail "the check does not ask for the person"
grep -qE "Число .* в паспорте|В паспорте указано" "$dir/check" && fail "the check counts the organisations of a sub-form"

# A sub-form is not made into sub-forms.
"$tool" subforms make "$folder/$first" >/dev/null 2>"$dir/err4"
code=$?
[ "$code" -eq 1 ] || fail "exit code $code for a sub-form, not 1"
grep -q "уже форма организации" "$dir/err4" || fail "no reason for a sub-form: $(cat "$dir/err4")"
[ $status -eq 0 ] && echo "subforms make: OK"
exit $status
