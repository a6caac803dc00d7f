#!/usr/bin/env bash
# tests/package/deb.sh BUILD_DIR
# The Debian package, end to end, on this machine: `cpack -G DEB` from the build, its
# control fields and contents, `apt-get install ./jamsos_*.deb`, then from the installed
# copy only: `jamsos --version`, both guides' commands on the installed samples
# (tests/package/docs.sh), the monthly job /usr/bin/jamsos-bulanan, man pages in both
# languages, the bash completion; finally `apt-get purge` leaves the machine as it was.
#
# Needs root and apt-get (CI runs as root); otherwise it exits 77, which ctest reports as
# skipped. It also skips, rather than replace it, when a jamsos package is installed
# already. One run at a time on a machine (a lock), since it installs system-wide.
set -uo pipefail
build=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "the .deb test installs a package: run it as root (CI does); not run as $(id -un)"
for tool in apt-get dpkg dpkg-deb cpack flock man gzip; do
  command -v "$tool" >/dev/null || skip "$tool is not installed"
done
[ -f "$build/CPackConfig.cmake" ] || { echo "FAIL: $build/CPackConfig.cmake missing (cmake/Install.cmake not included?)"; exit 1; }

exec 9>/var/lock/jamsos-package-test.lock
flock -w 600 9 || { echo "FAIL: another package test holds /var/lock/jamsos-package-test.lock"; exit 1; }
if dpkg-query -W -f='${Status}' jamsos 2>/dev/null | grep -q "install ok installed"; then
  skip "a jamsos package is installed on this machine already; not replacing it (apt-get purge jamsos to run this test)"
fi

work=$(mktemp -d); installed=0
cleanup() {
  if [ "$installed" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq jamsos >"$work/purge.log" 2>&1 \
      || { echo "FAIL: apt-get purge jamsos:"; cat "$work/purge.log"; }
  fi
  rm -rf "$work"
}
trap cleanup EXIT
failed=0; checks=0
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
check() { checks=$((checks + 1)); }

echo "== cpack -G DEB"
if ! (cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg") >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1
fi
debs=("$work"/pkg/jamsos_*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || { ls -l "$work/pkg"; echo "FAIL: expected one jamsos_*.deb"; exit 1; }
deb=${debs[0]}
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB"
dpkg-deb -f "$deb" Package Version Architecture Depends Suggests Section Maintainer
version=$(dpkg-deb -f "$deb" Version)

# Depends must name the package of every shared library the binary needs.
check
depends=$(dpkg-deb -f "$deb" Depends)
depends_names=$(sed 's/ *([^)]*)//g; s/ *[,|] */\n/g' <<<"$depends")  # "libfmt9 (>= 9.1)" -> libfmt9
while read -r lib; do
  owner=""
  for path in "$lib" "$(realpath "$lib")" "/usr$lib"; do  # dpkg knows one spelling (usrmerge)
    owner=$(dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1)
    [ -n "$owner" ] && break
  done
  [ -n "$owner" ] || { fail "no package owns $lib"; continue; }
  grep -qxF "$owner" <<<"$depends_names" || fail "Depends lacks $owner (for $lib): $depends"
done < <(ldd "$build/jamsos" | awk '$3 ~ /^\// { print $3 }')

check
dpkg-deb -c "$deb" | awk '{ print $1, $6 }' >"$work/contents"
for f in usr/bin/jamsos usr/bin/jamsos-bulanan usr/share/man/man1/jamsos.1.gz usr/share/man/en/man1/jamsos.1.gz \
         usr/share/bash-completion/completions/jamsos usr/share/jamsos/profiles/balikpapan-2025.toml \
         usr/share/jamsos/profiles/balangan-2024.toml usr/share/jamsos/samples/balikpapan-2025/usulan_dinsos.csv \
         usr/share/doc/jamsos/panduan.md usr/share/doc/jamsos/guide.md usr/share/doc/jamsos/cron.md; do
  grep -q " \./$f$" "$work/contents" || fail "the package lacks /$f"
done
awk '$2 ~ /^\.\/usr\/bin\/./ && $1 != "-rwxr-xr-x" { print }' "$work/contents" | grep -q . \
  && fail "programs not 0755: $(awk '$2 ~ /usr\/bin\/./' "$work/contents")"

echo "== apt-get install ./$(basename "$deb")"
if ! (cd "$work/pkg" && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "./$(basename "$deb")") \
     >"$work/install.log" 2>&1; then
  tail -n 20 "$work/install.log"; echo "FAIL: apt-get install"; exit 1
fi
installed=1

check
[ "$(command -v jamsos)" = /usr/bin/jamsos ] || fail "jamsos on PATH is $(command -v jamsos), not /usr/bin/jamsos"
check
/usr/bin/jamsos --version >"$work/version" 2>&1 || fail "jamsos --version exited $?"
cat "$work/version"
head -n 1 "$work/version" | grep -qx "jamsos ${version%-*}" || fail "--version does not say jamsos ${version%-*}"
for p in $(/usr/bin/jamsos profiles | awk '{ print $1 }'); do
  grep -q "^  $p " "$work/version" || fail "--version does not list profile $p"
done

echo "== the guides' commands, on the installed copy"
check
bash "$here/docs.sh" /usr/bin/jamsos /usr/share/jamsos/samples /usr/bin/jamsos-bulanan || fail "the guides' commands on the installed copy"

echo "== the monthly job, installed"
check
data=$work/bulanan; mkdir -m 0700 "$data"
s=/usr/share/jamsos/samples/balikpapan-2025
(
  cd "$data" && set -e
  cp "$s"/kejadian_2026-03.csv "$s"/tagihan_2026-03.csv .
  jamsos validate -q --as-of 2025-08-15 "$s"/usulan_*.csv --rejects ditolak.csv \
    | jamsos dedupe -q --against "$s"/bpjs_peserta.csv --duplicates ganda.csv --review mirip.csv \
    | jamsos consolidate -q --year 2026 --budget 3000000000 --waitlist tunggu.csv -o keputusan_2026.csv
  jamsos terminate -q keputusan_2026.csv --month 2026-02 --ended berhenti_2026-02.csv -o peserta_2026-02.csv
) >"$work/pipeline.log" 2>&1 || { cat "$work/pipeline.log"; fail "the sample pipeline with the installed jamsos"; }
JAMSOS_DATA=$data JAMSOS_TODAY=2026-03-02 /usr/bin/jamsos-bulanan --if-due >"$work/bulanan.log" 2>&1
rc=$?
# The sample invoice differs from the roster on purpose: exit 1, and the month is done.
[ "$rc" = 1 ] || { cat "$work/bulanan.log"; fail "jamsos-bulanan --if-due on 2026-03-02 exited $rc, expected 1"; }
for f in peserta_2026-03.csv berhenti_2026-03.csv tak_cocok_2026-03.csv selisih_2026-03.csv berita_acara_2026-03.html .selesai_2026-03; do
  [ -e "$data/$f" ] || fail "jamsos-bulanan did not write $f"
done
[ "$(stat -c %a "$data/berita_acara_2026-03.html" 2>/dev/null)" = 600 ] || fail "berita_acara_2026-03.html is not mode 0600"

echo "== man pages and completion, installed"
check
[ "$(man -w jamsos 2>/dev/null)" = /usr/share/man/man1/jamsos.1.gz ] || fail "man -w jamsos: $(man -w jamsos 2>&1)"
check
[ "$(man -L en -w jamsos 2>/dev/null)" = /usr/share/man/en/man1/jamsos.1.gz ] || fail "man -L en -w jamsos: $(man -L en -w jamsos 2>&1)"
check
for lang in id en; do
  page=/usr/share/man/man1/jamsos.1.gz; [ "$lang" = en ] && page=/usr/share/man/en/man1/jamsos.1.gz
  cmp -s <(gzip -dc "$page") "$build/man/$lang/jamsos.1" || fail "$page is not the page the build made"
done
MANWIDTH=80 man -l /usr/share/man/man1/jamsos.1.gz 2>/dev/null | grep -q "jamsos reconcile" || fail "man jamsos does not render"
check
bash -c 'source /usr/share/bash-completion/completions/jamsos && complete -p jamsos' >/dev/null 2>&1 \
  || fail "the installed completion does not register for jamsos"

echo "== apt-get purge jamsos"
installed=0
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq jamsos >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "apt-get purge"; }
check
for f in /usr/bin/jamsos /usr/bin/jamsos-bulanan /usr/share/jamsos /usr/share/man/man1/jamsos.1.gz; do
  [ ! -e "$f" ] || fail "$f is still there after purge"
done

echo "deb: $((checks - failed)) of $checks checks passed"
[ "$failed" = 0 ]
