#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Import from spreadsheets made by real writers: the CSV samples written
as XLSX by openpyxl (with a title row, a blank row and real date cells, in
the 1900 and the 1904 date systems) and converted to ODS and XLS by
LibreOffice; each must import to exactly what the CSV imports to. Then a
truncated XLSX, a password-protected one, one too wide, one that unpacks
too large, and an ODS of a million empty rows.

    test-import-sheets.py PATH-TO-nastavnik-cli
"""
import csv
import datetime
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

import openpyxl
import openpyxl.utils.datetime

cli = os.path.realpath(sys.argv[1])
samples = os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "csv")
env = dict(os.environ, TZ="UTC", NST_TODAY="2025-11-15", LANG="C.UTF-8", LANGUAGE="ru",
           XDG_DATA_HOME="/nonexistent-xdg-data-home")
SAMPLES = ["utf8-semicolon-lf.csv", "fio-column.csv"]


def nastavnik(db, *args):
    return subprocess.run([cli, "--database", db, *args], env=env, capture_output=True, text=True)


def import_and_list(work, path):
    db = os.path.join(work, os.path.basename(path) + ".db")
    done = nastavnik(db, "import", "participants", path)
    assert done.returncode == 0, (path, done.stdout, done.stderr)
    listed = nastavnik(db, "list", "participants", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    return json.loads(listed.stdout)


def typed(text):
    """A cell as a person would enter it in Excel: dates and numbers as such."""
    if re.fullmatch(r"\d\d\.\d\d\.\d{4}", text):
        day, month, year = map(int, text.split("."))
        return datetime.date(year, month, day)
    if re.fullmatch(r"\d+", text):
        return float(text)   # written as «12.0»: must come back as «12»
    return text or None


def write_xlsx(csv_path, xlsx_path, epoch=openpyxl.utils.datetime.CALENDAR_WINDOWS_1900):
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    book = openpyxl.Workbook()
    book.epoch = epoch
    sheet = book.active
    sheet.append(["Список педагогических работников МАОУ «СОШ № 1»"])
    sheet.append([])
    sheet.append(rows[0])
    dates = 0
    for row in rows[1:]:
        cells = [typed(t) for t in row]
        dates += sum(isinstance(c, datetime.date) for c in cells)
        sheet.append(cells)
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD.MM.YYYY"
    assert dates > 0, "no date cell written"
    book.save(xlsx_path)


def convert(work, paths, fmt):
    """LibreOffice in Russian, so that 12.03.1985 is read as a date."""
    profile = "file://" + os.path.join(work, "soffice-profile")
    subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless",
                    "--infilter=CSV:59,34,76,1,,1049", "--convert-to", fmt, "--outdir", work, *paths],
                   check=True, capture_output=True, timeout=240)
    out = [os.path.join(work, os.path.splitext(os.path.basename(p))[0] + "." + fmt) for p in paths]
    for p in out:
        assert os.path.getsize(p) > 0, p
    return out


def encrypted_ooxml(path):
    """What Excel writes for a workbook with a password to open: an OLE2
    file of «EncryptionInfo» and «EncryptedPackage» streams."""
    def entry(name, kind, start=0xFFFFFFFE, size=0):
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB3I", len(encoded), kind, 1,
                                                        0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
                + b"\0" * 36 + struct.pack("<IQ", start, size))
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<9I", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", 0)).ljust(512, b"\xff")
    fat = struct.pack("<3I", 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFE).ljust(512, b"\xff")
    directory = (entry("Root Entry", 5) + entry("EncryptionInfo", 2, 2, 200)
                 + entry("EncryptedPackage", 2, 2, 300) + b"\0" * 128)
    with open(path, "wb") as f:
        f.write(header + fat + directory + os.urandom(512))


def with_empty_rows(ods, out, n=1048576):
    """As LibreOffice saves a sheet formatted to its last row."""
    tail = ('<table:table-row table:number-rows-repeated="%d">'
            '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>' % n)
    with zipfile.ZipFile(ods) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "content.xml":
                assert b"</table:table>" in data
                data = data.replace(b"</table:table>", tail.encode() + b"</table:table>", 1)
            dst.writestr(info, data)


def oversized_xlsx(small, out):
    """A sheet that unpacks to more than 256 MB: spaces compress to nothing."""
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, src.read(info.filename))
                continue
            data = src.read(info.filename)
            with dst.open(info.filename, "w", force_zip64=True) as f:
                f.write(data[:-len("</worksheet>")])
                chunk = b" " * (1 << 20)
                for _ in range(257):
                    f.write(chunk)
                f.write(b"</worksheet>")


def expect_refused(work, path, fragment):
    db = os.path.join(work, "refused.db")
    done = nastavnik(db, "import", "participants", path)
    assert done.returncode == 1, (path, done.returncode, done.stderr)
    assert fragment in done.stderr.lower(), (path, done.stderr)
    assert os.path.basename(path) in done.stderr, done.stderr
    assert not os.path.exists(db), "a refused file created the database"
    assert "Traceback" not in done.stderr and "CRITICAL" not in done.stderr, done.stderr


with tempfile.TemporaryDirectory() as work:
    csvs = []
    for name in SAMPLES:
        csvs.append(os.path.join(work, name))
        shutil.copy(os.path.join(samples, name), csvs[-1])
    expected = {name: import_and_list(work, path) for name, path in zip(SAMPLES, csvs)}
    for name, records in expected.items():
        assert len(records) >= 3, (name, records)

    made = {}
    for name, path in zip(SAMPLES, csvs):
        stem = os.path.splitext(name)[0]
        made.setdefault(name, []).append(os.path.join(work, stem + ".xlsx"))
        write_xlsx(path, made[name][-1])
        made[name].append(os.path.join(work, stem + "-1904.xlsx"))
        write_xlsx(path, made[name][-1], openpyxl.utils.datetime.CALENDAR_MAC_1904)
    for fmt in ("ods", "xls"):
        for name, path in zip(SAMPLES, convert(work, csvs, fmt)):
            made[name].append(path)

    for name, paths in made.items():
        for path in paths:
            got = import_and_list(work, path)
            assert got == expected[name], (path, got, expected[name])
            print("ok", os.path.basename(path), len(got), "participants")

    truncated = os.path.join(work, "обрезан.xlsx")
    with open(made[SAMPLES[0]][0], "rb") as f:
        data = f.read()
    with open(truncated, "wb") as f:
        f.write(data[: len(data) // 2])
    expect_refused(work, truncated, "повреждена")

    locked = os.path.join(work, "с паролем.xlsx")
    encrypted_ooxml(locked)
    expect_refused(work, locked, "файл защищён паролем")

    wide = os.path.join(work, "широкая.xlsx")
    book = openpyxl.load_workbook(made[SAMPLES[0]][0])
    book.active.cell(row=5, column=1002, value="лишнее")
    book.save(wide)
    expect_refused(work, wide, "больше 1000 столбцов")

    huge = os.path.join(work, "огромная.xlsx")
    oversized_xlsx(made[SAMPLES[0]][0], huge)
    assert os.path.getsize(huge) < 10 * 1024 * 1024, os.path.getsize(huge)
    expect_refused(work, huge, "слишком велика")

    ods = made[SAMPLES[0]][2]
    assert ods.endswith(".ods"), ods
    big = os.path.join(work, "million.ods")
    with_empty_rows(ods, big)
    # How fast is for the benchmarks, not for a test on a shared machine:
    # the time is printed, and only what was imported is checked.
    start = time.monotonic()
    got = import_and_list(work, big)
    took = time.monotonic() - start
    assert got == expected[SAMPLES[0]], got
    print("ok million.ods in %.3f s" % took)
