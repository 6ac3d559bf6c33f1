# bash completion for leitmotif(1): the commands, then each command's
# options (read from `leitmotif COMMAND --help`, so they never go stale),
# then file names.  Installed into share/bash-completion/completions/.
# The command list must match src/cli/main.c (tests/install checks it).

_leitmotif_commands="init analyze batch merge count tokens export report genres segments evaluate kwic stem lexicon"

_leitmotif()
{
  local cur prev cmd
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$_leitmotif_commands --help --version" -- "$cur"))
    return 0
  fi
  cmd=${COMP_WORDS[1]}
  case $prev in
    --format|-f)
      COMPREPLY=($(compgen -W "tsv json csv jsonl text table" -- "$cur")); return 0 ;;
    --voice|-v)
      COMPREPLY=($(compgen -W "critic quotation comment boilerplate all" -- "$cur")); return 0 ;;
    --table|-t)
      [ "$cmd" = export ] && { COMPREPLY=($(compgen -W "documents motif_counts genre_mentions metadata categories meta" -- "$cur")); return 0; } ;;
    --out|-o)
      COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
    --jobs|-j|--width|-w|--shard|--title|--author|--max-file-size)
      return 0 ;;
  esac
  if [ "$cmd" = lexicon ] && [ "$COMP_CWORD" -eq 2 ]; then
    COMPREPLY=($(compgen -W "check" -- "$cur"))
    return 0
  fi
  if [[ $cur == -* ]]; then
    local opts
    opts=$("${COMP_WORDS[0]}" "$cmd" --help 2>/dev/null | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return 0
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _leitmotif leitmotif
