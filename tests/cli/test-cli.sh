#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The command-line tool end to end: the example school, the listings and
# the errors a user meets.
#
#   test-cli.sh PATH-TO-nastavnik-cli
set -euo pipefail

cli=$(realpath "$1")
python=/usr/bin/python3

export TZ=UTC NST_TODAY=2025-11-15 LANG=C.UTF-8
export G_DEBUG=fatal-criticals
# The default database must never be touched by a test.
export XDG_DATA_HOME=/nonexistent-xdg-data-home

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

# Runs the tool expecting it to fail with a message of its own on stderr
# and its own exit status: 1 or 2, not a crash or a sanitizer's report.
expect_failure () {
  local what=$1 status=0
  shift
  "$cli" "$@" >out.txt 2>err.txt || status=$?
  [ "$status" -ne 0 ] || fail "$what: exited 0"
  [ "$status" -le 2 ] || fail "$what: exit status $status: $(cat err.txt)"
  ! grep -q 'Sanitizer' err.txt || fail "$what: $(cat err.txt)"
  grep -q '^nastavnik-cli: ' err.txt || fail "$what: no 'nastavnik-cli: ' message on stderr: $(cat err.txt)"
  echo "ok - $what: $(head -n 1 err.txt)"
}

# ---- the example school ----------------------------------------------------
"$cli" --database school.db demo >demo.txt
grep -Eq '[0-9]{3}' demo.txt || fail "demo does not say how many were added: $(cat demo.txt)"
echo "ok - demo: $(cat demo.txt)"

expect_failure "second demo" --database school.db demo

"$cli" --database school.db list participants --format json >list.json
"$python" - list.json <<'EOF'
import json, sys

records = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(records, list), "not an array"
fields = ["id", "surname", "name", "patronymic", "full_name", "category",
          "category_label", "post", "class", "subjects", "birth_date",
          "teaching_since", "mentoring_since", "teaching_years", "mentoring_years",
          "qualification", "qualification_label", "young_specialist", "is_mentor",
          "is_mentee", "request", "competences", "email", "phone", "contact",
          "note", "archived", "missing_consents", "consent_state"]
for r in records:
    missing = [f for f in fields if f not in r]
    assert not missing, f"{r.get('full_name')}: no {missing}"
    assert set(r["missing_consents"]) <= {"processing", "mentor"}, r["missing_consents"]

n = len(records)
students = [r for r in records if r["category"] == "student"]
staff = [r for r in records if r["category"] != "student"]
assert 600 <= n <= 720, f"{n} participants"
assert len(staff) >= 55, f"{len(staff)} staff"
assert len(students) >= 550, f"{len(students)} students"
assert len({r["id"] for r in records}) == n, "ids repeat"
assert sum(1 for r in records if r["missing_consents"]) >= n // 20, "too few missing consents"
assert any("ё" in r["full_name"].lower() for r in records), "no name with ё"
assert any("-" in r["surname"] for r in records), "no double surname"
assert sum(1 for r in staff if r["is_mentor"]) >= 10, "too few mentors"
assert any(r["young_specialist"] and r["is_mentee"] for r in records), "no young specialist mentee"
assert all(r["class"] for r in students), "a student without a class"
assert all(r["teaching_years"] is None or r["teaching_years"] >= 0 for r in records)
print(f"ok - json: {n} participants, {len(staff)} staff, {len(students)} students")
EOF

"$cli" --database school.db list participants --format csv >list.csv
"$python" - list.csv list.json <<'EOF'
import csv, io, json, sys

raw = open(sys.argv[1], "rb").read()
records = json.load(open(sys.argv[2], encoding="utf-8"))
assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte order mark"
text = raw[3:].decode("utf-8")
assert text.endswith("\r\n"), "the last line does not end in CRLF"
assert "\n" not in text.replace("\r\n", ""), "a bare LF line end"
rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
assert rows[0][0] == "id" and "missing_consents" in rows[0], rows[0]
assert len(rows) == len(records) + 1, f"{len(rows)} rows for {len(records)} records"
assert all(len(row) == len(rows[0]) for row in rows), "rows of different lengths"
assert [row[0] for row in rows[1:]] == [str(r["id"]) for r in records], "not the JSON's order"
print(f"ok - csv: header and {len(rows) - 1} rows")
EOF

"$cli" --database school.db list participants >list.txt
[ "$(wc -l <list.txt)" -gt 600 ] || fail "text listing too short"
echo "ok - text listing"

# ---- the same school every time --------------------------------------------
mkdir again
"$cli" --database again/school.db demo >/dev/null
"$cli" --database again/school.db list participants --format json >again.json
cmp -s list.json again.json || fail "two example schools differ"
echo "ok - deterministic"

# ---- the school's details ----------------------------------------------------
# A new database prints nothing until its details are in; the CLI enters them.
expect_failure "print before the school's details" --database new.db print order-curator -o curator.pdf
grep -q 'school set' err.txt || fail "the refusal does not say how to go on: $(cat err.txt)"
[ ! -e curator.pdf ] || fail "a refused print left a file"
expect_failure "a wrong INN" --database new.db school set --full-name "МАОУ СОШ № 7" --inn 123
grep -q -- '--inn' err.txt || fail "the wrong INN is not named: $(cat err.txt)"
expect_failure "a wrong school year" --database new.db school set --school-year 2025/2027
"$cli" --database new.db school set --full-name "МАОУ «СОШ № 7»" --short-name "СОШ № 7" \
  --city "Иркутск" --director-post "Директор" --director-name "Петров Иван Иванович" \
  --curator-post "Заместитель директора по УВР" --curator-name "Бирюкова Евгения Кирилловна" \
  --inn 3817012344 --school-year 2025 --mentee-limit 2 >out.txt
"$cli" --database new.db school show --format json >school.json
python3 - school.json <<'PY' || fail "school show does not give back what was set: $(cat school.json)"
import json, sys
values = {r["field"]: r["value"] for r in json.load(open(sys.argv[1]))}
assert values["full-name"] == "МАОУ «СОШ № 7»", values
assert values["inn"] == "3817012344" and values["mentee-limit"] == "2", values
assert values["school-year"].startswith("2025"), values
PY
"$cli" --database new.db print order-curator --date 01.09.2025 -o curator.pdf >out.txt
grep -qF 'Бирюков' <<<"$(pdftotext curator.pdf - 2>&1)" || fail "the curator's order does not name the curator"
echo "ok - school set, show, and the first order of a new database"

# The curator chosen from the registry's staff (the example school's
# numbers): a pupil and an unknown number refused in Russian; a teacher's
# name and post then in «school show» and in the order.
read -r pupil teacher teacher_name teacher_post < <("$python" - list.json <<'PY'
import json, sys
people = json.load(open(sys.argv[1], encoding="utf-8"))
pupil = next(p for p in people if p["category"] == "student")
teacher = next(p for p in people if p["category"] == "teacher" and p["post"] and not p["archived"])
print(pupil["id"], teacher["id"], teacher["full_name"].replace(" ", "_"), teacher["post"].replace(" ", "_"))
PY
)
LANGUAGE=ru expect_failure "a pupil as the curator" --database school.db school set --curator-id "$pupil"
grep -q -- '--curator-id: .*не работник школы' err.txt || fail "the pupil's refusal: $(cat err.txt)"
LANGUAGE=ru expect_failure "an unknown curator" --database school.db school set --curator-id 999999
grep -q 'В реестре нет участника с номером 999999' err.txt || fail "the unknown number's refusal: $(cat err.txt)"
"$cli" --database school.db school set --curator-id "$teacher" >out.txt
"$cli" --database school.db school show --format json >school.json
"$python" - school.json "$teacher" "${teacher_name//_/ }" "${teacher_post//_/ }" <<'PY' || fail "school show does not show the curator chosen: $(cat school.json)"
import json, sys
values = {r["field"]: r["value"] for r in json.load(open(sys.argv[1]))}
assert values["curator-id"] == sys.argv[2], values
assert values["curator-name"] == sys.argv[3], values
assert values["curator-post"] == sys.argv[4], values
PY
"$cli" --database school.db print order-curator --date 01.12.2025 -o chosen.pdf >out.txt
surname=${teacher_name%%_*}
grep -qF "${surname:0:5}" <<<"$(pdftotext chosen.pdf - 2>&1)" || fail "the order does not name the curator chosen"
"$cli" --database school.db school set --curator-id 0 >out.txt
"$cli" --database school.db school show --format json >school.json
grep -q '"curator-id"' school.json || fail "no curator-id in school show"
echo "ok - the curator chosen from the registry by --curator-id"

# ---- errors ----------------------------------------------------------------
"$cli" --help >help.txt
grep -q 'demo' help.txt && grep -q 'list' help.txt && grep -q 'participants' help.txt || fail "--help lists no commands"
echo "ok - help"

expect_failure "unknown command" --database typo.db frobnicate
[ ! -e typo.db ] || fail "an unknown command created the database"
expect_failure "no command" --database typo.db
expect_failure "unknown list target" --database school.db list teachers
expect_failure "list without target" --database school.db list
expect_failure "bad format" --database school.db list participants --format xml
expect_failure "format on demo" --database fresh.db demo --format json
expect_failure "missing directory" --database "$work/no/such/dir/school.db" list participants
[ ! -e "$work/no" ] || fail "the missing directory was created"

head -c 4096 /dev/urandom >garbage.db
before=$(sha256sum garbage.db)
expect_failure "garbage database" --database garbage.db list participants
[ "$(sha256sum garbage.db)" = "$before" ] || fail "the garbage file was changed"
expect_failure "garbage database, demo" --database garbage.db demo
[ "$(sha256sum garbage.db)" = "$before" ] || fail "the garbage file was changed by demo"
# In Russian, SQLite's English only as the detail at the end.
LANGUAGE=ru expect_failure "garbage database, in Russian" --database garbage.db list participants
grep -q 'файл не является базой данных' err.txt || fail "no Russian reason: $(cat err.txt)"
grep -q '(SQLite: file is not a database)$' err.txt || fail "no SQLite detail at the end: $(cat err.txt)"
: >empty.db
LANGUAGE=ru expect_failure "an empty file that is not ours" --database empty.db list participants
grep -q 'пустой файл' err.txt || fail "the empty file is not explained: $(cat err.txt)"
[ ! -s empty.db ] || fail "the empty file was turned into a database"

# ---- import and export of participants --------------------------------------
"$cli" --database school.db export participants export.csv >export.txt
n_listed=$("$python" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' list.json)
grep -q "^$n_listed rows written to export.csv" export.txt || fail "export does not say how many: $(cat export.txt)"
"$cli" --database school.db export participants export.xlsx >/dev/null
[ "$(head -c 2 export.xlsx)" = "PK" ] || fail "export.xlsx is not a zip file"
[ "$(stat -c %a export.csv)" = 600 ] || fail "export.csv is not private"
echo "ok - export: $(cat export.txt)"

"$cli" --database imported.db import participants export.csv --dry-run >dry.txt
grep -q 'Would add: ' dry.txt || fail "dry run: $(cat dry.txt)"
[ "$("$cli" --database imported.db list participants --format csv | wc -l)" -eq 0 ] || fail "dry run wrote"
"$cli" --database imported.db import participants export.csv >import.txt
grep -q 'Added: ' import.txt || fail "import: $(cat import.txt)"
"$cli" --database imported.db list participants --format json >imported.json
"$python" - list.json imported.json <<'PY'
import json, sys
skip = {"id", "missing_consents", "consent_state"}
norm = lambda path: sorted(json.dumps({k: v for k, v in r.items() if k not in skip}, sort_keys=True)
                           for r in json.load(open(path, encoding="utf-8")))
a, b = norm(sys.argv[1]), norm(sys.argv[2])
assert len(a) == len(b), (len(a), len(b))
assert a == b, next((x, y) for x, y in zip(a, b) if x != y)
print(f"ok - round trip export → import: {len(a)} participants the same")
PY
"$cli" --database imported.db import participants export.csv >again.txt
grep -q 'Added: 0, updated: 0, skipped: ' again.txt || fail "re-import: $(cat again.txt)"
"$cli" --database imported.db import participants export.csv --on-duplicate update >update.txt
grep -q 'Added: 0, updated: [1-9]' update.txt || fail "update: $(cat update.txt)"
echo "ok - duplicates: $(cat again.txt) / $(cat update.txt)"

printf 'Фамилия;Имя;Категория;Класс;Дата рождения\nВерный;Иван;педагог;;\nДатов;Пётр;обучающийся;7А;31.02.2015\n;Безфамильный;педагог;;\nКатегорин;Иван;завхоз;;\n' >invalid.csv
before=$("$cli" --database imported.db list participants --format csv | wc -l)
expect_failure "import of invalid rows" --database imported.db import participants invalid.csv
grep -q '^line 3: Дата рождения: ' err.txt || fail "no line 3: $(cat err.txt)"
grep -q '^line 4: Фамилия: ' err.txt || fail "no line 4: $(cat err.txt)"
grep -q '^line 5: Категория: ' err.txt || fail "no line 5: $(cat err.txt)"
! grep -q '^line 2' err.txt || fail "a valid row reported: $(cat err.txt)"
[ "$("$cli" --database imported.db list participants --format csv | wc -l)" -eq "$before" ] \
  || fail "an invalid file changed the registry"
expect_failure "import of invalid rows into no database" --database new-invalid.db import participants invalid.csv
[ ! -e new-invalid.db ] || fail "an invalid file created the database"

printf 'Фамилия;Имя\nИванов;"Иван\n' >broken.csv
expect_failure "import of broken quoting" --database imported.db import participants broken.csv
grep -q 'Line 2' err.txt || fail "the broken line is not named: $(cat err.txt)"
head -c 2048 /dev/urandom >random.csv
printf 'PK\003\004\000\000' >>random.csv
expect_failure "import of a binary file" --database imported.db import participants random.csv
expect_failure "import of a missing file" --database missing.db import participants no-such.csv
[ ! -e missing.db ] || fail "a missing file created the database"
expect_failure "import without target" --database imported.db import
expect_failure "import of pairs" --database imported.db import pairs export.csv
expect_failure "import without file" --database imported.db import participants
expect_failure "bad --on-duplicate" --database imported.db import participants export.csv --on-duplicate merge
expect_failure "export without target" --database school.db export
expect_failure "export of unknown target" --database school.db export teachers x.csv
expect_failure "export to unknown format" --database school.db export participants x.ods
[ ! -e x.ods ] || fail "x.ods was written"
expect_failure "export into a missing folder" --database school.db export participants no/such/x.csv
[ ! -e no ] || fail "the missing folder was created"

# ---- pairs, groups and programmes of the example school ----------------------
"$cli" --database school.db list pairs --format json >pairs.json
"$cli" --database school.db list programmes --format json >programmes.json
"$python" - pairs.json programmes.json <<'EOF'
import json, sys

pairs = json.load(open(sys.argv[1], encoding="utf-8"))
programmes = json.load(open(sys.argv[2], encoding="utf-8"))
fields = ["id", "is_group", "form", "form_label", "interaction_model", "interaction_model_label",
          "kind", "kind_label", "mentor_id", "mentor", "mentee_ids", "mentees", "status",
          "status_label", "starts_on", "ends_on", "end_reason", "end_reason_label", "ended_on",
          "order_number", "order_date", "programme_id", "progress_done", "progress_due",
          "progress_total", "overdue"]
for r in pairs:
    missing = [f for f in fields if f not in r]
    assert not missing, f"pair {r.get('id')}: no {missing}"
    n = len(r["mentees"])
    assert (n >= 2) if r["is_group"] else (n == 1), f"pair {r['id']}: {n} mentees"
    assert r["mentor"] not in r["mentees"], f"pair {r['id']} mentors themselves"
    assert (r["form"] == "pedagogue-pedagogue") == (r["interaction_model"] is not None), r
    assert (r["status"] in ("finished", "terminated")) == (r["end_reason"] is not None), r
only_pairs = [r for r in pairs if not r["is_group"]]
groups = [r for r in pairs if r["is_group"]]
assert len(only_pairs) >= 40, f"{len(only_pairs)} pairs"
assert len(groups) >= 3, f"{len(groups)} groups"
states = {r["status"] for r in pairs}
assert states == {"draft", "approved", "active", "finished", "terminated"}, states
assert all(r["status"] == "finished" for r in pairs if r["end_reason"] == "plan-done")
active = [r for r in pairs if r["status"] == "active"]
by_id = {p["id"]: p for p in programmes}
for r in active:
    assert r["programme_id"] is not None, f"active pair {r['id']} has no programme"
    assert by_id[r["programme_id"]]["school_year"] == 2025, by_id[r["programme_id"]]
    assert by_id[r["programme_id"]]["status"] == "active"
assert sum(r["overdue"] or 0 for r in active) > 0, "nothing overdue"
assert sum(r["progress_done"] or 0 for r in active) > 0, "nothing done"

fields = ["id", "pair_id", "school_year", "school_year_label", "title", "status", "status_label",
          "form", "form_label", "mentor", "mentees", "starts_on", "ends_on", "template_id",
          "request", "goal", "tasks", "expected_result", "result", "end_reason", "ended_on",
          "progress_done", "progress_due", "progress_total", "overdue"]
for p in programmes:
    missing = [f for f in fields if f not in p]
    assert not missing, f"programme {p.get('id')}: no {missing}"
    assert 0 <= p["progress_done"] <= p["progress_due"] <= p["progress_total"], p
assert any(p["template_id"] == 1 for p in programmes), "no programme from the seed's template"
assert len({(p["pair_id"], p["school_year"]) for p in programmes}) == len(programmes), "two programmes a year"
print(f"ok - pairs: {len(only_pairs)} pairs, {len(groups)} groups, {len(active)} active; "
      f"{len(programmes)} programmes")
EOF

"$cli" --database school.db list pairs --format csv >pairs.csv
head -n 1 pairs.csv | grep -q 'id;is_group;form;' || fail "pairs CSV header: $(head -n 1 pairs.csv)"
n_pairs=$("$python" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' pairs.json)
[ "$(wc -l <pairs.csv)" -eq $((n_pairs + 1)) ] || fail "pairs CSV and JSON differ in length"
"$cli" --database school.db list programs --format csv >programs.csv
"$cli" --database school.db list programmes --format csv >programmes.csv
cmp -s programs.csv programmes.csv || fail "list programs and list programmes differ"
"$cli" --database school.db list groups --format json | cmp -s - pairs.json || fail "list groups and list pairs differ"
"$cli" --database school.db list pairs >pairs.txt
grep -q 'Mentor — mentees' pairs.txt && grep -q 'group' pairs.txt || fail "pairs text table: $(head -n 3 pairs.txt)"
"$cli" --database school.db list programmes >programmes.txt
grep -q '2025/2026' programmes.txt || fail "programmes text table: $(head -n 3 programmes.txt)"
echo "ok - pairs and programmes as csv and text"

echo "all ok"

# ---- the roadmap and its Gantt chart ---------------------------------------------
"$cli" --database school.db list roadmap --format json >roadmap.json
"$python" - roadmap.json <<'EOF_ROADMAP'
import json, sys

records = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(records) == 17, f"{len(records)} roadmap items, not the seed's 17"
fields = ["id", "number", "section", "content", "schedule", "timing", "starts_on", "ends_on",
          "next_due", "occurrences", "expected_result", "indicator", "indicator_target",
          "indicator_value", "indicator_on", "indicator_met", "responsible", "responsible_ids",
          "responsible_people", "status", "status_label", "done_on", "state", "state_label"]
for r in records:
    missing = [f for f in fields if f not in r]
    assert not missing, f"{r.get('number')}: no {missing}"
assert len({r["section"] for r in records}) == 5, "not five sections"
states = {r["state"] for r in records}
assert {"done", "due_soon", "overdue", "planned"} <= states, states
assert records[0]["content"].startswith("Формирование базы наставляемых"), records[0]["content"]
assert any(r["indicator_target"] == "не менее 10 %" for r in records)
assert any(r["responsible_people"] for r in records), "nobody from the registry answers for anything"
quarterly = [r for r in records if r["schedule"] == "1 раз в четверть"][0]
assert quarterly["timing"] == "recurring" and quarterly["occurrences"] == 12, quarterly
print(f"ok - list roadmap: {len(records)} items, states {sorted(states)}")
EOF_ROADMAP
"$cli" --database school.db list roadmap --format csv >roadmap.csv
head -n 1 roadmap.csv | grep -q 'id;number;section;content;schedule;' || fail "roadmap CSV header: $(head -n 1 roadmap.csv)"
[ "$(wc -l <roadmap.csv)" -ge 18 ] || fail "roadmap CSV: $(wc -l <roadmap.csv) lines"
"$cli" --database school.db list roadmap >roadmap.txt
grep -q 'Формирование наставнических пар' roadmap.txt || fail "roadmap text table: $(head -n 3 roadmap.txt)"

"$cli" --database school.db gantt -o chart.png
"$python" - chart.png <<'EOF_PNG'
import struct, sys

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert width == 1600 and 600 < height < 4000, (width, height)
print(f"ok - gantt PNG {width}×{height}")
EOF_PNG
"$cli" --database school.db gantt --status-date 2024-11-15 -o chart.pdf
pdfinfo chart.pdf >chart-info.txt
grep -Eq '^Page size: +841.89 x 595.28 pts' chart-info.txt || fail "gantt PDF is not landscape A4: $(grep 'Page size' chart-info.txt)"
grep -Eq '^Pages: +2$' chart-info.txt || fail "gantt PDF pages: $(grep Pages chart-info.txt)"
pdftotext chart.pdf chart.txt
grep -q 'Информационное сопровождение' chart.txt || fail "gantt PDF has no section title"
grep -q '15.11.2024' chart.txt || fail "gantt PDF does not say the status date"
[ "$(grep -c 'Дорожная карта реализации' chart.txt)" -eq 2 ] || fail "gantt PDF: the title is not on each page"
"$cli" --database school.db gantt --from 2025-09-01 --to 2025-12-31 -o quarter.pdf
grep -Eq '^Pages: +1$' <(pdfinfo quarter.pdf) || fail "four months do not fit one page"
"$cli" --database school.db gantt --programmes -o programmes.pdf
pdftotext programmes.pdf programmes-chart.txt
grep -q 'Онлайн-планерка' programmes-chart.txt || fail "gantt --programmes shows no plan of a pair"
ls -A | grep -q '^\.chart' && fail "a temporary file was left behind"
echo "ok - gantt PNG and PDF"

expect_failure "gantt without -o" --database school.db gantt
expect_failure "gantt to a .txt" --database school.db gantt -o chart.txt
expect_failure "gantt from after to" --database school.db gantt --from 2026-01-01 --to 2025-01-01 -o x.png
expect_failure "gantt with a bad date" --database school.db gantt --status-date 31.02.2025 -o x.png
expect_failure "gantt into a missing folder" --database school.db gantt -o missing/chart.png
expect_failure "gantt without a roadmap" --database empty-roadmap.db gantt -o x.png
[ ! -e x.png ] || fail "a failed gantt left x.png"

# ---- export of the programmes, the orders journal and the calendar ------------
"$cli" --database school.db export programmes export-programmes.csv >out.txt
grep -Eq '^[0-9]{3,} rows written to export-programmes.csv$' out.txt || fail "export programmes: $(cat out.txt)"
head -n 1 export-programmes.csv | grep -q $'^\xef\xbb\xbf№ пары;Учебный год;Наставник;' || fail "programmes CSV header: $(head -n 1 export-programmes.csv)"
"$cli" --database school.db export programs export-programmes.xlsx >/dev/null
[ "$(head -c 2 export-programmes.xlsx)" = "PK" ] || fail "export-programmes.xlsx is not a zip file"
"$cli" --database school.db export orders export-orders.xlsx >out.txt
grep -Eq '^[0-9]+ rows? written to export-orders.xlsx$' out.txt || fail "export orders: $(cat out.txt)"
echo "ok - export programmes and orders: $(cat out.txt)"

"$cli" --database school.db export calendar school.ics >out.txt
grep -Eq '^[0-9]{3,} events written to school.ics$' out.txt || fail "export calendar: $(cat out.txt)"
[ "$(head -n 1 school.ics)" = $'BEGIN:VCALENDAR\r' ] || fail "school.ics does not begin a calendar"
[ "$(grep -c $'^BEGIN:VEVENT\r$' school.ics)" -eq "$(cut -d ' ' -f 1 out.txt)" ] || fail "school.ics: events not as said"
[ "$(stat -c %a school.ics)" = 600 ] || fail "school.ics is not private"
! LC_ALL=C grep -q $'[^\r]$' school.ics || fail "school.ics has a line without CRLF"
[ "$(LC_ALL=C awk '{ if (length($0) > 76) n++ } END { print n + 0 }' school.ics)" = 0 ] || fail "school.ics has a line over 75 octets"
"$cli" --database school.db export calendar SCHOOL.ICS >/dev/null
echo "ok - export calendar: $(cat out.txt)"

expect_failure "calendar to a .csv" --database school.db export calendar school.csv
expect_failure "programmes to a .ics" --database school.db export programmes x.ics
expect_failure "calendar without a file" --database school.db export calendar
expect_failure "calendar into a missing folder" --database school.db export calendar no/such/x.ics
expect_failure "calendar of an empty database" --database empty-calendar.db export calendar x.ics
[ ! -e x.ics ] || fail "a failed calendar export left x.ics"
echo "all ok - roadmap"
