# bash completion for jamsos(1): subcommands, each one's flags, profile names and the values
# flags take (files by kind, months, languages, encodings).
#
# Installed as share/bash-completion/completions/jamsos, which bash-completion loads the
# first time `jamsos <TAB>` is pressed; without bash-completion, `source` this file from
# ~/.bashrc. Needs nothing from bash-completion itself.
#
# The flags are written out below, per subcommand, so that completing never runs the
# program; tests/package/completion.sh fails when they differ from `jamsos <cmd> --help`
# in either direction. Profile names are data, not interface: they come from the program
# (`jamsos profiles`), so a profile added to a newer build completes without an edit here.

_jamsos_common_flags="--profile --lang -q --quiet --excel --delimiter --encoding --max-record-bytes --audit -h --help"

_jamsos_flags() {  # flags of a command ("" = jamsos itself, "profiles show" = a profiles subcommand)
  case $1 in
    "") echo "-h --help --lang -V --version" ;;
    validate) echo "-o --output --rejects --all --as-of --umk $_jamsos_common_flags" ;;
    dedupe) echo "-o --output --duplicates --against --review --decisions $_jamsos_common_flags" ;;
    consolidate) echo "--year --quota --budget --forecast -o --output --waitlist --summary $_jamsos_common_flags" ;;
    terminate) echo "--month --events -o --output --ended --unmatched $_jamsos_common_flags" ;;
    reconcile) echo "--roster --invoice --month -o --output --report --fail-on-diff --place --date" \
                    "--signer-city --signer-bpjs $_jamsos_common_flags" ;;
    profiles) echo "-h --help --lang" ;;
    "profiles list" | "profiles show" | "profiles check") echo "-h --help" ;;
  esac
}

_jamsos_commands="validate dedupe consolidate terminate reconcile profiles"
_jamsos_profiles_commands="list show check"

# Built-in profile names, from the program being completed (first column of `jamsos profiles`).
_jamsos_profile_names() {
  local bin=$1
  command -v "$bin" >/dev/null 2>&1 || return 0
  "$bin" profiles 2>/dev/null | while read -r name _; do printf '%s\n' "$name"; done
}

# Files ending in one of the given suffixes (any case), and folders to descend into.
_jamsos_files() {
  local cur=$1 f suffix
  shift
  type compopt >/dev/null 2>&1 && compopt -o filenames 2>/dev/null
  while IFS= read -r f; do
    if [ -d "$f" ]; then COMPREPLY+=("$f"); continue; fi
    for suffix in "$@"; do
      if [[ ${f,,} == *"$suffix" ]]; then COMPREPLY+=("$f"); break; fi
    done
  done < <(compgen -f -- "$cur")
}

_jamsos() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=""
  [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}
  # --flag=value: bash splits at '=' (COMP_WORDBREAKS)
  if [ "$cur" = "=" ]; then cur=""; elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -gt 1 ]; then
    prev=${COMP_WORDS[COMP_CWORD-2]}
  fi
  COMPREPLY=()

  # The subcommand (and a profiles subcommand): the first words that are neither flags nor
  # the value of --lang, the one flag with a value that may come before the subcommand.
  local cmd="" sub="" i word
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
      --lang) ((i++)); continue ;;
      -* | =) continue ;;
    esac
    if [ -z "$cmd" ]; then
      cmd=$word
    elif [ "$cmd" = profiles ] && [ -z "$sub" ]; then
      sub=$word
    fi
  done

  case $prev in
    --lang) mapfile -t COMPREPLY < <(compgen -W "id en" -- "$cur"); return ;;
    --profile)
      mapfile -t COMPREPLY < <(compgen -W "$(_jamsos_profile_names "${COMP_WORDS[0]}")" -- "$cur")
      _jamsos_files "$cur" .toml; return ;;
    --encoding) mapfile -t COMPREPLY < <(compgen -W "utf-8 cp1252 latin1" -- "$cur"); return ;;
    --delimiter) mapfile -t COMPREPLY < <(compgen -W ", \\; tab" -- "$cur"); return ;;
    --month) mapfile -t COMPREPLY < <(compgen -W "$(date +%Y-%m) $(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m 2>/dev/null)" -- "$cur"); return ;;
    --year) mapfile -t COMPREPLY < <(compgen -W "$(date +%Y) $(($(date +%Y) + 1))" -- "$cur"); return ;;
    --as-of | --date) mapfile -t COMPREPLY < <(compgen -W "$(date +%F)" -- "$cur"); return ;;
    --report) _jamsos_files "$cur" .html .md; return ;;
    --audit) _jamsos_files "$cur" .jsonl .log; return ;;
    -o | --output | --rejects | --duplicates | --against | --review | --decisions | --waitlist | \
      --summary | --roster | --invoice | --events | --ended | --unmatched)
      _jamsos_files "$cur" .csv; return ;;
    --umk | --quota | --budget | --forecast | --max-record-bytes | --place | --signer-city | --signer-bpjs)
      return ;;  # a number or a name: nothing to offer
  esac

  if [[ $cur == -* ]]; then
    local key=$cmd
    [ -n "$sub" ] && key="$cmd $sub"
    mapfile -t COMPREPLY < <(compgen -W "$(_jamsos_flags "$key")" -- "$cur")
    return
  fi
  case $cmd in
    "") mapfile -t COMPREPLY < <(compgen -W "$_jamsos_commands" -- "$cur") ;;
    profiles)
      if [ -z "$sub" ]; then
        mapfile -t COMPREPLY < <(compgen -W "$_jamsos_profiles_commands" -- "$cur")
      elif [ "$sub" = show ] || [ "$sub" = check ]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_jamsos_profile_names "${COMP_WORDS[0]}")" -- "$cur")
        _jamsos_files "$cur" .toml
      fi ;;
    reconcile) mapfile -t COMPREPLY < <(compgen -W "$(_jamsos_flags reconcile)" -- "$cur") ;;  # no file arguments
    *) _jamsos_files "$cur" .csv ;;
  esac
}

complete -F _jamsos jamsos
