-- tools/bench, DuckDB's side of
--   jamsos dedupe IN --against ROSTER -o OUT_KEEP --duplicates OUT_DUP
-- (Perwali Balikpapan 3/2025 Pasal 8 ayat (2); contract, `dedupe`):
--  - a row whose NIK is in ROSTER goes to OUT_DUP as already_registered, duplikat_dari =
--    ROSTER:line of the NIK's first roster row (every row of that NIK, repeats included);
--  - of the other rows sharing a NIK, the latest tanggal_usulan stays (empty or unreadable =
--    oldest, ties: the first in input order); the rest go to OUT_DUP as duplicate_nik with
--    duplikat_dari = the kept row's asal, or IN:line when the input has no asal column;
--  - a row without a 16-digit NIK stays; OUT_KEEP keeps input order and columns.
-- Simpler than jamsos: no --review (likely same person under two NIKs) and no --decisions,
-- which tools/bench does not ask of jamsos either; line numbers are record numbers + 1
-- (a quoted newline shifts them); the roster's `nik` is matched after trim only.
-- Inputs in order: a table's rowid numbers its records (row_number() OVER () would
-- serialise the scan).
CREATE TEMP TABLE cand AS
SELECT * FROM read_csv('${IN}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TEMP TABLE keyed AS
SELECT rowid + 1 AS z_rec,
  CASE WHEN regexp_full_match(trim(nik), '[0-9]{16}') THEN trim(nik) END AS z_nik,
  pdate(tanggal_usulan) AS z_usul
FROM cand;
-- NIKs of the roster that candidates have, with the roster line of the first.
CREATE TEMP TABLE roster AS
SELECT nik FROM read_csv('${ROSTER}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TEMP TABLE registered AS
SELECT trim(nik) AS z_nik, min(z_line) AS z_line
FROM (SELECT nik, rowid + 2 AS z_line FROM roster)
WHERE trim(nik) IN (SELECT z_nik FROM keyed WHERE z_nik IS NOT NULL)
GROUP BY trim(nik);
CREATE TEMP TABLE routed AS
WITH ranked AS (
  SELECT z_rec, z_nik,
    row_number() OVER (PARTITION BY z_nik ORDER BY z_usul DESC NULLS LAST, z_rec) AS z_rank,
    first_value(z_rec) OVER (PARTITION BY z_nik ORDER BY z_usul DESC NULLS LAST, z_rec) AS z_winner
  FROM keyed WHERE z_nik IS NOT NULL
)
SELECT r.z_rec,
  CASE WHEN g.z_nik IS NOT NULL THEN 'already_registered' ELSE 'duplicate_nik' END AS alasan,
  CASE WHEN g.z_nik IS NOT NULL THEN '${ROSTER}:' || g.z_line ELSE '${IN}:' || (r.z_winner + 1) END AS duplikat_dari
FROM ranked r LEFT JOIN registered g ON g.z_nik = r.z_nik
WHERE g.z_nik IS NOT NULL OR r.z_rank > 1;
COPY (SELECT c.* FROM cand c ANTI JOIN routed r ON r.z_rec = c.rowid + 1 ORDER BY c.rowid)
  TO '${OUT_KEEP}' (HEADER, DELIMITER ',');
COPY (SELECT c.*, r.alasan, r.duplikat_dari FROM cand c JOIN routed r ON r.z_rec = c.rowid + 1 ORDER BY c.rowid)
  TO '${OUT_DUP}' (HEADER, DELIMITER ',');
