#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
"""Fills the per-member figures of the samples' schools from their totals (issue 14,
breakdowns): ВПР/ОГЭ/ЕГЭ works by parallel, teachers and the diagnosed by subject,
the totals of the per-level figures. Deterministic; rerun after changing a total:
    python3 samples/data/split_breakdowns.py samples/data/sample-district*.json"""
import json, re, sys
from collections import OrderedDict

def allot(total, weights):
    """Split a whole number into parts proportional to weights (largest remainder)."""
    s = sum(weights.values())
    if s == 0 or total == 0:
        return {k: 0 for k in weights}
    raw = {k: total * w / s for k, w in weights.items()}
    out = {k: int(v) for k, v in raw.items()}
    left = total - sum(out.values())
    for k in sorted(raw, key=lambda k: (-(raw[k] - out[k]), list(weights).index(k)))[:left]:
        out[k] += 1
    return out

WORKS = {"g4": 3, "g5": 4, "g6": 4, "g7": 6, "g8": 6, "g9": 4, "g10": 1, "g11": 4}
# Success and diagnostics are not alike everywhere: ВПР in 4th grade goes best, 7th–8th worst.
SUCCESS = {"g4": 1.25, "g5": 1.1, "g6": 0.95, "g7": 0.85, "g8": 0.85, "g9": 1.0, "g10": 0.9, "g11": 1.1}
DIAGNOSED = {"primary": 1.1, "russian": 1.2, "maths": 1.2, "science": 0.9, "social": 0.8, "foreign": 0.7, "other": 0.6}
SUBJECTS = {"primary": 0.25, "russian": 0.14, "maths": 0.13, "science": 0.16, "social": 0.08, "foreign": 0.10, "other": 0.14}

def isint(v):
    return isinstance(v, int) and not isinstance(v, bool)

def school(v):
    out = OrderedDict()
    noo, ooo, soo = (v.get("vs_pupils_" + l) for l in ("noo", "ooo", "soo"))
    if all(isint(x) for x in (noo, ooo, soo)):
        for f in ("vs_pupils", "vs_volunteers", "vs_prevention"):
            parts = [v.get(f + "_" + l) for l in ("noo", "ooo", "soo")]
            if all(isint(p) for p in parts):
                out[f] = sum(parts)
        grade = {"g4": noo / 4, "g5": ooo / 5, "g6": ooo / 5, "g7": ooo / 5, "g8": ooo / 5, "g9": ooo / 5,
                 "g10": soo / 2, "g11": soo / 2}
        p, s = v.get("ap_participants"), v.get("ap_success")
        if isint(p):
            part = allot(p, {g: grade[g] * WORKS[g] for g in WORKS})
            for g in WORKS:
                out["ap_participants_" + g] = part[g]
            if isint(s):
                succ = allot(s, {g: part[g] * SUCCESS[g] for g in WORKS})
                # never above the participants: move the excess to the parallels that have room
                for g in WORKS:
                    while succ[g] > part[g]:
                        room = max((x for x in WORKS if succ[x] < part[x]), key=lambda x: part[x] - succ[x])
                        succ[g] -= 1
                        succ[room] += 1
                for g in WORKS:
                    assert succ[g] <= part[g], (g, succ, part)
                    out["ap_success_" + g] = succ[g]
        teachers, workers, diagnosed = v.get("mgr_teachers"), v.get("pd_ped_workers"), v.get("pd_diagnosed")
        if isint(teachers) and isint(workers) and isint(diagnosed):
            weights = {k: (w if (k in ("primary", "foreign", "other") or ooo + soo > 0) and (k != "primary" or noo > 0) else 0)
                       for k, w in SUBJECTS.items()}
            by = allot(min(teachers, workers), weights)
            for k in SUBJECTS:
                out["pd_ped_workers_" + k] = by[k]
            for k in SUBJECTS:
                out["pd_diagnosed_" + k] = min(by[k], round(by[k] * DIAGNOSED[k] * diagnosed / workers)) if workers else 0
    return out

def main(paths):
    for path in paths:
        text = open(path, encoding="utf-8").read()
        data = json.loads(text, object_pairs_hook=OrderedDict)
        for code, v in data["values"].items():
            if not isinstance(v, dict) or "vs_pupils_noo" not in v:
                continue
            new = school(v)
            # One line per school after its last value line, in the file's style.
            pat = re.compile(r'(\n    "%s": \{\n)(.*?)(\n    \})' % re.escape(code), re.S)
            m = pat.search(text)
            assert m, code
            body = m.group(2)
            # drop an earlier run's lines: they are the last ones, from "vs_pupils"
            cut = body.find(',\n      "vs_pupils": ')
            if cut >= 0:
                body = body[:cut]
            lines, line = [], ""
            for k, x in new.items():
                item = '"%s": %s' % (k, json.dumps(x))
                if line and len(line) + len(item) + 2 > 150:
                    lines.append(line + ",")
                    line = ""
                line = line + (", " if line else "") + item
            if line:
                lines.append(line)
            if lines:
                body = body + ",\n      " + "\n      ".join(lines)
            text = text[:m.start()] + m.group(1) + body + m.group(3) + text[m.end():]
        json.loads(text)
        open(path, "w", encoding="utf-8").write(text)

main(sys.argv[1:])
