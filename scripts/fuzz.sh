#!/usr/bin/env bash
# Fuzzes leitmotif's parsers with libFuzzer (clang), under AddressSanitizer,
# UndefinedBehaviorSanitizer and LeakSanitizer.
#
#   bash scripts/fuzz.sh [TARGET|all] [SECONDS]
#
# TARGET is one of fuzz/meson.build's fuzz_targets (default: all of them, one
# after another); SECONDS the wall-clock time of each (default 60).  The seed
# corpus fuzz/corpus/TARGET/ is read, never written: new inputs go to a
# scratch folder outside the repository (LM_FUZZ_WORKDIR, default a fresh
# temporary folder, removed when nothing was found), with the logs and any
# crash, leak or timeout input.
# Exit status 0 when no target found anything, 1 otherwise (the offending
# inputs are listed: reproduce with build-fuzz/fuzz/fuzz-TARGET FILE, fix, and
# add the file to fuzz/corpus/TARGET/).
#
# Limits given to libFuzzer: -timeout=10 (seconds an input), -rss_limit_mb=2048,
# -malloc_limit_mb=2048, -detect_leaks=1.  Builds build-fuzz/ with
# CC=clang -Dfuzzing=true -Db_sanitize=address,undefined (needs clang and
# libclang-rt-14-dev, which this script installs like bootstrap.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-all}
seconds=${2:-60}
all_targets=(text-tokenizer lexicon liwc manifest metadata segmenter genre byline)
if [ "$target" = all ]; then
  targets=("${all_targets[@]}")
else
  case " ${all_targets[*]} " in
    *" $target "*) targets=("$target") ;;
    *) echo "fuzz.sh: unknown target '$target' (known: ${all_targets[*]})" >&2; exit 2 ;;
  esac
fi
case $seconds in (''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a number" >&2; exit 2 ;; esac

builddir=${LM_FUZZ_BUILDDIR:-build-fuzz}
LM_EXTRA_PACKAGES="clang libclang-rt-14-dev" CC=clang \
  bash scripts/bootstrap.sh "$builddir" -Dfuzzing=true -Dtests=false \
    -Db_sanitize=address,undefined -Db_lundef=false >&2

work=${LM_FUZZ_WORKDIR:-}
own_work=false
if [ -z "$work" ]; then
  work=$(mktemp -d -t leitmotif-fuzz.XXXXXX)
  own_work=true
fi
mkdir -p "$work/logs" "$work/artifacts"
echo "fuzz.sh: scratch corpora, logs and findings in $work" >&2

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

failed=()
printf '%-15s %7s %10s %8s %7s %7s  %s\n' target seconds execs exec/s cov ft result
for t in "${targets[@]}"; do
  mkdir -p "$work/corpus/$t"
  dict=()
  case $t in
    lexicon) dict=(-dict=fuzz/dict/lexicon.dict) ;;
    liwc) dict=(-dict=fuzz/dict/liwc.dict) ;;
    manifest) dict=(-dict=fuzz/dict/manifest.dict) ;;
    metadata) dict=(-dict=fuzz/dict/metadata.dict) ;;
    text-tokenizer|segmenter|genre|byline) dict=(-dict=fuzz/dict/text.dict) ;;
  esac
  log="$work/logs/$t.log"
  status=0
  "$builddir/fuzz/fuzz-$t" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -detect_leaks=1 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$t-" "${dict[@]}" \
    "$work/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1 || status=$?
  # The last status line ("#N DONE cov: ... ft: ... exec/s: ...") or pulse.
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
  eps=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+).*/\1/p' "$log" | tail -n 1)
  if [ "$status" -eq 0 ]; then
    result=ok
  else
    result="FAILED (exit $status, log $log)"
    failed+=("$t")
  fi
  printf '%-15s %7s %10s %8s %7s %7s  %s\n' "$t" "$seconds" "${execs:--}" "${eps:--}" \
    "${cov:--}" "${ft:--}" "$result"
done

if ((${#failed[@]})); then
  echo "fuzz.sh: findings in: ${failed[*]}" >&2
  ls -l "$work/artifacts" >&2
  for t in "${failed[@]}"; do
    grep -E 'ERROR|SUMMARY|invariant broken|Test unit written' "$work/logs/$t.log" | head -n 20 >&2 || true
  done
  exit 1
fi
echo "fuzz.sh: no crash, leak or timeout in ${targets[*]}" >&2
# Nothing to keep from a temporary folder of our own.
if $own_work; then rm -rf "$work"; fi
