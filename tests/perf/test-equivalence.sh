#!/usr/bin/env bash
# The speed-ups change nothing: `leitmotif count` gives the same counts with
# every fast path off, with one job and with two, on the seeds and on a sample
# of the benchmark corpus (../shared/corpus-bench, when it is there).  TAP.
#   test-equivalence.sh LEITMOTIF SRCDIR
set -uo pipefail
lm=$1
cd "$2" || exit 1
files=(texts/*.txt tests/data/snowball/voc.txt)
bench=../shared/corpus-bench
if [ -d "$bench" ]; then
  # a fixed sample: every 12th book by name, about 12 MB
  mapfile -t sample < <(ls "$bench"/*.txt | awk 'NR % 12 == 1')
  files+=("${sample[@]}")
fi
. tests/tap.sh
same_counts () { diff -q <("$lm" count "${files[@]}") <("$lm" count "$@" "${files[@]}") >/dev/null; }
for opts in "--no-fast-paths" "--jobs 2" "--jobs 3 --no-fast-paths"; do
  # shellcheck disable=SC2086 # the options are meant to split
  check "count $opts gives the same counts (${#files[@]} files)" same_counts $opts
done
[ -d "$bench" ] || echo "# $bench not found: checked the seeds and Snowball's vocabulary only"
tap_done
