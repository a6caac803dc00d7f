-- tools/bench, DuckDB's side of
--   jamsos reconcile --roster ROSTER --invoice INVOICE --month ${MONTH} -o OUT_DIFF
-- (Perwali Balikpapan 3/2025 Pasal 11 ayat (3)-(5); contract, `reconcile`):
--  - expected: roster rows with mulai_iuran <= MONTH <= akhir_iuran (birth month + 64y11m
--    where akhir_iuran is empty), at the premium of MONTH (Rp 16.800);
--  - invoice lines whose periode is present and not MONTH: own rows, wrong_period;
--  - roster FULL OUTER JOIN the invoice's lines for MONTH summed per NIK, one row per NIK
--    expected or billed: duplicate_in_invoice (more than one line), not_expected,
--    missing_in_invoice, amount_mismatch, match, with iuran_seharusnya, iuran_tagihan,
--    selisih, periode and keterangan;
--  - order: roster order, then NIKs billed but not on the roster, then wrong_period lines.
-- Simpler than jamsos: no --report (the berita acara), which tools/bench does not ask of
-- jamsos either; the premium of MONTH is typed in (16800), not read from the profile's
-- components; a roster NIK billed while not active sits in roster order.
-- Inputs in order: a table's rowid numbers its records (row_number() OVER () would
-- serialise the scan).
CREATE TEMP TABLE roster AS
SELECT trim(nik) AS z_nik, nama,
  coalesce(month_ix(try_strptime(trim(mulai_iuran) || '-01', '%Y-%m-%d')), -1) AS z_first,
  coalesce(month_ix(try_strptime(trim(akhir_iuran) || '-01', '%Y-%m-%d')), last_premium_ix(pdate(tanggal_lahir))) AS z_last
FROM read_csv('${ROSTER}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
SELECT CASE WHEN count(DISTINCT z_nik) <> count(*) THEN error('repeated NIK in the roster') END FROM roster;
CREATE TEMP TABLE invoice AS
SELECT trim(nik) AS z_nik, nama, pmoney(iuran) AS z_sen, coalesce(trim(periode), '') AS z_period
FROM read_csv('${INVOICE}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
SELECT CASE WHEN count(*) FILTER (WHERE z_sen IS NULL) > 0 THEN error('an iuran cannot be read') END FROM invoice;
CREATE TEMP TABLE diff AS
WITH billed AS (
  SELECT z_nik, sum(z_sen) AS z_billed, count(*) AS z_lines, min(rowid) AS z_first_line, arg_min(nama, rowid) AS z_nama
  FROM invoice WHERE z_period = '' OR z_period = '${MONTH}' GROUP BY z_nik
),
m AS (SELECT month_ix(DATE '${MONTH}-01') AS ix),
joined AS (
  SELECT coalesce(r.z_nik, b.z_nik) AS nik, coalesce(r.nama, b.z_nama) AS nama,
    r.z_nik IS NOT NULL AND r.z_first <= m.ix AND m.ix <= r.z_last AS z_expected,
    r.z_first > m.ix AS z_not_started, r.z_first, r.z_last,
    b.z_billed, b.z_lines,
    CASE WHEN r.z_nik IS NOT NULL THEN r.rowid ELSE 1000000000000 + b.z_first_line END AS z_order
  FROM roster r FULL OUTER JOIN billed b ON b.z_nik = r.z_nik, m
)
SELECT nik, nama,
  CASE WHEN z_lines > 1 THEN 'duplicate_in_invoice'
       WHEN z_billed IS NOT NULL AND NOT z_expected THEN 'not_expected'
       WHEN z_billed IS NULL THEN 'missing_in_invoice'
       WHEN z_billed <> 1680000 THEN 'amount_mismatch'
       ELSE 'match' END AS status,
  CASE WHEN z_expected THEN 1680000 END AS z_exp_sen,
  z_billed, z_lines, z_expected, z_not_started, z_first, z_last, z_order, '${MONTH}' AS periode
FROM joined WHERE z_expected OR z_billed IS NOT NULL
UNION ALL
SELECT z_nik, nama, 'wrong_period', NULL, z_sen, 1, false, NULL, NULL, NULL, 2000000000000 + rowid, z_period
FROM invoice WHERE z_period <> '' AND z_period <> '${MONTH}';
COPY (
  SELECT nik, nama, status, money_text(z_exp_sen) AS iuran_seharusnya, money_text(z_billed) AS iuran_tagihan,
    money_text(coalesce(z_billed, 0) - coalesce(z_exp_sen, 0)) AS selisih, periode,
    CASE status
      WHEN 'match' THEN NULL
      WHEN 'amount_mismatch' THEN 'ditagih ' || rupiah_text(z_billed) || ', seharusnya ' || rupiah_text(z_exp_sen)
      WHEN 'missing_in_invoice' THEN 'tidak ada di tagihan ${MONTH}'
      WHEN 'wrong_period' THEN 'tagihan periode ' || periode || ', bukan ${MONTH}'
      ELSE (CASE WHEN status = 'duplicate_in_invoice' THEN z_lines || ' baris tagihan untuk ${MONTH}; ' ELSE '' END) ||
        CASE WHEN status = 'duplicate_in_invoice' AND z_expected THEN 'dibayar sekali'
             WHEN z_first IS NULL THEN 'tidak ada di daftar peserta'
             WHEN z_not_started THEN 'di daftar peserta, iuran mulai ' || ix_text(z_first) || ' (Pasal 8 ayat (6))'
             ELSE 'di daftar peserta, iuran terakhir ' || ix_text(z_last) || ' (Pasal 11 ayat (6))' END
    END AS keterangan
  FROM diff ORDER BY z_order
) TO '${OUT_DIFF}' (HEADER, DELIMITER ',');
