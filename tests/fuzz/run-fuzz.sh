#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one libFuzzer harness.
#
#   tests/fuzz/run-fuzz.sh [HARNESS] [SECONDS]     (default: loader, 600)
#
# HARNESS is loader (course files), progress-open (progress databases),
# csv (the export's CSV cells) or certificate-pdf (certificates as
# --verify-certificate reads them). Builds _build-fuzz with clang, ASan and
# UBSan, seeds a corpus (the bundled courses and the loader's test files
# with a dictionary of the schema's names; small progress databases and
# their 100-byte header; a few CSV payloads), runs for SECONDS and prints
# the executions, the corpus size and what was found. Set AK_FUZZ_DIR to
# keep the corpus and findings in a folder of your choice.
set -eu

harness=loader
case ${1:-} in
  loader|progress-open|csv|certificate-pdf) harness=$1; shift ;;
esac
seconds=${1:-600}
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/_build-fuzz"
work=${AK_FUZZ_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/akademie-fuzz.XXXXXX")}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$root" \
    -Dfuzzing=true -Dgui=false -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C "$build" -j1 "tests/fuzz/fuzz-$harness"

mkdir -p "$work/corpus" "$work/seeds" "$work/findings"
options="-max_len=65536"
case $harness in
  loader)
    cp "$root"/courses/*.xml "$root"/tests/data/loader/*.xml "$work/seeds/"
    ;;
  progress-open)
    # Small pages keep the seeds small: a database of version 1 with some
    # history, the same in WAL mode, and the header alone.
    for mode in delete wal; do
      rm -f "$work/seeds/v1-$mode.db"
      { echo "PRAGMA page_size = 512; PRAGMA journal_mode = $mode;"
        cat "$root/tests/data/progress/v1.sql"; } |
        sqlite3 "$work/seeds/v1-$mode.db" > /dev/null
    done
    head -c 100 "$work/seeds/v1-delete.db" > "$work/seeds/header"
    options="-max_len=32768"
    # The store syncs every commit: keep its files in memory where we can.
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then
      TMPDIR=/dev/shm
      export TMPDIR
    fi
    ;;
  csv)
    printf '=HYPERLINK("x")\000+1+1\000-2+3\001@SUM(A1)\000\t=1\000\r=1\001=cmd|'"'"' /C calc'"'"'!A0\000a,"b"\r\nc\000\303\244\377' \
      > "$work/seeds/payloads"
    options="-max_len=4096"
    ;;
  certificate-pdf)
    # The record as the renderer writes it, as a literal and as a hex
    # string; the dictionary has the names the reader looks for.
    record='akademie-certificate-1 course=kurs version=1.0 quiz=quiz name=Anna%20M%C3%BCller score=87 date=2026-11-23 sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
    printf '%%PDF-1.4\n1 0 obj\n<< /Title (A \\(t\\)) /Keywords (%s) >>\nendobj\n' "$record" \
      > "$work/seeds/literal.pdf"
    { printf '%%PDF-1.5\n<< /Keywords <FEFF'
      printf '%s' "$record" | od -An -v -tx1 | tr -d ' \n' | sed 's/\(..\)/00\1/g'
      printf '> >>\n'; } > "$work/seeds/hex.pdf"
    printf '"/Keywords"\n"/ObjStm"\n"/FlateDecode"\n"stream\\x0d\\x0a"\n"%%PDF-"\n"akademie-certificate-1 "\n" sha256="\n" score="\n" date="\n"%%C3%%BC"\n"\\\\("\n"<FEFF"\n' \
      > "$work/certificate.dict"
    options="-max_len=16384 -dict=$work/certificate.dict"
    ;;
esac

if [ "$harness" = loader ]; then
  # Element and attribute names from the schema, as libFuzzer dictionary entries.
  grep -o '<\(element\|attribute\) name="[^"]*"' "$root/courses/schema/course.rng" |
    sed 's/.*name="\([^"]*\)"/\1/' | sort -u |
    awk '{ printf "\"<%s\"\n\"</%s>\"\n\" %s=\\\"\"\n", $1, $1, $1 }' > "$work/course.dict"
  printf '"&amp;"\n"<!DOCTYPE"\n"<![CDATA["\n"]]>"\n"<!--"\n"-->"\n"xmlns=\\"https://smakademie.github.io/akademie/course/1\\""\n' \
    >> "$work/course.dict"
  options="$options -dict=$work/course.dict"
fi

echo "Fuzzing $harness for $seconds s in $work"
status=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
  "$build/tests/fuzz/fuzz-$harness" "$work/corpus" "$work/seeds" \
    $options -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/findings/" -print_final_stats=1 \
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
