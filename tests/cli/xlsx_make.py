#!/usr/bin/python3
# xlsx_make.py KIND OUT: writes a workbook for the import tests with
# Python's zipfile, part by part, as other programs write them: shared
# strings with rich text and phonetic runs, inline strings, formulas
# with cached values, merged cells; and hostile ones. KIND:
#   actuals    an actuals sheet "実績" (second sheet; the first is "表紙")
#   badvalue   the same with a value that is not a number at D3
#   emptycells a value beside notes that hold nothing (<v/>, <is></is>,
#              a formula giving "")
#   openpyxl   an actuals sheet written by openpyxl (another writer), its
#              times as dates in two formats
#   years      actuals with a fiscal year as 令和4年度 and its Gregorian
#              year last, as kpitree writes them, and one year in that
#              column alone
#   badyears   the same with 令和4年度 beside 2023
#   merges     100,000 merged ranges, then a value that is not a number
#   bomb       the sheet declaring 3 GiB
#   sstbomb    the shared strings declaring 300 MiB
#   bigsheet   the actuals with 300 MiB of comments in the sheet's XML
#              (compressed about 100 to 1: a block of random hex repeated
#              within deflate's window)
#   ratio      an entry of 64 MiB of one byte (compressed about 1000 to 1)
#   dotdot     an entry named ../evil.xml
#   doctype    a sheet with a billion-laughs DOCTYPE
#   rows       a row past 1,048,576
#   empty      a million empty rows after the data
#   bigcell    a cell of 1.5 MiB
#   deep       a cell within a million nested elements
#   hex        a number cell holding 0x1A (strtod would read 26)
#   badmerge   a merged range written "foo"
#   twice      the sheet's entry twice, the second with other cells
#   malformed  the actuals with row 3, on the sheet's second line, ended
#              by </rw>
import datetime
import struct
import sys
import zipfile

KIND, OUT = sys.argv[1], sys.argv[2]

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def book(sheets, strings=None, extra=None):
    """sheets: [(name, xml)]; strings: the shared strings' <si> bodies."""
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook %s %s><sheets>' % (NS, RNS) +
          ''.join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n, i + 1, i + 1)
                  for i, (n, _) in enumerate(sheets)) + '</sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            ''.join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1)
                    for i in range(len(sheets))) +
            '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>')
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        for i, (_, xml) in enumerate(sheets):
            z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), xml)
        sst = ''.join('<si>%s</si>' % s for s in (strings or []))
        z.writestr("xl/sharedStrings.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><sst %s>%s</sst>' % (NS, sst))
        for name, data in (extra or []):
            z.writestr(name, data)


def sheet(rows, tail=""):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s %s><sheetData>%s</sheetData>%s</worksheet>'
            % (NS, RNS, rows, tail))


# Shared strings: 0-6 the header, 7 the code (rich text with a phonetic
# run), 8 "actual", 9 a note.
STRINGS = ['<t>code</t>', '<t>fiscal_year</t>', '<t>kind</t>', '<t>value</t>', '<t>note</t>',
           '<t>entered_by</t>', '<t>entered_at</t>',
           '<r><rPr><b/></rPr><t>SP1</t></r><r><t>-1</t></r><rPh sb="0" eb="1"><t>エスピー</t></rPh>',
           '<t>actual</t>', '<t xml:space="preserve">札幌 市</t>']


def actuals(d3='<c r="D3"><f>10+2.5</f><v>12.5</v></c>'):
    header = '<row r="1">' + ''.join('<c r="%s1" t="s"><v>%d</v></c>' % (c, i)
                                     for i, c in enumerate("ABCDEFG")) + '</row>'
    # A2:A3 merged: row 3's code is row 2's. B as numbers, C a formula's
    # cached string, E an inline string.
    rows = (header +
            '<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2"><v>2022</v></c>'
            '<c r="C2" t="s"><v>8</v></c><c r="D2"><v>31.250</v></c>'
            '<c r="E2" t="inlineStr"><is><t>inline</t></is></c></row>'
            '<row r="3"><c r="B3"><v>2023</v></c><c r="C3" t="str"><f>"act"&amp;"ual"</f><v>actual</v></c>'
            + d3 + '<c r="E3" t="s"><v>9</v></c></row>')
    return sheet(rows, '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>')


def cover():
    return sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>表紙</t></is></c></row>')


def patch_size(path, size, name=b"xl/worksheets/sheet1.xml"):
    """Declares size as the entry name's size."""
    data = bytearray(open(path, "rb").read())
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = 0
        while True:
            i = data.find(sig, i)
            if i < 0:
                break
            n = 30 if sig == b"PK\x03\x04" else 46
            if data[i + n:i + n + len(name)] == name:
                data[i + off:i + off + 4] = struct.pack("<I", size)
            i += 4
    open(path, "wb").write(bytes(data))


if KIND == "actuals":
    book([("表紙", cover()), ("実績", actuals())], STRINGS)
elif KIND == "badvalue":
    book([("表紙", cover()), ("実績", actuals('<c r="D3" t="inlineStr"><is><t>twelve</t></is></c>'))], STRINGS)
elif KIND == "openpyxl":
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["code", "fiscal_year", "kind", "value", "note", "entered_by", "entered_at"])
    ws.append(["SP1-1", 2022, "plan", 1511, "計画", "tanaka", datetime.datetime(2023, 4, 1, 9, 30, 15)])
    ws.append([None, 2023, "plan", 1600.5, None, "tanaka", datetime.datetime(2024, 3, 31, 23, 59, 59)])
    ws.merge_cells("A2:A3")
    ws["G2"].number_format = "yyyy/m/d h:mm:ss"
    ws["G3"].number_format = '[$-411]ggge"年"m"月"d"日" hh:mm:ss'
    wb.save(OUT)
elif KIND in ("years", "badyears"):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["code", "fiscal_year", "kind", "value", "fiscal_year (西暦)"])
    ws.append(["SP1-1", "令和4年度", "plan", 5, 2022 if KIND == "years" else 2023])
    ws.append(["SP1-1", None, "plan", 6, 2023])
    wb.save(OUT)
elif KIND == "emptycells":
    # A value, then notes that hold nothing, as Excel and others write
    # them: an empty <v/>, an empty inline string, a formula giving "".
    header = '<row r="1">' + ''.join('<c r="%s1" t="s"><v>%d</v></c>' % (c, i)
                                     for i, c in enumerate("ABCDE")) + '</row>'
    empties = ['<c r="E%d"><v></v></c>', '<c r="E%d" t="inlineStr"><is></is></c>',
               '<c r="E%d" t="inlineStr"><is><t></t></is></c>',
               '<c r="E%d" t="str"><f>IF(1,"","")</f><v/></c>']
    rows = header + ''.join(
        '<row r="%d"><c r="A%d" t="inlineStr"><is><t>SP1-1</t></is></c><c r="B%d"><v>%d</v></c>'
        '<c r="C%d" t="s"><v>8</v></c><c r="D%d"><v>7</v></c>%s</row>'
        % (i + 2, i + 2, i + 2, 2019 + i, i + 2, i + 2, e % (i + 2)) for i, e in enumerate(empties))
    book([("実績", sheet(rows))], STRINGS)
elif KIND == "merges":
    # the actuals header, 100,000 merged ranges over rows of no cell, and
    # a value that is not a number after them
    merges = ''.join('<mergeCell ref="B%d:C%d"/>' % (r, r) for r in range(3, 100003))
    rows = ('<row r="1">' + ''.join('<c r="%s1" t="s"><v>%d</v></c>' % (c, i) for i, c in enumerate("ABCD"))
            + '</row><row r="100003"><c r="A100003" t="s"><v>7</v></c><c r="B100003"><v>2022</v></c>'
            '<c r="C100003" t="s"><v>8</v></c><c r="D100003" t="inlineStr"><is><t>x</t></is></c></row>')
    book([("Sheet1", sheet(rows, '<mergeCells count="100000">%s</mergeCells>' % merges))], STRINGS)
elif KIND == "bomb":
    book([("Sheet1", actuals())], STRINGS)
    patch_size(OUT, 3 << 30)
elif KIND == "sstbomb":
    book([("Sheet1", actuals())], STRINGS)
    patch_size(OUT, 300 << 20, b"xl/sharedStrings.xml")
elif KIND == "bigsheet":
    import random
    rnd = random.Random(1)
    block = "<!--%s-->" % "".join(rnd.choice("0123456789abcdef") for _ in range(20000))
    pad = block * ((300 << 20) // len(block) + 1)
    book([("Sheet1", actuals().replace("</sheetData>", pad + "</sheetData>"))], STRINGS)
elif KIND == "ratio":
    book([("Sheet1", sheet(" " * (64 << 20)))], STRINGS)
elif KIND == "dotdot":
    book([("Sheet1", actuals())], STRINGS, [("../evil.xml", "<x/>")])
elif KIND == "doctype":
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
           ''.join('<!ENTITY lol%d "%s">' % (i + 1, ('&lol%s;' % (i if i else '')) * 10)
                   for i in range(9)) + ']><worksheet %s><sheetData><row r="1"><c r="A1" t="inlineStr">'
           '<is><t>&lol9;</t></is></c></row></sheetData></worksheet>' % NS)
    book([("Sheet1", lol)], STRINGS)
elif KIND == "rows":
    book([("Sheet1", sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>1</v></c></row>'))], STRINGS)
elif KIND == "empty":
    rows = actuals()
    empty = ''.join('<row r="%d"/>' % r for r in range(4, 1000004))
    book([("Sheet1", rows.replace('</sheetData>', empty + '</sheetData>'))], STRINGS)
elif KIND == "bigcell":
    book([("Sheet1", sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row>' % ("x" * (3 << 19))))], STRINGS)
elif KIND == "deep":
    n = 1000000
    book([("Sheet1", sheet('<row r="1"><c r="A1" t="inlineStr"><is>%s<t>x</t>%s</is></c></row>'
                           % ("<x>" * n, "</x>" * n)))], STRINGS)
elif KIND == "hex":
    book([("Sheet1", actuals('<c r="D3"><v>0x1A</v></c>'))], STRINGS)
elif KIND == "badmerge":
    book([("Sheet1", actuals().replace('ref="A2:A3"', 'ref="foo"'))], STRINGS)
elif KIND == "twice":
    import warnings
    warnings.simplefilter("ignore")
    book([("Sheet1", actuals())], STRINGS,
         [("xl/worksheets/sheet1.xml", actuals('<c r="D3"><v>99</v></c>'))])
elif KIND == "malformed":
    rows = actuals().replace('<row r="3">', '\n<row r="3">')
    at = rows.index('</row>', rows.index('<row r="3">'))
    book([("Sheet1", rows[:at] + '</rw>' + rows[at + len('</row>'):])], STRINGS)
else:
    sys.exit("xlsx_make.py: no kind " + KIND)
