#!/usr/bin/env bash
# Builds leitmotif (installing what it needs) and runs the whole test suite:
# once in a normal build (with the Slurm job array on a single-node Slurm it
# brings up, suite slurm), once under AddressSanitizer + UndefinedBehaviorSanitizer
# (which includes every fuzz target replaying its seed corpus, suite "fuzz"),
# and `leitmotif analyze` and a batch run under valgrind's leak checker.
set -euo pipefail
cd "$(dirname "$0")/.."

# Headless Chromium renders the HTML report (tests/report); tests/slurm runs
# a real single-node Slurm; tests/install reads the installed manual page
# with man (man-db).
export LM_EXTRA_PACKAGES="chromium slurm-wlm munge man-db"
bash scripts/bootstrap.sh build
meson test -C build --print-errorlogs

bash scripts/bootstrap.sh build-asan -Db_sanitize=address,undefined -Db_lundef=false
# The Slurm suite ran above; once is enough (it starts daemons of its own).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C build-asan --print-errorlogs --no-suite slurm

# Criterion's TAP mode hides its workers' standard error, where LeakSanitizer
# reports: run each test binary directly too, and fail on any leak report.
for t in build-asan/tests/test-* build-asan/tests/*/test-*; do
  [ -x "$t" ] && [ -f "$t" ] || continue
  log=$(ASAN_OPTIONS=detect_leaks=1 LM_TEST_SRCDIR="$PWD" LM_EXE="$PWD/build-asan/src/leitmotif" \
        "$t" --jobs 1 2>&1) || { printf '%s\n' "$log"; echo "FAILED: $t"; exit 1; }
  if grep -q "LeakSanitizer" <<<"$log"; then printf '%s\n' "$log"; echo "LEAK: $t"; exit 1; fi
done
echo "LeakSanitizer: no leak in any test binary"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
vg () {
  valgrind --quiet --suppressions=tests/valgrind.supp --leak-check=full \
    --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible \
    --error-exitcode=1 "$@"
}
vg ./build/src/leitmotif analyze --out "$out/reports"
echo "valgrind: leitmotif analyze: no leaks, no errors"
# A batch on two worker threads, its report and an export, the same way.
bash bench/make-essays.sh 12 "$out/essays" >/dev/null
{ echo "file,group"; for i in $(seq 0 11); do printf 'essay-%05d.txt,g%d\n' "$i" $((i % 2)); done; } > "$out/meta.csv"
vg ./build/src/leitmotif batch --quiet --jobs 2 --metadata "$out/meta.csv" --db "$out/batch.db" "$out/essays"
vg ./build/src/leitmotif report --db "$out/batch.db" --out "$out/batch-report" >/dev/null
vg ./build/src/leitmotif report --db "$out/batch.db" --out "$out/batch-groups" --group-by group --jobs 2 \
  "$out/essays" >/dev/null
vg ./build/src/leitmotif export --db "$out/batch.db" --table genre_mentions >/dev/null
echo "valgrind: leitmotif batch, report and export: no leaks, no errors"
