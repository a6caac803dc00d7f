#!/usr/bin/env bash
# The berita acara as the operator prints it: `jamsos reconcile --report ba.html` on a
# month with a difference list long enough for several A4 pages, rendered to PDF by
# headless Chromium (Debian's `chromium`), then read back with pdftotext (poppler-utils).
# Checks: A4 pages, the expected page count, page 1 (title, month, legal basis, totals,
# payable amount), the difference list's column headers repeated at the top of every page
# it continues on, no row split between pages, every difference present with its NIK
# masked, the signature blocks together on the last page, "halaman X dari N" footers.
#
# usage: tests/pdf/run.sh JAMSOS_BINARY [KEEP_DIR]
#   KEEP_DIR: also keep ba.html, ba.pdf and page-1.png there (docs/berita-acara.png is
#   made this way: tests/pdf/run.sh build/jamsos /tmp/ba && cp /tmp/ba/page-1.png docs/berita-acara.png).
set -uo pipefail
jamsos=$(realpath "$1"); keep=${2:-}
for tool in chromium pdftotext pdfinfo pdftoppm; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found; install with: tools/install-deps chromium poppler-utils"; exit 1; }
done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export LC_ALL=C.UTF-8 TZ=Asia/Makassar HOME=$work

# 120 participants; the invoice: 1-40 right, 41-70 at the PP 50/2025 rate, 71-100 not
# billed, 101-120 billed twice, 15 NIKs not on the roster, 5 lines for February.
# Names with what must survive the trip: HTML specials, a curly apostrophe, a dot above.
awk 'function q(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
BEGIN {
  print "nik,nama,mulai_iuran,akhir_iuran" > "peserta.csv"
  print "nik,nama,periode,iuran" > "tagihan.csv"
  split("Ani Budi Cici Dedi Eko Fitri Gita Hadi Indah Joko", first, " ")
  for (i = 1; i <= 135; i++) {
    nik = sprintf("647101%02d%02d80%04d", (i % 28) + 1, (i % 12) + 1, i)
    name = first[(i % 10) + 1] " Peserta " i
    if (i == 41) name = "<b>T</b>&\"C\"\x27"
    if (i == 42) name = "Nur\xe2\x80\x99aini"
    if (i == 43) name = "\xe1\xb9\xa0iti"
    if (i <= 120) printf "%s,%s,2026-01,2045-12\n", nik, q(name) > "peserta.csv"
    if (i <= 40 || i > 120) printf "%s,%s,2026-03,16800\n", nik, q(name) > "tagihan.csv"
    else if (i <= 70) printf "%s,%s,2026-03,8400\n", nik, q(name) > "tagihan.csv"
    else if (i > 100) printf "%s,%s,2026-03,16800\n%s,%s,,16800\n", nik, q(name), nik, q(name) > "tagihan.csv"
    if (i <= 5) printf "%s,%s,2026-02,16800\n", nik, q(name) > "tagihan.csv"
  }
}'
"$jamsos" reconcile --roster peserta.csv --invoice tagihan.csv --month 2026-03 -o selisih.csv \
  --report ba.html --date 2026-04-06 -q || { echo "FAIL: jamsos reconcile exited $?"; exit 1; }

timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$work/profile" \
  --print-to-pdf="$work/ba.pdf" --no-pdf-header-footer "file://$work/ba.html" >chromium.log 2>&1
[ -s ba.pdf ] || { echo "FAIL: chromium wrote no PDF"; tail -20 chromium.log; exit 1; }

failed=0
fail() { echo "FAIL: $*"; failed=1; }
pages=$(pdfinfo ba.pdf | sed -n 's/^Pages: *//p')
size=$(pdfinfo ba.pdf | sed -n 's/^Page size: *//p')
page() { pdftotext -layout -f "$1" -l "$1" ba.pdf -; }
all=$(pdftotext -layout ba.pdf -)
flat=$(tr -s ' \n' '  ' <<<"$all")  # sentences as one line, for phrases that wrap
diffs=$(($(wc -l <selisih.csv) - 1 - $(grep -c ',match,' selisih.csv)))

# A4 (595 x 842 pt). 100 differences at about 33 rows a page after the summary: 5 pages
# with Debian's fonts (DejaVu); a different count means the layout changed: look at it.
[[ $size == *"(A4)"* ]] || fail "page size is '$size', not A4"
expected_pages=5
[ "$pages" = "$expected_pages" ] || fail "$pages pages, expected $expected_pages (fonts: $(pdffonts ba.pdf 2>/dev/null | awk 'NR>2 {print $1}' | sort -u | tr '\n' ' '))"

p1=$(page 1)
for text in "BERITA ACARA REKONSILIASI" "BULAN MARET 2026" "Pada hari ini Senin tanggal 6 bulan April tahun 2026" \
            "Pasal 11 ayat (3)" "Jumlah peserta (NIK)" "Rp 2.016.000" "halaman 1 dari $pages"; do
  grep -qF -- "$text" <<<"$p1" || fail "page 1 lacks '$text'"
done
grep -qF "Rp 1.512.000" <<<"$flat" || fail "the payable amount (90 x Rp 16.800 = Rp 1.512.000) is missing"
grep -qF "terbilang: satu juta lima ratus dua belas ribu rupiah" <<<"$flat" || fail "the payable amount in words is missing"

# The difference list: its header on the page it starts and on every page it continues.
first_list_page=0; last_row_page=0
for ((p = 1; p <= pages; p++)); do
  text=$(page "$p")
  rows_here=$(grep -cE '^ *[0-9]+ +647101\*{6}[0-9]{4}' <<<"$text")
  [ "$rows_here" -gt 0 ] || continue
  [ "$first_list_page" = 0 ] && first_list_page=$p
  last_row_page=$p
  grep -qE '^ *No +NIK +Nama +Status +Seharusnya +Ditagih +Selisih +Keterangan' <<<"$text" ||
    fail "page $p has difference rows but no column headers"
  grep -qF "halaman $p dari $pages" <<<"$text" || fail "page $p lacks its footer 'halaman $p dari $pages'"
done
[ "$first_list_page" -gt 0 ] && [ "$last_row_page" -gt "$first_list_page" ] ||
  fail "the difference list should span at least 2 pages (from $first_list_page to $last_row_page)"

# Every difference once, numbered 1..N in order (a row split across pages would break the
# number sequence or lose its NIK), NIKs masked, the names intact.
numbers=$(grep -oE '^ *[0-9]+ +647101\*{6}[0-9]{4}' <<<"$all" | awk '{print $1}' | tr '\n' ' ')
[ "$numbers" = "$(seq -s ' ' 1 "$diffs") " ] || fail "difference rows are not 1..$diffs in order: $numbers"
grep -qE '6471[0-9]{12}' <<<"$all" && fail "an unmasked NIK is in the PDF"
for name in "<b>T</b>&\"C\"'" 'Nur’aini' 'Ṡiti'; do
  grep -qF -- "$name" <<<"$all" || fail "the name '$name' did not survive"
done

# The closing, place and date and both signature blocks on one page, the last.
last=$(page "$pages")
for text in "Demikian berita acara ini" "Balikpapan, 6 April 2026" "PIHAK PERTAMA" "PIHAK KEDUA" \
            "Kepala Dinas Tenaga Kerja Kota Balikpapan" "NIP." "halaman $pages dari $pages"; do
  grep -qF -- "$text" <<<"$last" || fail "the last page lacks '$text'"
done

if [ -n "$keep" ]; then
  mkdir -p "$keep" && cp ba.html ba.pdf "$keep"/ && pdftoppm -r 110 -png -f 1 -l 1 -singlefile ba.pdf "$keep/page-1"
fi
[ "$failed" = 0 ] && echo "pdf: berita acara OK ($pages A4 pages, $diffs differences over pages $first_list_page-$last_row_page)"
exit "$failed"
