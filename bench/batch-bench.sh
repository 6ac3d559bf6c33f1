#!/usr/bin/env bash
# batch-bench.sh - `leitmotif batch` before and after a change, alternating.
#
#   bash bench/batch-bench.sh [--rounds N] [--jobs "1 2"] OLD NEW ESSAYS
#
# OLD, NEW: two leitmotif binaries (release builds); ESSAYS: a folder made by
# bench/make-essays.sh, best in RAM (/dev/shm).  Each round runs `wc -w` on
# the same files, then OLD and NEW with each --jobs value, one after the
# other, each into a fresh database in /dev/shm; /usr/bin/time gives wall
# seconds, CPU seconds (user + system) and the peak resident set.  Prints
# one TSV row a run: round, what, jobs, wall_s, cpu_s, max_rss_kb; then
# the medians.  Run it from the repository root (default lexicon).
set -euo pipefail
rounds=3
jobs_list="1 2"
while (($#)); do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --jobs) jobs_list=$2; shift 2 ;;
    -h | --help) sed -n '2,13s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
old=${1:?usage: batch-bench.sh OLD NEW ESSAYS}
new=${2:?usage: batch-bench.sh OLD NEW ESSAYS}
essays=${3:?usage: batch-bench.sh OLD NEW ESSAYS}
tmp=$(mktemp -d /dev/shm/batch-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mapfile -t files < <(find "$essays" -type f -name '*.txt' | LC_ALL=C sort)
one () { # round what jobs command...
  local r=$1 what=$2 j=$3; shift 3
  /usr/bin/time -o "$tmp/t" -f '%e %U %S %M' "$@" >/dev/null
  read -r e u s m < "$tmp/t"
  printf '%s\t%s\t%s\t%s\t%.2f\t%s\n' "$r" "$what" "$j" "$e" "$(echo "$u + $s" | bc)" "$m" | tee -a "$tmp/rows"
}
printf 'round\twhat\tjobs\twall_s\tcpu_s\tmax_rss_kb\n'
for r in $(seq 1 "$rounds"); do
  one "$r" wc-w 1 wc -w "${files[@]}"
  for j in $jobs_list; do
    for b in old new; do
      rm -f "$tmp"/b.db*
      bin=${!b}
      one "$r" "$b" "$j" "$bin" batch --quiet --jobs "$j" --db "$tmp/b.db" "$essays"
    done
  done
done
echo
echo "medians (wall_s, cpu_s, max_rss_kb):"
awk -F'\t' '{ k = $2 " --jobs " $3; n[k]++; w[k, n[k]] = $4; c[k, n[k]] = $5; m[k, n[k]] = $6; keys[k] = 1 }
  function med(a, k, n,  i, j, t, v) { for (i = 1; i <= n; i++) v[i] = a[k, i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
  END { for (k in keys) printf "%s\t%s\t%s\t%s\n", k, med(w, k, n[k]), med(c, k, n[k]), med(m, k, n[k]) }' "$tmp/rows" | LC_ALL=C sort
