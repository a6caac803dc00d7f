#!/usr/bin/env bash
# tools/man/make-man.sh JAMSOS LANG FRAME DATE OUT
# Writes jamsos(1) in LANG (id or en): the hand-written FRAME (tools/man/jamsos.LANG.1.in:
# name, description, exit status, files, see also) with the binary's own --help texts put in
# at the @...@ lines, so the page and --help cannot drift apart (docs/ARCHITECTURE.md,
# "Packaging"). Run at build time by cmake/Install.cmake; checked by tests/package/man.sh.
#
#   @TOP@        `jamsos --help`: global options, the command list, the two flows
#   @COMMANDS@   one section per subcommand (and a subsection per `profiles` subcommand)
#   @COMMON@     options every data command shares, listed once
#   @PROFILES@   `jamsos profiles`: the built-in profiles
#   @VERSION@, @DATE@ anywhere in a line
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: $0 JAMSOS LANG FRAME DATE OUT" >&2; exit 2; }
bin=$1 lang=$2 frame=$3 date=$4 out=$5
here=$(cd "$(dirname "$0")" && pwd)
awk_prog=$here/help2troff.awk
export LC_ALL=C.UTF-8  # CLI11 pads by bytes; awk must count bytes too
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

case $lang in
  id) labels=(-v lab_pos=Argumen -v lab_opt=Opsi -v lab_sub=Subperintah -v lab_usage=Pemakaian:
              -v "common_note=Juga opsi bersama: lihat OPSI BERSAMA.") ;;
  en) labels=(-v lab_pos=Arguments -v lab_opt=Options -v lab_sub=Subcommands -v lab_usage=Usage:
              -v "common_note=Also the common options: see COMMON OPTIONS.") ;;
  *) echo "$0: LANG must be id or en" >&2; exit 2 ;;
esac
top_heading=$([ "$lang" = id ] && echo OPSI || echo OPTIONS)

help_of() { "$bin" --lang "$lang" "$@" --help; }
entries() { awk -v mode=entries -f "$awk_prog" "$1"; }
subcommands() { entries "$1" | awk -F'\t' '$1 == "Subcommands" { print $2 }'; }

help_of >"$work/top.txt"
version=$("$bin" --version | awk 'NR == 1 { print $2 }')
mapfile -t commands < <(subcommands "$work/top.txt")
[ ${#commands[@]} -gt 0 ] || { echo "$0: no subcommands in '$bin --help'" >&2; exit 1; }

# The common options: every entry that each data command (one with --profile) prints alike.
data=()
for c in "${commands[@]}"; do
  help_of "$c" >"$work/$c.txt"
  entries "$work/$c.txt" | awk -F'\t' '$1 == "Options"' >"$work/$c.opts"
  grep -q $'\t--profile ' "$work/$c.opts" && data+=("$c")
done
: >"$work/common"
if [ ${#data[@]} -ge 2 ]; then
  for c in "${data[@]}"; do sort -u "$work/$c.opts"; done | sort | uniq -c \
    | awk -v n=${#data[@]} '$1 == n { sub(/^ *[0-9]+ /, ""); print }' >"$work/common"
fi

to_troff() {  # HELPFILE TITLE HEADING [awk -v settings...]
  local file=$1 title=$2 heading=$3; shift 3
  awk -v mode=troff -v "title=$title" -v "heading=$heading" "${labels[@]}" "$@" -f "$awk_prog" "$file"
}

to_troff "$work/top.txt" jamsos SH -v "head_text=$top_heading" -v nodesc=1 >"$work/@TOP@"
: >"$work/@COMMANDS@"
for c in "${commands[@]}"; do
  skip=()
  for d in "${data[@]}"; do [ "$d" = "$c" ] && skip=(-v "skip=$work/common"); done
  to_troff "$work/$c.txt" "jamsos $c" SH "${skip[@]}" >>"$work/@COMMANDS@"
  # A command's subcommands (profiles list/show/check): a subsection each; CLI11 repeats the
  # parent's footer under each of them, printed once.
  awk -v mode=footer -f "$awk_prog" "$work/$c.txt" >"$work/$c.footer"
  while read -r s; do
    help_of "$c" "$s" >"$work/$c.$s.txt"
    to_troff "$work/$c.$s.txt" "jamsos $c $s" SS -v "footer_skip=$work/$c.footer" >>"$work/@COMMANDS@"
  done < <(subcommands "$work/$c.txt")
done
first=${data[0]:-${commands[0]}}
to_troff "$work/$first.txt" "jamsos $first" SH -v "only=$work/common" >"$work/@COMMON@"
{ echo ".nf"; "$bin" --lang "$lang" profiles | sed 's/\\/\\e/g; s/-/\\-/g'; echo ".fi"; } >"$work/@PROFILES@"

# The frame with the fragments in place; @VERSION@ and @DATE@ substituted last.
mkdir -p "$(dirname "$out")"
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    @TOP@|@COMMANDS@|@COMMON@|@PROFILES@) cat "$work/$line" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$frame" | sed "s/@VERSION@/$version/g; s/@DATE@/$date/g" >"$work/page"
mv "$work/page" "$out"
