#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzzes the course loader with libFuzzer.
#
#   tests/fuzz/run-fuzz.sh [SECONDS]     (default 600)
#
# Builds _build-fuzz with clang, ASan and UBSan, seeds a corpus from the
# bundled courses and the loader's test files, adds a dictionary of the
# element and attribute names in the course schema, runs for SECONDS and
# prints the executions, the corpus size and what was found. Set
# AK_FUZZ_DIR to keep the corpus and findings in a folder of your choice.
set -eu

seconds=${1:-600}
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/_build-fuzz"
work=${AK_FUZZ_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/akademie-fuzz.XXXXXX")}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$root" \
    -Dfuzzing=true -Dgui=false -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C "$build" -j1 tests/fuzz/fuzz-loader

mkdir -p "$work/corpus" "$work/seeds" "$work/findings"
cp "$root"/courses/*.xml "$root"/tests/data/loader/*.xml "$work/seeds/"

# Element and attribute names from the schema, as libFuzzer dictionary entries.
grep -o '<\(element\|attribute\) name="[^"]*"' "$root/courses/schema/course.rng" |
  sed 's/.*name="\([^"]*\)"/\1/' | sort -u |
  awk '{ printf "\"<%s\"\n\"</%s>\"\n\" %s=\\\"\"\n", $1, $1, $1 }' > "$work/course.dict"
printf '"&amp;"\n"<!DOCTYPE"\n"<![CDATA["\n"]]>"\n"<!--"\n"-->"\n"xmlns=\\"https://smakademie.github.io/akademie/course/1\\""\n' \
  >> "$work/course.dict"

echo "Fuzzing for $seconds s in $work"
status=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
  "$build/tests/fuzz/fuzz-loader" "$work/corpus" "$work/seeds" \
    -dict="$work/course.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$work/findings/" -print_final_stats=1 \
    > "$work/fuzz.log" 2>&1 || status=$?

grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs|stat::number_of_executed_units' "$work/fuzz.log" || true
echo "Corpus: $(ls "$work/corpus" | wc -l) inputs"
findings=$(ls "$work/findings" | wc -l)
echo "Findings: $findings"
ls "$work/findings"
echo "Log: $work/fuzz.log"
if [ "$status" -ne 0 ] || [ "$findings" -ne 0 ]; then
  exit 1
fi
