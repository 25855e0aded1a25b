#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
"""The figures of the filled sample as the regional center reads them.

indicators.json must validate against docs/submission-format.schema.json and
hold the engine's figures (expected.json, written by msoko-submission-sample);
indicators.csv, read by Python's csv module as Excel's dialect with `;`, must
give the same figures; an organisation named like a formula comes out inert.

Usage: check_submission.py SCHEMA DIR
"""

import csv
import io
import json
import sys

import jsonschema

NUMERIC = ("Значение", "Числитель", "Знаменатель", "Прошлый год", "Динамика")
HEADER = ["Код показателя", "Показатель", "Единица", "Код организации", "Организация", "Значение", "Статус",
          "Причина", "Числитель", "Знаменатель", "Прошлый год", "Динамика", "Пояснение"]
STATUS_TEXT = {"value": "значение", "not_applicable": "не применимо", "missing_data": "нет данных",
               "invalid": "ошибка в данных"}
RISKY = ("=", "+", "-", "@", "\t", "\r")

failures = []


def fail(message):
    failures.append(message)


def number(text):
    """A CSV number (decimal comma) as a float; None for an empty cell."""
    if text == "":
        return None
    if "." in text or " " in text or "\u00a0" in text:
        raise ValueError(f"not a plain decimal-comma number: {text!r}")
    return float(text.replace(",", "."))


def inert(text):
    """A text as a spreadsheet would show it: a formula-like one neutralised by a leading apostrophe."""
    return "'" + text if text.startswith(RISKY) else text


def main(schema_path, folder):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.validators.validator_for(schema).check_schema(schema)
    with open(f"{folder}/indicators.json", "rb") as f:
        raw_json = f.read()
    data = json.loads(raw_json.decode("utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        fail(f"schema: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    # The schema is strict: an unknown member is refused.
    extra = dict(data, unexpected=1)
    if validator.is_valid(extra):
        fail("schema: a document with an unknown member validates")

    with open(f"{folder}/expected.json", encoding="utf-8") as f:
        expected = json.load(f)

    # --- the JSON holds the engine's figures
    if data["format"] != "msoko-submission/1":
        fail(f"format: {data['format']}")
    if len(data["indicators"]) != len(expected["indicators"]):
        fail(f"{len(data['indicators'])} indicators, the engine has {len(expected['indicators'])}")
    if data["check"]["warnings"] != expected["warnings"]:
        fail(f"check.warnings {data['check']['warnings']} != {expected['warnings']}")
    formula_orgs = 0
    for ind in data["indicators"]:
        exp = expected["indicators"].get(ind["id"])
        if exp is None:
            fail(f"{ind['id']}: not an indicator of the catalogue")
            continue
        if ind["status"] != exp["status"] or ind["value"] != exp["value"]:
            fail(f"{ind['id']}: {ind['status']} {ind['value']!r}, the form computes {exp['status']} {exp['value']!r}")
        for key in ("numerator", "denominator"):
            if ind[key] is not None and ind[key] != exp[key]:
                fail(f"{ind['id']}: {key} {ind[key]!r} != {exp[key]!r}")
        if ind["status"] == "value" and exp["numerator"] is not None and ind["numerator"] is None:
            fail(f"{ind['id']}: a value without its numerator")
        for org in ind["organisations"]:
            e = exp["organisations"].get(org["code"])
            if e is None:
                fail(f"{ind['id']}: organisation {org['code']} the indicator does not concern")
                continue
            if org["status"] != e["status"] or org["value"] != e["value"] or org["name"] != e["name"]:
                fail(f"{ind['id']}/{org['code']}: {org['status']} {org['value']!r}, the engine has "
                     f"{e['status']} {e['value']!r}")
            if org["name"] == expected["formula_name"]:
                formula_orgs += 1
    if formula_orgs == 0:
        fail("no organisation named like a formula in the JSON (the test's renaming did not reach it)")
    for w in data["warnings"]:
        if w["explanation"] != expected["explanation"]:
            fail(f"warning {w['number']}: explanation {w['explanation']!r}")
    if expected["warnings"] and not data["warnings"]:
        fail("the check's warnings are not in the JSON")

    # --- the CSV gives the same figures
    with open(f"{folder}/indicators.csv", "rb") as f:
        raw = f.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("indicators.csv: no UTF-8 BOM")
    text = raw.decode("utf-8-sig")
    if not text.endswith("\r\n"):
        fail("indicators.csv: the last record does not end with CRLF")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";", quotechar='"', strict=True))
    if rows[0] != HEADER:
        fail(f"indicators.csv: header {rows[0]}")
    col = {name: i for i, name in enumerate(HEADER)}
    by_key = {}
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER):
            fail(f"indicators.csv:{n}: {len(row)} columns")
            continue
        for name, cell in zip(HEADER, row):
            if name in NUMERIC:
                try:
                    number(cell)
                except ValueError:
                    if name != "Прошлый год":  # a last year typed as text stays text
                        fail(f"indicators.csv:{n}: {name} {cell!r} is no number")
            elif cell.startswith(RISKY):
                fail(f"indicators.csv:{n}: {name} {cell!r} would be a formula")
        by_key[(row[col["Код показателя"]], row[col["Код организации"]])] = row
    expected_rows = sum(1 + len(i["organisations"]) for i in data["indicators"])
    if len(rows) - 1 != expected_rows:
        fail(f"indicators.csv: {len(rows) - 1} rows, the JSON has {expected_rows}")
    inert_names = 0
    for ind in data["indicators"]:
        muni = by_key.get((ind["id"], "УО"))
        if muni is None:
            fail(f"indicators.csv: no municipal row of {ind['id']}")
            continue
        checks = [("Значение", ind["value"]), ("Числитель", ind["numerator"]), ("Знаменатель", ind["denominator"]),
                  ("Динамика", ind["dynamics"])]
        if not isinstance(ind["last_year"], str):
            checks.append(("Прошлый год", ind["last_year"]))
        for name, want in checks:
            got = number(muni[col[name]])
            if got != (None if want is None else float(want)):
                fail(f"indicators.csv: {ind['id']} {name} {muni[col[name]]!r}, the JSON has {want!r}")
        if muni[col["Статус"]] != STATUS_TEXT[ind["status"]]:
            fail(f"indicators.csv: {ind['id']} status {muni[col['Статус']]!r}")
        if muni[col["Показатель"]] != inert(ind["title"]):
            fail(f"indicators.csv: {ind['id']} title {muni[col['Показатель']]!r}")
        for org in ind["organisations"]:
            row = by_key.get((ind["id"], org["code"]))
            if row is None:
                fail(f"indicators.csv: no row of {ind['id']} for {org['code']}")
                continue
            for name, want in (("Значение", org["value"]), ("Числитель", org["numerator"]),
                               ("Знаменатель", org["denominator"])):
                got = number(row[col[name]])
                if got != (None if want is None else float(want)):
                    fail(f"indicators.csv: {ind['id']}/{org['code']} {name} {row[col[name]]!r}, JSON {want!r}")
            if row[col["Организация"]] != inert(org["name"]):
                fail(f"indicators.csv: {ind['id']}/{org['code']} name {row[col['Организация']]!r}")
            if org["name"] == expected["formula_name"]:
                inert_names += 1
                if row[col["Организация"]] != "'" + expected["formula_name"]:
                    fail(f"indicators.csv: the formula-like name is not inert: {row[col['Организация']]!r}")
    if inert_names == 0:
        fail("indicators.csv: no row of the organisation named like a formula")
    explained = [r for r in rows[1:] if len(r) == len(HEADER) and r[col["Пояснение"]]]
    if expected["warnings"] and not explained:
        fail("indicators.csv: no explanation in any row")
    for r in explained:
        if inert(expected["explanation"]) not in r[col["Пояснение"]]:
            fail(f"indicators.csv: explanation {r[col['Пояснение']]!r}")

    for message in failures[:50]:
        print(message, file=sys.stderr)
    if failures:
        print(f"{len(failures)} problems", file=sys.stderr)
        return 1
    print(f"indicators.json valid, {len(data['indicators'])} indicators and {len(rows) - 1} CSV rows as the engine "
          f"computes them; {len(data['warnings'])} warnings explained; the formula-like name inert")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
