#!/usr/bin/env bash
# `leitmotif evaluate` from the command line: formats, exit statuses, errors.
# Usage: test-evaluate-cli.sh LEITMOTIF SRCDIR
set -uo pipefail
lm=$1
cd "$2" || exit 1
. tests/tap.sh
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf 'A Title For It\n\nThe novel follows three friends who grow up in a school that hides its purpose.\n\nWhat stays with me is how calmly the narrator tells us about the end of her friends.\n' > "$d/01.txt"
printf 'id\tfirst_line\tlast_line\tvoice\twho\tnote\n01\t1\t1\tboilerplate\t-\ttitle\n' > "$d/gold.tsv"

out=$("$lm" evaluate --voices "$d/gold.tsv" "$d/01.txt" 2>&1); rc=$?
check "table: exit 0" test "$rc" = 0
check "table: boilerplate found, F1 1" grep -Eq '^boilerplate +4 +4 +4 +1.000 +1.000 +1.000$' <<<"$out"
out=$("$lm" evaluate --format tsv --voices "$d/gold.tsv" "$d/01.txt")
check "tsv: a header and a row a voice" grep -q $'^critic\t32\t32\t32\t1.000\t1.000\t1.000$' <<<"$out"
out=$("$lm" evaluate --format json --voices "$d/gold.tsv" "$d/01.txt")
check "json: the confusion matrix" grep -q '"boilerplate" : 4' <<<"$out"
out=$("$lm" evaluate --voices "$d/gold.tsv" "$d/01.txt" "$d/02.txt" 2>&1); rc=$?
check "a file missing from the gold: exit 1" test "$rc" = 1
check "a file missing from the gold: named" grep -q '02.txt: text id "02" is not in' <<<"$out"
printf 'id\tfirst_line\tlast_line\tvoice\twho\tnote\n01\tx\t1\tboilerplate\t-\n' > "$d/bad.tsv"
out=$("$lm" evaluate --voices "$d/bad.tsv" "$d/01.txt" 2>&1); rc=$?
check "a malformed gold: exit 2" test "$rc" = 2
check "a malformed gold: file:line:col" grep -q 'bad.tsv:2:4: first_line "x" is not a line number' <<<"$out"
out=$("$lm" evaluate "$d/01.txt" 2>&1); rc=$?
check "no gold: a usage error" test "$rc" = 2
out=$("$lm" evaluate --voices "$d/gold.tsv" --format xml "$d/01.txt" 2>&1); rc=$?
check "an unknown format: a usage error" test "$rc" = 2
printf '[cue x]\nrole=nonsense\npatterns=a\n' > "$d/rules.ini"
out=$("$lm" evaluate --voice-rules "$d/rules.ini" --voices "$d/gold.tsv" "$d/01.txt" 2>&1); rc=$?
check "bad voice rules: exit 2, file:line" bash -c "test $rc = 2 && grep -q 'rules.ini:2: unknown role' <<<'$out'"
out=$("$lm" segments --voice-rules "$d/rules.ini" "$d/01.txt" 2>&1); rc=$?
check "segments --voice-rules: the same error" bash -c "test $rc = 2 && grep -q 'rules.ini:2: unknown role' <<<'$out'"
printf 'This is not a dystopia.\nThe novel is a dystopia.\n' > "$d/g.txt"
out=$("$lm" genres --explain "$d/g.txt")
check "genres --explain: the trigger, its direction and scope" grep -q $'rejected\t.*negation: \[trigger negations\] before, clause (stance.ini (built in):[0-9]*)$' <<<"$out"
check "genres --explain: a rule's own test" grep -q $'asserted\t.*copula: the rule.s own test$' <<<"$out"
printf '[terminators]\nwords=but\n' > "$d/stance.ini"
out=$("$lm" genres --stance-rules "$d/stance.ini" "$d/g.txt" 2>&1); rc=$?
check "genres --stance-rules: a file missing a trigger, exit 2" bash -c "test $rc = 2 && grep -q 'stance.ini:1: no \[trigger reporting\] group' <<<'$out'"
out=$(LM_STANCE_RULES="$d/stance.ini" "$lm" genres "$d/g.txt" 2>&1); rc=$?
check "LM_STANCE_RULES: the same error" bash -c "test $rc = 2 && grep -q 'LM_STANCE_RULES: .*no \[trigger reporting\]' <<<'$out'"
printf 'They accept their fate. I am hoping you like it.\n' > "$d/k.txt"
out=$("$lm" kwic --explain @conformity "$d/k.txt")
check "kwic --explain: the term and its lexicon line" grep -q '<- term "accept ~3 fate" of conformity (line [0-9]*); [0-9]* exclusions\? checked' <<<"$out"
out=$("$lm" kwic --explain --format tsv @hope "$d/k.txt")
check "kwic --explain: the reviewer's 'I am hoping' is excluded" test "$(wc -l <<<"$out")" = 1
tap_done
