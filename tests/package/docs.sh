#!/usr/bin/env bash
# tests/package/docs.sh JAMSOS [SAMPLES [JAMSOS_BULANAN]]
# Every command the user guides show is run, so the guides cannot rot (issue 8).
#
# In docs/panduan.md and docs/guide.md each ```sh block is preceded by one marker:
#   <!-- test -->                 run it; it must exit 0
#   <!-- test: exit N -->         run it; it must exit N (the guides show what 65, 66, ... look like)
#   <!-- test: skip REASON -->    not run (needs root, a text editor, a service manager); REASON is printed
# A ```sh block without a marker fails, and so does a command line (`jamsos ...` or `$ ...`)
# in a block of another kind. The blocks of one guide run in order, each in its own bash
# with `set -eo pipefail`, in one scratch folder (HOME is that folder; a `cd` carries over to
# the next block), `jamsos` first on PATH. SAMPLES (default: the repository's samples/)
# stands for /usr/share/jamsos/samples, where the package installs them, and JAMSOS_BULANAN
# (default: tools/cron/jamsos-bulanan.sh) is `jamsos-bulanan`; the .deb test
# (tests/package/deb.sh) runs this script on the installed copy.
#
# Every `jamsos <command>` line in every ```sh block, run or not, is also checked flag by
# flag against that command's --help.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
jamsos=$(realpath "$1"); samples=$(realpath "${2:-$root/samples}")
bulanan=$(realpath "${3:-$root/tools/cron/jamsos-bulanan.sh}")
guides=("$root/docs/panduan.md" "$root/docs/guide.md")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" && ln -s "$jamsos" "$work/bin/jamsos" && ln -s "$bulanan" "$work/bin/jamsos-bulanan"
export PATH="$work/bin:$PATH" LC_ALL=C.UTF-8 TZ=Asia/Makassar
unset JAMSOS_TODAY JAMSOS_AUDIT
failed=0; ran=0; skipped=0

# Split a guide into blocks: blocks/NNN.sh with blocks/NNN.meta = "LINE<TAB>MARKER".
extract() {  # GUIDE OUTDIR (fences may be indented, inside a list item)
  awk -v out="$2" '
    /^ *```/ && !inblock {
      inblock = 1; indent = match($0, /[^ ]/) - 1; lang = substr($0, indent + 4); n++
      file = sprintf("%s/%03d", out, n)
      printf "%s\t%s\t%s\n", NR, lang, marker > (file ".meta")
      printf "" > (file ".sh")
      marker = ""; next
    }
    /^ *```/ && inblock { inblock = 0; close(file ".sh"); close(file ".meta"); next }
    inblock { line = $0; for (i = 0; i < indent && substr(line, 1, 1) == " "; i++) line = substr(line, 2); print line > (file ".sh"); next }
    /^ *<!-- test(:[^>]*)? -->$/ { marker = $0; sub(/^ *<!-- /, "", marker); sub(/ -->$/, "", marker); next }
    /[^ \t]/ { marker = "" }
  ' "$1"
}

help_flags() {  # ARGS... -> the flags `jamsos ARGS --help` lists, one per line
  jamsos "$@" --help 2>/dev/null \
    | awk '$0 == "Options:" { on = 1; next } /^[^ ]/ || $0 == "" { on = 0 } on && /^  -/ { print $1 }' | tr ',' '\n'
}
commands=$(jamsos --help | awk '$0 == "Subcommands:" { on = 1; next } $0 == "" { on = 0 } on { print $1 }')

# Each `jamsos ...` command in a block: the subcommand exists and every flag is in its --help.
check_flags() {  # BLOCKFILE WHERE
  local file=$1 where=$2 segment words w sub i flag known
  # Logical lines (backslash continuations joined), cut at | ; && ||
  while IFS= read -r segment; do
    read -r -a words <<<"$segment"
    [ "${words[0]:-}" = jamsos ] || continue
    sub=""
    for ((i = 1; i < ${#words[@]}; i++)); do
      w=${words[i]}
      if [ "$w" = --lang ]; then ((i++)); continue; fi
      [[ $w == -* ]] && continue
      sub=$w; break
    done
    if [ -n "$sub" ] && ! grep -qx -- "$sub" <<<"$commands"; then
      echo "FAIL $where: 'jamsos $sub' is not a jamsos command"; failed=$((failed + 1)); continue
    fi
    known=$( { help_flags; [ -n "$sub" ] && help_flags "$sub"; [ "$sub" = profiles ] && for s in list show check; do help_flags profiles "$s"; done; } | sort -u)
    for w in "${words[@]}"; do
      [[ $w =~ ^--?[a-zA-Z][a-zA-Z0-9-]*(=.*)?$ ]] || continue
      flag=${w%%=*}
      grep -qx -- "$flag" <<<"$known" || { echo "FAIL $where: 'jamsos $sub' has no flag $flag"; failed=$((failed + 1)); }
    done
  done < <(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$file" | sed 's/#.*//' | tr '|;&' '\n\n\n' | sed 's/^[[:space:]]*//')
}

for guide in "${guides[@]}"; do
  name=$(basename "$guide")
  [ -f "$guide" ] || { echo "FAIL $name: missing"; failed=$((failed + 1)); continue; }
  blocks="$work/blocks-$name"; scratch="$work/run-$name"
  mkdir -p "$blocks" "$scratch"
  extract "$guide" "$blocks"
  echo "$scratch" >"$work/cwd"
  for meta in "$blocks"/*.meta; do
    [ -e "$meta" ] || continue
    block=${meta%.meta}.sh
    IFS=$'\t' read -r line lang marker <"$meta"
    where="$name:$line"
    if [ "$lang" != sh ]; then
      # Output shown as text ("jamsos validate: 56 baris ...", "jamsos 0.1.0") is fine;
      # a command line is not.
      if grep -E '^[[:space:]]*(\$ |jamsos )' "$block" | grep -vqE '^[[:space:]]*jamsos ([0-9]|[^ ]+:|[^ ]+ [^ ]+:)'; then
        echo "FAIL $where: a command in a \`\`\`$lang block; commands go in \`\`\`sh blocks with a <!-- test --> marker"
        failed=$((failed + 1))
      fi
      continue
    fi
    check_flags "$block" "$where"
    case $marker in
      test) want=0 ;;
      "test: exit "*) want=${marker#test: exit } ;;
      "test: skip "*) skipped=$((skipped + 1)); echo "skip $where: ${marker#test: skip }"; continue ;;
      *) echo "FAIL $where: \`\`\`sh block without a <!-- test --> marker"; failed=$((failed + 1)); continue ;;
    esac
    sed "s#/usr/share/jamsos/samples#$samples#g" "$block" >"$work/run.sh"
    ran=$((ran + 1))
    (
      cd "$(cat "$work/cwd")" || exit 99
      HOME=$scratch bash -c 'set -eo pipefail; trap "pwd >\"$1\"" EXIT; source "$2"' block "$work/cwd" "$work/run.sh"
    ) >"$work/log" 2>&1 </dev/null
    rc=$?
    if [ "$rc" != "$want" ]; then
      failed=$((failed + 1))
      echo "FAIL $where: exit $rc, expected $want"
      sed 's/^/  | /' "$block"
      tail -n 15 "$work/log" | sed 's/^/  > /'
    fi
  done
done

echo "docs: $ran blocks run, $skipped not run, $failed failures"
[ "$failed" = 0 ] && [ "$ran" -gt 0 ]
