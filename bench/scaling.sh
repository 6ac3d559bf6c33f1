#!/usr/bin/env bash
# scaling.sh - the batch scaling table in one call, for a borrowed many-core
# machine where nothing can be installed.
#
#   bash bench/scaling.sh pack OLD_BUILD NEW_BUILD DIR   # here: DIR gets the binaries + libraries
#   bash bench/scaling.sh run DIR [N] [JOBS]             # there: the table
#
# pack copies OLD_BUILD/src/leitmotif, NEW_BUILD/src/leitmotif, their
# bench/store-bench (when built), every library they link and the dynamic
# loader into DIR (about 12 MB), so that `run` needs nothing but bash, awk and
# coreutils.  run makes N essays (default 20000, bench/make-essays.sh) in
# /dev/shm, then times `wc -w` on them and OLD and NEW `batch` at each --jobs
# of JOBS (default "1 2 4 8 16"), alternating, then the writer alone
# (store-bench, twice each).  Rows (what, jobs, wall user sys seconds) go to
# stdout and to $OUT/rows.tsv when OUT is set.  Run both from the repository
# root (make-essays.sh, the default lexicon).
set -u
cmd=${1:?usage: scaling.sh pack OLD NEW DIR | run DIR [N] [JOBS]}
if [[ $cmd == pack ]]; then
  old=${2:?} new=${3:?} dir=${4:?}
  mkdir -p "$dir/lib"
  cp "$old/src/leitmotif" "$dir/leitmotif-old"; cp "$new/src/leitmotif" "$dir/leitmotif-new"
  for b in old new; do
    build=${!b}
    [[ -x $build/bench/store-bench ]] && cp "$build/bench/store-bench" "$dir/store-bench-$b"
  done
  for f in "$dir"/leitmotif-* "$dir"/store-bench-*; do [[ -e $f ]] && ldd "$f"; done \
    | awk '/=>/ { print $3 } /ld-linux/ { print $1 }' | sort -u | while read -r l; do cp -L "$l" "$dir/lib/"; done
  exit 0
fi
dir=${2:?} n=${3:-20000} jobs=${4:-"1 2 4 8 16"}
out=${OUT:-$(mktemp -d)}; mkdir -p "$out"
L=$dir/lib
lm () { "$L/ld-linux-x86-64.so.2" --library-path "$L" "$@"; }
{ nproc; grep -m1 "model name" /proc/cpuinfo; uptime; } | tee "$out/machine.txt"
e=/dev/shm/lm-scaling-e; rm -rf "$e" /dev/shm/lm-scaling.db*
bash bench/make-essays.sh "$n" "$e" >/dev/null
mapfile -t files < <(find "$e" -type f -name '*.txt' | LC_ALL=C sort)
TIMEFORMAT='%R %U %S'
one () { local what=$1 j=$2 s; shift 2
  s=$( { time "$@" >/dev/null 2>"$out/last.err"; } 2>&1 )
  printf '%s\t%s\t%s\n' "$what" "$j" "$s" | tee -a "$out/rows.tsv"; }
printf 'what\tjobs\twall user sys\n' | tee "$out/rows.tsv"
one wc-w 1 wc -w "${files[@]}"
for j in $jobs; do
  for b in old new; do
    rm -f /dev/shm/lm-scaling.db*
    one "$b" "$j" lm "$dir/leitmotif-$b" batch --quiet --jobs "$j" --db /dev/shm/lm-scaling.db "$e"
  done
done
one wc-w 1 wc -w "${files[@]}"
for r in 1 2; do
  for b in old new; do
    [[ -e $dir/store-bench-$b ]] || continue
    printf 'store-bench %s: ' "$b"
    lm "$dir/store-bench-$b" --docs 20000 --db /dev/shm/lm-scaling-sb.db "$e/000" "$e/001" \
      | awk -F'\t' '/^documents_per/ { printf "%s %s  ", $1, $2 } END { print "" }'
    rm -f /dev/shm/lm-scaling-sb.db*
  done
done
rm -rf "$e" /dev/shm/lm-scaling.db*
