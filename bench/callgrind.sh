#!/usr/bin/env bash
# callgrind.sh - instructions per byte of `leitmotif count` on a fixed ~10 MB
# sample, and the ten functions that execute the most instructions.
#
#   bash bench/callgrind.sh [--out FILE]
#
#   --out FILE  keep the callgrind profile there (default: a temporary file,
#               deleted at exit); open it with callgrind_annotate or kcachegrind
#
# The sample: the corpus files in name order, concatenated, cut after
# 10,000,000 bytes and then back to the end of the last whole line (so a bit
# under 10 MB, the same bytes on every machine).  Instruction counts (Ir) do
# not depend on the machine's load, so they compare commits more finely than
# wall-clock time; they ignore cache misses and branch mispredictions.
#
# Environment: LEITMOTIF (default build-rel/src/leitmotif, built with meson if
# absent), CORPUS (default ../shared/corpus-bench next to the repository).
set -euo pipefail
export LC_ALL=C

out=
while (($#)); do
  case $1 in
    --out) out=${2:?--out needs a file}; shift 2 ;;
    --out=*) out=${1#*=}; shift ;;
    -h | --help) sed -n '2,17s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) sed -n '2,17s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
corpus=${CORPUS:-$root/../shared/corpus-bench}
lm=${LEITMOTIF:-build-rel/src/leitmotif}
for tool in valgrind callgrind_annotate; do
  command -v "$tool" >/dev/null || { echo "callgrind.sh: $tool not found (apt-get install -y valgrind)" >&2; exit 1; }
done
[[ -d $corpus ]] || { echo "callgrind.sh: no corpus at $corpus" >&2; exit 1; }
if [[ ! -x $lm ]]; then
  if [[ -n ${LEITMOTIF:-} ]]; then
    echo "callgrind.sh: LEITMOTIF=$lm is not an executable" >&2
    exit 1
  fi
  echo "callgrind.sh: building $lm" >&2
  [[ -f build-rel/build.ninja ]] || meson setup build-rel --buildtype=release -Dtests=false >&2
  meson compile -C build-rel >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/leitmotif-callgrind.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
[[ -n $out ]] || out=$tmp/callgrind.out

# The sample.  (cat stops early on SIGPIPE once head has its bytes.)
sample=$tmp/sample.txt
files=("$corpus"/*.txt)
{ cat -- "${files[@]}" 2>/dev/null || true; } | head -c 10000000 >"$tmp/cut.txt"
# drop the partial last line, if the cut fell inside one
if [[ $(tail -c 1 "$tmp/cut.txt" | od -An -tx1 | tr -d ' ') == 0a ]]; then
  mv "$tmp/cut.txt" "$sample"
else
  sed '$d' "$tmp/cut.txt" >"$sample"
fi
bytes=$(stat -c %s "$sample")

total_ir() { # callgrind output file -> total Ir
  awk '/^(summary|totals):/ { print $2; exit }' "$1"
}

echo "callgrind.sh: profiling $lm count on $bytes bytes (takes a minute)" >&2
valgrind --tool=callgrind --callgrind-out-file="$out" "$lm" count "$sample" >"$tmp/counts.tsv" 2>"$tmp/valgrind.log" \
  || { cat "$tmp/valgrind.log" >&2; exit 1; }
# The same for an empty file: the start-up (loading the lexicon and stop list)
printf '\n' >"$tmp/empty.txt"
valgrind --tool=callgrind --callgrind-out-file="$tmp/startup.out" "$lm" count "$tmp/empty.txt" >/dev/null 2>>"$tmp/valgrind.log" \
  || { cat "$tmp/valgrind.log" >&2; exit 1; }

ir=$(total_ir "$out")
ir0=$(total_ir "$tmp/startup.out")
tokens=$(awk -F'\t' 'NR == 2 { print $4 }' "$tmp/counts.tsv")
echo "## callgrind: leitmotif count, $bytes-byte sample"
echo
echo "leitmotif $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)'), $(date -u '+%Y-%m-%d %H:%M UTC'), $lm, $(valgrind --version)"
echo "sample: the corpus files in name order, cut to $bytes bytes at a line end (sha256 $(sha256sum "$sample" | cut -c1-16)…), $tokens tokens"
echo
awk -v ir="$ir" -v ir0="$ir0" -v b="$bytes" -v t="$tokens" '
function commas(n,  s) { s = sprintf("%d", n); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }
BEGIN {
  printf "| | Ir | Ir/byte | Ir/token |\n|---|---:|---:|---:|\n"
  printf "| total | %s | %.1f | %.1f |\n", commas(ir), ir / b, ir / t
  printf "| start-up (empty file) | %s | | |\n", commas(ir0)
  printf "| total - start-up | %s | %.1f | %.1f |\n", commas(ir - ir0), (ir - ir0) / b, (ir - ir0) / t
}'
echo
echo "Top 10 functions by self Ir (callgrind_annotate):"
echo
echo '```'
callgrind_annotate --inclusive=no "$out" 2>/dev/null \
  | awk '/file:function/ { getline; on = 1; next } on && NF { print; if (++n == 10) exit }'
echo '```'
