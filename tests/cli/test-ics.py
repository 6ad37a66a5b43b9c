#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The calendar read back by a real reader (python3-icalendar from Debian):
the example school's calendar written by nastavnik-cli, checked octet by
octet, then event by event against the roadmap's JSON listing and the
programmes' table.

    test-ics.py PATH-TO-nastavnik-cli
"""
import collections
import csv
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

import icalendar

cli = os.path.realpath(sys.argv[1])
env = dict(os.environ, TZ="UTC", NST_TODAY="2025-11-15", LANG="C.UTF-8",
           XDG_DATA_HOME="/nonexistent-xdg-data-home")
ONE_DAY = datetime.timedelta(days=1)
UID = re.compile(r"^(roadmap|plan)-(\d+)-(\d{8})@nastavnik$")


def iso(text):
    return datetime.date.fromisoformat(text)


def ru(text):
    return datetime.datetime.strptime(text, "%d.%m.%Y").date()


with tempfile.TemporaryDirectory() as work:
    db = os.path.join(work, "school.db")
    ics = os.path.join(work, "календарь.ics")
    table = os.path.join(work, "programmes.csv")

    def run(*args):
        return subprocess.run([cli, "--database", db, *args], env=env, check=True,
                              capture_output=True, text=True).stdout

    run("demo")
    out = run("export", "calendar", ics)
    assert re.match(r"^\d+ events written to ", out), out
    n = int(out.split()[0])
    assert oct(os.stat(ics).st_mode & 0o777) == "0o600", oct(os.stat(ics).st_mode)
    assert [f for f in os.listdir(work) if f.startswith(".")] == [], os.listdir(work)
    roadmap = json.loads(run("list", "roadmap", "--format", "json"))
    run("export", "programmes", table)
    with open(table, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    raw = open(ics, "rb").read()

    # ---- the octets: CRLF, folded at 75 without splitting a letter -------------
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "a bare LF"
    assert b"\r" not in raw.replace(b"\r\n", b""), "a bare CR"
    lines = raw.split(b"\r\n")[:-1]
    for line in lines:
        assert 0 < len(line) <= 75, (len(line), line)
        line.decode("utf-8")  # each physical line whole UTF-8 on its own
    folded = sum(1 for line in lines if line.startswith(b" "))
    assert folded > 1000, folded
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
    print(f"ok - {len(lines)} lines, CRLF, none over 75 octets, {folded} folds inside whole letters")

    # ---- the calendar as a reader sees it ---------------------------------------
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0" and str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["PRODID"]).startswith("-//Nastavnik//"), cal["PRODID"]
    assert str(cal["X-WR-CALNAME"]) == "Наставник", cal["X-WR-CALNAME"]
    events = cal.walk("VEVENT")
    assert len(events) == n, (len(events), n)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == n, "UIDs repeat"
    by_kind = collections.defaultdict(list)
    for e in events:
        kind, item, due = UID.match(str(e["UID"])).groups()
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        # All-day: dates, not times; DTEND the day after the last.
        assert type(start) is datetime.date and type(end) is datetime.date, (start, end)
        assert start < end, (e["UID"], start, end)
        assert end - ONE_DAY == datetime.datetime.strptime(due, "%Y%m%d").date(), e["UID"]
        stamp = e.decoded("DTSTAMP")
        assert isinstance(stamp, datetime.datetime) and stamp.utcoffset() == datetime.timedelta(0)
        assert str(e["STATUS"]) in ("CONFIRMED", "TENTATIVE", "CANCELLED"), e["STATUS"]
        assert str(e["TRANSP"]) == "TRANSPARENT"
        by_kind[kind].append((int(item), e))
    assert sorted(by_kind) == ["plan", "roadmap"], sorted(by_kind)
    print(f"ok - {n} all-day events, unique UIDs, DTEND after DTSTART")

    # ---- the roadmap: each item's occurrences, dates and text -------------------
    items = collections.defaultdict(list)
    for item, e in by_kind["roadmap"]:
        items[item].append(e)
    assert len(by_kind["roadmap"]) == sum(r["occurrences"] for r in roadmap)
    spans = 0
    for r in roadmap:
        mine = sorted(items[r["id"]], key=lambda e: e.decoded("DTSTART"))
        assert len(mine) == r["occurrences"], (r["number"], len(mine), r["occurrences"])
        if not mine:
            continue
        assert mine[0].decoded("DTSTART") == iso(r["starts_on"]), (r["number"], mine[0].decoded("DTSTART"))
        assert mine[-1].decoded("DTEND") - ONE_DAY == iso(r["ends_on"]), r["number"]
        for e in mine:
            # Long, Cyrillic, with commas: unfolded and unescaped exactly.
            assert str(e["SUMMARY"]) == r["content"], (str(e["SUMMARY"]), r["content"])
            text = str(e["DESCRIPTION"])
            assert f", № {r['number']}\n" in text, text
            assert f"\nСроки: {r['schedule']}\n" in text, text
            assert str(e["CATEGORIES"].to_ical(), "utf-8") == "Дорожная карта"
            spans += (e.decoded("DTEND") - e.decoded("DTSTART")).days > 1
    assert spans > 0, "no period spans"
    longest = max((e for _, e in by_kind["roadmap"]), key=lambda e: len(str(e["SUMMARY"]).encode()))
    assert len(str(longest["SUMMARY"]).encode()) > 150, longest["SUMMARY"]
    print(f"ok - roadmap: {len(by_kind['roadmap'])} events for {len(roadmap)} items, {spans} spans")

    # ---- the programmes: each dated row of the table is one event -------------
    dated = [r for r in rows if r["Срок"]]
    assert len(rows) >= len(dated) > 100, (len(rows), len(dated))
    expected = collections.Counter(
        (r["Мероприятие"], ru(r["Начало"] or r["Срок"]), ru(r["Срок"])) for r in dated)
    seen = collections.Counter(
        (str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND") - ONE_DAY)
        for _, e in by_kind["plan"])
    assert seen == expected, (expected - seen, seen - expected)
    mentors = {r["Наставник"] for r in dated}
    statuses = collections.Counter(str(e["STATUS"]) for _, e in by_kind["plan"])
    for _, e in by_kind["plan"]:
        text = str(e["DESCRIPTION"])
        first = text.split("\n")[0]
        assert first.startswith("Наставник: ") and first[len("Наставник: "):] in mentors, first
        assert "\nПрограмма: " in text and "\nСроки: " in text, text
        if str(e["STATUS"]) == "TENTATIVE":
            assert text.endswith("\nПрограмма ещё не утверждена"), text
        if str(e["STATUS"]) == "CANCELLED":
            assert "\nОтменено: программа завершена: " in text, text
    assert statuses["CONFIRMED"] and statuses["TENTATIVE"] and statuses["CANCELLED"], statuses
    done = [e for _, e in by_kind["plan"] if "\nВыполнено: " in str(e["DESCRIPTION"])]
    assert len(done) == sum(1 for r in dated if r["Выполнено"]), len(done)
    assert any("ё" in str(e["SUMMARY"]) + str(e["DESCRIPTION"]) for e in events), "no ё anywhere"
    print(f"ok - programmes: {len(dated)} dated occurrences are {len(by_kind['plan'])} events, "
          f"{dict(statuses)}")

print(f"ok - ics: {n} events read back by icalendar {icalendar.__version__}")
