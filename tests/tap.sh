# tap.sh - TAP output for the shell tests; source it after `cd` to the
# source tree:  . tests/tap.sh
# Then: ok NAME, not_ok NAME [DETAIL...], check NAME COMMAND..., skip NAME
# REASON, and tap_done at the end (prints the plan, exits 1 if any failed).
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check () { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name" "command: $*"; fi; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
tap_done () { echo "1..$n"; exit "$failed"; }
# For tests of the installed or lookup behaviour: a fresh temporary folder
# in $tmp, removed at exit, and no LM_* variable from the caller's
# environment (src/core/datadir.h).
tap_tmp () { tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT; unset LM_LEXICON LM_STOPWORDS LM_CORPUS LM_VOICE_RULES; }
