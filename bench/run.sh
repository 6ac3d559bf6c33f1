#!/usr/bin/env bash
# run.sh - throughput of `leitmotif count` on the benchmark corpus against a
# naive C implementation (bench/naive.c), a Python baseline
# (bench/baseline.py) and `wc -w`; start-up time; linearity in input size.
#
#   bash bench/run.sh [--runs N] [--python-runs N] [--quick]
#
#   --runs N         timed runs of each command (default 5), after one warm-up
#   --python-runs N  timed runs of the Python baseline (default 2: ~15-25 s a
#                    run on the whole corpus); it takes part in the first N
#                    rounds only
#   --quick          the first 10% of the corpus files by name (~14 MB)
#
# Environment: LEITMOTIF (binary, default build-rel/src/leitmotif, built with
# meson if absent), CORPUS (default ../shared/corpus-bench next to the
# repository), PYTHON (an interpreter with PyStemmer, default /usr/bin/python3).
#
# hyperfine 1.x runs all the runs of one command before the next command, so
# to make the commands alternate the script calls hyperfine once per round,
# each command once per round (--runs 1), and pools the rounds itself.
# Prints Markdown; see bench/README.md for what the figures mean.
set -euo pipefail
export LC_ALL=C

usage() { sed -n '2,20s/^# \{0,1\}//p' "$0"; }

runs=5
python_runs=2
quick=0
while (($#)); do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --runs=*) runs=${1#*=}; shift ;;
    --python-runs) python_runs=${2:?--python-runs needs a number}; shift 2 ;;
    --python-runs=*) python_runs=${1#*=}; shift ;;
    --quick) quick=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ && $python_runs =~ ^[0-9]+$ ]] || { echo "run.sh: --runs and --python-runs take whole numbers (--runs >= 1)" >&2; exit 2; }
((python_runs <= runs)) || python_runs=$runs

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
corpus=${CORPUS:-$root/../shared/corpus-bench}
python=${PYTHON:-/usr/bin/python3}
lm=${LEITMOTIF:-build-rel/src/leitmotif}

for tool in hyperfine gcc pkg-config "$python"; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (apt-get install -y hyperfine gcc pkg-config python3-stemmer)" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time not found (apt-get install -y time)" >&2; exit 1; }
"$python" -c 'import Stemmer' 2>/dev/null || { echo "run.sh: $python has no PyStemmer (apt-get install -y python3-stemmer)" >&2; exit 1; }
[[ -d $corpus ]] || { echo "run.sh: no corpus at $corpus" >&2; exit 1; }

if [[ ! -x $lm ]]; then
  if [[ -n ${LEITMOTIF:-} ]]; then
    echo "run.sh: LEITMOTIF=$lm is not an executable" >&2
    exit 1
  fi
  echo "run.sh: building $lm" >&2
  [[ -f build-rel/build.ninja ]] || meson setup build-rel --buildtype=release -Dtests=false >&2
  meson compile -C build-rel >&2
fi
lm=$(cd "$(dirname "$lm")" && pwd)/$(basename "$lm")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/leitmotif-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The naive C reference, built fresh (never committed).
read -ra glib_flags < <(pkg-config --cflags --libs glib-2.0)
gcc -O2 -std=c17 "$root/bench/naive.c" -o "$tmp/naive" "${glib_flags[@]}" -lstemmer

# The inputs: every corpus file by name (or the first 10% of them with
# --quick), and for linearity the first 10% of their bytes: the files in
# order while they fit, then the start of the next one, cut at the end of a
# line (a copy in $tmp), so that the byte ratio is ten, not what whole files
# happen to give.  Symbolic links in $tmp keep the command lines short; the
# corpus itself is only read.
files=("$corpus"/*.txt)
((${#files[@]} > 1)) || { echo "run.sh: no .txt files in $corpus" >&2; exit 1; }
if ((quick)); then
  files=("${files[@]:0:$(((${#files[@]} + 9) / 10))}")
fi
mkdir "$tmp/all" "$tmp/tenth"
bytes=0
for f in "${files[@]}"; do
  ln -s "$f" "$tmp/all/"
  bytes=$((bytes + $(stat -c %s "$f")))
done
tenth_bytes=0
tenth_files=0
tenth_cut=0
for f in "${files[@]}"; do
  ((tenth_bytes < bytes / 10)) || break
  size=$(stat -c %s "$f")
  tenth_files=$((tenth_files + 1))
  if ((tenth_bytes + size <= bytes / 10)); then
    ln -s "$f" "$tmp/tenth/"
    tenth_bytes=$((tenth_bytes + size))
    continue
  fi
  part=$tmp/tenth/$(basename "$f")
  head -c $((bytes / 10 - tenth_bytes)) "$f" >"$part.cut"
  if [[ $(tail -c 1 "$part.cut" | od -An -tx1 | tr -d ' ') == 0a ]]; then
    mv "$part.cut" "$part"
  else
    head -n -1 "$part.cut" >"$part" # drop the partial last line
    rm "$part.cut"
  fi
  tenth_bytes=$((tenth_bytes + $(stat -c %s "$part")))
  tenth_cut=1
  break
done

q() { printf '%q' "$1"; }
lexicon=lexicons/never-let-me-go.ini
stoplist=stopwords/english.txt
# hyperfine runs the commands without a shell (-N): the file lists are
# spelled out here, and no shell start-up has to be measured and subtracted.
all=$(printf '%q ' "$tmp"/all/*.txt)
tenth=$(printf '%q ' "$tmp"/tenth/*.txt)
names=("leitmotif --jobs 1" "leitmotif --jobs 2" "naive C" "wc -w" "leitmotif --jobs 1, first 10%" "Python baseline")
cmds=("$(q "$lm") count --jobs 1 $all"
      "$(q "$lm") count --jobs 2 $all"
      "$(q "$tmp/naive") $lexicon $stoplist $all"
      "wc -w $all"
      "$(q "$lm") count --jobs 1 $tenth"
      "$(q "$python") bench/baseline.py $all")

echo "run.sh: ${#files[@]} files, $bytes bytes; $runs round(s), Python in $python_runs" >&2
for ((r = 1; r <= runs; r++)); do
  args=()
  for i in "${!names[@]}"; do
    [[ ${names[i]} == "Python baseline" ]] && ((r > python_runs)) && continue
    args+=(-n "${names[i]}" "${cmds[i]}")
  done
  warm=()
  ((r == 1)) && warm=(--warmup 1)
  echo "run.sh: round $r/$runs" >&2
  if ! hyperfine -N "${warm[@]}" --runs 1 --export-json "$tmp/round-$r.json" "${args[@]}" \
      >"$tmp/hyperfine.log" 2>&1; then
    cat "$tmp/hyperfine.log" >&2
    exit 1
  fi
done

# Peak memory: one run each under /usr/bin/time -v; the outputs give the
# token counts and let the implementations be compared.
peak() { # name outfile command...
  local name=$1 out=$2
  shift 2
  /usr/bin/time -v -o "$tmp/time.txt" "$@" >"$out"
  printf '%s\t%s\n' "$name" "$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")" >>"$tmp/rss.tsv"
}
echo "run.sh: peak memory runs" >&2
: >"$tmp/rss.tsv"
peak "leitmotif --jobs 1" "$tmp/lm1.tsv" "$lm" count --jobs 1 "$tmp"/all/*.txt
peak "leitmotif --jobs 2" "$tmp/lm2.tsv" "$lm" count --jobs 2 "$tmp"/all/*.txt
peak "naive C" "$tmp/naive.out" "$tmp/naive" "$lexicon" "$stoplist" "$tmp"/all/*.txt
peak "wc -w" "$tmp/wc.out" wc -w "$tmp"/all/*.txt
peak "Python baseline" "$tmp/python.out" "$python" bench/baseline.py "$tmp"/all/*.txt
"$lm" count --jobs 1 "$tmp"/tenth/*.txt >"$tmp/lm-tenth.tsv"
cmp -s "$tmp/lm1.tsv" "$tmp/lm2.tsv" || echo "run.sh: warning: --jobs 1 and --jobs 2 outputs differ" >&2

# Start-up: the four seed texts, no shell.
seeds=(texts/*.txt)
hyperfine -N --warmup 5 --export-json "$tmp/startup.json" \
  -n "leitmotif count texts/*.txt" "$(q "$lm") count ${seeds[*]}" >"$tmp/hyperfine.log" 2>&1 \
  || { cat "$tmp/hyperfine.log" >&2; exit 1; }

commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
git diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo "## leitmotif count: throughput"
echo
echo "leitmotif $commit, $(date -u '+%Y-%m-%d %H:%M UTC'), binary $lm; ${cpu:-unknown CPU}, $(nproc) CPU(s); $(hyperfine --version); $("$python" --version)"
echo
"$python" - "$tmp" "$bytes" "$tenth_bytes" "$tenth_files" "${#files[@]}" "$runs" "$python_runs" "$quick" "$tenth_cut" <<'EOF'
import json, glob, os, statistics, sys

tmp, nbytes, tbytes, tfiles, nfiles, runs, pruns, quick, tcut = sys.argv[1:]
nbytes, tbytes, tfiles, nfiles = int(nbytes), int(tbytes), int(tfiles), int(nfiles)

times = {}
for path in sorted(glob.glob(os.path.join(tmp, "round-*.json"))):
    for r in json.load(open(path))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
mean = {k: statistics.mean(v) for k, v in times.items()}
sd = {k: (statistics.stdev(v) if len(v) > 1 else 0.0) for k, v in times.items()}
rss = dict(line.rstrip("\n").split("\t") for line in open(os.path.join(tmp, "rss.tsv")))

def lm_totals(path):
    words, hits, seen = 0, 0, set()
    with open(path) as f:
        next(f)
        for line in f:
            file, _cat, h, w, _ = line.rstrip("\n").split("\t")
            hits += int(h)
            if file not in seen:
                seen.add(file)
                words += int(w)
    return words, hits

def own_totals(path):
    d = dict(line.rstrip("\n").split("\t") for line in open(path))
    return int(d.pop("tokens")), int(d.pop("stopwords")), sum(map(int, d.values()))

tokens, lm_hits = lm_totals(os.path.join(tmp, "lm1.tsv"))
tenth_tokens, _ = lm_totals(os.path.join(tmp, "lm-tenth.tsv"))
n_tok, n_stop, n_hits = own_totals(os.path.join(tmp, "naive.out"))
p_tok, p_stop, p_hits = own_totals(os.path.join(tmp, "python.out"))
wc_words = int(open(os.path.join(tmp, "wc.out")).read().split("\n")[-2].split()[0])

rows = ["leitmotif --jobs 1", "leitmotif --jobs 2", "naive C", "Python baseline", "wc -w"]
def ratio(row, ref):
    if ref not in mean:  # --python-runs 0
        return "–"
    return "1" if row == ref else f"{mean[ref] / mean[row]:.2f}"

print(f"Corpus: {nfiles} files, {nbytes:,} bytes{' (--quick: first 10% of the files)' if quick == '1' else ''}; "
      f"{tokens:,} tokens (leitmotif's count, used for every row's tokens/s).")
print(f"Rounds: {runs} (each command once a round, alternating, after one warm-up run); "
      f"the Python baseline in the first {pruns} round(s) only, no warm-up.")
print()
print("| command | runs | mean ± sd (s) | min (s) | MB/s | M tokens/s | peak RSS (MiB) | × naive C | × Python | × wc -w |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for row in rows:
    if row not in mean:  # --python-runs 0
        continue
    m = mean[row]
    print(f"| {row} | {len(times[row])} | {m:.3f} ± {sd[row]:.3f} | {min(times[row]):.3f} | {nbytes / m / 1e6:.1f} | "
          f"{tokens / m / 1e6:.2f} | {int(rss[row]) / 1024:.1f} | {ratio(row, 'naive C')} | "
          f"{ratio(row, 'Python baseline')} | {ratio(row, 'wc -w')} |")
print()
print("MB/s and tokens/s from the mean time (MB = 10^6 bytes); × X = mean time of X / mean time of the row: "
      "above 1, the row is that many times faster than X. Peak RSS: one separate run under /usr/bin/time -v.")
print()
j1, j2 = mean["leitmotif --jobs 1"], mean["leitmotif --jobs 2"]
lo = {k: min(v) for k, v in times.items()}
print(f"- jobs 2 / jobs 1: speed-up {j1 / j2:.2f} (time ratio {j2 / j1:.3f}; from the minimum times "
      f"{lo['leitmotif --jobs 1'] / lo['leitmotif --jobs 2']:.2f}) on {os.cpu_count()} CPU(s)")
t10 = mean["leitmotif --jobs 1, first 10%"]
s = json.load(open(os.path.join(tmp, "startup.json")))["results"][0]
t0 = s["mean"]
tr, br, kr = j1 / t10, nbytes / tbytes, tokens / tenth_tokens
med = {k: statistics.median(v) for k, v in times.items()}
cut = " (the last cut at a line end)" if tcut == "1" else ""
print(f"- linearity: the first 10% = {tfiles} files{cut}, {tbytes:,} bytes ({100 * tbytes / nbytes:.2f}%), "
      f"{tenth_tokens:,} tokens, in {t10:.3f} ± {sd['leitmotif --jobs 1, first 10%']:.3f} s; "
      f"time(all)/time(10%) = {tr:.2f} from the mean times (target: within 10% of ten, 9 to 11), "
      f"{med['leitmotif --jobs 1'] / med['leitmotif --jobs 1, first 10%']:.2f} from the medians, "
      f"{lo['leitmotif --jobs 1'] / lo['leitmotif --jobs 1, first 10%']:.2f} from the minima; "
      f"bytes(all)/bytes(10%) = {br:.2f}, tokens(all)/tokens(10%) = {kr:.2f}; "
      f"less the start-up time below: {(j1 - t0) / (t10 - t0):.2f}")
ok = "PASS" if s["mean"] < 0.010 else "FAIL"
print(f"- start-up + the four seeds (`hyperfine -N --warmup 5`): {s['mean'] * 1e3:.2f} ± "
      f"{(s['stddev'] or 0) * 1e3:.2f} ms over {len(s['times'])} runs: {ok} (limit 10 ms)")
print(f"- agreement: tokens leitmotif {tokens:,}, naive C {n_tok:,}, Python {p_tok:,}, `wc -w` words {wc_words:,}; "
      f"hits leitmotif {lm_hits:,}, naive C {n_hits:,}, Python {p_hits:,}")
EOF
