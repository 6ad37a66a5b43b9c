#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a libFuzzer target with clang (ASan, UBSan, leaks) straight from
# the core sources it needs, and runs it for a fixed time on its seed corpus:
#   csv     fuzz-csv.c: the CSV reader and the cell parsers; seeds from
#           tests/fuzz-corpus/ and the sample files of tests/csv/
#   sheets  fuzz-sheets.c: the XLSX, ODS and XLS reader; seeds from
#           tests/fuzz-corpus/sheets/
# A crash is kept under the build folder, fuzz-artifacts/, to become a
# regression test (tests/csv/ for the CSV reader).
#
#   fuzz.sh SOURCE-ROOT BUILD-ROOT TARGET [SECONDS [FILE…]]
# With files, runs the target once on each of them instead (a crash found
# earlier, to see it fixed).
set -euo pipefail

src=$(realpath "$1")
build=$(realpath "$2")
target=$3
seconds=${4:-20}
shift $(($# < 4 ? $# : 4))
clang=${CLANG:-clang}
artifacts="$build/fuzz-artifacts"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts" "$work/corpus"
core="$src/src/core"
case "$target" in
  csv)
    cp "$src"/tests/fuzz-corpus/*.csv "$src"/tests/csv/* "$work/corpus/"
    sources=("$core/io/nst-csv-reader.c" "$core/io/nst-import-fields.c" "$core/model/nst-participant.c"
             "$core/schedule/nst-date.c" "$core/text/nst-ru-text.c")
    packages=(glib-2.0 gobject-2.0)
    max_len=4096 ;;
  sheets)
    cp "$src"/tests/fuzz-corpus/sheets/* "$work/corpus/"
    sources=("$core/io/nst-sheet-reader.c" "$core/io/nst-csv-reader.c")
    packages=(glib-2.0 gobject-2.0 libzip libxml-2.0 freexl)
    max_len=16384 ;;
  *)
    echo "fuzz.sh: no target $target (csv, sheets)" >&2
    exit 2 ;;
esac

# clang without its runtimes (libclang-rt-dev) cannot build a fuzzer: skip.
printf 'int LLVMFuzzerTestOneInput (const char *d, unsigned long n) { return 0; }\n' >"$work/probe.c"
if ! "$clang" -fsanitize=fuzzer,address,undefined "$work/probe.c" -o "$work/probe" 2>"$work/probe.log"; then
  echo "SKIP: $clang cannot build a libFuzzer target: $(head -n 1 "$work/probe.log")"
  exit 77
fi

# shellcheck disable=SC2046
"$clang" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  -I"$build" -I"$core" $(pkg-config --cflags "${packages[@]}") \
  "$src/tests/core/fuzz-$target.c" "${sources[@]}" \
  $(pkg-config --libs "${packages[@]}") -o "$work/fuzz-$target"

if [ $# -gt 0 ]; then
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$src/tests/core/fuzz.supp" UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$work/fuzz-$target" "$@"
  exit
fi
status=0
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 LSAN_OPTIONS="suppressions=$src/tests/core/fuzz.supp" \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$work/fuzz-$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$work/corpus" >"$work/log" 2>&1 || status=$?
tail -n 25 "$work/log"
if [ "$status" -ne 0 ]; then
  cp "$work/log" "$artifacts/fuzz-$target.log"
  echo "FAIL: the fuzzer fuzz-$target found a crash: the file and the whole log are in $artifacts/" >&2
  exit 1
fi
echo "ok - fuzz-$target: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$') runs in ${seconds} s, no crash"
