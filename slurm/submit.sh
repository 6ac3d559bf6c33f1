#!/usr/bin/env bash
# Submits a sharded leitmotif batch to Slurm: a job array of N shards, then
# a merge job that runs when every shard has succeeded.
#
#   slurm/submit.sh INPUT OUTPUT [N] [-- SBATCH_OPTION...]
#
# INPUT   the folder of essays (every node must see it at the same path)
# OUTPUT  a folder for the shard databases, logs/ and the merged leitmotif.db
#         (on a shared file system too)
# N       the number of shards (default 8); each array task analyzes one
# SBATCH_OPTION...  passed to both sbatch calls, e.g. --partition=short
#         --account=proj123; they override the #SBATCH lines of the scripts.
#
# Environment (all optional):
#   LM_BIN        the leitmotif executable (default: leitmotif on PATH)
#   LM_LEXICON, LM_STOPWORDS, LM_METADATA   as batch's --lexicon, --stopwords,
#                 --metadata (default: batch's own defaults, which are relative
#                 to the folder you submit from)
#   LM_JOBS       threads a shard (default: its --cpus-per-task)
#   LM_DB         the merged database (default OUTPUT/leitmotif.db)
#   LM_MAX_RUNNING  at most this many shards at once (sbatch --array=1-N%M)
#
# Prints the two job ids on standard output: "ARRAY_ID MERGE_ID".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage () { sed -n '4,6p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
input=$1 output=$2
shift 2
shards=8
if [ $# -gt 0 ] && [ "$1" != -- ]; then shards=$1; shift; fi
[ $# -gt 0 ] && [ "$1" = -- ] && shift
case $shards in ''|*[!0-9]*) echo "submit.sh: N must be a whole number, got \"$shards\"" >&2; exit 2 ;; esac
[ "$shards" -ge 1 ] || { echo "submit.sh: N must be at least 1" >&2; exit 2; }
[ -d "$input" ] || { echo "submit.sh: $input: no such folder" >&2; exit 2; }
command -v sbatch >/dev/null || { echo "submit.sh: sbatch not found: is this a Slurm login node?" >&2; exit 2; }

mkdir -p "$output/logs"
input=$(cd "$input" && pwd)
output=$(cd "$output" && pwd)
# The jobs may start elsewhere: paths go to them absolute.
absolute () { case $1 in /*) echo "$1" ;; ./*) echo "$PWD/${1#./}" ;; *) echo "$PWD/$1" ;; esac; }
bin=${LM_BIN:-leitmotif}
case $bin in */*) bin=$(absolute "$bin") ;; esac   # a bare name is looked up on the nodes' PATH
export LM_INPUT="$input" LM_OUTPUT="$output" LM_SHARDS="$shards" LM_BIN="$bin"
for v in LM_LEXICON LM_STOPWORDS LM_METADATA LM_DB; do
  [ -n "${!v:-}" ] && export "$v=$(absolute "${!v}")"
done
range="1-$shards${LM_MAX_RUNNING:+%$LM_MAX_RUNNING}"

array=$(sbatch --parsable --array="$range" --export=ALL --output="$output/logs/shard-%A_%a.out" \
          "$@" "$here/leitmotif-array.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --export=ALL \
          --output="$output/logs/merge-%j.out" "$@" "$here/leitmotif-merge.sbatch")
merge=${merge%%;*}
echo "leitmotif: submitted $shards shards as job array $array, merge job $merge (after all succeed) into ${LM_DB:-$output/leitmotif.db}" >&2
echo "$array $merge"
