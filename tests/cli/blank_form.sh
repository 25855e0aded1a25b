#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# A blank form, as msoko form blank writes it, is not ready: the passport's
# required items, an empty register, and 0 % of every direction (issue 13).
#
#   blank_form.sh MSOKO
set -u
tool=$1
dir=$(mktemp -d /tmp/msoko-blank-form-XXXXXX)
trap 'rm -rf "$dir"' EXIT
"$tool" form blank "$dir/blank.fods" >/dev/null || { echo "FAIL: form blank"; exit 1; }
"$tool" check --format json "$dir/blank.fods" >"$dir/report.json" 2>"$dir/stderr"
code=$?
if [ "$code" -ne 3 ]; then
    echo "FAIL: exit code $code, expected 3 (the form has errors)"
    cat "$dir/stderr"
    exit 1
fi
python3 - "$dir/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
kinds = {f["kind"] for f in report["findings"]}
problems = []
for kind in ("passport.required", "passport.contact", "register.none"):
    if kind not in kinds:
        problems.append(f"no finding {kind}")
required = sorted(f["field"] for f in report["findings"] if f["kind"] == "passport.required")
for key in ("municipality", "region", "period", "responsible", "date", "schools_expected", "kindergartens_expected"):
    if key not in required:
        problems.append(f"the empty passport item {key} is not reported")
if report["ready"]:
    problems.append("the blank form is reported ready")
for c in report["completeness"]:
    if c["percent"] != 0:
        problems.append(f"direction {c['direction']} is {c['percent']} % complete")
print("findings:", sorted(kinds))
for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
PY
