#!/usr/bin/env bash
# scripts/check-layers.py, which the build runs before compiling: an include
# that points up the layers is refused with file:line, one that points down
# or into the same folder is not; and the real tree passes.
# Usage: test-layers.sh SRCDIR
set -uo pipefail
cd "$1" || exit 1
. tests/tap.sh
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
mkdir -p "$d/src/core" "$d/src/model" "$d/src/report" "$d/src/stats"
printf '#include "core/text.h"\n#include "kwic.h"\n#include <glib.h>\n' > "$d/src/model/a.c"
printf '#include "model/run.h"\n#include "stats/stats.h"\n' > "$d/src/report/b.c"
python3 scripts/check-layers.py "$d/src" "$d/ok.h" 2>"$d/err"; rc=$?
check "downward and same-folder includes: accepted" test "$rc" = 0
check "accepted: the stamp is written" test -s "$d/ok.h"
printf '/* x */\n#include "report/format.h"\n' > "$d/src/model/up.c"
printf '#include "stats/stats.h"\n' > "$d/src/core/side.h"
rm -f "$d/ok.h"
python3 scripts/check-layers.py "$d/src" "$d/ok.h" 2>"$d/err"; rc=$?
check "an upward include: refused" test "$rc" = 1
check "refused: named with file and line" grep -q '^model/up.c:2: model may not include report/' "$d/err"
check "core may not include stats (both ground floor)" grep -q '^core/side.h:1: core may not include stats/' "$d/err"
check "refused: no stamp" test ! -e "$d/ok.h"
python3 scripts/check-layers.py src "$d/real.h"; rc=$?
check "the source tree holds its layers" test "$rc" = 0
tap_done
