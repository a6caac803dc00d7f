#!/usr/bin/env bash
# tests/package/completion.sh JAMSOS COMPLETION_FILE
# The bash completion against the program it completes: the subcommands and every
# subcommand's flags must be exactly those `--help` lists (a flag missing from the
# completion, or one --help no longer has, fails); profile names come from `jamsos profiles`;
# flag values and files are offered by kind. Runs the completion function the way bash does
# (COMP_WORDS, COMP_CWORD), without bash-completion installed.
set -uo pipefail
jamsos=$(realpath "$1"); completion=$(realpath "$2")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" && ln -s "$jamsos" "$work/bin/jamsos"
export PATH="$work/bin:$PATH" LC_ALL=C.UTF-8
# shellcheck source=/dev/null
source "$completion" || { echo "FAIL: $completion does not load"; exit 1; }
declare -F _jamsos >/dev/null && complete -p jamsos >/dev/null \
  || { echo "FAIL: $completion registers no completion for jamsos"; exit 1; }
failed=0; checks=0

# complete "jamsos validate --" -> the offers, one per line, sorted. A trailing space means
# the word being completed is empty; '=' is a word of its own, as bash splits it.
complete_line() {
  local line=$1
  read -r -a COMP_WORDS <<<"${line//=/ = }"
  [[ $line == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMP_LINE=$line COMP_POINT=${#line}
  COMPREPLY=()
  _jamsos
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort -u
}

# expect LABEL "jamsos ..." WANTED-WORDS: the offers must be exactly these words.
expect() {
  local label=$1 line=$2 want got
  want=$(tr ' ' '\n' <<<"$3" | sed '/^$/d' | sort -u)
  got=$(cd "$work/files" && complete_line "$line")
  checks=$((checks + 1))
  if [ "$want" != "$got" ]; then
    failed=$((failed + 1))
    echo "FAIL $label: '$line'"
    echo "  only in --help / expected: $(comm -23 <(echo "$want") <(echo "$got") | tr '\n' ' ')"
    echo "  only in the completion:    $(comm -13 <(echo "$want") <(echo "$got") | tr '\n' ' ')"
  fi
}

# Flags and subcommands as --help prints them (CLI11: entries start with two spaces).
help_block() {  # BLOCK ARGS... -> first token of each entry of that block
  local block=$1; shift
  jamsos "$@" --help | awk -v b="$block:" '$0 == b { on = 1; next } /^[^ ]/ || $0 == "" { on = 0 } on && /^  [^ ]/ { print $1 }'
}
help_flags() { help_block Options "$@" | tr ',' '\n'; }

mkdir -p "$work/files/sub"
touch "$work/files/"{usulan.csv,LAMA.CSV,catatan.txt,daerahku.toml,ba.html,ba.md}

commands=$(help_block Subcommands)
[ -n "$commands" ] || { echo "FAIL: no subcommands in 'jamsos --help'"; exit 1; }
expect "subcommands" "jamsos " "$commands"
expect "a typed prefix" "jamsos re" "reconcile"
expect "after --lang, before the subcommand" "jamsos --lang en val" "validate"
expect "jamsos' own flags" "jamsos -" "$(help_flags)"
for c in $commands; do
  expect "flags of $c" "jamsos $c -" "$(help_flags "$c")"
  expect "flags of $c after --lang" "jamsos --lang en $c --" "$(help_flags "$c" | grep -- '^--')"
  for s in $(help_block Subcommands "$c"); do
    expect "flags of $c $s" "jamsos $c $s -" "$(help_flags "$c" "$s")"
  done
done
expect "profiles subcommands" "jamsos profiles " "$(help_block Subcommands profiles)"

profiles=$(jamsos profiles | awk '{ print $1 }')
[ -n "$profiles" ] || { echo "FAIL: 'jamsos profiles' lists no profile"; exit 1; }
expect "--profile: built-in names and .toml files" "jamsos validate --profile " "$profiles daerahku.toml sub"
expect "--profile=: the same" "jamsos terminate --profile=" "$profiles daerahku.toml sub"
expect "--profile with a prefix" "jamsos validate --profile bali" "$(grep '^bali' <<<"$profiles")"
expect "profiles show" "jamsos profiles show " "$profiles daerahku.toml sub"
expect "--lang values, from --help" "jamsos dedupe --lang " \
  "$(jamsos validate --help | grep -oE -- '--lang TEXT:\{[a-z,]+\}' | sed 's/.*{//; s/}//; s/,/ /g')"
expect "--encoding values" "jamsos validate --encoding " "utf-8 cp1252 latin1"
expect "CSV inputs (any case), folders" "jamsos validate " "usulan.csv LAMA.CSV sub"
expect "CSV after a flag" "jamsos terminate --events " "usulan.csv LAMA.CSV sub"
expect "--report: .html or .md" "jamsos reconcile --report " "ba.html ba.md sub"
expect "reconcile takes no file argument" "jamsos reconcile " "$(help_flags reconcile)"
expect "money: nothing to offer" "jamsos consolidate --budget " ""
expect "--month: this month and the one before" "jamsos terminate --month " \
  "$(date +%Y-%m) $(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)"

echo "completion: $((checks - failed)) of $checks checks passed"
[ "$failed" = 0 ]
