#!/usr/bin/env bash
# The grouped batch report (`leitmotif report --group-by`) on a generated
# batch with metadata: its figures recomputed independently from
# `leitmotif export` (recompute-groups.py), the one-essay and the empty
# group, a column the metadata lacks, grouping by folder and no grouping,
# hostile metadata in every output, and the page in headless Chromium: no
# console error, each chart's marks counted against the CSV files, a bounded
# page, a screenshot at 1280 px.  TAP output.
#   test-batch-report.sh LEITMOTIF SRCDIR SCREENSHOT_DIR
set -uo pipefail
lm=$1
src=$2
shots=$3
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cd "$src" || exit 1
. tests/tap.sh
. tests/lib/chrome.sh
recompute () { python3 tests/report/recompute-groups.py "$1" "$work/export" "$2" "$3"; }
# The CSV rows of file $1 whose column named $2 matches the awk regex $3.
count_rows () {
  python3 - "$@" <<'PY'
import csv, re, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    print(sum(1 for r in csv.DictReader(f) if re.fullmatch(sys.argv[3], r[sys.argv[2]])))
PY
}

# --- a batch with metadata --------------------------------------------------
# 240 generated essays; outlets cut across the four source texts; every 25th
# essay has no metadata row; "solo" is a group of one essay, "ghost" one
# whose only file fails (an empty group); two outlets are hostile.
bash bench/make-essays.sh 240 "$work/essays" >/dev/null
cp "$work/essays/000/essay-00005.txt" "$work/essays/002/solo.txt"
printf 'binary\0file\n' > "$work/essays/002/ghost.txt"
long=$(head -c 100000 /dev/zero | tr '\0' 'L')
{
  echo "file,outlet,year,critic,source,note"
  for i in $(seq 0 239); do
    [ $((i % 25)) = 0 ] && continue
    case $(( (i / 4 + i) % 4 )) in
      0) o=newspaper ;; 1) o=blog ;;
      2) o='"<script>alert(""x"")</script>"' ;; 3) o='"=HYPERLINK(""http://evil"")"' ;;
    esac
    note=; [ $((i % 2)) = 0 ] && note=$long
    printf 'essay-%05d.txt,%s,%d,critic %02d,text %d,%s\n' "$i" "$o" $((2019 + i % 3)) $((i % 45)) $((i % 4)) "$note"
  done
  echo "solo.txt,solo,2020,critic 99,text 1,"
  echo "ghost.txt,ghost,2020,critic 98,text 2,"
} > "$work/meta.csv"
"$lm" batch --quiet --jobs 2 --metadata "$work/meta.csv" --db "$work/b.db" "$work/essays"; rc=$?
check "batch with metadata exits 1 (one file failed)" test "$rc" = 1
mkdir -p "$work/export"
for t in documents motif_counts metadata genre_mentions categories; do
  "$lm" export --db "$work/b.db" --format csv --table "$t" > "$work/export/$t.csv"
done

"$lm" report --db "$work/b.db" --out "$work/rep" --group-by outlet "$work/essays" 2>"$work/report.log"; rc=$?
check "report --group-by outlet PATH exits 0" test "$rc" = 0
for f in index.html batch-summary.md batch-groups.csv batch-group-motifs.csv batch-group-emphasis.csv \
         batch-group-genres.csv batch-genre-tests.csv batch-spread.csv batch-top-essays.csv; do
  check "report writes $f" test -s "$work/rep/$f"
done

# --- figures recomputed from the export -------------------------------------
for c in groups motifs genres tests top evidence; do
  out=$(ESSAYS="$work/essays" recompute "$c" "$work/rep" outlet 2>&1); rc=$?
  if [ "$rc" = 0 ]; then ok "recomputed from export: $c ($out)"; else not_ok "recomputed from export: $c" "$out"; fi
done
check "the groups are the outlets, '(no value)', solo and ghost, in byte order" \
  test "$(cut -d, -f1 "$work/rep/batch-groups.csv" | tail -n +2 | tr -d '\r' | tr '\n' '|')" = \
       "(no value)|\"<script>alert(\"\"x\"\")</script>\"|\"'=HYPERLINK(\"\"http://evil\"\")\"|blog|ghost|newspaper|solo|"
mentions=$(count_rows "$work/export/genre_mentions.csv" voice critic)
essays=$(python3 -c "import csv,sys; print(sum(int(r['essays_with']) for r in csv.DictReader(open(sys.argv[1]))))" \
         "$work/rep/batch-group-genres.csv")
check "essays, not mentions: $mentions mentions in the writers' own voice make $essays essay counts" \
  test "$essays" -gt 0 -a "$mentions" -gt "$essays"
# One-essay and empty groups: undefined statistics are empty cells.
solo=$(grep '^solo,' "$work/rep/batch-group-motifs.csv" | awk -F, '$4 > 0' | head -1 | tr -d '\r')
check "one-essay group: 1 essay, q1 = median = q3, DP 0, DPnorm empty ($solo)" \
  python3 -c "import sys; f=sys.argv[1].split(','); sys.exit(not (f[2]=='1' and f[13]==f[14]==f[15] and f[19]=='0.0000' and f[20]==''))" "$solo"
ghost=$(grep '^ghost,hope,' "$work/rep/batch-group-motifs.csv" | tr -d '\r')
check "empty group: 0 essays, every rate, share, quantile and test empty ($ghost)" \
  test "$ghost" = "ghost,hope,0,0,0,,,,0,,0,,,,,,,,,,,,,,"
check "empty group in batch-groups.csv: 0 essays, 1 failed" grep -q '^ghost,0,1,0,0,0,0,0' "$work/rep/batch-groups.csv"
check "genre tests leave the empty group out of the table (at most 6 of 7 groups)" \
  test "$(count_rows "$work/rep/batch-genre-tests.csv" groups '[7-9]')" = 0
check "group against rest and group against group in batch-group-emphasis.csv" \
  test "$(count_rows "$work/rep/batch-group-emphasis.csv" reference_kind rest)" -gt 0 -a \
       "$(count_rows "$work/rep/batch-group-emphasis.csv" reference_kind group)" -gt 0

# --- errors and other groupings ---------------------------------------------
out=$("$lm" report --db "$work/b.db" --out "$work/bad" --group-by outlet_type 2>&1); rc=$?
check "a column the metadata lacks is a usage error (exit 2)" test "$rc" = 2
check "the error names the columns that exist" grep -qF '"critic", "note", "outlet", "source", "year"' <<<"$out"
check "nothing is written then" test ! -e "$work/bad/index.html"
"$lm" report --db "$work/nosuch.db" --out "$work/bad" --group-by outlet >/dev/null 2>&1; rc=$?
check "a missing database is still an error" test "$rc" = 2
"$lm" report --db "$work/b.db" --out "$work/upper" --group-by OUTLET "$work/essays" 2>/dev/null
check "the column name is compared case-insensitively" diff -q "$work/rep/batch-group-motifs.csv" "$work/upper/batch-group-motifs.csv"
"$lm" report --jobs 1 --db "$work/b.db" --out "$work/rep2" --group-by outlet "$work/essays" 2>/dev/null
check "the grouped report is deterministic, on 1 thread as on all" diff -r "$work/rep" "$work/rep2"
"$lm" report --jobs 3 --db "$work/b.db" --out "$work/rep3" --group-by outlet "$work/essays" 2>/dev/null
check "and on 3 threads" diff -r "$work/rep" "$work/rep3"
"$lm" report --jobs 300 --db "$work/b.db" --out "$work/bad" 2>/dev/null; rc=$?
check "--jobs 300 is a usage error" test "$rc" = 2
"$lm" report --db "$work/b.db" --out "$work/folder" --group-by folder 2>/dev/null; rc=$?
check "--group-by folder exits 0" test "$rc" = 0
check "--group-by folder: the folders below the root" \
  test "$(cut -d, -f1-3 "$work/folder/batch-groups.csv" | tail -n +2 | tr '\n' ' ')" = "000,100,0 001,100,0 002,41,1 "
out=$(recompute motifs "$work/folder" folder 2>&1); rc=$?
if [ "$rc" = 0 ]; then ok "folder groups recomputed ($out)"; else not_ok "folder groups recomputed" "$out"; fi
"$lm" report --db "$work/b.db" --out "$work/whole" 2>/dev/null
check "without --group-by: one group, all" test "$(tail -n +2 "$work/whole/batch-groups.csv" | cut -d, -f1-3)" = "all,241,1"
check "without --group-by: no emphasis rows, nothing to compare" test "$(wc -l < "$work/whole/batch-group-emphasis.csv")" = 1
check "without --group-by: the reference critics as before" grep -q "## Closest reference critic" "$work/whole/batch-summary.md"
out=$(recompute motifs "$work/whole" "" 2>&1); rc=$?
if [ "$rc" = 0 ]; then ok "whole batch recomputed ($out)"; else not_ok "whole batch recomputed" "$out"; fi
check "batch-spread.csv equals the one group's figures" \
  diff <(cut -d, -f2- "$work/whole/batch-spread.csv" | tail -n +2 | tr -d '\r') \
       <(cut -d, -f3-21 "$work/whole/batch-group-motifs.csv" | tail -n +2)

check "without PATH: no evidence lines, no distinctive words, and the page says why" \
  bash -c "[ \$(wc -l < '$work/whole/batch-top-evidence.csv') = 1 ] && [ \$(wc -l < '$work/whole/batch-group-keywords.csv') = 1 ] && grep -q 'Not computed: the database keeps no vocabulary' '$work/whole/index.html'"
check "with PATH: the essays read again are counted" grep -q '241 essays read again' "$work/rep/batch-summary.md"

# An essay changed since the batch is not used: counted, and no evidence.
first=$(awk -F, 'NR == 2 { print $3 }' "$work/rep/batch-top-essays.csv")
mkdir "$work/copy" && cp -r "$work/essays" "$work/copy/essays"
echo "A line added after the batch." >> "$work/copy/${first}"
"$lm" report --db "$work/b.db" --out "$work/changed" --group-by outlet "$work/copy/essays" 2>/dev/null
check "a changed essay is counted as changed" grep -q '240 essays read again, 0 missing, 1 changed' "$work/changed/batch-summary.md"
check "and gives no evidence line" bash -c "! grep -qF ',$first,' '$work/changed/batch-top-evidence.csv'"
"$lm" report --db "$work/b.db" --out "$work/gone" --group-by outlet "$work/nowhere/essays" 2>/dev/null; rc=$?
check "folders that hold nothing: exit 0, every essay missing" \
  bash -c "[ $rc = 0 ] && grep -q '0 essays read again, 241 missing' '$work/gone/batch-summary.md'"

# Distinctive words: the outlets mix the four source texts evenly, so none
# stands out; grouped by source text, each group has its own words.
check "outlets drawn evenly from the texts: no distinctive word" test "$(wc -l < "$work/rep/batch-group-keywords.csv")" = 1
"$lm" report --db "$work/b.db" --out "$work/source" --group-by source "$work/essays" 2>/dev/null
out=$(recompute keywords "$work/source" source 2>&1); rc=$?
if [ "$rc" = 0 ]; then ok "distinctive words by source text, recomputed ($out)"; else not_ok "distinctive words by source text, recomputed" "$out"; fi
check "each of the four source texts has distinctive words (the mixed '(no value)' none)" \
  test "$(tail -n +2 "$work/source/batch-group-keywords.csv" | cut -d, -f1 | sort -u | tr '\n' '|')" = "text 0|text 1|text 2|text 3|"
render "$work/source/index.html" "$work/source.log" > "$work/source.dom"
pairs=$(( $(python3 -c "import csv,sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1])) if r['reference_kind'] == 'group' and r['emphasis']))" \
             "$work/source/batch-group-emphasis.csv") / 2 ))
check "by source text, some pairs of groups differ ($pairs)" test "$pairs" -gt 0
want=$(( pairs < 40 ? pairs : 40 ))
equal "group against group on the page: each emphasised pair once, at most 40" \
  "$(grep -c '<li class="pair">' "$work/source.dom")" "$want"
equal "and in batch-summary.md" \
  "$(sed -n '/^## Group against group/,/^## /p' "$work/source/batch-summary.md" | grep -c '^- ')" "$want"
equal "the page lists each distinctive word of batch-group-keywords.csv" \
  "$(grep -o '<span class="kw"' "$work/source.dom" | wc -l)" "$(count_rows "$work/source/batch-group-keywords.csv" group '.*')"

# --- hostile metadata in the files ------------------------------------------
for f in batch-groups.csv batch-group-motifs.csv batch-group-emphasis.csv batch-group-genres.csv \
         batch-top-essays.csv batch-documents.csv batch-group-keywords.csv; do
  check "$f: no cell starts with = + @, or - but for a number (outside quotes)" \
    bash -c "! grep -qE '(^|,)([=+@]|-[^0-9])' '$work/rep/$f'"
done
check "batch-summary.md: the hostile outlet escaped" grep -qF '\<script\>alert("x")\</script\>' "$work/rep/batch-summary.md"
check "batch-summary.md: no raw tag" bash -c "! grep -qE '(^|[^\\\\])<script' '$work/rep/batch-summary.md'"

# --- the page in Chromium -----------------------------------------------------
render "$work/rep/index.html" "$work/index.log" > "$work/index.dom"
check "Chromium renders index.html" grep -q '<figure id="chart-heatmap">' "$work/index.dom"
check "no console error or blocked load while rendering" \
  bash -c "! grep -E 'CONSOLE|Uncaught|Refused to|Failed to load' '$work/index.log'"
groups=$(($(wc -l < "$work/rep/batch-groups.csv") - 1))
motifs=$(count_rows "$work/rep/batch-spread.csv" category '.*')
equal "heatmap: one cell per group and motif (batch-group-motifs.csv)" \
  "$(marks_in "$work/index.dom" chart-heatmap)" "$(count_rows "$work/rep/batch-group-motifs.csv" group '.*')"
check "heatmap: that is groups x motifs" test "$(marks_in "$work/index.dom" chart-heatmap)" = $((groups * motifs))
equal "box plots: one box per group and motif with rated essays" \
  "$(marks_in "$work/index.dom" chart-spread)" "$(count_rows "$work/rep/batch-group-motifs.csv" essays_rated '[1-9][0-9]*')"
equal "genre bars: one segment per group, genre and stance with essays" \
  "$(marks_in "$work/index.dom" chart-genres)" "$(count_rows "$work/rep/batch-group-genres.csv" essays_with '[1-9][0-9]*')"
equal "heatmap: emphasis marks as batch-group-motifs.csv flags them" \
  "$(grep -o 'stroke="#d95f02" stroke-width="3"' "$work/index.dom" | wc -l)" \
  "$(count_rows "$work/rep/batch-group-motifs.csv" emphasis 'more|less')"
equal "essays table: the first 200 essays" "$(grep -c '<tr class="essay">' "$work/index.dom")" 200
check "essays table: then a note for the other 42" grep -q '42 more essays are not listed here' "$work/index.dom"
check "hostile: no script element in the DOM" bash -c "! grep -qi '<script' '$work/index.dom'"
check "hostile: the title is intact" grep -q "<title>Batch report</title>" "$work/index.dom"
check "hostile: the outlet is shown, escaped" grep -qF '&lt;script&gt;alert("x")&lt;/script&gt;' "$work/index.dom"
check "hostile: the formula outlet is shown as text" grep -qF '=HYPERLINK("http://evil")' "$work/index.dom"
equal "top essays: one evidence list per top essay with evidence" \
  "$(grep -o '<ul class="kwic">' "$work/index.dom" | wc -l)" \
  "$(cut -d, -f1,2 "$work/rep/batch-top-evidence.csv" | tail -n +2 | sort -u | wc -l)"
check "the page has no script, no external resource" \
  bash -c "! grep -qiE '<script|<link|src=\"http|href=\"http' '$work/rep/index.html'"

mkdir -p "$shots"
rm -f "$shots/batch-index.png"
chrome --window-size=1280,6000 --screenshot="$shots/batch-index.png" "file://$work/rep/index.html" >/dev/null 2>&1
check "screenshot saved ($shots/batch-index.png)" test -s "$shots/batch-index.png"
check "the screenshot is a PNG of some substance" \
  bash -c "[ \$(stat -c %s '$shots/batch-index.png') -gt 50000 ] && head -c 8 '$shots/batch-index.png' | grep -q PNG"

# --- a bounded page: a group named by a 100,000-character value -------------------
"$lm" report --db "$work/b.db" --out "$work/long" --group-by note "$work/essays" 2>/dev/null; rc=$?
check "a 100,000-character group name: exit 0" test "$rc" = 0
check "the CSV files have the name whole" grep -q "^$long," "$work/long/batch-groups.csv"
size=$(stat -c %s "$work/long/index.html")
check "the page cuts it: $size bytes, under 400,000" test "$size" -lt 400000
render "$work/long/index.html" "$work/long.log" > "$work/long.dom"
check "and renders" grep -q '<figure id="chart-heatmap">' "$work/long.dom"

# --- a bounded page: 48 groups, 30 shown ----------------------------------------
"$lm" report --db "$work/b.db" --out "$work/many" --group-by critic 2>/dev/null
render "$work/many/index.html" "$work/many.log" > "$work/many.dom"
check "48 groups in batch-groups.csv (45 critics, 2 more, no value)" test "$(($(wc -l < "$work/many/batch-groups.csv") - 1))" = 48
equal "the page shows 30 groups (heatmap cells)" "$(marks_in "$work/many.dom" chart-heatmap)" $((30 * motifs))
check "the page says the others are in the CSV" grep -q 'the page shows the 30 with the most essays' "$work/many.dom"
check "group against group for all 48 groups in the CSV (at most 50 are paired)" \
  test "$(count_rows "$work/many/batch-group-emphasis.csv" reference_kind group)" = $((48 * 47 * motifs))

tap_done
