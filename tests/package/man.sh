#!/usr/bin/env bash
# tests/package/man.sh JAMSOS MANDIR
# jamsos(1) against the program it documents, in both languages (MANDIR/{id,en}/jamsos.1 as
# the build made them):
#   - it is what tools/man/make-man.sh makes from this binary now (a stale page fails);
#   - one section per subcommand of `jamsos --help`, a subsection per `profiles` subcommand;
#   - every flag a command's --help lists is in that command's section or COMMON OPTIONS,
#     and every flag a section lists is in that command's --help;
#   - every --flag the page mentions anywhere (description, examples) exists;
#   - groff formats it without a warning, and the gzip copy holds the same page.
set -uo pipefail
jamsos=$(realpath "$1"); mandir=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8
failed=0; checks=0
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
check() { checks=$((checks + 1)); }

help_block() {  # LANG BLOCK ARGS... -> first token of each entry of that block
  local lang=$1 block=$2; shift 2
  "$jamsos" --lang "$lang" "$@" --help \
    | awk -v b="$block:" '$0 == b { on = 1; next } /^[^ ]/ || $0 == "" { on = 0 } on && /^  [^ ]/ { print $1 }'
}
help_flags() { help_block "$1" Options "${@:2}" | tr ',' '\n' | sort -u; }

# Flags in the option tags (.TP lines) of one section of the page, as typed.
section_flags() {  # PAGE HEADING
  awk -v h="$2" '
    /^\.S[HS] / { name = $0; sub(/^\.S[HS] /, "", name); gsub(/"/, "", name); gsub(/\\-/, "-", name); on = (name == h); next }
    on && tag { line = $0; gsub(/\\-/, "-", line); gsub(/\\f[BIR]/, "", line)
                n = split(line, w, /[ ,]+/); for (i = 1; i <= n; i++) if (w[i] ~ /^--?[a-zA-Z]/) print w[i] }
    { tag = ($0 == ".TP") }' "$1" | sort -u
}

for lang in id en; do
  page=$mandir/$lang/jamsos.1
  [ -f "$page" ] || { fail "$lang: $page missing (is the jamsos_man target built?)"; continue; }
  common=$([ "$lang" = id ] && echo "OPSI BERSAMA" || echo "COMMON OPTIONS")

  check
  date=$(awk '/^\.TH/ { print $4; exit }' "$page" | tr -d '"')
  if bash "$root/tools/man/make-man.sh" "$jamsos" "$lang" "$root/tools/man/jamsos.$lang.1.in" "$date" "$work/$lang.1"; then
    diff -u "$page" "$work/$lang.1" >"$work/diff" || fail "$lang: the page is not what this binary's --help makes:"$'\n'"$(head -30 "$work/diff")"
  else
    fail "$lang: tools/man/make-man.sh failed"
  fi
  check
  if [ -f "$page.gz" ]; then cmp -s <(gzip -dc "$page.gz") "$page" || fail "$lang: $page.gz differs from $page"
  else fail "$lang: $page.gz missing"; fi

  check
  warnings=$(groff -k -man -Tutf8 -ww -z "$page" 2>&1)
  [ -z "$warnings" ] || fail "$lang: groff warns:"$'\n'"$warnings"
  check
  whatis=$(lexgrog "$page" 2>&1)
  [[ $whatis == *'"jamsos - '* ]] || fail "$lang: no NAME line for whatis: $whatis"

  commands=$(help_block "$lang" Subcommands)
  [ -n "$commands" ] || fail "$lang: no subcommands in 'jamsos --help'"
  in_common=$(section_flags "$page" "$common")
  for c in $commands; do
    check
    grep -qx ".SH \"jamsos $c\"" "$page" || { fail "$lang: no section for 'jamsos $c'"; continue; }
    in_help=$(help_flags "$lang" "$c"); in_page=$(section_flags "$page" "jamsos $c")
    missing=$(comm -23 <(echo "$in_help") <(sort -u <(echo "$in_page") <(echo "$in_common")) | tr '\n' ' ')
    extra=$(comm -13 <(echo "$in_help") <(echo "$in_page") | sed '/^$/d' | tr '\n' ' ')
    [ -z "$missing" ] || fail "$lang: jamsos $c: in --help, not in the page: $missing"
    [ -z "$extra" ] || fail "$lang: jamsos $c: in the page, not in --help: $extra"
    for s in $(help_block "$lang" Subcommands "$c"); do
      check
      grep -qx ".SS \"jamsos $c $s\"" "$page" || { fail "$lang: no subsection for 'jamsos $c $s'"; continue; }
      in_help=$(help_flags "$lang" "$c" "$s"); in_page=$(section_flags "$page" "jamsos $c $s")
      [ "$in_help" = "$in_page" ] || fail "$lang: jamsos $c $s: flags differ: --help [$in_help] page [$in_page]"
    done
  done

  # Any --flag named anywhere in the page (the hand-written frame included) must exist.
  check
  all_flags=$( { help_flags "$lang"; for c in $commands; do help_flags "$lang" "$c"; done; } | sort -u)
  named=$(sed 's/\\-/-/g' "$page" | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
  unknown=$(comm -23 <(echo "$named") <(echo "$all_flags") | tr '\n' ' ')
  [ -z "$unknown" ] || fail "$lang: the page names flags no --help lists: $unknown"
done

echo "man: $((checks - failed)) of $checks checks passed"
[ "$failed" = 0 ]
