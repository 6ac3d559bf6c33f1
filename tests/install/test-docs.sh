#!/usr/bin/env bash
# The manual page and the bash completion name every command of
# src/cli/main.c, and the completion completes commands and options.
# Usage: test-docs.sh LEITMOTIF SRCDIR MANPAGE (the configured leitmotif.1)
set -uo pipefail
exe=$1 src=$2 man=$3
cd "$src" && . tests/tap.sh

mapfile -t commands < <(sed -n 's/^ *{ "\([a-z]*\)", lm_cmd_.*/\1/p' src/cli/main.c)
if ((${#commands[@]} >= 14)); then ok "main.c lists ${#commands[@]} commands"
else not_ok "main.c lists its commands" "found: ${commands[*]}"; fi

for c in "${commands[@]}"; do
  check "man page has a section for $c" grep -qx "\.SS $c" "$man"
  check "completion lists $c" grep -qE "^_leitmotif_commands=\".*\\b$c\\b" completion/leitmotif.bash
  check "leitmotif --help lists $c" bash -c "'$exe' --help | grep -qE '^  $c '"
done
n_sections=$(grep -c '^\.SS ' "$man")
check "the man page has no section for a command that does not exist" test "$n_sections" -eq "${#commands[@]}"

if command -v groff >/dev/null; then
  warn=$(groff -man -z -ww "$man" 2>&1)
  if [ -z "$warn" ]; then ok "groff formats the man page without a warning"
  else not_ok "groff formats the man page without a warning" "$warn"; fi
else
  skip "groff formats the man page" "groff is not installed"
fi

# The completion itself, as bash would call it.
complete_words () {
  bash -c '. completion/leitmotif.bash; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _leitmotif; printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
got=$(complete_words "$exe" "")
missing=()
for c in "${commands[@]}"; do grep -qx "$c" <<<"$got" || missing+=("$c"); done
if ((${#missing[@]} == 0)); then ok "completion of the first word offers every command"
else not_ok "completion of the first word offers every command" "missing: ${missing[*]}"; fi
check "completion of 'an' is analyze" test "$(complete_words "$exe" an)" = analyze
opts=$(complete_words "$exe" batch --)
check "completion of batch options (from --help) has --jobs" grep -qx -- --jobs <<<"$opts"
check "completion of batch options has --shard" grep -qx -- --shard <<<"$opts"
check "completion of init options has --title" grep -qx -- --title <<<"$(complete_words "$exe" init --)"
check "completion of --format values" grep -qx json <<<"$(complete_words "$exe" count --format "")"
tap_done
