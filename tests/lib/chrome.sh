# chrome.sh - headless Chromium for the page tests (tests/report); source it
# from the source tree's root after tests/tap.sh, with $work set to a
# scratch folder.  Stops the test (one failing TAP line) when Chromium is
# missing.  Gives: chrome ARGS..., render FILE LOG (prints the DOM after
# rendering, the browser's log in LOG), marks_in DOM ID (the elements of
# class "mark" inside the element with id ID), and equal NAME GOT WANT.
equal () { if [ "$2" = "$3" ]; then ok "$1 ($2)"; else not_ok "$1" "got $2, expected $3"; fi; }

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "1..1"
  echo "not ok 1 - chromium is missing: scripts/bootstrap.sh installs Debian's chromium package"
  exit 1
fi
# One profile folder per run, no sandbox (CI runs as root), no GPU.
chrome () {
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@"
}
# The DOM after rendering, with the browser's log beside it.
render () { chrome --dump-dom "file://$1" 2>"$2"; }

# Marks inside the element with id $2 of the DOM in $1.
marks_in () {
  python3 - "$1" "$2" <<'PY'
import sys, html.parser
dom, target = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.depth = 0; s.count = 0
    def handle_starttag(s, tag, attrs):
        a = dict(attrs)
        if s.depth: s.depth += 1
        elif a.get("id") == target: s.depth = 1
        if s.depth and "mark" in (a.get("class") or "").split(): s.count += 1
    def handle_startendtag(s, tag, attrs):
        self_closing = dict(attrs)
        if s.depth and "mark" in (self_closing.get("class") or "").split(): s.count += 1
    def handle_endtag(s, tag):
        if s.depth: s.depth -= 1
p = P(); p.feed(dom); print(p.count)
PY
}

