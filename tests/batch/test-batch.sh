#!/usr/bin/env bash
# Batch runs as a user makes them, checked through the database: incremental
# re-runs, a kill -9 in the middle and a resume, bad files, a concurrent
# second writer, export round trips, metadata, a LIWC dictionary.  TAP output.
#   test-batch.sh LEITMOTIF SRCDIR
set -uo pipefail
lm=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src" || exit 1
. tests/lib/tap-db.sh
# Every count of a database, keyed by path, for comparing two databases.
dump () {
  q "$1" "SELECT d.path, d.status, d.content_sha256, d.words_all, m.voice, m.category, m.hits
          FROM documents d LEFT JOIN motif_counts m ON m.document_id = d.id ORDER BY 1, 5, 6"
  q "$1" "SELECT d.path, g.seq, g.genre, g.stance, g.source FROM documents d
          JOIN genre_mentions g ON g.document_id = d.id ORDER BY 1, 2"
}

bash bench/make-essays.sh 1200 "$work/essays" >/dev/null

# --- a first run, then an incremental one --------------------------------
"$lm" batch --quiet --jobs 2 --db "$work/a.db" "$work/essays"; rc=$?
check "first run exits 0" test "$rc" = 0
check "first run stores 1200 documents" test "$(q "$work/a.db" "SELECT count(*) FROM documents WHERE status='ok'")" = 1200
out=$("$lm" batch --jobs 2 --db "$work/a.db" "$work/essays" 2>&1)
check "second run skips all 1200 as unchanged" grep -q "0 analyzed, 1200 unchanged" <<<"$out"
check "progress, not on a terminal: plain lines with files, MB/s and ETA" grep -qE "^leitmotif: 1200/1200 files, [0-9.]+ MB/s, ETA [0-9]+:[0-9]{2}$" <<<"$out"
out=$("$lm" batch --quiet --jobs 2 --db "$work/a.db" "$work/essays" 2>&1)
check "--quiet prints nothing" test -z "$out"
echo "One more line." >> "$work/essays/003/essay-00300.txt"
cp "$work/essays/000/essay-00001.txt" "$work/essays/000/new.md"
out=$("$lm" batch --jobs 2 --db "$work/a.db" "$work/essays" 2>&1)
check "third run analyzes only the changed and the new file" grep -q "2 analyzed, 1199 unchanged" <<<"$out"
"$lm" batch --quiet --jobs 1 --force --db "$work/a1.db" "$work/essays"
"$lm" batch --quiet --jobs 2 --force --db "$work/a.db" "$work/essays"
check "one job and two jobs give the same database" diff <(dump "$work/a1.db") <(dump "$work/a.db")

# --- kill -9 in the middle, then resume -----------------------------------
"$lm" batch --quiet --jobs 2 --db "$work/k.db" "$work/essays" &
pid=$!
for _ in $(seq 1 200); do
  c=$(q "$work/k.db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
  [ "${c:-0}" -ge 300 ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
mid=$(q "$work/k.db" "SELECT count(*) FROM documents")
check "the killed run left a consistent database ($mid documents)" test "$(q "$work/k.db" 'PRAGMA integrity_check')" = ok
"$lm" batch --quiet --jobs 2 --db "$work/k.db" "$work/essays"; rc=$?
check "the resumed run exits 0" test "$rc" = 0
check "after the resume nothing is lost or doubled" diff <(dump "$work/a.db") <(dump "$work/k.db")

# --- Ctrl-C in the middle, then resume ------------------------------------------
"$lm" batch --quiet --jobs 2 --db "$work/i.db" "$work/essays" &
pid=$!
for _ in $(seq 1 200); do
  c=$(q "$work/i.db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
  [ "${c:-0}" -ge 300 ] && break
  sleep 0.05
done
kill -INT "$pid" 2>/dev/null; wait "$pid"; rc=$?
check "an interrupted run exits 130 (or 0 if it had finished)" test "$rc" = 130 -o "$rc" = 0
check "the interrupted run left a consistent database" test "$(q "$work/i.db" 'PRAGMA integrity_check')" = ok
"$lm" batch --quiet --jobs 2 --db "$work/i.db" "$work/essays"
check "after Ctrl-C and a resume nothing is lost or doubled" diff <(dump "$work/a.db") <(dump "$work/i.db")

# --- bad files ---------------------------------------------------------------
mkdir -p "$work/bad"
printf 'Hope is fine.\n' > "$work/bad/good.txt"
printf 'Hope \xff here.\n' > "$work/bad/invalid.txt"
: > "$work/bad/empty.txt"
printf 'bin\0ary' > "$work/bad/binary.txt"
printf 'ignored' > "$work/bad/image.png"
ln -s "$work/bad/missing-target.txt" "$work/bad/dangling.txt"
head -c 2000000 /dev/zero | tr '\0' 'a' > "$work/bad/longline.txt"
ln -s "$work/bad" "$work/bad/loop"
out=$("$lm" batch --jobs 2 --db "$work/b.db" "$work/bad" 2>&1); rc=$?
check "bad files give exit status 1" test "$rc" = 1
check "the good file is analyzed" test "$(q "$work/b.db" "SELECT status FROM documents WHERE path='bad/good.txt'")" = ok
check "the long line is analyzed" test "$(q "$work/b.db" "SELECT status FROM documents WHERE path='bad/longline.txt'")" = ok
check "invalid UTF-8 is recorded with its position" grep -q "invalid.txt:1:6: invalid UTF-8 (byte 0xff at byte offset 5)" <<<"$(q "$work/b.db" "SELECT error FROM documents WHERE path='bad/invalid.txt'")"
check "an empty file is recorded" test "$(q "$work/b.db" "SELECT error FROM documents WHERE path='bad/empty.txt'")" = "empty file"
check "a binary file is recorded" grep -q "NUL byte" <<<"$(q "$work/b.db" "SELECT error FROM documents WHERE path='bad/binary.txt'")"
check "the dangling link is reported" grep -q "dangling.txt" <<<"$out"
check "the symlink loop is detected" grep -q "already walked" <<<"$out"
check "failures are listed at the end" grep -q "failed files:" <<<"$out"
check "the .png is skipped and counted" grep -q "1 files of other types skipped" <<<"$out"
"$lm" batch --quiet --lenient --db "$work/l.db" "$work/bad/invalid.txt"; rc=$?
check "--lenient analyzes invalid UTF-8" test "$rc" = 0
check "--lenient counts the replacement" test "$(q "$work/l.db" "SELECT replacements FROM documents")" = 1

# --- a 200 MB single file ------------------------------------------------------
# Distinct lines: a line repeated verbatim is page furniture (repeated captions).
awk 'BEGIN { while (s < 200000000) { l = "Line " ++i ": hope and letting go, completion and conformity."
                                      print l; s += length (l) + 1 } }' > "$work/big.txt"
lines=$(wc -l < "$work/big.txt")
"$lm" batch --quiet --db "$work/big.db" "$work/big.txt"; rc=$?
check "a 200 MB file is analyzed" test "$rc" = 0
check "its hope count is right ($lines lines)" test "$(q "$work/big.db" "SELECT hits FROM motif_counts WHERE voice='critic' AND category='hope'")" = "$lines"
rm -f "$work/big.txt"

# --- two writers at once ---------------------------------------------------------
bash bench/make-essays.sh 300 "$work/one" >/dev/null
mkdir -p "$work/two" && cp -r "$work/one/000" "$work/two/x" && cp -r "$work/one/001" "$work/two/y"
"$lm" batch --quiet --jobs 1 --db "$work/c.db" "$work/one" & p1=$!
"$lm" batch --quiet --jobs 1 --db "$work/c.db" "$work/two" & p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
check "two concurrent writers both succeed" test "$r1$r2" = 00
check "both runs' documents are stored" test "$(q "$work/c.db" "SELECT count(*) FROM documents WHERE status='ok'")" = 500
check "the concurrently written database is intact" test "$(q "$work/c.db" 'PRAGMA integrity_check')" = ok

# --- a different lexicon is refused ---------------------------------------------
printf '[motif hope]\nlabel=Hope\ndescription=d\nterms=hope\n' > "$work/other.ini"
out=$("$lm" batch --quiet --lexicon "$work/other.ini" --db "$work/a.db" "$work/essays" 2>&1); rc=$?
check "another lexicon on the same database is refused" test "$rc" = 2
check "the refusal names both lexicons" grep -q "holds results made with lexicon" <<<"$out"

# --- export round trips ----------------------------------------------------------
"$lm" export --db "$work/a.db" --format csv > "$work/docs.csv"
check "CSV export has a header and every document" test "$(wc -l < "$work/docs.csv")" = 1202
rt=$(sqlite3 -batch -csv :memory: ".import '$work/docs.csv' d" "SELECT count(*), sum(words_all) FROM d")
check "the CSV export reads back with the same totals" test "$rt" = "$(q "$work/a.db" "SELECT count(*) || ',' || sum(words_all) FROM documents")"
"$lm" export --db "$work/a.db" --format jsonl --table motif_counts > "$work/counts.jsonl"
check "JSONL export has one object a row" test "$(wc -l < "$work/counts.jsonl")" = "$(q "$work/a.db" "SELECT count(*) FROM motif_counts")"
"$lm" export --db "$work/a.db" --table nosuch > /dev/null 2>&1; rc=$?
check "an unknown table is a usage error" test "$rc" = 2

# --- the batch report --------------------------------------------------------------
"$lm" report --db "$work/a.db" --out "$work/rep"; rc=$?
check "report --db exits 0" test "$rc" = 0
for f in batch-documents.csv batch-motifs.csv batch-genres.csv batch-summary.md; do
  check "report writes $f" test -s "$work/rep/$f"
done
check "batch-documents.csv has every document" test "$(wc -l < "$work/rep/batch-documents.csv")" = "$(( $(q "$work/a.db" "SELECT count(*) FROM documents") + 1 ))"
# make-essays.sh builds essay i from text i mod 4 (manifest order): its closest
# reference critic should be that text's critic.
match=$(awk -F, 'NR > 1 && $10 != "none" && match($1, /essay-[0-9]+/) {
  i = substr($1, RSTART + 6, RLENGTH - 6) + 0
  split("unsigned (nlmg-themes),Gary Carden,unsigned (artifice),unsigned (hope-essay)", name, ",")
  n++; if ($10 == name[i % 4 + 1]) m++ } END { printf "%d %d", m, n }' "$work/rep/batch-documents.csv")
read -r m_ok m_all <<<"$match"
check "essays are closest to the critic they were made from ($m_ok of $m_all)" test $((m_ok * 100)) -ge $((m_all * 95))
"$lm" report --db "$work/a.db" --out "$work/rep2" 2>/dev/null
check "the batch report is deterministic" diff -r "$work/rep" "$work/rep2"
"$lm" report --db "$work/liwc-none.db" --out "$work/rep3" 2>/dev/null; rc=$?
check "report on a missing database is an error" test "$rc" = 2

# --- metadata ----------------------------------------------------------------------
printf 'file,critic,year\nessay-00001.txt,"Ann, Reader",2024\n' > "$work/meta.csv"
"$lm" batch --quiet --force --metadata "$work/meta.csv" --db "$work/m.db" "$work/essays/000"
check "metadata is stored with its document" test "$(q "$work/m.db" "SELECT group_concat(m.key || '=' || m.value, ';') FROM metadata m JOIN documents d ON d.id = m.document_id WHERE d.path = '000/essay-00001.txt'")" = "critic=Ann, Reader;year=2024"

# --- a LIWC dictionary ---------------------------------------------------------------
"$lm" batch --quiet --lexicon tests/data/liwc/sample.dic --db "$work/liwc.db" "$work/essays/000"; rc=$?
check "a LIWC .dic works as the lexicon" test "$rc" = 0
check "its categories are stored" test "$(q "$work/liwc.db" "SELECT count(*) FROM categories")" -gt 0
out=$("$lm" report --db "$work/liwc.db" --out "$work/rep4" 2>&1); rc=$?
check "report refuses a database of another lexicon" test "$rc" = 2
check "the refusal says which lexicon to give" grep -q "give the batch's lexicon with --lexicon" <<<"$out"
"$lm" report --lexicon tests/data/liwc/sample.dic --db "$work/liwc.db" --out "$work/rep4"; rc=$?
check "report with the batch's LIWC lexicon works" test "$rc" = 0

tap_done
