#!/usr/bin/env bash
# No unmasked NIK where a person reads (UU 27/2022; contract: stderr and reports show
# mask_nik(), e.g. 647101******0001). Scans, for runs of 16 digits:
#   - every golden stderr (experr) under the e2e cases;
#   - every report (*.md, *.html) under the e2e cases and docs/;
#   - report lines printed into a golden stdout (expout): Markdown table rows (`|...`) and
#     HTML lines (`<...`). CSV lines in expout keep full NIKs by contract and are not checked;
#   - processing-record lines (--audit, UU 27/2022 Pasal 31): JSON lines `{"time":...` printed
#     into a golden stdout, and any *.jsonl record under the cases and docs/, with their SHA-256
#     digests left out (64 hex digits may hold 16 decimal digits in a row by chance).
# Fails naming FILE:LINE for each hit. Usage: no_unmasked_nik.sh [ROOT] (default: the repo).
set -u
root=${1:-$(realpath "$(dirname "$0")/../..")}
cd "$root" || exit 2
hits=$(
  {
    find tests/e2e/cases -type f -name experr -print0 | xargs -0 -r grep -HnE '[0-9]{16}'
    find tests/e2e/cases docs -type f \( -name '*.md' -o -name '*.html' \) -print0 2>/dev/null |
      xargs -0 -r grep -HnE '[0-9]{16}'
    find tests/e2e/cases -type f -name expout -print0 | xargs -0 -r grep -HnE '^[[:space:]]*[|<].*[0-9]{16}'
    { find tests/e2e/cases -type f -name expout -print0 | xargs -0 -r grep -HnE '^\{"time":'
      find tests/e2e/cases docs -type f -name '*.jsonl' -print0 2>/dev/null | xargs -0 -r grep -Hn .
    } | sed -E 's/"sha256":"[0-9a-f]{64}"/"sha256":""/g' | grep -E '^[^:]*:[0-9]+:.*[0-9]{16}'
  } | sort -u)
scanned=$(find tests/e2e/cases docs -type f \( -name experr -o -name expout -o -name '*.md' -o -name '*.html' \
  -o -name '*.jsonl' \) 2>/dev/null | wc -l)
records=$(find tests/e2e/cases -type f -name expout -print0 | xargs -0 -r grep -hE '^\{"time":' | wc -l)
if [ -n "$hits" ]; then
  echo "unmasked NIK (16 digits) in text meant for people; use mask_nik():"
  printf '%s\n' "$hits" | cut -c1-200
  exit 1
fi
[ "$scanned" -gt 0 ] || { echo "no files scanned under $root"; exit 1; }
[ "$records" -gt 0 ] || { echo "no processing-record line found in any expout (tests/e2e/cases/audit)"; exit 1; }
echo "no unmasked NIK in $scanned files ($records processing-record lines among them)"
