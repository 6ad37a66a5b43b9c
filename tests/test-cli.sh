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

echo "all ok"
