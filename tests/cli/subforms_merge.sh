#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko subforms merge: the sample's sub-forms (one of them corrected later,
# one figure changed) and an unrelated file merged into a copy of the filled
# sample — three of its 29 organisations returned (the other 26 listed first
# as not returned), the corrected file taken over the
# earlier one, its changed figure a conflict kept by default and taken with
# --conflicts take, the letter another file; the form itself unchanged with
# -o; the same merge again on the merged form finds nothing to ask; a wrong
# --conflicts is a usage error.
#
#   subforms_merge.sh MSOKO SUBFORMS-SAMPLE CATALOGUE SAMPLE.fods SAMPLE.ods
set -u
tool=$1
make=$2
catalogue=$3
fods=$4
sample=$5
dir=$(mktemp -d /tmp/msoko-subforms-merge-XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

mkdir "$dir/returned"
"$make" "$catalogue" "$fods" "$dir/returned" 3 || { echo "FAIL: no sub-forms"; exit 1; }
echo "Высылаем форму." >"$dir/returned/письмо.txt"
form="$dir/Ольховоборский — МСОКО.ods"
cp "$sample" "$form"
before=$(sha256sum <"$form")

"$tool" subforms merge "$form" "$dir/returned" -o "$dir/merged.ods" >"$dir/out" 2>"$dir/err"
code=$?
cat "$dir/out" "$dir/err"
[ "$code" -eq 0 ] || fail "exit code $code, not 0"
[ -s "$dir/merged.ods" ] || fail "no merged form written"
[ "$(sha256sum <"$form")" = "$before" ] || fail "the form was changed although -o was given"
grep -qF "Приняты формы 3 из 29 организаций. Не вернули: 26. Не приняты: 0." "$dir/out" || fail "not three of 29 returned"
grep -qF "исправленная.fods" "$dir/out" || fail "the corrected sub-form was not taken"
grep -qF "более ранняя форма организации" "$dir/out" || fail "the earlier sub-form is not listed as such"
grep -qE "^Расхождения.* — 1$" "$dir/out" || fail "not one conflict"
grep -qF "оставлено значение формы" "$dir/out" || fail "the conflict was not kept by default"
grep -qF "письмо.txt" "$dir/out" || fail "the letter is not among the other files"

"$tool" subforms merge --conflicts take "$form" "$dir/returned" -o "$dir/taken.ods" >"$dir/out2" 2>"$dir/err2"
code=$?
[ "$code" -eq 0 ] || { cat "$dir/out2" "$dir/err2"; fail "--conflicts take: exit code $code"; }
grep -qF "взято из формы организации" "$dir/out2" || fail "--conflicts take did not take the conflict"

# The merged form, merged again with the same files: nothing to ask, nothing to write.
"$tool" subforms merge --format json "$dir/taken.ods" "$dir/returned" >"$dir/out3" 2>"$dir/err3"
code=$?
[ "$code" -eq 0 ] || { cat "$dir/out3" "$dir/err3"; fail "the second merge: exit code $code"; }
"${PYTHON:-python3}" - "$dir/out3" <<'PY' || status=1
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
ok = True
def check(cond, what):
    global ok
    if not cond:
        print("FAIL:", what); ok = False
check(j.get("format") == "msoko-subforms-merge/1", "format")
orgs, conflicts, other = j["tables"]
check(len(orgs["rows"]) == 29, "29 organisations")
check([r[3] for r in orgs["rows"]] == ["не вернула форму"] * 26 + ["принята"] * 3,
      "who has not returned theirs first, then the three taken: %s" % [r[3] for r in orgs["rows"]])
check(all(r[4] == 0 for r in orgs["rows"] if r[3] == "принята"), "a value written the second time")
check(conflicts["rows"] == [], "a conflict the second time: %s" % conflicts["rows"])
sys.exit(0 if ok else 1)
PY

"$tool" subforms merge --conflicts maybe "$form" "$dir/returned" >/dev/null 2>&1
[ $? -eq 2 ] || fail "--conflicts maybe is no usage error"
"$tool" subforms merge "$form" >/dev/null 2>&1
[ $? -eq 2 ] || fail "merge without files is no usage error"
exit $status
