#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# The four-type test catalogue (types ОО, ДОО, УДО, УО; flags ШНОР, ШФНСУ,
# РЦ) through msoko: the form filled from its data file is ready by
# `msoko check --catalogue … --format json` (exit code 0, no error); `msoko
# indicators` prints the municipal values computed by hand from the data
# file; `form blank --rows УДО=4` gives the УДО four register rows.
#
#   four_types.sh MSOKO CATALOGUE DATA
set -u
tool=$1
catalogue=$2
data=$3
dir=$(mktemp -d /tmp/msoko-four-types-XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0
if ! "$tool" form fill --catalogue "$catalogue" "$data" "$dir/form.fods"; then
    echo "FAIL: msoko form fill"
    exit 1
fi

"$tool" check --catalogue "$catalogue" --format json "$dir/form.fods" >"$dir/report.json" 2>"$dir/stderr"
code=$?
cat "$dir/stderr"
if [ "$code" -ne 0 ]; then
    echo "FAIL: exit code $code of the check, expected 0 (ready)"
    status=1
fi
if ! python3 - "$dir/report.json" <<'PY'; then
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
errors = [f for f in r["findings"] if f["severity"] == "error"]
ok = r["format"] == "msoko-check-report/1" and r["ready"] is True and r["counts"]["errors"] == 0 and not errors
ok = ok and "форма готова к отправке" in r["summary"]
ok = ok and any(c["direction"] == "1.2" and c["filled"] == c["required"] for c in r["completeness"])
if not ok:
    print("FAIL: the form of the four-type catalogue is not reported ready:", r["summary"], errors[:3])
sys.exit(0 if ok else 1)
PY
    status=1
fi

"$tool" indicators --catalogue "$catalogue" --format json "$dir/form.fods" >"$dir/indicators.json" 2>/dev/null
if ! python3 - "$dir/indicators.json" <<'PY'; then
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
expected = {"1.1.1": 100 * 78 / 90, "1.1.2": 75, "1.2.1": 21.25, "1.2.2": 50, "1.2.3": 500, "1.2.4": 1,
            "1.2.5": 1, "1.2.6": 420, "1.3.1": 10}
got = {i["id"]: i["value"] for i in r["indicators"]}
texts = {i["id"]: i["text"] for i in r["indicators"]}
ok = set(got) == set(expected) and all(got[k] is not None and abs(got[k] - v) < 1e-9 for k, v in expected.items())
ok = ok and texts["1.1.1"] == "86,7" and texts["1.2.4"] == "да" and r["counts"]["computed"] == 9
ok = ok and r["municipality"] == "Тестовый муниципальный округ" and r["catalogue"]["id"] == "four-types"
if not ok:
    print("FAIL: the indicators of the four-type form:", got, texts)
sys.exit(0 if ok else 1)
PY
    status=1
fi

if ! "$tool" form blank --catalogue "$catalogue" --rows удо=4 --schools 2 "$dir/blank.fods"; then
    echo "FAIL: msoko form blank --rows"
    status=1
elif ! python3 - "$dir/blank.fods" <<'PY'; then
import sys
text = open(sys.argv[1], encoding="utf-8").read()
# The register lists each slot's type in its «Тип» column: 2 ОО, 30 ДОО (default), 4 УДО.
start = text.index('table:name="Организации"')
register = text[start:text.index("</table:table>", start)]
counts = {t: register.count("<text:p>" + t + "</text:p>") for t in ("ОО", "ДОО", "УДО")}
ok = counts == {"ОО": 2, "ДОО": 30, "УДО": 4}
if not ok:
    print("FAIL: form blank --rows удо=4 --schools 2: register rows by type", counts)
sys.exit(0 if ok else 1)
PY
    status=1
fi
out=$("$tool" form blank --catalogue "$catalogue" --rows ДШИ=4 "$dir/bad.fods" 2>&1)
code=$?
if [ "$code" -ne 2 ] || ! grep -q "нет типа организаций «ДШИ».*УДО (supplementary_orgs)" <<<"$out"; then
    echo "FAIL: --rows of an unknown type is a usage error naming the known ones (exit $code): $out"
    status=1
fi
exit $status
