#!/usr/bin/env bash
# jamsos-bulanan.sh — the monthly job (Perwali Balikpapan 3/2025 Pasal 10, Pasal 11 ayat (3)-(6)):
# `jamsos terminate` turns last month's roster and the reported events into this month's
# roster, then `jamsos reconcile` compares it with BPJS's invoice and writes the berita acara.
# Set-up and the crontab line: docs/cron.md.
#
#   jamsos-bulanan.sh [--month YYYY-MM] [--if-due]
#
# --month M   the month to process (default: the current month)
# --if-due    for cron: do nothing (exit 0, silent) unless today is the first working day of
#             the month on which M is not yet done: a weekday, not in $JAMSOS_LIBUR, day 1-7,
#             and no .selesai_M marker. A failed day is retried the next working day.
#
# Settings (environment, or a file named by JAMSOS_CONF that sets them):
#   JAMSOS_DATA     folder with the month's files (required)
#   JAMSOS_BIN      the jamsos binary (default: `jamsos` on PATH)
#   JAMSOS_PROFILE  regulation profile (default: balikpapan-2025)
#   JAMSOS_LIBUR    optional file of holidays, one YYYY-MM-DD per line (# comments allowed)
#   JAMSOS_TODAY    optional YYYY-MM-DD instead of today (tests, catch-up)
#   JAMSOS_AUDIT    optional file for the processing record (UU 27/2022 Pasal 31): each jamsos
#                   step appends one JSON line to it (files, SHA-256, rows, exit code; no
#                   personal data). A record that cannot be written fails the step (74).
#
# Files in $JAMSOS_DATA, for M and the month before it, P:
#   in:  peserta_P.csv (January: keputusan_YYYY.csv, the year's decree, Pasal 8 ayat (6)),
#        kejadian_M.csv (events for this run; header only when nothing was reported),
#        tagihan_M.csv (BPJS's invoice)
#   out: peserta_M.csv, berhenti_M.csv, tak_cocok_M.csv, selisih_M.csv, berita_acara_M.html,
#        and the marker .selesai_M once both steps ran
# Exit: 0 done (or not due); 1 done, but reconcile found differences (see selisih_M.csv);
#       2 bad usage; 66 an input is missing; 75 another run holds the lock; otherwise the
#       exit code of the jamsos step that failed. Every failure says why on stderr.
set -euo pipefail
umask 077

log() { printf '%s jamsos-bulanan: %s\n' "$(date '+%Y-%m-%d %H:%M:%S')" "$*" >&2; }
die() { local code=$1; shift; log "GAGAL / FAILED: $*"; exit "$code"; }

month="" if_due=0
while [ $# -gt 0 ]; do
  case $1 in
    --month) [ $# -ge 2 ] || die 2 "--month perlu YYYY-MM / --month needs YYYY-MM"; month=$2; shift 2 ;;
    --month=*) month=${1#--month=}; shift ;;
    --if-due) if_due=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die 2 "opsi tidak dikenal / unknown option: $1" ;;
  esac
done

if [ -n "${JAMSOS_CONF:-}" ]; then
  [ -r "$JAMSOS_CONF" ] || die 66 "JAMSOS_CONF $JAMSOS_CONF tidak bisa dibaca / cannot be read"
  # shellcheck source=/dev/null
  . "$JAMSOS_CONF"
fi
[ -n "${JAMSOS_DATA:-}" ] || die 2 "JAMSOS_DATA belum diisi (folder berkas bulanan) / JAMSOS_DATA is not set (folder of the monthly files)"
[ -d "$JAMSOS_DATA" ] || die 66 "folder JAMSOS_DATA tidak ada / folder does not exist: $JAMSOS_DATA"
profile=${JAMSOS_PROFILE:-balikpapan-2025}
# Set in JAMSOS_CONF (a plain assignment there is not exported): hand it to each jamsos step.
if [ -n "${JAMSOS_AUDIT:-}" ]; then export JAMSOS_AUDIT; fi
bin=${JAMSOS_BIN:-$(command -v jamsos || true)}
if [ -z "$bin" ] || [ ! -x "$bin" ]; then die 66 "program jamsos tidak ditemukan; isi JAMSOS_BIN / jamsos not found; set JAMSOS_BIN"; fi

today=${JAMSOS_TODAY:-$(date +%F)}
date -d "$today" +%F >/dev/null 2>&1 || die 2 "JAMSOS_TODAY '$today' bukan tanggal YYYY-MM-DD / is not a date"
[ -n "$month" ] || month=$(date -d "$today" +%Y-%m)
[[ $month =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] || die 2 "--month '$month' bukan YYYY-MM / is not YYYY-MM"
done_marker="$JAMSOS_DATA/.selesai_$month"

if [ "$if_due" = 1 ]; then
  # The first working day of the month: a weekday among days 1-7 that is not a holiday,
  # and the month is not done yet (so a failed day is retried the next working day).
  [ "$(date -d "$today" +%-d)" -le 7 ] || exit 0
  [ "$(date -d "$today" +%u)" -le 5 ] || exit 0
  if [ -n "${JAMSOS_LIBUR:-}" ]; then
    [ -r "$JAMSOS_LIBUR" ] || die 66 "daftar libur $JAMSOS_LIBUR tidak bisa dibaca / holiday list cannot be read"
    if sed 's/#.*//' "$JAMSOS_LIBUR" | grep -qx "[[:space:]]*${today}[[:space:]]*"; then exit 0; fi
  fi
  [ ! -e "$done_marker" ] || exit 0
fi

prev=$(date -d "$month-01 -1 month" +%Y-%m)
if [ "${month#*-}" = 01 ]; then
  roster="$JAMSOS_DATA/keputusan_${month%-*}.csv"   # a new year starts from its decree
else
  roster="$JAMSOS_DATA/peserta_$prev.csv"
fi
events="$JAMSOS_DATA/kejadian_$month.csv"
invoice="$JAMSOS_DATA/tagihan_$month.csv"

# Every input before any work: a missing one is named, all at once, and nothing is written.
missing=()
for f in "$roster" "$events" "$invoice"; do [ -r "$f" ] || missing+=("$f"); done
if [ ${#missing[@]} -gt 0 ]; then
  die 66 "$month: masukan tidak ada atau tak terbaca / input missing or unreadable: ${missing[*]}"
fi

# One run at a time: a manual run and the cron job must not write the same files.
exec 9>"$JAMSOS_DATA/.jamsos-bulanan.lock"
flock -n 9 || die 75 "jamsos-bulanan lain sedang berjalan / another run holds $JAMSOS_DATA/.jamsos-bulanan.lock"

log "$month: terminate $(basename "$roster") + $(basename "$events")"
rc=0
"$bin" terminate "$roster" --month "$month" --profile "$profile" --events "$events" \
  --ended "$JAMSOS_DATA/berhenti_$month.csv" --unmatched "$JAMSOS_DATA/tak_cocok_$month.csv" \
  -o "$JAMSOS_DATA/peserta_$month.csv" || rc=$?
[ "$rc" = 0 ] || die "$rc" "$month: jamsos terminate keluar dengan kode / exited with $rc"

log "$month: reconcile peserta_$month.csv + $(basename "$invoice")"
rc=0
"$bin" reconcile --roster "$JAMSOS_DATA/peserta_$month.csv" --invoice "$invoice" --month "$month" \
  --profile "$profile" --fail-on-diff -o "$JAMSOS_DATA/selisih_$month.csv" \
  --report "$JAMSOS_DATA/berita_acara_$month.html" || rc=$?
case $rc in
  0) touch "$done_marker"; log "$month: selesai / done" ;;
  1) touch "$done_marker"
     log "$month: SELISIH dengan tagihan BPJS: periksa selisih_$month.csv sebelum berita acara ditandatangani"
     log "$month: DIFFERENCES with BPJS's invoice: check selisih_$month.csv before the berita acara is signed"
     exit 1 ;;
  *) die "$rc" "$month: jamsos reconcile keluar dengan kode / exited with $rc" ;;
esac
