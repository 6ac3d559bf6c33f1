#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium (Debian's chromium)
# renders reports/index.html and the standalone charts; the test checks that
# they render without errors, counts each chart's marks against the CSV files
# they come from, saves a screenshot, and checks that a hostile essay injects
# nothing.  TAP output.
#   test-html.sh LEITMOTIF SRCDIR SCREENSHOT_DIR
set -uo pipefail
lm=$1
src=$2
shots=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src" || exit 1
. tests/tap.sh

. tests/lib/chrome.sh

# --- the seed essays -------------------------------------------------------
"$lm" analyze --out "$work/out" >/dev/null 2>&1
check "analyze writes index.html" test -s "$work/out/index.html"
render "$work/out/index.html" "$work/index.log" > "$work/index.dom"
check "Chromium renders index.html" grep -q "<figure id=\"chart-heatmap\">" "$work/index.dom"
check "no console error or blocked load while rendering" \
  bash -c "! grep -E 'CONSOLE|Uncaught|Refused to|Failed to load' '$work/index.log'"

# What each chart must show, from the CSV files of the same run.
motif_cols=$(awk -F, 'NR > 1 && $3 == "rest" && $5 == "motif"' "$work/out/emphasis.csv" | wc -l)
columns=$(awk -F, 'NR > 1 && $3 == "rest"' "$work/out/emphasis.csv" | cut -d, -f1 | sort -u | wc -l)
motif_hits=$(awk -F, 'NR == FNR { if ($3 == "rest" && $5 == "motif") m[$4] = 1; next }
                       FNR > 1 && ($3 in m) { s += $4 } END { print s + 0 }' \
             "$work/out/emphasis.csv" "$work/out/dispersion.csv")
equal "heatmap: one mark per writer and motif" "$(marks_in "$work/index.dom" chart-heatmap)" "$motif_cols"
equal "similarity: one mark per pair of writers" "$(marks_in "$work/index.dom" chart-similarity)" "$((columns * columns))"
equal "dispersion: one tick per motif hit" "$(marks_in "$work/index.dom" chart-dispersion)" "$motif_hits"
check "the seeds have five writers" test "$columns" = 5
check "KWIC evidence is collapsed by default" \
  bash -c "grep -q '<details>' '$work/index.dom' && ! grep -q '<details open' '$work/index.dom'"
check "the page has no script" bash -c "! grep -qi '<script' '$work/index.dom'"

for svg in heatmap similarity dispersion; do
  render "$work/out/charts/$svg.svg" "$work/$svg.log" > "$work/$svg.dom"
  check "charts/$svg.svg is well-formed and renders" \
    bash -c "grep -q '<svg' '$work/$svg.dom' && ! grep -q 'parsererror' '$work/$svg.dom'"
done
equal "charts/heatmap.svg has the same marks" "$(grep -o 'class="mark"' "$work/out/charts/heatmap.svg" | wc -l)" "$motif_cols"
check "summary.md links the charts" grep -q '(charts/heatmap.svg)' "$work/out/summary.md"

mkdir -p "$shots"
rm -f "$shots/index.png"
chrome --window-size=1280,6000 --screenshot="$shots/index.png" "file://$work/out/index.html" >/dev/null 2>&1
check "screenshot saved ($shots/index.png)" test -s "$shots/index.png"
check "the screenshot is a PNG of some substance" \
  bash -c "[ \$(stat -c %s '$shots/index.png') -gt 50000 ] && head -c 8 '$shots/index.png' | grep -q PNG"

# --- a hostile essay ------------------------------------------------------
mkdir -p "$work/hostile"
long=$(head -c 300000 /dev/zero | tr '\0' 'x')
{
  echo "<script>document.title='pwned'</script> Hope & \"hope\" <img src=x onerror=alert(1)> hope."
  echo "A 'single' and a \"double\" quote, <b>bold</b>, &amp; and &lt; as text: letting go."
  echo "hope $long hope"
  echo "=HYPERLINK(\"http://evil\") hope </details></section><h1>injected</h1>"
} > "$work/hostile/evil.txt"
cat > "$work/hostile/corpus.ini" <<'INI'
[text evil]
file=evil.txt
critic=<script>alert("critic")</script> & 'Q'
outlet=</title><h1>outlet</h1>
title=<i>title</i>
[text plain]
file=plain.txt
critic=Plain
INI
echo "A plain essay about hope, love and letting go of hope." > "$work/hostile/plain.txt"
"$lm" analyze --corpus "$work/hostile/corpus.ini" --out "$work/hout" >/dev/null 2>&1
check "analyze writes a report for the hostile essay" test -s "$work/hout/index.html"
render "$work/hout/index.html" "$work/hostile.log" > "$work/hostile.dom"
check "hostile: the page renders" grep -q "<figure id=\"chart-heatmap\">" "$work/hostile.dom"
check "hostile: no script element in the DOM" bash -c "! grep -qi '<script' '$work/hostile.dom'"
check "hostile: no injected element" \
  bash -c "! grep -qE '<(img|b|i)[ >]' '$work/hostile.dom' && [ \$(grep -o '<h1' '$work/hostile.dom' | wc -l) = 1 ]"
check "hostile: the title is intact" grep -q "<title>Motif report</title>" "$work/hostile.dom"
check "hostile: the essay's text is shown, escaped" grep -q '&lt;img src=x onerror=alert(1)&gt;' "$work/hostile.dom"
check "hostile: the critic's name is shown, escaped" grep -qF '&lt;script&gt;alert("critic")&lt;/script&gt; &amp;' "$work/hostile.dom"
check "hostile: every chart is well-formed" \
  bash -c "for s in heatmap similarity dispersion; do python3 -c 'import sys,xml.dom.minidom as m; m.parse(sys.argv[1])' '$work/hout/charts/'\$s.svg || exit 1; done"
longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$work/hout/kwic.csv")
check "hostile: KWIC lines stay short whatever the line length ($longest)" test "$longest" -lt 1000

tap_done
