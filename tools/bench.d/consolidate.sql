-- tools/bench, DuckDB's side of
--   jamsos consolidate IN --year ${YEAR} --budget ${BUDGET} -o OUT_LIST --waitlist OUT_WAIT
-- (Perwali Balikpapan 3/2025 Pasal 8 ayat (3)-(6), Pasal 5 ayat (2), Pasal 11 ayat (6)):
--  - stop on a NIK that is not 16 digits, an unreadable tanggal_lahir or a repeated NIK
--    (jamsos: exit 65, "run jamsos dedupe first");
--  - rank: prioritas (1 if p3ke or disabilitas says yes), FM before OTM before anything
--    else, lower penghasilan (unreadable last), earlier tanggal_usulan (unreadable last), nik;
--  - akhir_iuran = birth month + 64 years 11 months; iuran_tahun = the premiums of the
--    months of YEAR from January to akhir_iuran, priced month by month (JKK Rp 10.000 +
--    JKM Rp 6.800 in force from 2025-01); akhir_iuran before YEAR-01: ages_out_before_start;
--  - take candidates in rank order while the running total stays within BUDGET; the first
--    that does not fit closes the list (every premium is > 0, so the running total of the
--    rest is over BUDGET too): over_budget;
--  - OUT_LIST: no, nik, nama, tanggal_lahir, pekerjaan, kategori, prioritas,
--    penanggung_jawab, mulai_iuran, akhir_iuran, iuran_bulanan, iuran_tahun, then the other
--    input columns; OUT_WAIT: the input columns, then prioritas .. iuran_tahun, alasan,
--    keterangan; both in rank order.
-- Simpler than jamsos: written for candidates without validate's prioritas and
-- penanggung_jawab columns (tools/bench feeds `gen candidates --clean`: 1M unique, readable
-- rows), so both are computed, as jamsos does when they are absent; no --quota, no
-- --summary; the premium calendar is the balikpapan-2025 rates typed in, not read from a profile.
CREATE TEMP TABLE cand AS
SELECT * FROM read_csv('${IN}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
SELECT CASE WHEN count(*) FILTER (WHERE NOT regexp_full_match(trim(nik), '[0-9]{16}')) > 0
              THEN error('a NIK is not 16 digits: run jamsos validate first')
            WHEN count(*) FILTER (WHERE pdate(tanggal_lahir) IS NULL) > 0
              THEN error('tanggal_lahir unreadable: akhir_iuran cannot be computed')
            WHEN count(DISTINCT trim(nik)) <> count(*) THEN error('repeated NIK: run jamsos dedupe first') END
FROM cand;
-- The premium of each month of YEAR (sum of the components in force), cumulated: cum[k] =
-- premiums of January..month k.
CREATE TEMP TABLE calendar AS
WITH months AS (SELECT k, ${YEAR} * 12 + k - 1 AS ix FROM range(1, 13) t(k)),
components AS (SELECT * FROM (VALUES ('JKK', 10000, 2025 * 12 + 0), ('JKM', 6800, 2025 * 12 + 0)) c(name, rupiah, from_ix)),
priced AS (SELECT k, (SELECT sum(rupiah) FROM components WHERE from_ix <= ix) AS premium FROM months)
SELECT 0 AS k, 0::BIGINT AS cum
UNION ALL SELECT k, sum(premium) OVER (ORDER BY k) FROM priced;
-- Occupation spellings normalised once per distinct text, not once per row.
CREATE TEMP TABLE occupation_of AS
SELECT t.raw, o.agency FROM (SELECT DISTINCT pekerjaan AS raw FROM cand) t
LEFT JOIN occupation_names o ON o.key = normkey(t.raw);
CREATE TEMP TABLE ranked AS
WITH keyed AS (
  SELECT c.*,
    trim(c.nik) AS z_nik,
    pdate(c.tanggal_lahir) AS z_birth,
    CASE WHEN pbool(c.p3ke) OR pbool(c.disabilitas) THEN 1 ELSE 2 END AS z_prio,
    CASE category_code(c.kategori) WHEN 'FM' THEN 0 WHEN 'OTM' THEN 1 ELSE 2 END AS z_cat,
    pmoney(c.penghasilan) AS z_income,
    pdate(c.tanggal_usulan) AS z_usul,
    o.agency AS z_agency
  FROM cand c LEFT JOIN occupation_of o ON o.raw = c.pekerjaan
),
priced AS (
  SELECT k.*, last_premium_ix(z_birth) AS z_last,
    greatest(0, least(12, last_premium_ix(z_birth) - ${YEAR} * 12 + 1)) AS z_months
  FROM keyed k
),
costed AS (
  SELECT p.*, cal.cum AS z_cost FROM priced p JOIN calendar cal ON cal.k = p.z_months
)
SELECT *,
  row_number() OVER (ORDER BY z_prio, z_cat, z_income NULLS LAST, z_usul NULLS LAST, z_nik) AS z_rank,
  CASE WHEN z_last < ${YEAR} * 12 THEN NULL
       ELSE sum(CASE WHEN z_last < ${YEAR} * 12 THEN 0 ELSE z_cost END)
              OVER (ORDER BY z_prio, z_cat, z_income NULLS LAST, z_usul NULLS LAST, z_nik
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) END AS z_running
FROM costed;
CREATE TEMP TABLE decided AS
SELECT *,
  CASE WHEN z_last < ${YEAR} * 12 THEN 'ages_out_before_start'
       WHEN z_running > ${BUDGET} THEN 'over_budget' END AS z_reason
FROM ranked;
COPY (
  SELECT row_number() OVER (ORDER BY z_rank) AS no, z_nik AS nik, nama, strftime(z_birth, '%Y-%m-%d') AS tanggal_lahir,
    pekerjaan, kategori, z_prio AS prioritas, z_agency AS penanggung_jawab,
    printf('%04d-01', ${YEAR}) AS mulai_iuran, ix_text(z_last) AS akhir_iuran,
    (SELECT cum FROM calendar WHERE k = 1) AS iuran_bulanan, z_cost AS iuran_tahun,
    COLUMNS(c -> c NOT IN ('nik', 'nama', 'tanggal_lahir', 'pekerjaan', 'kategori') AND NOT starts_with(c, 'z_'))
  FROM decided WHERE z_reason IS NULL ORDER BY z_rank
) TO '${OUT_LIST}' (HEADER, DELIMITER ',');
COPY (
  SELECT COLUMNS(c -> NOT starts_with(c, 'z_')) FROM (
    SELECT * REPLACE (strftime(z_birth, '%Y-%m-%d') AS tanggal_lahir),
      z_prio AS prioritas, z_agency AS penanggung_jawab,
      CASE WHEN z_reason = 'ages_out_before_start' THEN '' ELSE printf('%04d-01', ${YEAR}) END AS mulai_iuran,
      ix_text(z_last) AS akhir_iuran,
      CASE WHEN z_reason = 'ages_out_before_start' THEN 0 ELSE (SELECT cum FROM calendar WHERE k = 1) END AS iuran_bulanan,
      z_cost AS iuran_tahun, z_reason AS alasan,
      CASE WHEN z_reason = 'ages_out_before_start'
           THEN 'iuran terakhir ' || ix_text(z_last) || ' (Pasal 11 ayat (6)) sebelum iuran pertama ' || printf('%04d-01', ${YEAR}) || ' (Pasal 8 ayat (6))'
           ELSE 'daftar berhenti pada calon pertama yang tidak muat dalam anggaran Rp ' || ${BUDGET} END AS keterangan
    FROM decided WHERE z_reason IS NOT NULL)
  ORDER BY z_rank
) TO '${OUT_WAIT}' (HEADER, DELIMITER ',');
