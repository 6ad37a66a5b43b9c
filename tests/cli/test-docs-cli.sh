#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# «nastavnik-cli print» end to end on the example school: every kind of
# document, read back with poppler; the journal's numbers; errors leave no
# file behind. Usage: test-docs-cli.sh PATH/TO/nastavnik-cli
set -euo pipefail
cli=$1
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
db=$work/school.sqlite
fail() { echo "FAIL: $*" >&2; exit 1; }
has() { grep -qF -- "$2" <<<"$1" || fail "“$2” not in ${3:-the output}"; }

"$cli" -d "$db" demo >/dev/null

check_pdf() {
  local pdf=$1
  [ -s "$pdf" ] || fail "$pdf was not written"
  qpdf --check "$pdf" >/dev/null || fail "qpdf finds errors in $pdf"
  pdffonts "$pdf" | tail -n +3 | awk '{ for (i = 1; i <= NF; i++) if ($i == "yes" || $i == "no") { if ($i != "yes") exit 1; break } }' \
    || fail "a font of $pdf is not embedded"
  grep -q 'A4' <<<"$(pdfinfo "$pdf")" || fail "$pdf is not A4"
  # Documents hold personal data: for their owner's eyes only.
  [ "$(stat -c %a "$pdf")" = 600 ] || fail "$pdf is mode $(stat -c %a "$pdf"), not 600"
  ! compgen -G "$(dirname "$pdf")/.$(basename "$pdf").*" >/dev/null || fail "a temporary of $pdf was left"
}

# A draft says «ПРОЕКТ» at the top of every page; a signed order nowhere.
marked_on_every_page() {
  local pdf=$1 pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  for ((p = 1; p <= pages; p++)); do
    # The top 60 points of the page, whatever the reading order of the rest.
    grep -qx "ПРОЕКТ" <<<"$(pdftotext -f "$p" -l "$p" -x 0 -y 0 -W 900 -H 60 "$pdf" - 2>&1)" ||
      fail "page $p of $pdf has no «ПРОЕКТ» at its top"
  done
}
not_marked() {
  ! grep -q "ПРОЕКТ" <<<"$(pdftotext "$1" - 2>&1)" || fail "$1 is marked «ПРОЕКТ» but is no draft"
}

# Consents: every missing one, and one of each kind.
out=$("$cli" -d "$db" print consents --missing -o "$work/missing.pdf")
has "$out" "forms printed"
check_pdf "$work/missing.pdf"
text=$(pdftotext "$work/missing.pdf" - 2>&1)
has "$text" "СОГЛАСИЕ"
has "$text" "на обработку персональных данных"
# Printed on both sides, no sheet holds two people: each form starts on an
# odd page, after a blank back where the form before it had one page; and
# no page holds a signature without the text it closes.
form_starts() {
  local pdf=$1 pages p page
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  for ((p = 1; p <= pages; p++)); do
    page=$(pdftotext -layout -f "$p" -l "$p" "$pdf" - 2>&1)
    if grep -qx ' *СОГЛАСИЕ *' <<<"$page"; then echo "$p"; fi
    if grep -qF "(расшифровка подписи)" <<<"$page" && [ "$(grep -c . <<<"$page")" -lt 10 ]; then
      fail "page $p of $pdf holds the signature alone"
    fi
  done
}
starts=$(form_starts "$work/missing.pdf")
[ -n "$starts" ] || fail "no form found in the batch"
while read -r p; do
  [ $((p % 2)) -eq 1 ] || fail "a form of the batch starts on page $p, an even one"
done <<<"$starts"
[ $(( $(pdfinfo "$work/missing.pdf" | awk '/^Pages:/ { print $2 }') % 2 )) -eq 0 ] || fail "the batch has an odd count of pages"
"$cli" -d "$db" print consents --missing --no-duplex-padding -o "$work/missing-1.pdf" >/dev/null
check_pdf "$work/missing-1.pdf"
[ "$(form_starts "$work/missing-1.pdf" | wc -l)" -eq "$(wc -l <<<"$starts")" ] || fail "the forms differ without padding"
[ "$(pdfinfo "$work/missing-1.pdf" | awk '/^Pages:/ { print $2 }')" -lt "$(pdfinfo "$work/missing.pdf" | awk '/^Pages:/ { print $2 }')" ] ||
  fail "--no-duplex-padding left the blank pages in"
for kind in processing distribution; do
  "$cli" -d "$db" print consents --participant 5 --kind "$kind" -o "$work/$kind.pdf"
  check_pdf "$work/$kind.pdf"
done
# The mentor's consent is a mentor's: participant 18, a teacher, mentors a
# pair (and cites the Labour Code); 59, a partner, a group.
"$cli" -d "$db" print consents --participant 18 --kind mentor -o "$work/mentor.pdf"
check_pdf "$work/mentor.pdf"
"$cli" -d "$db" print consents --participant 59 --kind mentor -o "$work/mentor-59.pdf"
check_pdf "$work/mentor-59.pdf"
has "$(pdftotext "$work/distribution.pdf" - 2>&1)" "ИНН 3817012344"
has "$(pdftotext "$work/distribution.pdf" - 2>&1 | tr '\n' ' ')" "раздел «Наставничество»."
has "$(pdftotext "$work/mentor.pdf" - 2>&1)" "351.8"

# Orders: numbered in the journal, a draft is not. The example school's
# journal holds its past: three orders of 2024, three of 2025.
[ "$("$cli" -d "$db" export orders "$work/journal.csv")" = "6 rows written to $work/journal.csv" ] ||
  fail "the example school's journal does not hold its six orders"
out=$("$cli" -d "$db" print order-introduction --date 30.12.2025 -o "$work/intro.pdf")
has "$out" "4 о-д"
out=$("$cli" -d "$db" print order-curator --date 31.12.2025 -o "$work/curator.pdf")
has "$out" "5 о-д"
"$cli" -d "$db" print order-curator --date 31.12.2025 --draft -o "$work/draft.pdf"
out=$("$cli" -d "$db" print order-curator --date 01.01.2026 -o "$work/curator-2026.pdf")
has "$out" "1 о-д"
for f in intro curator draft curator-2026; do check_pdf "$work/$f.pdf"; done
# The introduction order approves the roadmap of the database for the
# roadmap's own years and attaches it; it cites no appendix it lacks.
text=$(pdftotext "$work/intro.pdf" - 2>&1 | tr '\n' ' ')
has "$text" "на 2024–2027 годы (приложение)."
has "$text" "Утвердить программу наставничества МАОУ «СОШ № 7»."
has "$text" "Приложение к приказу от 30.12.2025 № 4 о-д"
has "$text" "Дорожная карта реализации Целевой модели наставничества на 2024-2027 год"
! grep -qE "приложение [12]" <<<"$text" || fail "the introduction order cites a numbered appendix"
layout=$(pdftotext -layout "$work/curator.pdf" - 2>&1)
grep -qE '31\.12\.2025 +№ 5 о-д' <<<"$layout" || fail "the date and the number are not on one line"
has "$layout" "ПРИКАЗЫВАЮ:"
has "$layout" "ЛИСТ ОЗНАКОМЛЕНИЯ"
has "$(pdftotext -layout "$work/draft.pdf" - 2>&1)" "№ ________"
marked_on_every_page "$work/draft.pdf"
not_marked "$work/curator.pdf"
# Each curator order ends the one before: the test's first, the example
# school's of 02.09.2024; the next, the test's first.
has "$(pdftotext "$work/curator.pdf" - 2>&1 | tr '\n' ' ')" "Признать утратившим силу приказ от 02.09.2024 № 1 о-д «О назначении куратора"
has "$(pdftotext "$work/curator-2026.pdf" - 2>&1 | tr '\n' ' ')" "Признать утратившим силу приказ от 31.12.2025 № 5 о-д «О назначении куратора"
# The consent to the appointment now cites the order that introduced the model.
"$cli" -d "$db" print consents --participant 18 --kind mentor -o "$work/mentor-2.pdf"
has "$(pdftotext "$work/mentor-2.pdf" - 2>&1 | tr '\n' ' ')" "от 30.12.2025 № 4 о-д"

# The registry, in landscape.
"$cli" -d "$db" print registry -o "$work/registry.pdf"
check_pdf "$work/registry.pdf"
grep -q '841.89 x 595.276' <<<"$(pdfinfo "$work/registry.pdf")" || fail "the registry is not landscape"

# Errors: a message, a non-zero exit, no file.
expect_error() {
  local code=$1 file=$2; shift 2
  set +e
  "$cli" -d "$db" "$@" 2>"$work/stderr" >/dev/null
  local status=$?
  set -e
  [ "$status" -eq "$code" ] || fail "“$*” exited with $status, not $code"
  [ -s "$work/stderr" ] || fail "“$*” said nothing on stderr"
  [ ! -e "$file" ] || fail "“$*” left $file behind"
}
expect_error 2 "$work/e1.pdf" print nonsense -o "$work/e1.pdf"
# The mentor's consent names the mentor's group and its term; someone who
# mentors nobody is refused, and no file is left.
has "$(pdftotext "$work/mentor.pdf" - 2>&1 | tr '\n' ' ')" "Титова Лариса Егоровна"
text=$(pdftotext "$work/mentor-59.pdf" - 2>&1 | tr '\n' ' ')
has "$text" "Ильин Антон Вадимович"
has "$text" "срок наставничества: с 15.09.2025 по 29.05.2026"
expect_error 1 "$work/not-a-mentor.pdf" print consents --participant 278 --kind mentor -o "$work/not-a-mentor.pdf"
has "$(cat "$work/stderr")" "is not a mentor"
expect_error 2 "$work/e2.pdf" print consents -o "$work/e2.pdf"
expect_error 2 "$work/e3.pdf" print consents --participant 5 --kind nonsense -o "$work/e3.pdf"
expect_error 2 "$work/e3.pdf" print consents --participant 5 --kind processing --no-duplex-padding -o "$work/e3.pdf"
expect_error 2 "$work/e4.pdf" print order-curator --date 32.13.2025 -o "$work/e4.pdf"
expect_error 2 "" print registry
expect_error 1 "$work/e5.pdf" print consents --participant 999999 --kind processing -o "$work/e5.pdf"
expect_error 1 "$work/none/e6.pdf" print order-curator -o "$work/none/e6.pdf"
mkdir "$work/ro" && chmod 0555 "$work/ro"
if [ ! -w "$work/ro" ]; then
  expect_error 1 "$work/ro/e7.pdf" print registry -o "$work/ro/e7.pdf"
  [ -z "$(ls -A "$work/ro")" ] || fail "a temporary file was left in the read-only folder"
fi
# The failed order took no number.
out=$("$cli" -d "$db" print order-curator --date 02.01.2026 -o "$work/curator-2026b.pdf")
has "$out" "2 о-д"

# ---- pairs, programmes, the roadmap ---------------------------------------------
pair_field() {  # pair_field ID FIELD: a field of a pair from «list pairs»
  "$cli" -d "$db" list pairs --format json |
    python3 -c 'import json, sys; print(next(p for p in json.load(sys.stdin) if p["id"] == int(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}
landscape_pages() { pdfinfo -f 1 -l 999 "$1" | grep -c '841.89 x 595.276' || true; }

# The example school's approved and active pairs were fixed by its orders.
[ "$(pair_field 10 order_number)" = "1 о-д" ] || fail "pair 10 is not linked to the order that fixed it"
[ "$(pair_field 14 order_number)" = "3 о-д" ] || fail "pair 14 is not linked to the order that fixed it"
# Asked again for a pair an order fixed, that order is reprinted, not issued twice.
before=$("$cli" -d "$db" export orders "$work/before.csv")
out=$("$cli" -d "$db" print order-pairs --pairs 14,15 -o "$work/reprint.pdf")
has "$out" "№ 3 о-д of 11.11.2025"
check_pdf "$work/reprint.pdf"
has "$(pdftotext "$work/reprint.pdf" - 2>&1 | tr '\n' ' ')" "11.11.2025"
[ "$("$cli" -d "$db" export orders "$work/after.csv")" = "${before/before.csv/after.csv}" ] ||
  fail "a reprint went into the journal"
[ "$(pair_field 14 order_number)" = "3 о-д" ] || fail "a reprint moved pair 14 to another order"
# With a pair not fixed by that order, it is refused, naming the order.
expect_error 1 "$work/mixed.pdf" print order-pairs --pairs 14,38 -o "$work/mixed.pdf"
has "$(cat "$work/stderr")" "fixed by order № 3 о-д"
# The order on pairs, by default the year's drafts: three are ready, three
# lack a consent, so it is refused as a whole, naming them and the way out,
# and nothing changes.
[ "$(pair_field 38 status)" = draft ] || fail "pair 38 is not a draft to begin with"
expect_error 1 "$work/pairs-refused.pdf" print order-pairs -o "$work/pairs-refused.pdf"
has "$(cat "$work/stderr")" "Фёдорова Ксения Вадимовна"
has "$(cat "$work/stderr")" "№ 43"
has "$(cat "$work/stderr")" "--ready-only"
[ "$(pair_field 38 status)" = draft ] || fail "a refused order changed pair 38"
[ "$(pair_field 38 order_number)" = None ] || fail "a refused order linked pair 38"
# A draft is printed all the same, saying what would be refused.
"$cli" -d "$db" print order-pairs --draft -o "$work/pairs-draft.pdf" 2>"$work/stderr"
check_pdf "$work/pairs-draft.pdf"
has "$(cat "$work/stderr")" "Фёдорова Ксения Вадимовна"
has "$(pdftotext "$work/pairs-draft.pdf" - 2>&1)" "№ ________"
marked_on_every_page "$work/pairs-draft.pdf"
[ "$(pair_field 38 status)" = draft ] || fail "a draft order changed pair 38"
# A one-pair order: the executor's mark never stands alone on a page; it
# goes with the director's signature.
"$cli" -d "$db" print order-pairs --pairs 38 --draft -o "$work/one-pair.pdf"
check_pdf "$work/one-pair.pdf"
pages=$(pdfinfo "$work/one-pair.pdf" | awk '/^Pages:/ { print $2 }')
for ((p = 1; p <= pages; p++)); do
  page=$(pdftotext -layout -f "$p" -l "$p" "$work/one-pair.pdf" - 2>&1)
  if grep -qF "+7 (39535) 5-17-07" <<<"$page"; then
    grep -q "^Директор" <<<"$page" || fail "page $p of the one-pair order holds the executor's mark without the signature"
    break
  fi
done
[ "$p" -le "$pages" ] || fail "the one-pair order has no executor's mark"
# --ready-only: the order fixes the ready ones, takes the next number (the
# refusal took none), and names the others with what each lacks.
out=$("$cli" -d "$db" print order-pairs --ready-only -o "$work/pairs.pdf" 2>"$work/stderr")
has "$out" "№ 6 о-д"
has "$out" "3 pairs and groups"
has "$(cat "$work/stderr")" "Фёдорова Ксения Вадимовна"
check_pdf "$work/pairs.pdf"
text=$(pdftotext "$work/pairs.pdf" - 2>&1 | tr '\n' ' ')
has "$text" "О назначении наставников и закреплении наставнических пар (групп)"
has "$text" "статьёй 351.8 Трудового кодекса"
has "$text" "программой наставничества МАОУ «СОШ № 7», утверждённой приказом от 30.12.2025 № 4 о-д"
has "$text" "Приложение 1 к приказу от 15.11.2025 № 6 о-д"
has "$text" "ЛИСТ ОЗНАКОМЛЕНИЯ"
has "$text" "Данилова София Романовна"
[ "$(landscape_pages "$work/pairs.pdf")" -ge 1 ] || fail "appendix 1 is not landscape"
for id in 38 39 40; do
  [ "$(pair_field $id status)" = approved ] || fail "pair $id is not approved"
  [ "$(pair_field $id order_number)" = "6 о-д" ] || fail "pair $id is not linked to the order"
done
[ "$(pair_field 41 status)" = draft ] || fail "pair 41, not ready, was approved"

# The order approving programmes: the year's programmes no order approved.
out=$("$cli" -d "$db" print order-programmes -o "$work/programmes.pdf")
has "$out" "№ 7 о-д"
check_pdf "$work/programmes.pdf"
has "$(pdftotext "$work/programmes.pdf" - 2>&1 | tr '\n' ' ')" "Об утверждении персонализированных программ наставничества"
# A programme cites the order that approved it: pair 14's and pair 18's,
# written after the orders that fixed their pairs, the order on programmes.
programme=$(pair_field 14 programme_id)
"$cli" -d "$db" print programme "$programme" -o "$work/programme.pdf"
check_pdf "$work/programme.pdf"
text=$(pdftotext "$work/programme.pdf" - 2>&1 | tr '\n' ' ')
has "$text" "УТВЕРЖДЕНО приказом от 15.11.2025 № 7 о-д"
has "$text" "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА"
has "$text" "Наставник: Соловьёва Анастасия Степановна"
has "$text" "План мероприятий"
has "$text" "(расшифровка подписи)"
"$cli" -d "$db" print program "$(pair_field 18 programme_id)" -o "$work/program.pdf"
check_pdf "$work/program.pdf"
has "$(pdftotext "$work/program.pdf" - 2>&1 | tr '\n' ' ')" "УТВЕРЖДЕНО приказом от 15.11.2025 № 7 о-д"

# The order ending programmes and rewarding the mentors.
out=$("$cli" -d "$db" print order-completion --pairs 1,3 --reward "почётная грамота" -o "$work/completion.pdf")
has "$out" "№ 8 о-д"
check_pdf "$work/completion.pdf"
text=$(pdftotext -layout "$work/completion.pdf" - 2>&1)
has "$text" "Вид поощрения"
has "$text" "Почётная грамота"
"$cli" -d "$db" print order-completion --pairs 1,3 --draft -o "$work/completion-draft.pdf"
has "$(pdftotext -layout "$work/completion-draft.pdf" - 2>&1)" "Благодарность"
# Printed after its programmes ended (the demo's pairs 1 and 3 ended in
# May), it is dated the day the latest ended, unless --date says otherwise.
ended=$(python3 -c 'import sys; print(max(sys.argv[1:]))' "$(pair_field 1 ends_on)" "$(pair_field 3 ends_on)")
ended_ru=$(date -d "$ended" +%d.%m.%Y)
[[ "$ended" < 2025-11-15 ]] || fail "the demo's pairs 1 and 3 have not ended by the tests' today"
grep -qE "^ *${ended_ru//./\\.} +№ 8 о-д" <<<"$text" || fail "an order on programmes ended on $ended_ru is not dated then"
"$cli" -d "$db" print order-completion --pairs 1,3 --date 20.11.2025 --draft -o "$work/completion-dated.pdf"
grep -qE '^ *20\.11\.2025 +№ _' <<<"$(pdftotext -layout "$work/completion-dated.pdf" - 2>&1)" \
  || fail "--date does not date an order on completion"

# The roadmap, in landscape.
"$cli" -d "$db" print roadmap -o "$work/roadmap.pdf"
check_pdf "$work/roadmap.pdf"
[ "$(landscape_pages "$work/roadmap.pdf")" -eq "$(pdfinfo "$work/roadmap.pdf" | awk '/^Pages:/ { print $2 }')" ] \
  || fail "the roadmap is not landscape"
has "$(pdftotext "$work/roadmap.pdf" - 2>&1)" "Показатели"

# Mistakes on the command line; a missing programme.
expect_error 2 "$work/e8.pdf" print programme -o "$work/e8.pdf"
expect_error 2 "$work/e9.pdf" print programme abc -o "$work/e9.pdf"
expect_error 1 "$work/e10.pdf" print programme 999999 -o "$work/e10.pdf"
expect_error 2 "$work/e11.pdf" print order-pairs --pairs 3,x -o "$work/e11.pdf"
expect_error 2 "$work/e12.pdf" print order-pairs --reward грамота -o "$work/e12.pdf"
expect_error 2 "$work/e13.pdf" print order-completion -o "$work/e13.pdf"
expect_error 2 "$work/e14.pdf" print roadmap --draft -o "$work/e14.pdf"
expect_error 1 "$work/e15.pdf" print order-pairs --pairs 999999 -o "$work/e15.pdf"
expect_error 1 "$work/e16.pdf" print order-completion --pairs 1,2,3 --reward a --reward b -o "$work/e16.pdf"
# None of them took a number.
out=$("$cli" -d "$db" print order-curator -o "$work/curator-last.pdf")
has "$out" "№ 9 о-д"

# A new order for a pair an order fixed needs an explicit --replace: without
# it, asked twice, the order is reprinted and the journal keeps one; the
# message names the way. With it a second order fixes the pair, cancels the
# first in its part, naming its number and date, and the pair moves to it;
# the first stays in the journal.
first=$(pair_field 14 order_number)
first_date=$(date -d "$(pair_field 14 order_date)" +%d.%m.%Y)
before=$("$cli" -d "$db" export orders "$work/orders-before.csv")
for i in 1 2; do
  out=$("$cli" -d "$db" print order-pairs --pairs 14 -o "$work/again-$i.pdf")
  has "$out" "№ $first of $first_date fixed these pairs already"
  has "$out" "--replace"
done
[ "$("$cli" -d "$db" export orders "$work/orders-after.csv")" = "${before/orders-before.csv/orders-after.csv}" ] ||
  fail "asking twice for a fixed pair's order issued one"
[ "$(pair_field 14 order_number)" = "$first" ] || fail "a reprint moved pair 14"
expect_error 1 "$work/mixed-replace.pdf" print order-pairs --pairs 14,38 -o "$work/mixed-replace.pdf"
has "$(cat "$work/stderr")" "--replace"
out=$("$cli" -d "$db" print order-pairs --pairs 14 --replace -o "$work/replace.pdf")
has "$out" "№ 10 о-д"
check_pdf "$work/replace.pdf"
not_marked "$work/replace.pdf"
text=$(pdftotext -layout "$work/replace.pdf" - 2>&1 | sed 's/\xc2\xa0/ /g' | tr '\n' ' ' | tr -s ' ')
has "$text" "В связи с изменением состава наставнической пары наставника"
has "$text" "считать утратившим силу приказ от $first_date № $first в части закрепления этой наставнической пары"
[ "$(pair_field 14 order_number)" = "10 о-д" ] || fail "pair 14 is not linked to the order that replaced $first"
"$cli" -d "$db" export orders "$work/orders-replaced.csv" >/dev/null
grep -q "^10 о-д;15.11.2025;" "$work/orders-replaced.csv" || fail "the new order is not in the journal"
grep -q "^$first;$first_date;" "$work/orders-replaced.csv" || fail "the replaced order $first left the journal"
echo "ok"
