# SPDX-License-Identifier: MPL-2.0
"""The cells of the first sheet of a flat ODF (.fods) or an xlsx file, as text
per row (numbers as %.15g, strings as written), for the tests only: does an
xlsx made from a generated .fods hold the same cells (samples.up_to_date for
samples/vpr, whose xlsx zips differ in their timestamps each time)?

    python3 vpr_cells.py compare A.fods B.xlsx   # exit 1 and the first difference when they differ
    python3 vpr_cells.py dump FILE               # one line per row, cells separated by tabs
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def number(v):
    return "%.15g" % float(v)


def trimmed(row):
    while row and row[-1] == "":
        row.pop()
    return row


def fods_rows(path):
    rows, row, in_table = [], None, 0
    for event, el in ET.iterparse(path, events=("start", "end")):
        if el.tag == "{%s}table" % TABLE:
            in_table += 1 if event == "start" else 0
            if event == "end":
                break  # the first sheet only
        elif el.tag == "{%s}table-row" % TABLE:
            if event == "start":
                row = []
            else:
                rows.append(trimmed(row))
                el.clear()
        elif el.tag == "{%s}table-cell" % TABLE and event == "end" and row is not None:
            kind = el.get("{%s}value-type" % OFFICE)
            if kind in ("float", "percentage", "currency"):
                value = number(el.get("{%s}value" % OFFICE))
            elif kind is None:
                value = ""
            else:
                value = "\n".join("".join(p.itertext()) for p in el.findall("{%s}p" % TEXT))
            row.extend([value] * int(el.get("{%s}number-columns-repeated" % TABLE, "1")))
    while rows and not rows[-1]:
        rows.pop()
    return rows


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1, int(ref[len(letters):]) - 1


def xlsx_rows(path):
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("{%s}si" % MAIN):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % MAIN)))
        book = ET.fromstring(z.read("xl/workbook.xml"))
        first = book.find("{%s}sheets" % MAIN)[0].get("{%s}id" % REL)
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = next(r.get("Target") for r in rels if r.get("Id") == first)
        sheet = ET.fromstring(z.read("xl/" + target.lstrip("/").replace("xl/", "", 1)))
    rows = {}
    for c in sheet.iter("{%s}c" % MAIN):
        col, r = column_index(c.get("r"))
        kind, v = c.get("t"), c.find("{%s}v" % MAIN)
        if kind == "s":
            value = shared[int(v.text)]
        elif kind == "inlineStr":
            value = "".join(t.text or "" for t in c.iter("{%s}t" % MAIN))
        elif kind in ("str", "e", "b"):
            value = v.text if v is not None else ""
        else:
            value = number(v.text) if v is not None else ""
        line = rows.setdefault(r, [])
        line.extend([""] * (col + 1 - len(line)))
        line[col] = value
    out = [trimmed(rows.get(i, [])) for i in range(max(rows) + 1 if rows else 0)]
    while out and not out[-1]:
        out.pop()
    return out


def rows_of(path):
    return xlsx_rows(path) if path.endswith(".xlsx") else fods_rows(path)


def main(argv):
    if len(argv) == 3 and argv[0] == "compare":
        a, b = rows_of(argv[1]), rows_of(argv[2])
        for i in range(max(len(a), len(b))):
            ra = a[i] if i < len(a) else []
            rb = b[i] if i < len(b) else []
            if ra != rb:
                print("row %d differs:\n  %s: %s\n  %s: %s" % (i + 1, argv[1], ra, argv[2], rb))
                return 1
        return 0
    if len(argv) == 2 and argv[0] == "dump":
        for row in rows_of(argv[1]):
            print("\t".join(row))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
