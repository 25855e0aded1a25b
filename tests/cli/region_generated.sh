#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko region on 40 generated municipal forms (small ones, four with
# deliberate mistakes), two offices: every form a line, the four not ready;
# the region's value of every ratio indicator equal to Σ numerators /
# Σ denominators computed here from the generator's data files alone (not by
# the engine, not by the region); the ranking's best 100 and its places in
# order; the findings of all written as TSV. One run: each form costs a load.
#
#   region_generated.sh MSOKO MAKE-FORMS CATALOGUE PYTHON
set -u
tool=$1
make=$2
catalogue=$3
python=$4
dir=$(mktemp -d /tmp/msoko-region-generated-XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

"$make" --count 40 --seed 17 --mistakes 4 --min-schools 2 --max-schools 4 --min-kindergartens 1 \
  --max-kindergartens 3 "$dir/forms" >/dev/null || { echo "FAIL: no forms generated"; exit 1; }
mkdir "$dir/data"
mv "$dir/forms"/*.json "$dir/data/"

"$tool" region consolidate --jobs 2 --format json --findings "$dir/findings.tsv" -o "$dir/region.ods" "$dir/forms" >"$dir/region.json" 2>"$dir/err"
code=$?
[ "$code" -eq 0 ] || { cat "$dir/err"; fail "consolidate: exit code $code"; }
[ -s "$dir/region.ods" ] || fail "no region workbook"

"$python" - "$catalogue" "$dir/data" "$dir/region.json" <<'PY' || status=1
import json, os, sys
catalogue = json.load(open(sys.argv[1]))
forms = [json.load(open(os.path.join(sys.argv[2], f))) for f in sorted(os.listdir(sys.argv[2]))]
region = json.load(open(sys.argv[3]))
values = {v["id"]: v for v in region["values"]}
problems = 0
compared = 0

def municipal_sums(ind, form):
    """Σ over the organisations of one form, as the order defines the share; None: no value."""
    c = ind["compute"]
    num = den = 0.0
    included = 0
    for org in form["organisations"]:
        if org["type"] not in ind["org_types"]:
            continue
        flags = ind.get("scope_flags") or []
        if flags and not set(flags) & set(org.get("flags", [])):
            continue
        figures = form["values"].get(org["code"], {})
        fields = c["numerator"] + c["denominator"]
        if any(f not in figures for f in fields):
            continue  # left out: a figure is missing
        if any(not isinstance(figures[f], (int, float)) or isinstance(figures[f], bool) for f in fields):
            return None  # a text in a number cell: the municipality's value is invalid
        n = sum(figures[f] for f in c["numerator"])
        d = sum(figures[f] for f in c["denominator"])
        if c.get("multiplier", 100) == 100 and n > d:
            return None  # a part bigger than its whole: invalid
        num += n
        den += d
        included += 1
    return (num, den) if included else None

for direction in catalogue["directions"]:
    for ind in direction.get("indicators", []):
        c = ind.get("compute", {})
        if c.get("kind") != "ratio" or "municipality" in ind["org_types"]:
            continue
        num = den = 0.0
        any_form = False
        for form in forms:
            s = municipal_sums(ind, form)
            if s is None:
                continue
            num += s[0]
            den += s[1]
            any_form = True
        expected = c.get("multiplier", 100) * num / den if any_form and den > 0 else None
        got = values[ind["id"]]["value"]
        if (expected is None) != (got is None) or (expected is not None and abs(expected - got) > 1e-9 * max(1, abs(expected))):
            print(f"FAIL: {ind['id']}: the region says {got}, Σ/Σ of the data is {expected}")
            problems += 1
        elif expected is not None:
            compared += 1
if compared < 40:
    print(f"FAIL: only {compared} ratio indicators compared")
    problems += 1
ranking = region["ranking"]
places = [r["place"] for r in ranking if r["place"]]
if places != sorted(places) or not places or places[0] != 1:
    print("FAIL: the ranking is not in the order of its places:", places[:10])
    problems += 1
totals = [r["total"] for r in ranking if r["total"] is not None]
if totals != sorted(totals, reverse=True):
    print("FAIL: the totals do not fall with the places")
    problems += 1
print(f"{compared} ratio indicators equal to Σ/Σ of the data over {len(forms)} forms; {len(places)} municipalities ranked")
sys.exit(1 if problems else 0)
PY

grep -qF '"summary":"Принято форм: 40 из 40 · с ошибками: 4' "$dir/region.json" || fail "not 40 accepted, 4 with errors"
head -1 "$dir/findings.tsv" | grep -q "^file	municipality	severity" || fail "the findings TSV has no header"
[ "$(grep -c '	Ошибка	' "$dir/findings.tsv")" -ge 4 ] || fail "fewer than four errors in the findings"
exit $status
