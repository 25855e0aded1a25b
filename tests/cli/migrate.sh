#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# msoko migrate: the filled 2021.1 form moved to the current version of the
# catalogue — written, listing what to fill anew (the new fields), its check
# naming no other version; the old file unchanged; a form of the current
# version and a move onto the old file itself refused. While the shipped
# catalogue is still 2021.1, a 2021.2 made here from it (its first field
# renamed, a new required field) stands in, with the history beside it.
#
#   migrate.sh MSOKO OLD_2021.1.ods CATALOGUE
set -u
tool=$1
old=$2
catalogue=$3
dir=$(mktemp -d /tmp/msoko-migrate-XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0
history=$(dirname "$catalogue")/history/msoko-267-1-2021.1.json
if python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["version"] != "2021.1")' "$catalogue"; then
    mkdir -p "$dir/cat/history"
    cp "$history" "$dir/cat/history/"
    python3 - "$history" "$dir/cat/msoko-267-1.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
c["version"] = "2021.2"
first = c["directions"][0]["fields"][0]["id"]
c["directions"][0]["fields"].append({"id": "test_new_v2", "title": "Новое поле (для теста)", "type": "count",
    "unit": "человек", "org_types": ["school"], "filled_by": "ОО", "required": True, "min": 0, "max": 5000})
text = json.dumps(c, ensure_ascii=False).replace('"%s"' % first, '"%s_v2"' % first)
c = json.loads(text)
c["changes"] = {"from": "2021.1", "fields": [{"old": first, "new": first + "_v2"}]}
json.dump(c, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
    catalogue=$dir/cat/msoko-267-1.json
fi
before=$(sha256sum <"$old")
"$tool" migrate --catalogue "$catalogue" --format json "$old" "$dir/new.ods" >"$dir/out.json" 2>"$dir/err"
code=$?
cat "$dir/err"
if [ "$code" -ne 0 ]; then
    echo "FAIL: msoko migrate: exit $code"; cat "$dir/out.json"; exit 1
fi
[ "$(sha256sum <"$old")" = "$before" ] || { echo "FAIL: the old form changed"; status=1; }
python3 - "$dir/out.json" "$catalogue" "$history" <<'PY' || status=1
import json, sys
out = json.load(open(sys.argv[1]))
now, then = (json.load(open(p, encoding="utf-8")) for p in sys.argv[2:4])
ids = lambda c: {f["id"] for d in c["directions"] for f in d["fields"]}
changes = now.get("changes", {"fields": []})
filled = {c.get("new") or c.get("into") or c.get("keep") for c in changes["fields"] if c.get("old") in ids(then)}
filled |= {c["field"] for c in changes["fields"] if "sum_of" in c and set(c["sum_of"]) & ids(then)}
parts = {p for c in changes["fields"] if c.get("old") in ids(then) for p in c.get("split", []) if p != c.get("keep")}
redefined = {c["old"] for c in changes["fields"] if "redefined" in c}
sums = {c["field"]: c["sum_of"] for c in changes["fields"] if "sum_of" in c}
expected = (ids(now) - ids(then) - filled) | parts | redefined
# Kept, renamed or merged fields now filled for organisation types their old fields were not.
types = lambda c: {f["id"]: set(f["org_types"]) for d in c["directions"] for f in d["fields"]}
old_types, new_types = types(then), types(now)
by_old = {c["old"]: c for c in changes["fields"] if "old" in c}
became = {}
for f, t in old_types.items():
    c = by_old.get(f) if changes.get("from") == then["version"] else None
    target = (f if f in new_types else None) if c is None else (c.get("new") or c.get("into") or c.get("keep"))
    if target:
        became.setdefault(target, set()).update(t)
for f, parts in sums.items():
    for p in parts:
        became.setdefault(f, set()).update(old_types.get(p, set()))
expected |= {f for f, t in became.items() if new_types[f] - t}
problems = []
if out["format"] != "msoko-migrate/1" or out["from"] != "2021.1" or out["to"] != now["version"]:
    problems.append(f"format/from/to: {out['format']} {out['from']} {out['to']}")
# Broken-down fields make member fields <field>_<member> (the loader's): new unless 2021.1 had them.
members = {f["id"] + "_" + m["id"] for d in now["directions"] for f in d["fields"] if "breakdown" in f
           for dim in now.get("dimensions", []) if dim["id"] == (f["breakdown"] if isinstance(f["breakdown"], str)
                                                                 else f["breakdown"]["dimension"])
           for m in dim["members"]}
expected |= members - ids(then)
if {f["field"] for f in out["to_fill"]} != expected:
    problems.append(f"to fill: {sorted(f['field'] for f in out['to_fill'])}, expected {sorted(expected)}")
if out["organisations"] != 29 or out["values"] < 1000:
    problems.append(f"organisations {out['organisations']}, values {out['values']}")
for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
PY
# The moved form is of the current version: its check says nothing of another version.
"$tool" check --catalogue "$catalogue" --format json "$dir/new.ods" >"$dir/check.json" 2>/dev/null
python3 - "$dir/check.json" <<'PY' || status=1
import json, sys
r = json.load(open(sys.argv[1]))
rules = {f["rule"] for f in r["findings"]}
if "form.version" in rules or "form.identity" in rules:
    print("FAIL: the moved form is not of the current version:", rules); sys.exit(1)
PY
# The moved form again: of the current version already.
"$tool" migrate --catalogue "$catalogue" "$dir/new.ods" "$dir/again.ods" >"$dir/again" 2>&1
code=$?
if [ "$code" -ne 1 ] || ! grep -q "уже версии" "$dir/again"; then
    echo "FAIL: a form of the current version moved: exit $code"; cat "$dir/again"; status=1
fi
# Onto the old file itself: refused before anything is done.
"$tool" migrate --catalogue "$catalogue" "$dir/new.ods" "$dir/new.ods" >"$dir/self" 2>&1
code=$?
if [ "$code" -ne 2 ]; then
    echo "FAIL: migrate onto the old file: exit $code"; cat "$dir/self"; status=1
fi
exit $status
