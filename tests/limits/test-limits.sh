#!/usr/bin/env bash
# Resource limits against hostile input (README "Limits"): every case either
# completes in time and memory in proportion to its input, or fails with a
# clear message.  Big inputs are generated here, in a temporary folder, and
# the slow ones are scaled down (the full-size figures are in the README).
# Memory bounds are checked only without sanitizers (LM_SANITIZE=none), where
# RSS means what it says.  TAP output.
#   test-limits.sh LEITMOTIF PEAK_RSS SRCDIR
set -uo pipefail
lm=$1
peak=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src" || exit 1
. tests/tap.sh
plain=${LM_SANITIZE:-none}
# run NAME SECONDS CMD...: runs CMD under a time limit, recording its exit
# status in $rc, its standard error in $work/NAME.err, output in $work/NAME.out
# and peak RSS (KiB) in $rss.
run () {
  local name=$1 secs=$2; shift 2
  timeout "$secs" "$peak" "$work/$name.rss" "$@" >"$work/$name.out" 2>"$work/$name.err"
  rc=$?
  rss=$(cat "$work/$name.rss" 2>/dev/null || echo 0)
}
rss_below () { # KIB WHAT
  if [ "$plain" != none ]; then skip "$2: peak RSS ${rss} KiB under $1 KiB" "sanitizers ($plain)"; return; fi
  check "$2: peak RSS ${rss} KiB under $1 KiB" test "$rss" -lt "$1"
}

# --- the file size limit (--max-file-size, default 256 MiB) ----------------
limit=$((256 * 1024 * 1024))
truncate -s $((limit + 1)) "$work/over.txt"     # sparse: costs no disk
run over 30 "$lm" count "$work/over.txt"
check "a text of 256 MiB + 1 byte is refused (exit 1)" test "$rc" = 1
check "... with a clear message" grep -qF "over.txt: $((limit + 1)) bytes, larger than the limit of $limit bytes (--max-file-size)" "$work/over.err"
rss_below 65536 "... before reading it"
truncate -s "$limit" "$work/at.txt"
run at 30 "$lm" count "$work/at.txt"
check "a text of exactly 256 MiB is read (and fails on its NUL bytes, not on the limit)" \
  grep -q "NUL byte" "$work/at.err"

yes "Kathy remembers Hailsham" | head -c 1025 > "$work/k1025.txt"
yes "Kathy remembers Hailsham" | head -c 1024 > "$work/k1024.txt"
for cmd in count genres segments tokens; do
  run "$cmd-1k" 30 "$lm" "$cmd" --max-file-size=1K "$work/k1025.txt"
  check "$cmd --max-file-size=1K refuses 1025 bytes (exit 1)" test "$rc" = 1
  check "$cmd: the message names the file and the limit" \
    grep -qF "k1025.txt: 1025 bytes, larger than the limit of 1024 bytes (--max-file-size)" "$work/$cmd-1k.err"
  run "$cmd-1k-ok" 30 "$lm" "$cmd" --max-file-size=1K "$work/k1024.txt"
  check "$cmd --max-file-size=1K reads 1024 bytes" test "$rc" = 0
done
run unlimited 30 "$lm" count --max-file-size=0 "$work/k1025.txt"
check "--max-file-size=0 lifts the limit" test "$rc" = 0
for bad in 1X -5 "" 18446744073709551616 99999999999G 1KB; do
  run bad-size 30 "$lm" count "--max-file-size=$bad" "$work/k1024.txt"
  check "--max-file-size=\"$bad\" is a usage error (exit 2)" test "$rc" = 2
done
mkdir -p "$work/essays"
cp "$work/k1025.txt" "$work/essays/big.txt"
cp "$work/k1024.txt" "$work/essays/small.txt"
run batch-1k 60 "$lm" batch --quiet --max-file-size=1K --db "$work/b.db" "$work/essays"
check "batch --max-file-size=1K: exit 1 (a file failed)" test "$rc" = 1
check "batch stores the file over the limit as failed, with the reason" \
  test "$(sqlite3 -batch -noheader "$work/b.db" "SELECT status || ': ' || error FROM documents WHERE path = 'essays/big.txt'")" \
  = "failed: $work/essays/big.txt: 1025 bytes, larger than the limit of 1024 bytes (--max-file-size)"
check "batch analyzes the file within the limit" \
  test "$(sqlite3 -batch -noheader "$work/b.db" "SELECT status FROM documents WHERE path = 'essays/small.txt'")" = ok
printf '[text big]\nfile=essays/big.txt\ncritic=A Critic\n' > "$work/corpus.ini"
run analyze-1k 60 "$lm" analyze --max-file-size=1K --corpus "$work/corpus.ini" --out "$work/reports"
check "analyze --max-file-size=1K: exit 1, the text over the limit named" \
  bash -c "test $rc = 1 && grep -qF 'larger than the limit of 1024 bytes' '$work/analyze-1k.err' '$work/reports/summary.md'"

# --- a long line: 20 MB without a line break ------------------------------
yes "Tommy rages in the field while Ruth watches" | tr -d '\n' | head -c 20000000 > "$work/line.txt"
run line-count 120 "$lm" count "$work/line.txt"
check "count: a 20 MB line completes" test "$rc" = 0
rss_below $((64 * 1024 + 2 * 20000)) "count: a 20 MB line"
run line-genres 120 "$lm" genres "$work/line.txt"
check "genres (segmenter, genre stance): a 20 MB line completes" test "$rc" = 0
rss_below $((64 * 1024 + 5 * 20000)) "genres: a 20 MB line"

# --- a 10 MB word ------------------------------------------------------------
head -c 10000000 /dev/zero | tr '\0' 'x' > "$work/word.txt"
run word 120 "$lm" tokens "$work/word.txt"
check "tokens: a 10 MB word is one token" test "$(wc -l < "$work/word.out")" = 1
check "... cut to 512 bytes and flagged truncated" \
  awk -F'\t' '{ exit !(length($3) == 512 && $5 ~ /truncated/) }' "$work/word.out"

# --- many distinct words: the vocabulary is emptied between texts ------------
words () { # PREFIX N: N distinct words, 12 a line
  awk -v p="$1" -v n="$2" 'BEGIN { l = "abcdefghijklmnopqrstuvwxyz"
    for (i = 0; i < n; i++) { x = i; w = ""
      for (k = 0; k < 5; k++) { w = substr(l, x % 26 + 1, 1) w; x = int(x / 26) }
      printf "%s%s%s", p, w, (i % 12 == 11 ? ".\n" : " ") } }'
}
words a 1200000 > "$work/words-a.txt"
words b 1200000 > "$work/words-b.txt"
run words-a 300 "$lm" count "$work/words-a.txt"
rss_a=$rss
check "count: 1.2 million distinct words" grep -qP "\thope\t0\t1200000\t" "$work/words-a.out"
run words-ab 300 "$lm" count "$work/words-a.txt" "$work/words-b.txt"
check "count: two files of 1.2 million distinct words each" test "$rc" = 0
rss_below $((rss_a * 14 / 10)) "count of two such files: within 1.4 x one file's ${rss_a} KiB (the vocabulary is emptied between texts past 1M words)"

# --- lexicons ----------------------------------------------------------------
awk 'BEGIN { l = "abcdefghijklmnopqrstuvwxyz"
  for (c = 0; c < 100; c++) { printf "[motif m%d]\nlabel=M%d\ndescription=d\nterms=", c, c
    for (i = 0; i < 1000; i++) { x = c * 1000 + i; w = "q"
      for (k = 0; k < 4; k++) { w = w substr(l, x % 26 + 1, 1); x = int(x / 26) }
      t = (i % 4 == 0) ? w : (i % 4 == 1) ? "=" w : (i % 4 == 2) ? w "*" : w " ~10 " w "x"
      printf "%s%s", (i ? ";" : ""), t }
    printf "\n\n" } }' > "$work/lex-100k.ini"
run lex100k 60 "$lm" lexicon check "$work/lex-100k.ini"
check "lexicon check: 100,000 terms in under a minute (was 32 s of pairwise comparison)" test "$rc" = 0
check "... all of them compiled" grep -q ": 100 categories, 100000 terms" "$work/lex100k.out"
run lex100k-count 60 "$lm" count --lexicon "$work/lex-100k.ini" texts/carden-smoky-mountain-news-review.txt
check "count with a 100,000-term lexicon" test "$rc" = 0
awk 'BEGIN { for (c = 0; c < 2; c++) { printf "[motif c%d]\nlabel=C\ndescription=d\nterms=hope", c
  for (i = 1; i < 50000; i++) printf ";hope"; printf "\n\n" } }' > "$work/dup.ini"
run dup 60 "$lm" lexicon check "$work/dup.ini"
check "lexicon check: 2 x 50,000 copies of one term completes" test "$rc" = 0
check "... with at most 1000 shared-term warnings" test "$(grep -c '^warning: .*match the same words$' "$work/dup.out")" = 1000
check "... then says it stopped" grep -q "only the first 1000 are shown" "$work/dup.out"
printf '[motif m]\nlabel=M\ndescription=d\nterms=let ~11 go\n' > "$work/gap.ini"
run gap 30 "$lm" lexicon check "$work/gap.ini"
check "a phrase gap over 10 words is refused" bash -c "test $rc = 1 && grep -q 'gap.ini:4: term \"let ~11 go\": a gap of 11 words exceeds the limit of 10' '$work/gap.err'"
printf '[motif m]\nlabel=M\ndescription=d\nterms=a b c d e f g h i j k l m n o p q\n' > "$work/long.ini"
run long 30 "$lm" lexicon check "$work/long.ini"
check "a phrase of more than 16 words is refused" bash -c "test $rc = 1 && grep -q 'long.ini:4:' '$work/long.err'"

# --- quotation marks ---------------------------------------------------------
awk 'BEGIN { for (i = 0; i < 3500000; i++) printf "\xe2\x80\x9c"; print "" }' > "$work/open.txt"
run open 120 "$lm" segments "$work/open.txt"
check "segments: 10 MB of opening quotation marks completes" test "$rc" = 0
check "... bounded at the end of the paragraph, with a warning" grep -q "never closes; bounded at the end of its paragraph" "$work/open.out"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\xe2\x80\x9ca\xe2\x80\x9d \xe2\x80\x98b\xe2\x80\x99 \"c\" "; print "" }' > "$work/balanced.txt"
run balanced 120 "$lm" segments "$work/balanced.txt"
check "segments: 300,000 quotations on one 2 MB line completes (was quadratic)" test "$rc" = 0
awk 'BEGIN { for (i = 0; i < 500000; i++) printf "\xe2\x80\x9c\xe2\x80\x98\"x "; for (i = 0; i < 300000; i++) printf "\xe2\x80\x9d\xe2\x80\x99\" "; print "" }' > "$work/nested.txt"
run nested 120 "$lm" genres "$work/nested.txt"
check "genres: 2.4 million nested, unbalanced quotation marks on one line complete" test "$rc" = 0

tap_done
