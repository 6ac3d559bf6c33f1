#!/usr/bin/env bash
# Scores leitmotif on the real pages: voices, genre stances and motifs, on the
# dev and the test part of MANIFEST.tsv.  Usage: score.sh LEITMOTIF [dev|test|all]
# Exit 77 (skipped) when the texts have not been re-pulled (see README.md).
set -euo pipefail
lm=${1:?usage: score.sh LEITMOTIF [dev|test|all]}
which=${2:-all}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../.."
missing=0
while IFS=$'\t' read -r id _ _ _ _ _ _ _ part _; do
  [ "$id" = id ] && continue
  [ -f "$here/texts/$id.txt" ] || missing=$((missing + 1))
done < "$here/MANIFEST.tsv"
if [ "$missing" -gt 0 ]; then
  echo "1..0 # SKIP $missing texts of MANIFEST.tsv are not in $here/texts (see README.md to re-pull them)"
  exit 77
fi
for part in dev test; do
  [ "$which" = all ] || [ "$which" = "$part" ] || continue
  files=$(awk -F'\t' -v p="$part" -v d="$here/texts" 'NR > 1 && $9 == p { print d "/" $1 ".txt" }' "$here/MANIFEST.tsv")
  if [ -z "$files" ]; then
    echo "## $part part: no pages"
    continue
  fi
  echo "## $part part ($(echo "$files" | wc -w) pages)"
  # shellcheck disable=SC2086
  "$lm" evaluate --voices "$here/gold-voices.tsv" $files
  # shellcheck disable=SC2086
  "$lm" evaluate --genres "$here/gold-genre.tsv" $files
  nlmg=$(awk -F'\t' -v p="$part" -v d="$here/texts" 'NR > 1 && $9 == p && $8 == "Never Let Me Go" { print d "/" $1 ".txt" }' "$here/MANIFEST.tsv")
  # shellcheck disable=SC2086
  "$lm" evaluate --motifs "$here/gold-motifs.tsv" $nlmg
done
