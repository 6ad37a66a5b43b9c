#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The XLSX export opened by a real reader (openpyxl): the example school
exported by nastavnik-cli, checked against its JSON listing.

    test-xlsx.py PATH-TO-nastavnik-cli
"""
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

cli = os.path.realpath(sys.argv[1])
env = dict(os.environ, TZ="UTC", NST_TODAY="2025-11-15", LANG="C.UTF-8",
           XDG_DATA_HOME="/nonexistent-xdg-data-home")

with tempfile.TemporaryDirectory() as work:
    db = os.path.join(work, "school.db")
    xlsx = os.path.join(work, "участники.xlsx")
    run = lambda *args: subprocess.run([cli, "--database", db, *args], env=env, check=True,
                                       capture_output=True, text=True).stdout
    run("demo")
    out = run("export", "participants", xlsx)
    records = json.loads(run("list", "participants", "--format", "json"))
    assert str(len(records)) in out, out
    assert oct(os.stat(xlsx).st_mode & 0o777) == "0o600", oct(os.stat(xlsx).st_mode)
    assert [n for n in os.listdir(work) if n.startswith(".")] == [], os.listdir(work)

    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Участники"], book.sheetnames
    sheet = book["Участники"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Фамилия", "Имя", "Отчество", "Категория"], header
    for name in ("Дата рождения", "Педагогический стаж с", "Стаж наставничества с",
                 "Квалификационная категория", "E-mail", "Телефон", "Примечание"):
        assert name in header, name
    assert all(c.font.bold for c in sheet[1]), "the header is not bold"
    assert sheet.freeze_panes == "A2", sheet.freeze_panes
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), sheet.auto_filter.ref
    col = lambda name: header.index(name)
    letter = openpyxl.utils.get_column_letter
    assert sheet.column_dimensions[letter(col("Фамилия") + 1)].width >= 12
    assert sheet.max_row == len(records) + 1, (sheet.max_row, len(records))

    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    by_name = {}
    for r in records:
        by_name.setdefault((r["surname"], r["name"], r["patronymic"] or None), []).append(r)
    dates = 0
    for row in rows:
        birth = row[col("Дата рождения")]
        if birth is not None:
            assert isinstance(birth, datetime.datetime), (row, type(birth))
            dates += 1
        key = (row[0], row[1], row[2])
        assert key in by_name, key
        match = [r for r in by_name[key]
                 if (r["birth_date"] or None) == (birth.date().isoformat() if birth else None)]
        assert match, key
        r = match[0]
        assert (row[col("Телефон")] or "") == r["phone"], (row[col("Телефон")], r["phone"])
        assert row[col("Категория")] in ("педагог", "обучающийся", "партнёр", "руководитель")
    assert dates >= len(records) // 2, dates
    cell = sheet.cell(row=2, column=col("Дата рождения") + 1)
    formats = {sheet.cell(row=i, column=col("Дата рождения") + 1).number_format
               for i in range(2, sheet.max_row + 1)
               if sheet.cell(row=i, column=col("Дата рождения") + 1).value is not None}
    assert formats == {"dd.mm.yyyy"}, formats
    # A phone is text as written, never a formula or a number.
    phones = [row[col("Телефон")] for row in rows if row[col("Телефон")]]
    assert all(isinstance(p, str) and not p.startswith("'") for p in phones), phones[:3]

    # Pairs and the roadmap: the same kind of sheet, CSV and XLSX alike.
    for target, title, date_column in (("pairs", "Пары и группы", "Начало"),
                                       ("roadmap", "Дорожная карта", "Выполнено"),
                                       ("programmes", "Программы", "Срок")):
        path = os.path.join(work, target + ".xlsx")
        out = run("export", target, path)
        n = int(out.split()[0])
        assert n > 0, out
        sheet = openpyxl.load_workbook(path)[title]
        header = [c.value for c in sheet[1]]
        assert sheet.max_row == n + 1, (target, sheet.max_row, n)
        assert sheet.freeze_panes == "A2" and all(c.font.bold for c in sheet[1]), target
        values = [r[header.index(date_column)] for r in sheet.iter_rows(min_row=2, values_only=True)]
        assert any(isinstance(v, datetime.datetime) for v in values), (target, values[:5])
        csv_path = os.path.join(work, target + ".csv")
        run("export", target, csv_path)
        text = open(csv_path, "rb").read()
        assert text.startswith(b"\xef\xbb\xbf") and text.count(b"\r\n") >= n + 1, target
        print(f"ok - {target}: {n} rows in XLSX and CSV")

    # The programmes' plans: one row an occurrence, matching the CSV; the
    # same file by the English spelling.
    programmes = os.path.join(work, "programs.xlsx")
    n = int(run("export", "programs", programmes).split()[0])
    sheet = openpyxl.load_workbook(programmes)["Программы"]
    header = [c.value for c in sheet[1]]
    assert header == ["№ пары", "Учебный год", "Наставник", "Наставляемые", "Форма наставничества",
                      "Состояние программы", "№", "Мероприятие", "Сроки", "Ответственный",
                      "Ожидаемый результат", "Начало", "Срок", "Выполнено", "Состояние"], header
    plan = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(plan) == n, (len(plan), n)
    with open(os.path.join(work, "programmes.csv"), encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f, delimiter=";"))[1:]
    assert len(table) == n, (len(table), n)
    at = header.index
    for row, line in zip(plan, table):
        assert isinstance(row[at("№ пары")], (int, float)), row
        assert row[at("Мероприятие")] == (line[at("Мероприятие")] or None), (row, line)
        for name in ("Начало", "Срок", "Выполнено"):
            value = row[at(name)]
            assert value is None or isinstance(value, datetime.datetime), (name, value)
            text = value.strftime("%d.%m.%Y") if value else ""
            assert text == line[at(name)], (name, text, line[at(name)])
    assert any(row[at("Срок")] is None and row[at("Сроки")] for row in plan), "no undated schedule"
    print(f"ok - programs: {n} plan rows, dates as dates, the same as the CSV")

    # The orders journal, after two orders are registered, the older last.
    run("print", "order-curator", "--date", "09.09.2025", "-o", os.path.join(work, "curator.pdf"))
    run("print", "order-introduction", "--date", "01.09.2025", "-o", os.path.join(work, "intro.pdf"))
    # The example school's journal has six orders of its own, of 2024 and 2025.
    orders = os.path.join(work, "orders.xlsx")
    out = run("export", "orders", orders)
    assert out.startswith("8 rows written"), out
    sheet = openpyxl.load_workbook(orders)["Журнал приказов"]
    header = [c.value for c in sheet[1]]
    assert header == ["Рег. №", "Дата", "Вид приказа", "Заголовок"], header
    journal = list(sheet.iter_rows(min_row=2, values_only=True))
    dates = [r[1] for r in journal]
    assert dates == sorted(dates), dates
    ours = [r for r in journal if r[1] in (datetime.datetime(2025, 9, 1), datetime.datetime(2025, 9, 9))]
    assert [r[1] for r in ours] == [datetime.datetime(2025, 9, 1), datetime.datetime(2025, 9, 9)], journal
    assert ours[0][2] == "О внедрении целевой модели наставничества", ours[0]
    assert ours[1][2] == "О назначении куратора" and ours[1][0].endswith("о-д"), ours[1]
    assert sheet.cell(row=2, column=2).number_format == "dd.mm.yyyy"
    run("export", "orders", os.path.join(work, "orders.csv"))
    text = open(os.path.join(work, "orders.csv"), encoding="utf-8-sig", newline="").read()
    assert text.startswith("Рег. №;Дата;Вид приказа;Заголовок\r\n"), text[:80]
    assert ";01.09.2025;О внедрении целевой модели наставничества;" in text, text
    print("ok - orders: the journal in XLSX and CSV, oldest first")

print(f"ok - xlsx: {len(rows)} rows, {dates} dates as dates, header bold and frozen")
