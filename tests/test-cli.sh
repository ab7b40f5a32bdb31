#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The real executable on the command line, with no display at all:
# --validate and --export-progress must neither need one nor open a window.
# Usage: test-cli.sh AKADEMIE SOURCE_ROOT

akademie=$1
source_root=$2
broken=$source_root/tests/data/library/kaputt.xml
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
unset DISPLAY WAYLAND_DISPLAY
export XDG_DATA_HOME="$scratch/data"
export AKADEMIE_BUNDLED_COURSES_DIR="$source_root/courses"

n=0
check () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi
}

echo "1..13"

"$akademie" --validate "$source_root"/courses/*.xml > "$scratch/out" 2>&1
check $? "every bundled course is valid (exit 0)"

"$akademie" --validate "$broken" "$source_root/courses/beispielkurs.kurs.xml" > "$scratch/out" 2>&1
status=$?
[ $status -eq 1 ]
check $? "a broken file makes the exit status 1 (got $status)"

grep -q "^$broken:[0-9]*:[0-9]*: error: " "$scratch/out"
check $? "problems are printed as file:line:column: error: message"

grep -q "beispielkurs.kurs.xml: valid" "$scratch/out"
check $? "the good file next to the broken one is still checked"

"$akademie" --validate > "$scratch/out" 2>&1
status=$?
[ $status -eq 2 ]
check $? "no files to check is a usage error (exit 2, got $status)"

"$akademie" --export-progress "$scratch/progress.csv" > "$scratch/out" 2>&1 &&
  head -n 1 "$scratch/progress.csv" | grep -q '^learner,course_id,'
check $? "--export-progress writes a CSV file with its header"

# Exit status 2 is for a command line that cannot be understood.
"$akademie" --no-such-option > "$scratch/out" 2> "$scratch/err"
status=$?
[ $status -eq 2 ] && grep -q -- "--no-such-option" "$scratch/err" && grep -q -- "--help" "$scratch/err"
check $? "an unknown option is a usage error (exit 2 and a hint on stderr, got $status)"

"$akademie" --export-progress > "$scratch/out" 2> "$scratch/err"
status=$?
[ $status -eq 2 ] && [ -s "$scratch/err" ]
check $? "an option without its value is a usage error (exit 2, got $status)"

"$akademie" --validate --export-progress "$scratch/both.csv" "$source_root/courses/beispielkurs.kurs.xml" \
  > "$scratch/out" 2> "$scratch/err"
status=$?
[ $status -eq 2 ] && grep -q -- "--export-progress" "$scratch/err" && [ ! -e "$scratch/both.csv" ]
check $? "--validate with --export-progress is refused, not half done (exit 2, got $status)"

"$akademie" --validate - < "$source_root/courses/web20-party.kurs.xml" > "$scratch/out" 2>&1
status=$?
[ $status -eq 0 ] && grep -q "^<stdin>: valid, " "$scratch/out"
check $? "--validate - checks a course from standard input (exit 0, got $status)"

"$akademie" --validate - < "$broken" > "$scratch/out" 2>&1
status=$?
[ $status -eq 1 ] && grep -q "^<stdin>:[0-9]*:[0-9]*: error: " "$scratch/out"
check $? "a broken course on standard input gives exit 1 and its lines (got $status)"

# An endless pipe: read up to the limit, refused, and the command ends.
yes | "$akademie" --validate - > "$scratch/out" 2>&1
status=$?
[ $status -eq 1 ] && grep -q "^<stdin>: error: .* the limit for course files" "$scratch/out"
check $? "endless standard input is refused at the size limit (exit 1, got $status)"
akademie_path=$(realpath "$akademie")
(cd "$scratch" && "$akademie_path" --export-progress - > "$scratch/stdout.csv" 2> "$scratch/err") &&
  head -n 1 "$scratch/stdout.csv" | grep -q '^learner,course_id,' && [ ! -e "$scratch/-" ] &&
  [ ! -e "$XDG_DATA_HOME/akademie/progress.db" ]
check $? "--export-progress - writes to the standard output and creates no database"

exit ${failed:-0}
