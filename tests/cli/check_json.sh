#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko check --format json on the sample with mistakes (docs/cli.md): exit
# code 3, every finding with its severity, sheet, cell, organisation, field,
# value, message and id; the same findings, in the same order, as the text
# report and as the report sheet of the copy --save stores (the sheet the menu
# command writes); and the catalogue given by --catalogue reaches the office
# msoko starts (MSOKO_CATALOGUE, an absolute path, in its environment).
#
#   check_json.sh MSOKO FORM_WITH_MISTAKES CATALOGUE
set -u
tool=$1
form=$2
catalogue=$3
dir=$(mktemp -d /tmp/msoko-check-json-XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0

# The JSON run, watched: the office it starts must have the catalogue in its environment.
"$tool" check --format json --catalogue "$catalogue" --save "$dir/checked.ods" "$form" >"$dir/report.json" \
    2>"$dir/stderr" &
pid=$!
seen=
for _ in $(seq 1 1200); do  # up to 60 s
    for child in $(pgrep -P "$pid"); do
        cmdline=$( { tr '\0' ' ' <"/proc/$child/cmdline"; } 2>/dev/null) || continue
        case $cmdline in *soffice.bin*--accept=*) ;; *) continue ;; esac
        seen=$( { tr '\0' '\n' <"/proc/$child/environ"; } 2>/dev/null | sed -n 's/^MSOKO_CATALOGUE=//p')
        [ -n "$seen" ] && break 2
    done
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
done
wait "$pid"
code=$?
cat "$dir/stderr"
if [ "$code" -ne 3 ]; then
    echo "FAIL: exit code $code of --format json, expected 3"
    status=1
fi
if [ "$seen" != "$(realpath "$catalogue")" ]; then
    echo "FAIL: the office had MSOKO_CATALOGUE='$seen', expected $(realpath "$catalogue")"
    status=1
fi

"$tool" check "$form" >"$dir/report.txt" 2>/dev/null
code=$?
if [ "$code" -ne 3 ]; then
    echo "FAIL: exit code $code of the text report, expected 3"
    status=1
fi

/usr/bin/python3 - "$dir/report.json" "$dir/report.txt" "$(basename "$form")" "$dir/checked.ods" <<'PY' || status=1
import json, sys, zipfile
import xml.etree.ElementTree as ET

report = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
name = sys.argv[3]
failures = []

def check(condition, what):
    if not condition:
        failures.append(what)

check(report["format"] == "msoko-check-report/1", "format")
check(report["workbook"] == name, "workbook")
check(report["ready"] is False, "the sample with mistakes is not ready")
check(report["counts"]["errors"] == 31, "31 errors, not %s" % report["counts"]["errors"])
check(report["summary"].startswith("Ошибок: 31 "), "summary: " + report["summary"])
findings = report["findings"]
check(len(findings) > 0, "findings")
keys = ["number", "severity", "severity_text", "sheet", "cell", "row", "column", "organisation", "field",
        "field_title", "value", "message", "rule", "kind", "kind_text", "id", "more", "explanation"]
for i, f in enumerate(findings):
    check(sorted(f) == sorted(keys), "finding %d has the keys %s" % (i + 1, sorted(f)))
    check(f["number"] == i + 1, "finding %d is numbered %s" % (i + 1, f["number"]))
    check(f["severity"] in ("error", "warning", "info"), "severity %s" % f["severity"])
    check(f["sheet"] and f["message"] and f["rule"] and f["kind"] and f["id"],
          "finding %d has a sheet, a message, a rule, a kind and an id" % (i + 1))
    check(f["id"] == f["rule"] or f["id"].startswith(f["rule"] + "/"),
          "finding %d: its id %s is its rule %s, told apart" % (i + 1, f["id"], f["rule"]))
    check((f["cell"] is None) == (f["row"] is None), "finding %d: cell and row go together" % (i + 1))
errors = sum(f["more"] or 1 for f in findings if f["severity"] == "error")
check(errors == 31, "the error findings count 31, not %d" % errors)
order = {"error": 0, "warning": 1, "info": 2}
check([order[f["severity"]] for f in findings] == sorted(order[f["severity"]] for f in findings),
      "errors first, then warnings, then notes")
# «12 чел.» typed for 4201 in 5.1.3 (samples/data/sample-district-mistakes.json).
typed = [f for f in findings if f["organisation"] == "4201" and f["value"] == "12 чел."]
check(len(typed) == 1, "one finding of «12 чел.» for 4201")
if typed:
    f = typed[0]
    check(f["severity"] == "error" and f["severity_text"] == "Ошибка", "it is an error")
    check(f["sheet"] == "5.1.3 Таланты", "on 5.1.3 Таланты, not " + f["sheet"])
    check(f["cell"] and f["field"], "with its cell and field")
# The text report lists the same findings, in the same order.
listed = ""
for f in findings:
    place = f["sheet"] + ("!" + f["cell"] if f["cell"] else "")
    listed += f["severity_text"].ljust(15) + " " + place + "\n    " + f["message"] + " [" + f["rule"] + "]\n"
check(text.startswith("Проверка формы: " + name + "\n" + report["summary"] + "\n"), "the text starts with the summary")
check(text.endswith("\n\n" + listed), "the text lists the JSON's findings in its order")
# The report sheet of the saved copy: the summary, then after the header «№»
# one row per finding with the same columns.
ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
T = "{%s}" % ns["table"]
content = ET.fromstring(zipfile.ZipFile(sys.argv[4]).read("content.xml"))
sheets = [t for t in content.iter(T + "table") if t.get(T + "name") == "Проверка"]
check(len(sheets) == 1, "the saved copy has the report sheet «Проверка»")
rows = []
for row in (sheets[0].iter(T + "table-row") if sheets else []):
    cells = []
    for cell in row:
        if cell.tag not in (T + "table-cell", T + "covered-table-cell"):
            continue
        value = "\n".join("".join(p.itertext()) for p in cell.findall("text:p", ns))
        cells += [value] * min(int(cell.get(T + "number-columns-repeated", "1")), 16)
    rows.append(cells)
check(len(rows) > 1 and rows[1][:1] == [report["summary"]], "the sheet's summary is the JSON's")
header = [i for i, r in enumerate(rows) if r[:1] == ["№"]]
check(len(header) == 1, "the sheet has one header row «№»")
if header:
    sheet_rows = []
    for r in rows[header[0] + 1:]:
        if not r or not r[0]:
            break  # the completeness follows after an empty row
        sheet_rows.append((r + [""] * 12)[:12])
    json_rows = [[str(f["number"]), f["severity_text"], f["sheet"], f["cell"] or "", f["organisation"],
                  f["field_title"] or f["field"], f["field"], f["value"], f["message"], f["explanation"],
                  f["kind_text"], f["rule"]]
                 for f in findings]
    check(sheet_rows == json_rows, "the report sheet's rows are the JSON's findings, column by column")
for line in failures:
    print("FAIL: " + line)
print("%d findings checked" % len(findings))
sys.exit(1 if failures else 0)
PY
exit $status
