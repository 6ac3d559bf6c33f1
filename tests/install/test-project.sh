#!/usr/bin/env bash
# Default files found wherever leitmotif runs (src/core/datadir.h), `init`,
# `analyze` on a plain folder and `-j2`, run outside the repository with the
# build's executable, in a temporary folder with data dirs of its own.
# Usage: test-project.sh LEITMOTIF SRCDIR
set -uo pipefail
exe=$1 src=$2
cd "$src" && . tests/tap.sh
tap_tmp
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/.local/share XDG_DATA_DIRS=$tmp/sys
mkdir -p "$HOME" "$tmp/sys" "$tmp/empty"
essay=$tmp/essay.txt
cp texts/carden-smoky-mountain-news-review.txt "$essay"

# ------------------------------------------------------------ lookup
cd "$tmp/empty"
"$exe" count "$essay" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "no data anywhere: count exits 2" test $rc -eq 2
check "the error names the option and the variable" grep -q 'no stop list: not given (--stopwords), \$LM_STOPWORDS not set' "$tmp/err"
for place in "$XDG_DATA_HOME/leitmotif/stopwords/english.txt" "$tmp/sys/leitmotif/stopwords/english.txt"; do
  check "the error names $place" grep -qF "$place" "$tmp/err"
done

LM_STOPWORDS=$src/stopwords/english.txt LM_LEXICON=$src/lexicons/never-let-me-go.ini \
  "$exe" count "$essay" >"$tmp/env.tsv" 2>"$tmp/err"
check "LM_STOPWORDS and LM_LEXICON are used" grep -q '^.*essay.txt	hope	3	' "$tmp/env.tsv"
"$exe" count --stopwords "$src/stopwords/english.txt" --lexicon "$src/lexicons/never-let-me-go.ini" "$essay" >"$tmp/opt.tsv" 2>&1
check "options give the same counts" cmp -s "$tmp/env.tsv" "$tmp/opt.tsv"
LM_STOPWORDS=/nonexistent/stop.txt "$exe" count --stopwords "$src/stopwords/english.txt" \
  --lexicon "$src/lexicons/never-let-me-go.ini" "$essay" >/dev/null 2>&1
check "the option wins over the variable" test $? -eq 0

# The system data dir, as `meson install` fills it.
mkdir -p "$tmp/sys/leitmotif/lexicons" "$tmp/sys/leitmotif/stopwords"
cp "$src/lexicons/never-let-me-go.ini" "$src/lexicons/genres.ini" "$tmp/sys/leitmotif/lexicons/"
cp "$src/stopwords/english.txt" "$tmp/sys/leitmotif/stopwords/"
"$exe" count "$essay" >"$tmp/sys.tsv" 2>"$tmp/err"
check "found in a system data dir: same counts" cmp -s "$tmp/env.tsv" "$tmp/sys.tsv"
"$exe" --version -v >"$tmp/v" 2>&1
check "--version -v names the system data dir" grep -qF "lexicon    $tmp/sys/leitmotif/lexicons/never-let-me-go.ini (system data dir" "$tmp/v"
check "--version -v lists the user data dir among the places" grep -qF "user data dir $XDG_DATA_HOME/leitmotif" "$tmp/v"
check "--version alone prints the version only" test "$("$exe" --version | wc -l)" -eq 1

mkdir -p "$XDG_DATA_HOME/leitmotif/stopwords"
printf 'the\n' >"$XDG_DATA_HOME/leitmotif/stopwords/english.txt"
"$exe" --version -v >"$tmp/v" 2>&1
check "the user data dir comes before the system's" grep -qF "stop list  $XDG_DATA_HOME/leitmotif/stopwords/english.txt (user data dir" "$tmp/v"
rm -r "$XDG_DATA_HOME/leitmotif"

# A project above the current folder.
mkdir -p "$tmp/proj/lexicons" "$tmp/proj/a/b"
printf '[work]\ntitle=P\n[motif m]\ndescription=d\nterms=hope\n' >"$tmp/proj/lexicons/p.ini"
cd "$tmp/proj/a/b"
"$exe" --version -v >"$tmp/v" 2>&1
check "the project is found from a subfolder" grep -qF "lexicon    $tmp/proj/lexicons/p.ini (project $tmp/proj)" "$tmp/v"
check "the stop list still comes from the data dir" grep -qF "stop list  $tmp/sys/leitmotif/stopwords/english.txt" "$tmp/v"
"$exe" count "$essay" >"$tmp/out" 2>&1
check "count uses the project's lexicon" grep -q "essay.txt	m	1	1123" "$tmp/out"
printf '[work]\ntitle=Q\n[motif q]\ndescription=d\nterms=q\n' >"$tmp/proj/lexicons/q.ini"
"$exe" count "$essay" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "two work lexicons in a project: exit 2" test $rc -eq 2
check "...naming both" grep -qF "several work lexicons (p.ini, q.ini)" "$tmp/err"
rm "$tmp/proj/lexicons/q.ini"

# ------------------------------------------------------------ init
cd "$tmp"
mkdir -p in
printf 'A Review of the Novel\nBy Jane Roe | The Tribune\n\nThe novel is a dystopia about hope.\n' >in/roe.txt
printf 'Second Thoughts\n(_The Athenaeum_, May 2, 1887.)\n\nThis is not science fiction.\n' >"in/Second Thoughts.txt"
printf 'no byline here, just prose about hope.\n' >in/plain.md
"$exe" init >/dev/null 2>"$tmp/err"; rc=$?
check "init without DIR: exit 2" test $rc -eq 2
"$exe" init new --title "The Example Novel" --author "A. Writer" in/roe.txt "in/Second Thoughts.txt" in/plain.md >"$tmp/out" 2>"$tmp/err"; rc=$?
check "init: exit 0" test $rc -eq 0
check "init copies the texts" cmp -s in/roe.txt new/texts/roe.txt
lex=new/lexicons/the-example-novel.ini
check "init writes the lexicon named after the title" test -f "$lex"
check "the lexicon includes genres.ini" grep -qx 'include=genres.ini' "$lex"
check "the lexicon has [work] with the title" grep -qx 'title=The Example Novel' "$lex"
check "...and the author" grep -qx 'author=A. Writer' "$lex"
check "...and a commented motif template" grep -qx '# \[motif example\]' "$lex"
ini=new/texts/corpus.ini
check "one group per text, ids from file names" test "$(grep -c '^\[text ' "$ini")" -eq 3
check "id from a file name with a space" grep -qx '\[text second-thoughts\]' "$ini"
check "critic from the byline" grep -qx 'critic=Jane Roe' "$ini"
check "outlet from the byline" grep -qx 'outlet=The Tribune' "$ini"
check "outlet from an outlet line" grep -qx 'outlet=The Athenaeum' "$ini"
check "unsigned, with a comment saying so" grep -qx '# critic: no byline ("By NAME") in the first lines: unsigned' "$ini"
check "the unsigned text has critic=unsigned" test "$(grep -c '^critic=unsigned$' "$ini")" -eq 2
"$exe" lexicon check "$lex" >/dev/null 2>"$tmp/err"
check "the written lexicon checks (genres.ini found in the data dir)" test $? -eq 0
cp "$ini" "$tmp/ini.before"
"$exe" init new in/roe.txt >/dev/null 2>"$tmp/err"; rc=$?
check "init on a project: exit 2" test $rc -eq 2
check "...saying it is one" grep -q "already a project" "$tmp/err"
check "...and overwriting nothing" cmp -s "$ini" "$tmp/ini.before"
"$exe" init other in/nothing.txt >/dev/null 2>"$tmp/err"; rc=$?
check "init with a missing file: exit 2, nothing written" test $rc -eq 2 -a ! -e other/lexicons
mkdir -p in2 && cp in/roe.txt in2/roe.txt
"$exe" init other in/roe.txt in2/roe.txt >/dev/null 2>"$tmp/err"; rc=$?
check "init with two files of one name: exit 2, nothing written" test $rc -eq 2 -a ! -e other/texts

# ------------------------------------------------------------ analyze
cd "$tmp/new"
"$exe" analyze >"$tmp/out" 2>"$tmp/err"; rc=$?
check "analyze in the new project with no option: exit 0" test $rc -eq 0
check "...writes reports/ in the project" test -f reports/report.json -a -f reports/motifs.csv
check "...with the lexicon named as found" grep -q '"path" : "lexicons/the-example-novel.ini"' reports/report.json
check "...and genre mentions" grep -q 'dystopia' reports/genres.csv
rm -r reports
mkdir -p notes && cd notes
"$exe" analyze >/dev/null 2>&1
check "analyze from a subfolder writes the project's reports/" test -f ../reports/summary.md -a ! -e reports

mkdir -p "$tmp/plain/texts/sub"
cp "$tmp/in/roe.txt" "$tmp/plain/texts/"
cp "$tmp/in/plain.md" "$tmp/plain/texts/sub/Plain Essay.md"
cd "$tmp/plain"
mkdir lexicons && cp "$tmp/$lex" lexicons/
"$exe" analyze >"$tmp/out" 2>"$tmp/err"; rc=$?
check "analyze in a project whose texts/ has no corpus.ini: exit 0" test $rc -eq 0
check "...ids from the file names" grep -q '^plain-essay,' reports/motifs.csv
check "...critic from a byline" grep -q '^roe,Jane Roe,' reports/motifs.csv
cd "$tmp"
"$exe" analyze --lexicon "$tmp/plain/lexicons/the-example-novel.ini" --out "$tmp/r2" in >/dev/null 2>"$tmp/err"; rc=$?
check "analyze PATH on a plain folder: exit 0" test $rc -eq 0
check "...all three texts" test "$(grep -c '"id" :' "$tmp/r2/report.json")" -ge 3
mkdir -p "$tmp/dot" && cp "$tmp/in/roe.txt" "$tmp/dot/"
(cd "$tmp/dot" && "$exe" analyze --lexicon "$tmp/plain/lexicons/the-example-novel.ini" . && \
  "$exe" analyze --lexicon "$tmp/plain/lexicons/the-example-novel.ini" .) >/dev/null 2>"$tmp/err"
check "analyze . twice: its own reports/ are not read as essays" grep -q "1 texts analyzed" "$tmp/err"
"$exe" analyze --corpus x.ini in >/dev/null 2>"$tmp/err"; rc=$?
check "--corpus with PATH: exit 2" test $rc -eq 2
"$exe" analyze --out "$tmp/r3" "$tmp/empty" >/dev/null 2>"$tmp/err"; rc=$?
check "analyze on a folder without texts: exit 2" test $rc -eq 2

# ------------------------------------------------------------ -j2
cd "$tmp/empty"
"$exe" count -j2 "$essay" "$tmp/in/roe.txt" >"$tmp/j2" 2>&1
"$exe" count -j 2 "$essay" "$tmp/in/roe.txt" >"$tmp/j_2" 2>&1
check "count -j2 works as -j 2" cmp -s "$tmp/j2" "$tmp/j_2"
check "...and counts" grep -q 'essay.txt	hope	3' "$tmp/j2"
"$exe" batch -j2 --quiet --db "$tmp/b.db" "$tmp/in" >/dev/null 2>"$tmp/err"
check "batch -j2 works" test $? -eq 0
"$exe" kwic -w10 hope "$essay" >"$tmp/k" 2>&1
check "kwic -w10 works as -w 10" grep -q '\[hope\]' "$tmp/k"
"$exe" count -jx "$essay" >/dev/null 2>&1
check "-jx is still an error" test $? -eq 2
tap_done
