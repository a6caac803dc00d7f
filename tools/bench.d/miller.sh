#!/usr/bin/env bash
# tools/bench, Miller's side of each job: tools/bench.d/miller.sh JOB ARGS...
#   validate    IN AS_OF OUT_OK OUT_REJ
#   dedupe      IN ROSTER OUT_KEEP OUT_DUP
#   consolidate IN YEAR BUDGET OUT_LIST OUT_WAIT
#   terminate   ROSTER EVENTS MONTH OUT_KEEP OUT_END OUT_UNM
#   reconcile   ROSTER INVOICE MONTH OUT_DIFF
# The rules are those of the SQL files beside this one, in Miller's DSL (*.mlr) and verbs
# (put, join, sort), every value read as a string (-S). Temporary files go next to the
# first output and count in the job's time, as they would for a user.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
job=$1; shift
mlr=(mlr -S --icsv --ocsv)
case $job in
  validate)
    "${mlr[@]}" put -q -s asof="$2" -s ok="$3" -s rej="$4" -f "$here/validate.mlr" "$1"
    ;;
  dedupe)
    # pass 1: the rows that go (z_rec, alasan, duplikat_dari); pass 2: join them onto the
    # candidates by record number, in input order, and split.
    dec="$3.decisions.csv"
    "${mlr[@]}" put -q -f "$here/dedupe1.mlr" "$1" "$2" >"$dec"
    "${mlr[@]}" put '$z_rec = FNR' then join --ur -j z_rec -f "$dec" then put -q -s keep="$3" -s dup="$4" '
      if (is_present($alasan)) {
        var a = $alasan; var d = $duplikat_dari;
        unset $alasan, $duplikat_dari, $z_rec;
        $alasan = a; $duplikat_dari = d;
        tee > @dup, $*;
      } else {
        unset $z_rec;
        tee > @keep, $*;
      }' "$1"
    # no duplicates at all: the file still exists, with the header only
    [ -e "$4" ] || { head -n 1 "$1" | sed 's/$/,alasan,duplikat_dari/' >"$4"; }
    rm -f "$dec"
    ;;
  consolidate)
    "${mlr[@]}" put -s pass=1 -s year="$2" -s budget="$3" -f "$here/consolidate.mlr" \
      then sort -n z_prio -n z_cat -n z_income -n z_usul -f z_nik \
      then put -q -s pass=2 -s year="$2" -s budget="$3" -s list="$4" -s wait="$5" -f "$here/consolidate.mlr" "$1"
    ;;
  terminate)
    ev="$4.earliest.csv"
    "${mlr[@]}" put -q -s pass=events -f "$here/terminate.mlr" "$2" >"$ev"
    "${mlr[@]}" join --ur -j nik -f "$ev" \
      then put -q -s pass=roster -s month="$3" -s keep="$4" -s ended="$5" -f "$here/terminate.mlr" "$1"
    niks="$4.niks.csv"
    "${mlr[@]}" cut -f nik then put '$z_on = 1' "$1" >"$niks"
    "${mlr[@]}" put '$z_rec = FNR' then join --ur -j nik -f "$niks" \
      then put -q -s pass=unmatched -s events="$2" -s unmatched="$6" -f "$here/terminate.mlr" "$2"
    rm -f "$ev" "$niks"
    ;;
  reconcile)
    billed="$4.billed.csv"; wrong="$4.wrong.csv"
    "${mlr[@]}" put -q -s pass=invoice -s month="$3" -s wrong="$wrong" -f "$here/reconcile.mlr" "$2" >"$billed"
    "${mlr[@]}" put '$z_rec = FNR' then join --ul --ur -j nik -f "$billed" \
      then put -q -s pass=diff -s month="$3" -s out="$4" -f "$here/reconcile.mlr" "$1"
    [ -e "$wrong" ] && tail -n +2 "$wrong" >>"$4"
    rm -f "$billed" "$wrong"
    ;;
  *) echo "miller.sh: unknown job $job" >&2; exit 2 ;;
esac
