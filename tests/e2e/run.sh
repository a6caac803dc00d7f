#!/usr/bin/env bash
# Runs the golden cases of one group: tests/e2e/cases/<group>/<NNNN>/
#   cmd          shell lines, run with `jamsos` on PATH in a scratch copy of the case folder
#   expout       expected stdout            experr   expected stderr
#   should-fail  present: the expected exit code (a number); absent: exit 0 expected
#   conserve     optional: "in: FILES" and "out: FILES" lines; the records of the outputs
#                must add up to the records of the inputs (nothing lost, nothing doubled)
# Update mode (review the result with git diff): JAMSOS_UPDATE_GOLDEN=1 ctest -R e2e
set -u
jamsos_bin=$(realpath "$1"); group=$2; csv_count=$(realpath "$3")
bindir=$(mktemp -d); trap 'rm -rf "$bindir"' EXIT
ln -s "$jamsos_bin" "$bindir/jamsos"
ln -s "$csv_count" "$bindir/csv_count"
export PATH="$bindir:$PATH" LC_ALL=C.UTF-8 TZ=Asia/Makassar
export JAMSOS_SAMPLES; JAMSOS_SAMPLES=$(realpath "$(dirname "$0")/../../samples")
unset JAMSOS_AUDIT
failed=0; passed=0
count_records() { local n=0 f c; for f in "$@"; do c=$(csv_count "$f") || return 1; n=$((n + c)); done; echo "$n"; }

for case_dir in "$group"/*/; do
  case_dir=${case_dir%/}; name="$(basename "$group")/$(basename "$case_dir")"
  [ -f "$case_dir/cmd" ] || continue
  work=$(mktemp -d)
  # The case's inputs and cmd, not its expectations: a cmd that lists its folder sees only data.
  (cd "$case_dir" && find . -mindepth 1 -maxdepth 1 ! -name expout ! -name experr ! -name should-fail ! -name conserve \
     -exec cp -r {} "$work"/ \;)
  (cd "$work" && bash ./cmd >"$work/.out" 2>"$work/.err" </dev/null); rc=$?
  want_rc=0; [ -f "$case_dir/should-fail" ] && want_rc=$(tr -d '[:space:]' <"$case_dir/should-fail")
  if [ "${JAMSOS_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$work/.out" "$case_dir/expout"; cp "$work/.err" "$case_dir/experr"
    if [ "$rc" != 0 ]; then echo "$rc" >"$case_dir/should-fail"; else rm -f "$case_dir/should-fail"; fi
    want_rc=$rc
  fi
  problems=()
  [ "$rc" = "$want_rc" ] || problems+=("exit $rc, expected $want_rc")
  diff -u "$case_dir/expout" "$work/.out" >"$work/.dout" 2>&1 || problems+=("stdout differs:"$'\n'"$(head -40 "$work/.dout")")
  diff -u "$case_dir/experr" "$work/.err" >"$work/.derr" 2>&1 || problems+=("stderr differs:"$'\n'"$(head -40 "$work/.derr")")
  if [ -f "$case_dir/conserve" ]; then
    ins=$(sed -n 's/^in: *//p' "$case_dir/conserve"); outs=$(sed -n 's/^out: *//p' "$case_dir/conserve")
    # shellcheck disable=SC2086
    n_in=$(cd "$work" && count_records $ins); n_out=$(cd "$work" && count_records $outs)
    [ -n "$n_in" ] && [ "$n_in" = "$n_out" ] || problems+=("row conservation: in=$n_in ($ins) out=$n_out ($outs)")
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL $name"; printf '  %s\n' "${problems[@]}"
  fi
  rm -rf "$work"
done
echo "e2e $(basename "$group"): $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
