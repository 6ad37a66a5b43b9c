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
  pdfinfo "$pdf" | grep -q 'A4' || fail "$pdf is not A4"
}

# Consents: every missing one, and one of each kind.
out=$("$cli" -d "$db" print consents --missing -o "$work/missing.pdf")
has "$out" "forms printed"
check_pdf "$work/missing.pdf"
text=$(pdftotext "$work/missing.pdf" - 2>&1)
has "$text" "СОГЛАСИЕ"
has "$text" "на обработку персональных данных"
for kind in processing distribution mentor; do
  "$cli" -d "$db" print consents --participant 5 --kind "$kind" -o "$work/$kind.pdf"
  check_pdf "$work/$kind.pdf"
done
has "$(pdftotext "$work/distribution.pdf" - 2>&1)" "ИНН 3817012344"
has "$(pdftotext "$work/mentor.pdf" - 2>&1)" "351.8"

# Orders: numbered in the journal, a draft is not.
out=$("$cli" -d "$db" print order-introduction --date 30.12.2025 -o "$work/intro.pdf")
has "$out" "1 о-д"
out=$("$cli" -d "$db" print order-curator --date 31.12.2025 -o "$work/curator.pdf")
has "$out" "2 о-д"
"$cli" -d "$db" print order-curator --date 31.12.2025 --draft -o "$work/draft.pdf"
out=$("$cli" -d "$db" print order-curator --date 01.01.2026 -o "$work/curator-2026.pdf")
has "$out" "1 о-д"
for f in intro curator draft curator-2026; do check_pdf "$work/$f.pdf"; done
layout=$(pdftotext -layout "$work/curator.pdf" - 2>&1)
grep -qE '31\.12\.2025 +№ 2 о-д' <<<"$layout" || fail "the date and the number are not on one line"
has "$layout" "ПРИКАЗЫВАЮ:"
has "$layout" "ЛИСТ ОЗНАКОМЛЕНИЯ"
has "$(pdftotext -layout "$work/draft.pdf" - 2>&1)" "№ ________"
# The consent to the appointment now cites the order that introduced the model.
"$cli" -d "$db" print consents --participant 5 --kind mentor -o "$work/mentor-2.pdf"
has "$(pdftotext "$work/mentor-2.pdf" - 2>&1 | tr '\n' ' ')" "от 30.12.2025 № 1 о-д"

# The registry, in landscape.
"$cli" -d "$db" print registry -o "$work/registry.pdf"
check_pdf "$work/registry.pdf"
pdfinfo "$work/registry.pdf" | grep -q '841.89 x 595.276' || fail "the registry is not landscape"

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
expect_error 2 "$work/e2.pdf" print consents -o "$work/e2.pdf"
expect_error 2 "$work/e3.pdf" print consents --participant 5 --kind nonsense -o "$work/e3.pdf"
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
echo "ok"
