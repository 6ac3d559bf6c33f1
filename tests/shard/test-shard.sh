#!/usr/bin/env bash
# Sharded batches and their merge, as a cluster user runs them: N = 1, 2, 7
# shards merged equal one unsharded batch; every file in exactly one shard,
# the documented hash's; refusals of other lexicons, stop lists and schema
# versions; duplicates stored once; merges in any order or grouping equal;
# interrupted and failed merges leave the output as it was, and the next
# merge removes what a merge killed with -9 left.  TAP output.
#   test-shard.sh LEITMOTIF SRCDIR
set -uo pipefail
lm=$1
src=$2
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cd "$src" || exit 1
. tests/lib/tap-db.sh
same_content () { diff <(content "$1") <(content "$2") > "$work/diff.txt"; }
# The whole database as SQL: equal dumps mean equal ids too.
same_dump () { cmp -s <(sqlite3 "$1" .dump) <(sqlite3 "$2" .dump); }
no_temp_files () { ! ls -a "$1" | grep -q '\.merge-'; }

# The README's rule in shell arithmetic: FNV-1a 64 of the key's bytes, mod N,
# plus one.  Bash integers are signed 64-bit and wrap, so the unsigned
# remainder is corrected for negative hashes with 2^64 mod N.
fnv_shard () {
  local key=$1 n=$2 h=-3750763034362895579 b   # 0xcbf29ce484222325
  for b in $(printf '%s' "$key" | od -An -v -tu1); do
    h=$(( (h ^ b) * 1099511628211 ))
  done
  local two62=$(( (1 << 62) % n )) r
  local two64=$(( (two62 * 4) % n ))
  if (( h >= 0 )); then r=$(( h % n )); else r=$(( ((h % n) + n + two64) % n )); fi
  echo $(( r + 1 ))
}

# --- the folder: essays, bad files, metadata ---------------------------------
bash bench/make-essays.sh 700 "$work/essays" >/dev/null
mkdir -p "$work/essays/bad"
printf 'Hope \xff here.\n' > "$work/essays/bad/invalid.txt"
: > "$work/essays/bad/empty.txt"
printf 'file,critic,year\nessay-00001.txt,"Ann, Reader",2024\nessay-00002.txt,Bo,2023\n' > "$work/meta.csv"
batch () { "$lm" batch --quiet --jobs 2 --metadata "$work/meta.csv" "$@"; }
batch --db "$work/whole.db" "$work/essays"; rc=$?
check "the unsharded batch stores 702 documents (exit 1: two bad files)" \
  test "$rc:$(q "$work/whole.db" "SELECT count(*) FROM documents")" = "1:702"

# --- N = 1, 2, 7: sharded and merged equals unsharded ---------------------------
for N in 1 2 3 7; do
  shards=()
  for K in $(seq 1 "$N"); do
    batch --shard "$K/$N" --db "$work/s$N-$K.db" "$work/essays"
    shards+=("$work/s$N-$K.db")
  done
  for s in "${shards[@]}"; do q "$s" "SELECT path FROM documents"; done | sort > "$work/paths$N"
  check "N=$N: the shards hold 702 documents between them" test "$(wc -l < "$work/paths$N")" = 702
  check "N=$N: no document is in two shards" test -z "$(uniq -d "$work/paths$N")"
  check "N=$N: every document is in a shard" diff "$work/paths$N" <(q "$work/whole.db" "SELECT path FROM documents ORDER BY path")
  "$lm" merge --quiet --db "$work/m$N.db" "${shards[@]}"; rc=$?
  check "N=$N: merge exits 0" test "$rc" = 0
  if same_content "$work/whole.db" "$work/m$N.db"; then ok "N=$N: merged shards equal the unsharded batch (documents, counts, genres, metadata, categories, meta)"
  else not_ok "N=$N: merged shards equal the unsharded batch" "$(head -5 "$work/diff.txt")"; fi
  check "N=$N: the merged database is intact" test "$(q "$work/m$N.db" 'PRAGMA integrity_check')" = ok
  check "N=$N: document ids are in path order" test \
    "$(q "$work/m$N.db" "SELECT count(*) FROM documents a JOIN documents b ON a.id < b.id WHERE a.path > b.path")" = 0
done
check "shard 3/7 holds some documents, not all" test "$(q "$work/s7-3.db" "SELECT count(*) FROM documents")" -gt 50
check "a shard's documents are the unsharded batch's, analysis for analysis" test "$(q "$work/s7-3.db" \
  "ATTACH '$work/whole.db' AS w; SELECT count(*) FROM documents d JOIN w.documents x USING (path)
   WHERE d.content_sha256 IS x.content_sha256 AND d.words_all = x.words_all AND d.status = x.status")" \
  = "$(q "$work/s7-3.db" "SELECT count(*) FROM documents")"

# --- the shard is the documented hash's --------------------------------------------
wrong=0
while IFS= read -r path; do
  want=$(fnv_shard "$path" 7)
  [ -f "$work/s7-$want.db" ] && [ "$(q "$work/s7-$want.db" "SELECT count(*) FROM documents WHERE path = '$path'")" = 1 ] \
    || { wrong=$((wrong + 1)); echo "# $path: expected in shard $want of 7"; }
done < "$work/paths7"
check "every document is in shard FNV-1a-64(key) mod 7 + 1" test "$wrong" = 0
check "the shell rule agrees with a published FNV-1a vector (\"foobar\" -> 7 of 7)" test "$(fnv_shard foobar 7)" = 7

# --- roots in another order: same shards ----------------------------------------------
mkdir -p "$work/roots"
cp -r "$work/essays/000" "$work/roots/alpha"; cp -r "$work/essays/001" "$work/roots/beta"
"$lm" batch --quiet --shard 2/3 --db "$work/ab.db" "$work/roots/alpha" "$work/roots/beta"
"$lm" batch --quiet --shard 2/3 --db "$work/ba.db" "$work/roots/beta" "$work/roots/alpha"
check "roots given in another order: the same shard" diff \
  <(q "$work/ab.db" "SELECT path FROM documents ORDER BY 1") <(q "$work/ba.db" "SELECT path FROM documents ORDER BY 1")
(cd "$work/roots" && "$lm" batch --quiet --shard 2/3 --lexicon "$src/lexicons/never-let-me-go.ini" \
   --stopwords "$src/stopwords/english.txt" --db "$work/rel.db" beta/ ./alpha)
check "roots given by relative paths from elsewhere: the same shard" diff \
  <(q "$work/ab.db" "SELECT path FROM documents ORDER BY 1") <(q "$work/rel.db" "SELECT path FROM documents ORDER BY 1")
out=$("$lm" batch --shard 1/7 --db "$work/summary.db" "$work/roots/alpha" 2>&1)
check "a shard's summary says how many files belong to other shards" \
  grep -qE "^leitmotif: shard 1/7: [0-9]+ of 100 files; the other [0-9]+ belong to other shards$" <<<"$out"
mkdir -p "$work/two" && cp "$work/essays/000/essay-00000.txt" "$work/essays/000/essay-00004.txt" "$work/two/"
for K in 1 2 3 4 5 6 7; do "$lm" batch --quiet --shard "$K/7" --db "$work/t$K.db" "$work/two"; done
check "shards with no file give empty databases" test \
  "$(for K in 1 2 3 4 5 6 7; do q "$work/t$K.db" "SELECT count(*) FROM documents"; done | grep -c '^0$')" = 5
"$lm" merge --quiet --db "$work/t.db" "$work"/t[1-7].db
check "merging empty shards with the rest keeps the two documents" test "$(q "$work/t.db" "SELECT count(*) FROM documents")" = 2

# --- bad --shard arguments -------------------------------------------------------------------
for spec in 0/3 4/3 3 3/ /3 a/b 1/0 -1/3 "1/3 " 1/1000001; do
  out=$("$lm" batch --quiet --shard "$spec" --db "$work/bad-arg.db" "$work/two" 2>&1); rc=$?
  check "--shard \"$spec\" is a usage error that names it" eval 'test "$rc" = 2 && grep -qF -- "--shard \"$spec\"" <<<"$out"'
done
check "a bad --shard creates no database" test ! -e "$work/bad-arg.db"

# --- refusals: lexicon, stop list, schema version ---------------------------------------------
printf '[motif hope]\nlabel=Hope\ndescription=d\nterms=hope\n' > "$work/other.ini"
"$lm" batch --quiet --lexicon "$work/other.ini" --db "$work/lex.db" "$work/two"
cp "$work/m2.db" "$work/keep.db"; cp "$work/m2.db" "$work/keep.orig"
out=$("$lm" merge --db "$work/keep.db" "$work/s2-1.db" "$work/lex.db" 2>&1); rc=$?
check "a shard of another lexicon is refused (exit 2)" test "$rc" = 2
check "the refusal names both files and the lexicon" grep -q "refusing to merge $work/lex.db with $work/keep.db: they differ in lexicon (lexicon_sha256)" <<<"$out"
check "the refusal names the lexicon files" grep -q "other.ini" <<<"$out"
check "a refused merge leaves the output byte for byte" cmp -s "$work/keep.db" "$work/keep.orig"
out=$("$lm" merge --db "$work/new.db" "$work/lex.db" "$work/s2-1.db" 2>&1); rc=$?
check "another lexicon between inputs is refused, and nothing written" eval 'test "$rc" = 2 && test ! -e "$work/new.db"'
check "the refusal names both inputs" grep -q "refusing to merge $work/s2-1.db with $work/lex.db: they differ in lexicon" <<<"$out"
grep -v '^through$' stopwords/english.txt > "$work/stop.txt"
"$lm" batch --quiet --stopwords "$work/stop.txt" --db "$work/stop.db" "$work/two"
out=$("$lm" merge --db "$work/new.db" "$work/s2-1.db" "$work/stop.db" 2>&1); rc=$?
check "a shard of another stop list is refused" eval 'test "$rc" = 2 && grep -q "differ in stop list (stopwords_sha256)" <<<"$out"'
cp "$work/s2-2.db" "$work/v2.db"; q "$work/v2.db" "PRAGMA user_version = 2"
out=$("$lm" merge --db "$work/new.db" "$work/s2-1.db" "$work/v2.db" 2>&1); rc=$?
check "a shard of another schema version is refused" eval 'test "$rc" = 2 && grep -q "refusing to merge $work/v2.db with $work/s2-1.db: they differ in schema version (user_version): $work/v2.db has 2, $work/s2-1.db has 1" <<<"$out"'
out=$("$lm" merge --db "$work/new.db" "$work/v2.db" 2>&1); rc=$?
check "a schema version this leitmotif does not write is refused" eval 'test "$rc" = 2 && grep -q "schema version 2 (meta: 1); this leitmotif merges schema version 1 only" <<<"$out"'
cp "$work/s2-2.db" "$work/tok.db"; q "$work/tok.db" "UPDATE meta SET value = '999' WHERE key = 'tokenizer_version'"
out=$("$lm" merge --db "$work/new.db" "$work/s2-1.db" "$work/tok.db" 2>&1); rc=$?
check "a shard of other tokenizer rules is refused" eval 'test "$rc" = 2 && grep -q "differ in tokenizer rules (tokenizer_version)" <<<"$out"'
out=$("$lm" merge --db "$work/new.db" "$work/s2-1.db" "$work/essays/000/essay-00000.txt" 2>&1); rc=$?
check "a file that is no database is refused" eval 'test "$rc" = 2 && grep -q "essay-00000.txt: not a database" <<<"$out"'
out=$("$lm" merge --db "$work/new.db" "$work/s2-1.db" "$work/nosuch.db" 2>&1); rc=$?
check "a missing input is refused" eval 'test "$rc" = 2 && grep -q "nosuch.db: no such database" <<<"$out"'
"$lm" merge --db "$work/new.db" >/dev/null 2>&1; rc=$?
check "merge without inputs is a usage error" test "$rc" = 2
"$lm" merge "$work/s2-1.db" >/dev/null 2>&1; rc=$?
check "merge without --db is a usage error" test "$rc" = 2
check "no refused merge wrote anything" eval 'test ! -e "$work/new.db" && no_temp_files "$work"'

# --- duplicates: stored once, by the documented rule, in any order --------------------------
"$lm" merge --quiet --db "$work/dup.db" "$work/s2-1.db" "$work/m2.db" "$work/s2-1.db"
check "documents in several inputs are stored once" same_content "$work/whole.db" "$work/dup.db"
out=$("$lm" merge --db "$work/dup2.db" "$work/s2-1.db" "$work/s2-1.db" 2>&1)
check "the summary counts the rows another input also had" \
  grep -q "$(q "$work/s2-1.db" "SELECT count(*) FROM documents") documents ($(q "$work/s2-1.db" "SELECT count(*) FROM documents") rows of documents another input also had" <<<"$out"
# The same keys with other content: one essay changed, one bad file mended,
# metadata that disagree.
cp -r "$work/essays" "$work/v"
echo "One more line of hope." >> "$work/v/000/essay-00001.txt"
printf 'Hope is mended here.\n' > "$work/v/bad/invalid.txt"
printf 'file,critic,year\nessay-00001.txt,"Ann, Reader",2025\nessay-00002.txt,Bo,2023\nessay-00003.txt,Cy,2020\n' > "$work/meta2.csv"
"$lm" batch --quiet --jobs 2 --metadata "$work/meta2.csv" --db "$work/v.db" "$work/v"
sqlite3 "$work/v.db" "UPDATE documents SET path = replace(path, 'v/', 'essays/')"
"$lm" merge --quiet --db "$work/wv.db" "$work/whole.db" "$work/v.db"
"$lm" merge --quiet --db "$work/vw.db" "$work/v.db" "$work/whole.db"
check "conflicting inputs merge to the same database in either order" same_dump "$work/wv.db" "$work/vw.db"
check "an ok row beats a failed one" test "$(q "$work/wv.db" "SELECT status FROM documents WHERE path = 'essays/bad/invalid.txt'")" = ok
sha_w=$(q "$work/whole.db" "SELECT content_sha256 FROM documents WHERE path = 'essays/000/essay-00001.txt'")
sha_v=$(q "$work/v.db" "SELECT content_sha256 FROM documents WHERE path = 'essays/000/essay-00001.txt'")
greater=$(printf '%s\n%s\n' "$sha_w" "$sha_v" | LC_ALL=C sort | tail -1)
check "of two analyses of a changed essay, the greater content SHA-256 is kept" \
  test "$(q "$work/wv.db" "SELECT content_sha256 FROM documents WHERE path = 'essays/000/essay-00001.txt'")" = "$greater"
from=$([ "$greater" = "$sha_v" ] && echo v || echo whole)
check "its counts come with it" diff \
  <(q "$work/$from.db" "SELECT m.voice, m.category, m.hits FROM motif_counts m JOIN documents d ON d.id = m.document_id WHERE d.path = 'essays/000/essay-00001.txt' ORDER BY 1, 2") \
  <(q "$work/wv.db" "SELECT m.voice, m.category, m.hits FROM motif_counts m JOIN documents d ON d.id = m.document_id WHERE d.path = 'essays/000/essay-00001.txt' ORDER BY 1, 2")
check "equal analyses join their metadata (the greater value where they disagree)" test \
  "$(q "$work/wv.db" "SELECT group_concat(d.path || ':' || x.key || '=' || x.value, ';') FROM (SELECT * FROM metadata ORDER BY document_id, key) x JOIN documents d ON d.id = x.document_id WHERE d.path IN ('essays/000/essay-00002.txt', 'essays/000/essay-00003.txt')")" \
  = "essays/000/essay-00002.txt:critic=Bo;essays/000/essay-00002.txt:year=2023;essays/000/essay-00003.txt:critic=Cy;essays/000/essay-00003.txt:year=2020"

# --- associativity ----------------------------------------------------------------------------
a="$work/s7-1.db" b="$work/v.db" c="$work/m2.db"
"$lm" merge --quiet --db "$work/ab.m" "$a" "$b"; "$lm" merge --quiet --db "$work/ab_c.m" "$work/ab.m" "$c"
"$lm" merge --quiet --db "$work/bc.m" "$b" "$c"; "$lm" merge --quiet --db "$work/a_bc.m" "$a" "$work/bc.m"
"$lm" merge --quiet --db "$work/cab.m" "$c" "$a" "$b"
check "(a+b)+c equals a+(b+c), as SQL dumps" same_dump "$work/ab_c.m" "$work/a_bc.m"
check "(a+b)+c equals merge(c, a, b), as SQL dumps" same_dump "$work/ab_c.m" "$work/cab.m"
cp "$work/ab.m" "$work/into.m"; "$lm" merge --quiet --db "$work/into.m" "$c"
check "merging into an existing output equals merging it as an input" same_dump "$work/ab_c.m" "$work/into.m"
"$lm" merge --quiet --db "$work/m7b.db" "$work/s7-7.db" "$work/s7-3.db" "$work/s7-1.db"
"$lm" merge --quiet --db "$work/m7b.db" "$work/s7-2.db" "$work/s7-6.db"
"$lm" merge --quiet --db "$work/m7b.db" "$work/s7-5.db" "$work/s7-4.db"
check "seven shards merged in three steps equal them merged at once" same_dump "$work/m7.db" "$work/m7b.db"

# --- interrupted and failed merges leave the output as it was ----------------------------------
# A large input (synthetic rows) so that the merge runs long enough to be
# interrupted.
cp "$work/s7-1.db" "$work/large.db"
q "$work/large.db" "WITH RECURSIVE i(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM i WHERE x < 40000)
  INSERT INTO documents (path, content_sha256, size, status, words_all)
  SELECT printf('large/%06d.txt', x), printf('%064d', x), 100, 'ok', 10 FROM i;
  INSERT INTO motif_counts SELECT d.id, 'all', c.id, 1 FROM documents d, categories c WHERE d.path LIKE 'large/%';"
cp "$work/m2.db" "$work/out.db"; cp "$work/m2.db" "$work/out.orig"
interrupt () {  # signal
  "$lm" merge --quiet --db "$work/out.db" "$work/large.db" "$work/v.db" 2>"$work/interrupt.log" & pid=$!
  for _ in $(seq 1 500); do ls -a "$work" | grep -q '^\.out\.db\.merge-' && break; sleep 0.01; done
  sleep 0.2
  kill "-$1" "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
}
interrupt INT; rc=$?
check "Ctrl-C stops a merge with exit 130 (rc $rc)" test "$rc" = 130
check "and says so" grep -q "merge interrupted; $work/out.db left as it was" "$work/interrupt.log"
check "after Ctrl-C the output is byte for byte as it was" cmp -s "$work/out.db" "$work/out.orig"
check "after Ctrl-C no temporary file is left" no_temp_files "$work"
interrupt TERM; rc=$?
check "SIGTERM (a scheduler's time limit) stops a merge the same way" eval 'test "$rc" = 130 && cmp -s "$work/out.db" "$work/out.orig"'
interrupt KILL
check "after kill -9 the output is byte for byte as it was" cmp -s "$work/out.db" "$work/out.orig"
check "after kill -9 the output is intact" test "$(q "$work/out.db" 'PRAGMA integrity_check')" = ok
# kill -9 leaves the temporary files; the next merge into the same output
# removes them, but not those of a merge still running (they are locked).
left=$(ls -a "$work" | grep -c '^\.out\.db\.merge-')
check "kill -9 leaves temporary files behind ($left)" test "$left" -ge 1
: > "$work/.out.db.merge-LIVE01"
flock "$work/.out.db.merge-LIVE01" sleep 60 & holder=$!
for _ in $(seq 1 100); do flock -n "$work/.out.db.merge-LIVE01" true || break; sleep 0.05; done
out=$("$lm" merge --db "$work/out.db" "$work/v.db" 2>&1); rc=$?
check "the next merge succeeds (rc $rc)" test "$rc" = 0
check "...and removes the killed merge's temporary files" \
  test "$(ls -a "$work" | grep '^\.out\.db\.merge-' | grep -vc LIVE01)" = 0
check "...saying so" grep -q "removed [0-9]* temporary files of an earlier merge into $work/out.db that was killed" <<<"$out"
check "a running merge's (locked) temporary file is kept" test -e "$work/.out.db.merge-LIVE01"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
rm -f "$work/.out.db.merge-LIVE01"
cp "$work/out.orig" "$work/out.db"
# An input that fails part-way: a large database cut short, last in line.
head -c 4000000 "$work/large.db" > "$work/cut.db"
out=$("$lm" merge --db "$work/out.db" "$work/s2-1.db" "$work/v.db" "$work/cut.db" 2>&1); rc=$?
check "an input that fails part-way fails the merge (exit 2)" test "$rc" = 2
check "the error names the broken input" grep -q "cut.db" <<<"$out"
check "after a failed merge the output is byte for byte as it was" cmp -s "$work/out.db" "$work/out.orig"
check "after a failed merge no temporary file is left" no_temp_files "$work"
"$lm" merge --quiet --db "$work/out.db" "$work/large.db"; rc=$?
check "a merge that completes replaces the output" eval 'test "$rc" = 0 && test "$(q "$work/out.db" "SELECT count(*) FROM documents")" = 40702'
check "the replaced output keeps its permissions" test "$(stat -c %a "$work/out.db")" = "$(stat -c %a "$work/out.orig")"

# --- the output: a batch's database killed mid-run, not a database, nowhere --------------------
"$lm" batch --quiet --jobs 2 --db "$work/killed.db" "$work/essays" & pid=$!
for _ in $(seq 1 200); do
  c=$(q "file:$work/killed.db?mode=ro" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
  [ "${c:-0}" -ge 200 ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
q "file:$work/killed.db?mode=ro" "SELECT path FROM documents" > "$work/killed.paths"
check "the killed batch left committed documents in its write-ahead log" test -s "$work/killed.db-wal"
"$lm" merge --quiet --db "$work/killed.db" "$work/s2-2.db"; rc=$?
check "merging into a killed batch's database works" test "$rc" = 0
check "its committed documents are kept, the shard's added" diff \
  <(cat "$work/killed.paths" <(q "$work/s2-2.db" "SELECT path FROM documents") | LC_ALL=C sort -u) \
  <(q "$work/killed.db" "SELECT path FROM documents ORDER BY 1")
check "no write-ahead log of the old file is left" test ! -s "$work/killed.db-wal"
check "and the result is intact" test "$(q "$work/killed.db" 'PRAGMA integrity_check')" = ok
cp "$work/essays/000/essay-00000.txt" "$work/notdb.txt"
out=$("$lm" merge --db "$work/notdb.txt" "$work/s2-1.db" 2>&1); rc=$?
check "an output that is not a database is refused, and left alone" eval \
  'test "$rc" = 2 && grep -q "notdb.txt: not a database" <<<"$out" && cmp -s "$work/notdb.txt" "$work/essays/000/essay-00000.txt"'
out=$("$lm" merge --db "$work/nosuchdir/out.db" "$work/s2-1.db" 2>&1); rc=$?
check "an output in a folder that does not exist is an error that names the folder" eval \
  'test "$rc" = 2 && grep -q "cannot create a temporary file in $work/nosuchdir" <<<"$out"'

# --- slurm/submit.sh against a stand-in sbatch ------------------------------------------------
# What it asks of Slurm, without Slurm (tests/slurm runs it on a real one).
mkdir -p "$work/fakebin"
cat > "$work/fakebin/sbatch" <<'STUB'
#!/usr/bin/env bash
n=$(( $(cat "$SBATCH_LOG.n" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$SBATCH_LOG.n"
{ echo "call $n: $*"; env | grep '^LM_' | sort; } >> "$SBATCH_LOG"
echo "$((100 + n));cluster"
STUB
chmod +x "$work/fakebin/sbatch"
export SBATCH_LOG="$work/sbatch.log"
ids=$(cd "$work" && PATH="$work/fakebin:$PATH" LM_BIN=./bin/leitmotif LM_LEXICON=lex.ini LM_MAX_RUNNING=2 \
      bash "$src/slurm/submit.sh" two sub 5 -- --partition=short 2>/dev/null); rc=$?
check "submit.sh prints the array and merge job ids" test "$rc:$ids" = "0:101 102"
check "the array is 1-N, at most LM_MAX_RUNNING at once, logs under OUTPUT" \
  grep -q "^call 1: --parsable --array=1-5%2 --export=ALL --output=$work/sub/logs/shard-%A_%a.out --partition=short $src/slurm/leitmotif-array.sbatch$" "$SBATCH_LOG"
check "the merge waits for the whole array to succeed" \
  grep -q "^call 2: --parsable --dependency=afterok:101 --kill-on-invalid-dep=yes --export=ALL --output=$work/sub/logs/merge-%j.out --partition=short $src/slurm/leitmotif-merge.sbatch$" "$SBATCH_LOG"
check "paths reach the jobs absolute" eval 'grep -q "^LM_BIN=$work/bin/leitmotif$" "$SBATCH_LOG" && grep -q "^LM_LEXICON=$work/lex.ini$" "$SBATCH_LOG" && grep -q "^LM_INPUT=$work/two$" "$SBATCH_LOG" && grep -q "^LM_OUTPUT=$work/sub$" "$SBATCH_LOG" && grep -q "^LM_SHARDS=5$" "$SBATCH_LOG"'
for bad in "two sub 0" "two sub x" "nosuch sub 3" "two"; do
  (cd "$work" && PATH="$work/fakebin:$PATH" bash "$src/slurm/submit.sh" $bad >/dev/null 2>&1); rc=$?
  check "submit.sh $bad: refused with exit 2" test "$rc" = 2
done
# The array script itself, as Slurm would run task 2 of 3, and the merge script.
(export LM_INPUT="$work/essays" LM_OUTPUT="$work/jobs" LM_SHARDS=3 LM_BIN="$lm" LM_METADATA="$work/meta.csv" \
        SLURM_ARRAY_TASK_ID=2 SLURM_CPUS_PER_TASK=2
 mkdir -p "$LM_OUTPUT" && bash slurm/leitmotif-array.sbatch > "$work/task2.log" 2>&1); rc=$?
check "a task whose shard has bad files still succeeds (the failures are in its database)" test "$rc" = 0
check "task 2 of 3 wrote shard-2-of-3.db with shard 2's documents" test \
  "$(q "$work/jobs/shard-2-of-3.db" "SELECT count(*) FROM documents")" = "$(q "$work/s3-2.db" "SELECT count(*) FROM documents" 2>/dev/null || echo none)"
(export LM_OUTPUT="$work/jobs" LM_SHARDS=3 LM_BIN="$lm"; bash slurm/leitmotif-merge.sbatch > "$work/merge.log" 2>&1); rc=$?
check "the merge script refuses to run with a shard missing" eval 'test "$rc" = 2 && grep -q "shard-1-of-3.db is missing" "$work/merge.log"'
cp "$work/s3-1.db" "$work/jobs/shard-1-of-3.db"; cp "$work/s3-3.db" "$work/jobs/shard-3-of-3.db"
(export LM_OUTPUT="$work/jobs" LM_SHARDS=3 LM_BIN="$lm"; bash slurm/leitmotif-merge.sbatch > "$work/merge.log" 2>&1); rc=$?
check "the merge script merges the N shards into OUTPUT/leitmotif.db" eval 'test "$rc" = 0 && same_content "$work/whole.db" "$work/jobs/leitmotif.db"'

echo "1..$n"
exit $failed
