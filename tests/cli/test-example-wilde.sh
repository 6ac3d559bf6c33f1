#!/usr/bin/env bash
# The Wilde example project (examples/wilde/) analyzes from the checkout,
# with no option, into the committed reports byte for byte, using its own
# lexicon (genres.ini from the repository's lexicons/) and nothing of Never
# Let Me Go.  After an intended change: (cd examples/wilde &&
# ../../build/src/leitmotif analyze), or bash scripts/reports.sh.
# Usage: test-example-wilde.sh LEITMOTIF SRCDIR
set -uo pipefail
exe=$1 src=$2
cd "$src" && . tests/tap.sh
tap_tmp
cd examples/wilde
"$exe" --version -v >"$tmp/v" 2>&1
check "the example's lexicon is its own" grep -qF "lexicon    $src/examples/wilde/lexicons/wilde.ini (project" "$tmp/v"
check "its corpus is its own" grep -qF "corpus     $src/examples/wilde/texts/corpus.ini (project" "$tmp/v"
"$exe" lexicon check lexicons/wilde.ini >"$tmp/check" 2>&1
check "lexicon check accepts wilde.ini" test $? -eq 0
check "...its genres come from genres.ini" grep -q '^\[genre science-fiction\]' "$tmp/check"
check "...it names the work" grep -qx 'work: A Critic in Pall Mall by Oscar Wilde (Pall Mall)' "$tmp/check"
check "...and the include, found in the repository's lexicons/" grep -qx "includes $src/lexicons/genres.ini" "$tmp/check"
if grep -qi 'never\|nlmg\|ishiguro' lexicons/wilde.ini texts/corpus.ini; then
  not_ok "nothing of Never Let Me Go in the example" "$(grep -i 'never\|nlmg\|ishiguro' lexicons/wilde.ini texts/corpus.ini)"
else ok "nothing of Never Let Me Go in the example"; fi
"$exe" analyze --out "$tmp/reports" >/dev/null 2>"$tmp/err"
check "analyze the example, no path option" test $? -eq 0
if diff -r reports "$tmp/reports" >"$tmp/diff"; then ok "the reports equal examples/wilde/reports/"
else not_ok "the reports equal examples/wilde/reports/" "$(head -30 "$tmp/diff")"; fi
check "four reviews, one critic told apart by text" \
  test "$(grep -c '^| Words |' reports/summary.md)" -ge 1
check "the critic's columns name the review" grep -q 'Oscar Wilde (russian-novelists)' reports/summary.md
tap_done
