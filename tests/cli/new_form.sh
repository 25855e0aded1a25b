#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko form new: the form the new-form dialog makes, from the command line —
# the passport as given, the register and the municipal values of last
# year's form (read in the private office), a wrong call refused.
#
#   new_form.sh MSOKO LAST_YEAR.ods
set -u
tool=$1
last=$2
dir=$(mktemp -d /tmp/msoko-new-form-XXXXXX)
trap 'rm -rf "$dir"' EXIT
"$tool" form new --municipality "Ольховоборский район" --region "Энская область" --period "2026/2027 учебный год" \
    --rows ОО=12 --from "$last" "$dir/new.fods" 2>"$dir/stderr" || { echo "FAIL: form new"; cat "$dir/stderr"; exit 1; }
cat "$dir/stderr"
python3 - "$dir/new.fods" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
T = "{%s}" % ns["table"]
O = "{%s}" % ns["office"]
root = ET.parse(sys.argv[1]).getroot()
def grid(name):
    for t in root.iter(T + "table"):
        if t.get(T + "name") == name:
            rows = []
            for r in t.iter(T + "table-row"):
                cells = []
                for c in r.findall(T + "table-cell"):
                    n = int(c.get(T + "number-columns-repeated", "1"))
                    text = "".join(p.text or "" for p in c.iter("{%s}p" % ns["text"]))
                    cells += [(c.get(O + "value"), text)] * min(n, 50)
                rows.append(cells)
            return rows
    sys.exit(f"FAIL: no sheet {name}")
problems = []
passport = grid("Паспорт")
texts = {row[1][1] for row in passport if len(row) > 1}
for want in ("Ольховоборский район", "Энская область", "2026/2027 учебный год"):
    if want not in texts:
        problems.append(f"the passport lacks «{want}»")
register = grid("Организации")
codes = [row[0][1] for row in register[3:] if row and row[0][1]]
if len(codes) != 29 or codes[0] != "4201":
    problems.append(f"the register has {len(codes)} organisations ({codes[:2]}…), expected last year's 29 from 4201")
indicators = grid("Показатели")
last_year = [row[5][0] for row in indicators[3:] if len(row) > 5 and row[5][0] is not None]
if len(last_year) < 90:
    problems.append(f"only {len(last_year)} indicators have last year's value")
for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
PY
status=$?
# Without a municipality: the usage error, exit 2.
"$tool" form new --region "Энская область" "$dir/none.fods" 2>"$dir/usage"
code=$?
if [ "$code" -ne 2 ] || ! grep -q "муниципальное образование" "$dir/usage"; then
    echo "FAIL: form new without --municipality: exit $code"; cat "$dir/usage"; status=1
fi
exit $status
