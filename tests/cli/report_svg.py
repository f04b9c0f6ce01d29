#!/usr/bin/python3
# report_svg.py HTML DB PLAN ACTUAL BASELINE TARGET LANG: checks each SVG chart
# of an HTML report against the database it was written from, and exits
# 1 saying what differs: every plan and actual of the KPI is a bar (and
# no other), of the height its value takes on the axis; the axis' labels
# are the values at their heights, its top label at the top of the axis,
# the top at or above every value; the baseline and target lines at
# their values, their labels not overlapping; a legend naming plan and
# actual (PLAN, ACTUAL: the words in the report's language) and the
# lines' labels starting with BASELINE and TARGET; under each year's bars
# its year as the interface (LANG: en or ja) writes it: R7, 令和7年度.
import sqlite3
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
html, dbpath, PLAN, ACTUAL, BASELINE, TARGET, LANG = sys.argv[1:8]
db = sqlite3.connect(dbpath)
bad = []


def close(a, b, tol=0.02):
    return abs(a - b) <= tol


def year_text(y):
    era, n = ("R", y - 2018) if y > 2018 else ("H", y - 1988)
    if LANG == "en":
        return "%s%d" % (era, n)
    return "%s%s年度" % ("令和" if era == "R" else "平成", "元" if n == 1 else n)


def number(text):
    return float(text.replace(",", ""))


charts = [e for e in ET.parse(html).getroot().iter(SVG + "svg") if e.get("class") == "chart"]
if not charts:
    bad.append("no chart")
for svg in charts:
    code = svg.get("data-code")
    row = db.execute("SELECT id, baseline_value, target_value FROM kpi WHERE code = ?", (code,)).fetchone()
    if not row:
        bad.append("%s: no such KPI" % code)
        continue
    kpi, baseline, target = row
    ticks = sorted(((float(t.get("data-value")), float(t.get("y")) - 3, t.text)
                    for t in svg.iter(SVG + "text") if t.get("class") == "tick"), key=lambda t: t[0])
    if len(ticks) < 2 or ticks[0][0] != 0:
        bad.append("%s: the axis has no steps from 0: %r" % (code, ticks))
        continue
    top, y_top = ticks[-1][0], ticks[-1][1]
    y0 = ticks[0][1]
    scale = (y0 - y_top) / top
    for v, y, text in ticks:
        if not close(y, y0 - v * scale) or not close(number(text), v, 1e-9):
            bad.append("%s: the axis label %r at %.2f is not the value there (%.4g)" % (code, text, y, (y0 - y) / scale))
    axis = [ln for ln in svg.iter(SVG + "line") if ln.get("x1") == ln.get("x2")]
    if not axis or not close(float(axis[0].get("y1")), y_top):
        bad.append("%s: the top label %s is not at the axis' top" % (code, ticks[-1][2]))
    want = {(y, k): v for y, k, v in db.execute(
        "SELECT fiscal_year, kind, value FROM value WHERE kpi_id = ?", (kpi,))}
    got = {}
    for r in svg.iter(SVG + "rect"):
        if r.get("class") not in ("plan", "actual"):
            continue
        v = float(r.get("data-value"))
        got[(int(r.get("data-year")), r.get("class"))] = v
        if not close(float(r.get("height")), v * scale) or not close(float(r.get("y")) + float(r.get("height")), y0):
            bad.append("%s: the %s bar of %s is %.2f high from %.2f, its value %g takes %.2f from %.2f"
                       % (code, r.get("class"), r.get("data-year"), float(r.get("height")),
                          float(r.get("y")) + float(r.get("height")), v, v * scale, y0))
    years = {int(t.get("data-year")): t.text for t in svg.iter(SVG + "text") if t.get("class") == "year"}
    for y, _ in want:
        if years.get(y) != year_text(y):
            bad.append("%s: the year %d is labelled %r, not %r" % (code, y, years.get(y), year_text(y)))
    if got != want:
        bad.append("%s: bars %r, the database has %r" % (code, sorted(got.items()), sorted(want.items())))
    values = list(want.values()) + [v for v in (baseline, target) if v is not None]
    if max(values, default=0) > top:
        bad.append("%s: the axis' top %g is under the largest value %g" % (code, top, max(values)))
    labels = {}
    for name, value, word in (("baseline", baseline, BASELINE), ("target", target, TARGET)):
        lines = [ln for ln in svg.iter(SVG + "line") if ln.get("class") == name]
        texts = [t for t in svg.iter(SVG + "text") if t.get("class") == name + "-label"]
        if value is None or not lines:
            if lines and value is None:
                bad.append("%s: a %s line, and no %s" % (code, name, name))
            if name == "target" and value is not None:
                bad.append("%s: no target line" % code)
            continue
        y = float(lines[0].get("y1"))
        if not close(y, y0 - value * scale) or not close(float(lines[0].get("data-value")), value, 1e-9):
            bad.append("%s: the %s line at %.2f, its value %g at %.2f" % (code, name, y, value, y0 - value * scale))
        if not texts or not texts[0].text.startswith(word + " "):
            bad.append("%s: the %s line's label %r does not start with %s" % (code, name, texts and texts[0].text, word))
        else:
            labels[name] = float(texts[0].get("y"))
    if len(labels) == 2 and abs(labels["baseline"] - labels["target"]) < 10:
        bad.append("%s: the baseline's and the target's labels overlap (at %.2f and %.2f)"
                   % (code, labels["baseline"], labels["target"]))
    legend = [t.text for g in svg.iter(SVG + "g") if g.get("class") == "legend" for t in g.iter(SVG + "text")]
    if legend != [PLAN, ACTUAL]:
        bad.append("%s: the legend says %r" % (code, legend))
for b in bad[:20]:
    print("# " + b)
print("# %d charts checked" % len(charts))
sys.exit(1 if bad else 0)
