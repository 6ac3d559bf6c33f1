#!/usr/bin/env bash
# Makes N essays from the four texts in texts/, deterministically, for batch
# tests and benchmarks: essay i takes the paragraphs of text (i mod 4) in an
# order and a selection fixed by i, plus a line naming it, so that every
# essay is distinct.  Essays go into OUTDIR/NNN/essay-IIIII.txt, 100 a folder.
#
#   bash bench/make-essays.sh 10000 /tmp/essays
set -euo pipefail
n=${1:?usage: make-essays.sh N OUTDIR}
out=${2:?usage: make-essays.sh N OUTDIR}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
# One awk process writes every file; no randomness, so any awk gives the same
# bytes.
awk -v n="$n" -v out="$out" '
  FNR == 1 { t++ }
  { para[t, ++lines[t]] = $0 }
  END {
    for (i = 0; i < n; i++) {
      k = i % 4 + 1
      dir = sprintf ("%s/%03d", out, int (i / 100))
      if (i % 100 == 0) system ("mkdir -p \"" dir "\"")
      f = sprintf ("%s/essay-%05d.txt", dir, i)
      printf "Essay %d, after text %d.\n\n", i, k > f
      # a rotation and a stride of the source lines, both fixed by i
      m = lines[k]; start = (i * 7) % m; step = (i % 3) + 1
      for (j = 0; j < m; j += step) print para[k, (start + j) % m + 1] > f
      close (f)
    }
  }' "$here"/texts/never-let-me-go-themes-study-notes.txt \
     "$here"/texts/carden-smoky-mountain-news-review.txt \
     "$here"/texts/artifice-transformation-of-letting-go.txt \
     "$here"/texts/unsigned-essay-hope-and-humanity.txt
