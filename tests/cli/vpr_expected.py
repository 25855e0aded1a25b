# SPDX-License-Identifier: MPL-2.0
"""The figures of `msoko vpr import --format json` against the test's own
arithmetic over the generator's pupils (msoko-make-vpr: <stem>.pupils.tsv and
<stem>.meta.json), not the core's: per school × subject × grade and for the
municipality (Σ over pupils) the participants, the mark distribution, the
share of «2», lowered / confirmed / raised, each task's percent (Σ points /
(max × participants), «X» = 0); the form's totals per school; the planted
school flagged by every rule and the clean reference school by none; the weak
school a ШНОР candidate; each deliberate mistake found where it was made.

    python3 vpr_expected.py ANALYSIS.json DIR-OF-GENERATED-FILES
"""
import csv
import glob
import json
import os
import sys

RULES = ["boundary_peak", "mean_above", "correlation", "journal_gaps", "easy_hard"]
problems = []


def fail(msg):
    problems.append(msg)
    if len(problems) <= 40:
        print("FAIL: " + msg)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def share(part, whole):
    return 100.0 * part / whole if whole else None


def points(cell):
    return 0.0 if cell in ("", "X") else float(cell)


def mark_of(cell):
    if cell == "":
        return None
    m = float(cell)
    return int(m) if m == int(m) and 2 <= m <= 5 else None


def expected_groups(meta, pupils):
    """(school, subject, grade) → figures; the municipality's school is ""."""
    tasks = meta["tasks"]
    groups = {}
    for p in pupils:
        for key in (p["school"], ""):
            g = groups.setdefault(key, {"participants": 0, "absent": 0, "marks": [0, 0, 0, 0], "compared": 0,
                                        "lowered": 0, "confirmed": 0, "raised": 0,
                                        "points": [0.0] * len(tasks), "name": p["school_name"]})
            if p["absent"] == "1":
                g["absent"] += 1
                continue
            g["participants"] += 1
            for i, t in enumerate(tasks):
                g["points"][i] += points(p[t["header"]])
            mark = mark_of(p["mark"])
            journal = int(p["journal"]) if p["journal"] not in ("", "нет отметки") else None
            if mark is None:
                continue
            g["marks"][mark - 2] += 1
            if journal is not None:
                g["compared"] += 1
                g["lowered" if mark < journal else "raised" if mark > journal else "confirmed"] += 1
    out = {}
    for school, g in groups.items():
        with_mark = sum(g["marks"])
        out[(school, meta["subject"], meta["grade"])] = {
            "participants": g["participants"],
            "absent": g["absent"],
            "marks": g["marks"],
            "with_mark": with_mark,
            "share_2": share(g["marks"][0], with_mark),
            "share_45": share(g["marks"][2] + g["marks"][3], with_mark),
            "compared": g["compared"],
            "lowered": g["lowered"],
            "confirmed": g["confirmed"],
            "raised": g["raised"],
            "task_percent": [share(g["points"][i], t["max"] * g["participants"]) for i, t in enumerate(tasks)],
        }
    return out


def main(analysis_file, generated):
    analysis = json.load(open(analysis_file, encoding="utf-8"))
    got = {(g["school"], g["subject"], g["grade"]): g for g in analysis["groups"]}
    totals = {}
    metas = []
    for meta_file in sorted(glob.glob(os.path.join(generated, "*.meta.json"))):
        meta = json.load(open(meta_file, encoding="utf-8"))
        for t in meta["tasks"]:
            t["header"] = "%s (%dб)" % (t["label"], t["max"])
        with open(meta_file.replace(".meta.json", ".pupils.tsv"), encoding="utf-8", newline="") as f:
            pupils = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        metas.append(meta)
        want = expected_groups(meta, pupils)
        for key, w in want.items():
            g = got.get(key)
            where = "%s %s %d" % (key[0] or "municipality", key[1], key[2])
            if g is None:
                fail("%s: no group in the analysis" % where)
                continue
            for field in ("participants", "absent", "marks", "with_mark", "compared", "lowered", "confirmed",
                          "raised"):
                if g[field] != w[field]:
                    fail("%s: %s %s, expected %s" % (where, field, g[field], w[field]))
            for field in ("share_2", "share_45"):
                if not close(g[field], w[field]):
                    fail("%s: %s %s, expected %s" % (where, field, g[field], w[field]))
            if len(g["task_percent"]) != len(w["task_percent"]):
                fail("%s: %d task percents, expected %d" % (where, len(g["task_percent"]), len(w["task_percent"])))
            else:
                for i, (a, b) in enumerate(zip(g["task_percent"], w["task_percent"])):
                    if not close(a, b):
                        fail("%s: task %s %s %%, expected %s %%" % (where, meta["tasks"][i]["label"], a, b))
            if key[0]:
                t = totals.setdefault(key[0], {"participants": 0, "below_min": 0, "success": 0, "confirmed": 0,
                                               "lowered": 0})
                t["participants"] += w["participants"]
                t["below_min"] += w["marks"][0]
                t["success"] += w["marks"][2] + w["marks"][3]  # «4» and «5»
                t["confirmed"] += w["confirmed"]
                t["lowered"] += w["lowered"]
        extra = [k for k in got if k[1] == meta["subject"] and k[2] == meta["grade"] and k not in want]
        if extra:
            fail("%s %d: groups nobody wrote: %s" % (meta["subject"], meta["grade"], extra))

        # The objectivity screen: the planted school by every rule, the clean reference by none.
        roles = {s["login"]: s["role"] for s in meta["schools"]}
        flags = [f for f in analysis["flags"] if f["subject"] == meta["subject"] and f["grade"] == meta["grade"]]
        for login, role in roles.items():
            rules = sorted({f["rule"] for f in flags if f["school"] == login})
            if role == "planted" and rules != sorted(RULES):
                fail("%s %d: the planted school %s flagged by %s, expected all of %s"
                     % (meta["subject"], meta["grade"], login, rules, RULES))
            if role == "reference" and rules:
                fail("%s %d: the clean school %s flagged by %s" % (meta["subject"], meta["grade"], login, rules))

        # Each deliberate mistake found, at its school and row.
        name = os.path.basename(meta_file).replace(".meta.json", "")
        findings = [f for f in analysis["findings"] if os.path.splitext(os.path.basename(f["file"]))[0] == name]
        for m in meta["mistakes"]:
            if not any(f["kind"] == m["kind"] and f["school"] == m["school"] and f["row"] == m["row"]
                       for f in findings):
                fail("%s: the mistake %s (%s, row %d: %s) not found" % (name, m["kind"], m["school"], m["row"] + 1,
                                                                      m["what"]))
        for f in findings:
            if f["kind"] in ("vpr.count", "vpr.score_max", "vpr.mark_range", "vpr.mark_boundaries",
                             "vpr.duplicate") and not any(
                    m["kind"] == f["kind"] and m["row"] == f["row"] for m in meta["mistakes"]):
                fail("%s: a finding where no mistake was made: %s row %d" % (name, f["kind"], f["row"] + 1))

    # The form's figures per school: Σ over its subjects and grades.
    got_totals = {t["school"]: t for t in analysis["schools"]}
    for login, t in totals.items():
        g = got_totals.get(login)
        if g is None:
            fail("%s: no totals" % login)
            continue
        for field, value in t.items():
            if g[field] != value:
                fail("%s: total %s %s, expected %s" % (login, field, g[field], value))

    # ШНОР: the weak school (a «2» in a quarter of its works) is a candidate, the reference school is not.
    candidates = {c["school"] for c in analysis["shnor"]}
    for meta in metas:
        for s in meta["schools"]:
            if s["role"] == "weak" and s["login"] not in candidates:
                fail("the weak school %s is not a ШНОР candidate" % s["login"])
            if s["role"] == "reference" and s["login"] in candidates:
                fail("the clean school %s is a ШНОР candidate" % s["login"])

    print("checked %d files, %d groups; %d problems" % (len(metas), len(got), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
