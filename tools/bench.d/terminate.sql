-- tools/bench, DuckDB's side of
--   jamsos terminate ROSTER --events EVENTS --month ${MONTH} -o OUT_KEEP --ended OUT_END --unmatched OUT_UNM
-- (Perwali Balikpapan 3/2025 Pasal 10, Pasal 11 ayat (6)):
--  - stop on a repeated roster NIK (jamsos: exit 65);
--  - events: alasan meninggal/pindah/mampu_mandiri/pekerja_formal or the letters a-d; the
--    earliest readable event of a NIK decides (first in file order on the same date); its
--    month is the last premium month;
--  - roster LEFT JOIN events: a participant leaves when the event's month, or akhir_iuran
--    (birth month + 64y11m where the cell is empty), is before MONTH; the earlier decides,
--    the event on a tie; leavers go to OUT_END with alasan_berhenti and iuran_terakhir;
--  - everyone else stays in OUT_KEEP unchanged, in roster order;
--  - events whose NIK is not on the roster, whose reason is unknown or whose date cannot be
--    read go to OUT_UNM with masalah (in that order of precedence) and asal = EVENTS:line.
-- Simpler than jamsos: "a." / "a)" spellings of the letters are not read; line numbers are
-- record numbers + 1.
-- Inputs in order: a table's rowid numbers its records (row_number() OVER () would
-- serialise the scan).
CREATE TEMP TABLE roster AS
SELECT * FROM read_csv('${ROSTER}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
SELECT CASE WHEN count(DISTINCT trim(nik)) <> count(*) THEN error('repeated NIK in the roster: run jamsos dedupe') END
FROM roster;
CREATE TEMP TABLE events_raw AS
SELECT * FROM read_csv('${EVENTS}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TEMP TABLE events AS
SELECT *, rowid + 1 AS z_rec,
  trim(nik) AS z_nik,
  CASE replace(replace(lower(trim(alasan)), ' ', '_'), '-', '_')
    WHEN 'a' THEN 'meninggal' WHEN 'meninggal' THEN 'meninggal' WHEN 'meninggal_dunia' THEN 'meninggal'
    WHEN 'b' THEN 'pindah' WHEN 'pindah' THEN 'pindah'
    WHEN 'c' THEN 'mampu_mandiri' WHEN 'mampu_mandiri' THEN 'mampu_mandiri'
    WHEN 'd' THEN 'pekerja_formal' WHEN 'pekerja_formal' THEN 'pekerja_formal' END AS z_reason,
  pdate(tanggal) AS z_date
FROM events_raw;
CREATE TEMP TABLE earliest AS
SELECT z_nik, arg_min(z_reason, (z_date, z_rec)) AS z_reason, month_ix(min(z_date)) AS z_ix
FROM events WHERE z_reason IS NOT NULL AND z_date IS NOT NULL
GROUP BY z_nik;
CREATE TEMP TABLE decided AS
WITH joined AS (
  SELECT r.*, r.rowid + 1 AS z_rec, e.z_reason AS z_event, e.z_ix AS z_event_ix,
    coalesce(year(try_strptime(trim(r.akhir_iuran) || '-01', '%Y-%m-%d')) * 12
               + month(try_strptime(trim(r.akhir_iuran) || '-01', '%Y-%m-%d')) - 1,
             last_premium_ix(pdate(r.tanggal_lahir))) AS z_age_ix
  FROM roster r LEFT JOIN earliest e ON e.z_nik = trim(r.nik)
)
SELECT *,
  CASE WHEN z_event IS NOT NULL AND (z_age_ix IS NULL OR z_event_ix <= z_age_ix) THEN z_event
       WHEN z_age_ix IS NOT NULL THEN 'usia' END AS z_why,
  CASE WHEN z_event IS NOT NULL AND (z_age_ix IS NULL OR z_event_ix <= z_age_ix) THEN z_event_ix
       ELSE z_age_ix END AS z_last
FROM joined;
COPY (SELECT COLUMNS(c -> NOT starts_with(c, 'z_')) FROM decided
      WHERE z_last IS NULL OR z_last >= month_ix(DATE '${MONTH}-01') ORDER BY z_rec)
  TO '${OUT_KEEP}' (HEADER, DELIMITER ',');
COPY (SELECT COLUMNS(c -> NOT starts_with(c, 'z_')), z_why AS alasan_berhenti, ix_text(z_last) AS iuran_terakhir
      FROM decided WHERE z_last < month_ix(DATE '${MONTH}-01') ORDER BY z_rec)
  TO '${OUT_END}' (HEADER, DELIMITER ',');
COPY (SELECT COLUMNS(c -> NOT starts_with(c, 'z_')),
        CASE WHEN NOT regexp_full_match(e.z_nik, '[0-9]{16}') OR e.z_nik NOT IN (SELECT trim(nik) FROM roster) THEN 'nik_not_in_roster'
             WHEN e.z_reason IS NULL THEN 'reason_unknown'
             ELSE 'date_format' END AS masalah,
        '${EVENTS}:' || (e.z_rec + 1) AS asal
      FROM events e
      WHERE e.z_reason IS NULL OR e.z_date IS NULL OR NOT regexp_full_match(e.z_nik, '[0-9]{16}')
         OR e.z_nik NOT IN (SELECT trim(nik) FROM roster)
      ORDER BY e.z_rec)
  TO '${OUT_UNM}' (HEADER, DELIMITER ',');
