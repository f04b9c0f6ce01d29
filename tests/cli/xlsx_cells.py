#!/usr/bin/python3
# xlsx_cells.py: a second, independent reader of kpitree's workbooks
# (openpyxl). xlsx_cells.py BOOK.xlsx FILE.csv: the first sheet holds
# FILE.csv's cells, cell by cell (numbers as numbers, read back as the
# CSV writes them; text as text), and has a frozen header row, an
# autofilter over every row and column, A4 paper, the header row printed
# on every page and no column narrower than its widest line. A cell of a
# merged range reads as the range's top-left cell. With a third argument,
# LEVELS (1-based columns from the outermost, such as 1,3,4,5,6,7), the
# merged ranges are exactly the runs of rows that repeat a level's cell
# and every level before it, one column wide. Says what differs and
# exits 1; exits 0 when all holds. A column headed "NAME (西暦)" after
# one headed NAME holds a fiscal year's Gregorian year, NAME the same
# year as 令和7年度: the pair is the CSV's one column NAME. A cell shown as
# a percentage (0.57, format 0%) is the CSV's 57%. XLSX_SHEET names the
# sheet to read (default: the first); XLSX_CELLS_ONLY=1 checks the cells
# and merges alone, not the view, filter, widths and print set-up. The
# CSV's ' before text that starts like a formula (=, +, -, @) is left
# out, as kpitree reads it; no cell of the workbook is a formula.
import csv
import datetime
import os
import re
import sys
import unicodedata

import openpyxl


def japanese(year):
    """令和7年度, 令和元年度, 平成30年度."""
    era, n = ("令和", year - 2018) if year > 2018 else ("平成", year - 1988)
    return "%s%s年度" % (era, "元" if n == 1 else n)


def text_of(v, number_format="General"):
    """A cell's value as kpitree's CSV writes it."""
    if isinstance(v, (int, float)) and not isinstance(v, bool) and number_format.endswith("%"):
        return "%d%%" % round(v * 100)
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(v, datetime.date):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if float(v) == int(v) and abs(v) < 1e15:
            text = str(int(v))
        else:
            text = repr(float(v))
        # the decimals its format shows, as the value was written (31.20)
        places = number_format.split(";")[0].partition(".")[2]
        places = len(places) - len(places.lstrip("0"))
        have = len(text.partition(".")[2])
        if places > have:
            text += ("" if have else ".") + "0" * (places - have)
        return text
    return str(v)


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def runs(want, levels):
    """The merged ranges a nested table of want has, as A1:B2 refs."""
    refs = set()
    for k, col in enumerate(levels):
        start = 1
        for i in range(1, len(want) + 1):
            key = tuple(want[i][c - 1] for c in levels[:k + 1]) if i < len(want) else None
            prev = tuple(want[i - 1][c - 1] for c in levels[:k + 1])
            if key != prev or not prev[-1] or i == 1:
                if i - 1 > start and prev[-1]:
                    letter = openpyxl.utils.get_column_letter(col)
                    refs.add("%s%d:%s%d" % (letter, start + 1, letter, i))
                start = i
    return refs


def main(book, path, levels=None):
    wb = openpyxl.load_workbook(book)
    ws = wb[os.environ["XLSX_SHEET"]] if os.environ.get("XLSX_SHEET") else wb.worksheets[0]
    with open(path, newline="", encoding="utf-8") as f:
        want = list(csv.reader(f))
    # a date cell (no hour in its format) as a date, a time as a time
    rows = [[c.value.date() if getattr(c, "is_date", False) and c.value is not None and "h" not in c.number_format
             else c.value for c in r] for r in ws.iter_rows()]
    bad = []
    merged = set(str(m) for m in ws.merged_cells.ranges)
    for m in ws.merged_cells.ranges:
        top = rows[m.min_row - 1][m.min_col - 1]
        for r in range(m.min_row, m.max_row + 1):
            for c in range(m.min_col, m.max_col + 1):
                if (r, c) != (m.min_row, m.min_col):
                    rows[r - 1][c - 1] = top
    formats = [[getattr(c, "number_format", "General") for c in r] for r in ws.iter_rows()]
    # a fiscal year's pair of columns into the CSV's one
    head = list(rows[0]) if rows else []
    pairs = [(head.index(h[:-len(" (西暦)")]), j) for j, h in enumerate(head)
             if isinstance(h, str) and h.endswith(" (西暦)") and h[:-len(" (西暦)")] in head[:j]]
    for i, r in enumerate(rows[1:], 1):
        for b, j in pairs:
            r += [None] * (j + 1 - len(r))
            if (r[b] is None) != (r[j] is None) or (r[j] is not None and r[b] != japanese(r[j])):
                bad.append("row %d column %d: %r, and %r in column %d" % (i + 1, b + 1, r[b], r[j], j + 1))
            r[b] = r[j]
            formats[i] += ["General"] * (j + 1 - len(formats[i]))
            formats[i][b] = formats[i][j]
    for _, j in sorted(pairs, reverse=True):
        for i, r in enumerate(rows):
            del r[j:j + 1]
            del formats[i][j:j + 1]
    head = rows[0] if rows else []
    if levels is not None:
        expect = runs(want, [int(c) for c in levels.split(",")])
        for m in sorted(merged - expect):
            bad.append("merged %s, not a level's run" % m)
        for m in sorted(expect - merged):
            bad.append("not merged: %s" % m)
        if not expect:
            bad.append("no run of rows to merge in the data")
    if len(rows) != len(want):
        bad.append("%d rows, the CSV has %d" % (len(rows), len(want)))
    for i, (got, exp) in enumerate(zip(rows, want)):
        got = got + [None] * (len(exp) - len(got))
        for j, e in enumerate(exp):
            # the CSV's ' before a text a spreadsheet would take for a
            # formula is no part of the datum: the workbook's string is
            if len(e) > 1 and e[0] == "'" and e[1] in "=+-@\t\r'":
                e = e[1:]
            g = got[j] if j < len(got) else None
            if text_of(g, formats[i][j] if j < len(formats[i]) else "General") != e:
                bad.append("row %d column %d: %r, the CSV has %r" % (i + 1, j + 1, g, e))
            # numbers are numbers, and a code such as 0001 stays text
            if isinstance(g, str) and i > 0 and re.fullmatch(r"-?[1-9][0-9]*(\.[0-9]+)?|0\.[0-9]+", e) \
                    and head[j] not in ("code", "entered_at"):
                bad.append("row %d column %d: %r is text, not a number" % (i + 1, j + 1, g))
    for r in ws.iter_rows():
        for c in r:
            if c.data_type == "f":
                bad.append("%s is a formula: %r" % (c.coordinate, c.value))
    if os.environ.get("XLSX_CELLS_ONLY"):
        for b in bad[:10]:
            print("# " + b)
        return 1 if bad else 0
    cols = len(want[0]) if want else 0
    # the sheet's column of each CSV column, the pairs taking two
    at = [j for j in range(cols + len(pairs)) if j not in [p for _, p in pairs]]
    last = openpyxl.utils.get_column_letter(cols + len(pairs)) if cols else "A"
    if ws.freeze_panes != "A2":
        bad.append("frozen at %s, not below the header" % ws.freeze_panes)
    if ws.auto_filter.ref != "A1:%s%d" % (last, len(want)):
        bad.append("autofilter %s" % ws.auto_filter.ref)
    if ws.page_setup.paperSize not in (9, "9"):
        bad.append("paper %s, not A4 (9)" % ws.page_setup.paperSize)
    if ws.print_title_rows != "$1:$1" and ws.print_title_rows != "1:1":
        bad.append("print titles %s" % ws.print_title_rows)
    for j in range(cols):
        letter = openpyxl.utils.get_column_letter(at[j] + 1)
        need = max(max((width(line) for line in r[j].split("\n")), default=0)
                   for r in want if j < len(r))
        have = ws.column_dimensions[letter].width or 0
        if have < min(need, 50):
            bad.append("column %s is %s wide for text %d wide" % (letter, have, need))
    for b in bad[:10]:
        print("# " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
