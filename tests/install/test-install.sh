#!/usr/bin/env bash
# End to end from an installed tree: `meson install --destdir` into a
# temporary prefix, then, in empty folders outside the repository and with
# data dirs of their own, every command with no path option, the manual
# page, the completion, and the Wilde example project (init, analyze,
# batch, report, genres) with Never Let Me Go's lexicon removed from the
# install.  Usage: test-install.sh BUILDDIR SRCDIR
set -uo pipefail
build=$1 src=$2
cd "$src" && . tests/tap.sh
tap_tmp
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/.local/share XDG_DATA_DIRS=$tmp/no-system-data
mkdir -p "$HOME"

dest=$tmp/dest
meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1
rc=$?
if [ $rc -eq 0 ]; then ok "meson install --destdir"; else not_ok "meson install --destdir" "$(tail -5 "$tmp/install.log")"; tap_done; fi
exe=$(find "$dest" -path '*/bin/leitmotif' -type f | head -1)
check "the program is installed" test -x "$exe"
share=$(cd "$(dirname "$exe")/../share" && pwd)
for f in leitmotif/lexicons/never-let-me-go.ini leitmotif/lexicons/genres.ini \
         leitmotif/stopwords/english.txt man/man1/leitmotif.1 bash-completion/completions/leitmotif; do
  check "installed: share/$f" test -f "$share/$f"
done

# ------------------------------------------------ every command, no path option
work=$tmp/work
mkdir -p "$work"
cp texts/carden-smoky-mountain-news-review.txt "$work/essay.txt"
cd "$work"
run () { local name=$1; shift; "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ $rc -eq 0 ] && { [ -s "$tmp/out" ] || [ "$name" = batch ] || [ "$name" = report ]; }; then ok "$name in an empty folder"
  else not_ok "$name in an empty folder" "exit $rc" "$(head -3 "$tmp/err")"; fi; }
run count "$exe" count essay.txt
check "...counts with the installed lexicon" grep -q '^essay.txt	hope	3	1123' "$tmp/out"
run genres "$exe" genres essay.txt
run kwic "$exe" kwic hope essay.txt
run segments "$exe" segments essay.txt
run batch "$exe" batch --quiet essay.txt
check "...into leitmotif.db" test -f leitmotif.db
run report "$exe" report --db leitmotif.db --out batch-report
check "...writes the batch report" test -f batch-report/batch-summary.md
"$exe" --version -v >"$tmp/v" 2>&1
check "--version -v: the lexicon comes from the installed tree" grep -qF "lexicon    $share/leitmotif/lexicons/never-let-me-go.ini (system data dir" "$tmp/v"
"$exe" init proj --title "Never Let Me Go" essay.txt >/dev/null 2>"$tmp/err"
check "init in an empty folder" test $? -eq 0
(cd proj && "$exe" analyze) >/dev/null 2>"$tmp/err"
check "analyze in the new project, no option" test $? -eq 0 -a -f proj/reports/report.json
check "...with its genre mentions" test "$(wc -l <proj/reports/genres.csv)" -gt 1

# ------------------------------------------------ man page and completion
if command -v man >/dev/null; then
  MANPATH=$share/man man -P cat leitmotif >"$tmp/man" 2>"$tmp/err"
  check "man leitmotif renders the installed page" grep -q "leitmotif init" "$tmp/man"
else
  skip "man leitmotif renders the installed page" "man is not installed (Debian package man-db)"
fi
got=$(bash -c '. "$1"; COMP_WORDS=(leitmotif ""); COMP_CWORD=1; _leitmotif; printf "%s\n" "${COMPREPLY[@]}"' _ \
      "$share/bash-completion/completions/leitmotif")
check "the installed completion offers init and analyze" bash -c 'grep -qx init <<<"$1" && grep -qx analyze <<<"$1"' _ "$got"

# ------------------------------------------------ the Wilde example, no Never Let Me Go
rm "$share/leitmotif/lexicons/never-let-me-go.ini"
cd "$tmp"
mkdir wilde-texts
cp "$src"/examples/wilde/texts/*.txt wilde-texts/
"$exe" init wilde --title "A Critic in Pall Mall" --author "Oscar Wilde" wilde-texts/*.txt >/dev/null 2>"$tmp/err"
check "init the Wilde project from an installed tree" test $? -eq 0
check "...one group per review" test "$(grep -c '^\[text ' wilde/texts/corpus.ini)" -eq 4
check "...outlets from the outlet lines" test "$(grep -c '^outlet=Pall Mall Gazette$' wilde/texts/corpus.ini)" -eq 3
# The example's own motif lexicon replaces the template.
rm wilde/lexicons/*.ini
cp "$src/examples/wilde/lexicons/wilde.ini" wilde/lexicons/
cd wilde
"$exe" analyze >/dev/null 2>"$tmp/err"
check "analyze the Wilde project (genres.ini from the install)" test $? -eq 0 -a -f reports/motifs.csv
check "...counts its motifs" grep -q ',critic,art-and-style,motif,' reports/motifs.csv
"$exe" batch --quiet --db wilde.db texts >/dev/null 2>"$tmp/err"
check "batch the Wilde texts" test $? -eq 0
"$exe" report --db wilde.db --out batch-report >/dev/null 2>"$tmp/err"
check "report of the Wilde batch (reference critics: the project's)" test $? -eq 0 -a -f batch-report/batch-documents.csv
"$exe" genres texts/*.txt >"$tmp/genres" 2>"$tmp/err"
check "genres on the Wilde texts" test $? -eq 0 -a "$(wc -l <"$tmp/genres")" -gt 1

# The committed example project, copied outside the repository, gives the
# committed reports byte for byte.
cp -r "$src/examples/wilde" "$tmp/wilde-copy"
rm -r "$tmp/wilde-copy/reports"
cd "$tmp/wilde-copy"
"$exe" analyze >/dev/null 2>"$tmp/err"
check "analyze the committed Wilde project from the installed tree" test $? -eq 0
if diff -r "$src/examples/wilde/reports" reports >"$tmp/diff"; then ok "...reproduces examples/wilde/reports/"
else not_ok "...reproduces examples/wilde/reports/" "$(head -20 "$tmp/diff")"; fi
tap_done
