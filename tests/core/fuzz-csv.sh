#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer target fuzz-csv.c with clang (ASan, UBSan, leaks)
# straight from the core sources it needs, and runs it for a fixed time on
# the seed corpus (tests/fuzz-corpus/ and the sample files of tests/csv/).
# A crash is kept under the build folder, fuzz-artifacts/, to be copied to
# tests/csv/ as a regression test.
#
#   fuzz-csv.sh SOURCE-ROOT BUILD-ROOT [SECONDS]
set -euo pipefail

src=$(realpath "$1")
build=$(realpath "$2")
seconds=${3:-20}
clang=${CLANG:-clang}
artifacts="$build/fuzz-artifacts"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts" "$work/corpus"
cp "$src"/tests/fuzz-corpus/* "$src"/tests/csv/* "$work/corpus/"

# clang without its runtimes (libclang-rt-dev) cannot build a fuzzer: skip.
printf 'int LLVMFuzzerTestOneInput (const char *d, unsigned long n) { return 0; }\n' >"$work/probe.c"
if ! "$clang" -fsanitize=fuzzer,address,undefined "$work/probe.c" -o "$work/probe" 2>"$work/probe.log"; then
  echo "SKIP: $clang cannot build a libFuzzer target: $(head -n 1 "$work/probe.log")"
  exit 77
fi

core="$src/src/core"
# shellcheck disable=SC2046
"$clang" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  -I"$build" -I"$core" $(pkg-config --cflags glib-2.0 gobject-2.0) \
  "$src/tests/core/fuzz-csv.c" "$core/io/nst-csv-reader.c" "$core/io/nst-import-fields.c" \
  "$core/model/nst-participant.c" "$core/schedule/nst-date.c" "$core/text/nst-ru-text.c" \
  $(pkg-config --libs glib-2.0 gobject-2.0) -o "$work/fuzz-csv"

status=0
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$work/fuzz-csv" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$work/corpus" >"$work/log" 2>&1 || status=$?
tail -n 25 "$work/log"
if [ "$status" -ne 0 ]; then
  echo "FAIL: the fuzzer found a crash; copy the file above from $artifacts/ to tests/csv/" >&2
  exit 1
fi
echo "ok - fuzz-csv: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$') runs in ${seconds} s, no crash"
