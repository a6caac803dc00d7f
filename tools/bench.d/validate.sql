-- tools/bench, DuckDB's side of `jamsos validate --as-of ${AS_OF} IN -o OUT_OK --rejects OUT_REJ`
-- under the balikpapan-2025 profile (Perwali Balikpapan 3/2025 Pasal 4, 5).
-- Same input, same two outputs: every input column unchanged, then status, alasan,
-- peringatan, keterangan, usia, prioritas, penanggung_jawab, asal; eligible rows to OUT_OK,
-- ineligible and invalid rows to OUT_REJ, in input order.
-- Simpler than jamsos:
--  - keterangan has one fixed sentence per code with its article and only the age as a
--    value (jamsos writes the row's own values into each sentence, in Indonesian or English);
--  - asal is IN:(record number + 1), not the physical line (a quoted newline shifts it);
--  - a record with the wrong number of fields, a stray quote or non-UTF-8 bytes stops
--    read_csv instead of being rejected as field_count/quote/encoding (the generated data
--    has none); the delimiter is given, not detected; no --excel, no cp1252.
-- The input, in order: a table's rowid numbers its records (row_number() OVER () would
-- serialise the scan).
CREATE TEMP TABLE src AS
SELECT * FROM read_csv('${IN}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TEMP TABLE judged AS
WITH parsed AS (
  SELECT *, rowid + 1 AS z_rec,
    coalesce(trim(nik), '') AS z_nik,
    coalesce(trim(no_kk), '') AS z_kk,
    coalesce(trim(kabkota_ktp), '') AS z_kab,
    pdate(tanggal_usulan) AS z_usul,
    pdate(tanggal_lahir) AS z_lahir,
    pdate(domisili_sejak) AS z_dom,
    pmoney(penghasilan) AS z_income,
    pbool(punya_bpjstk) AS z_insured,
    pbool(p3ke) AS z_p3ke,
    pbool(disabilitas) AS z_dis,
    category_code(kategori) AS z_cat
  FROM src
),
dated AS (
  SELECT *,
    CASE WHEN z_usul IS NOT NULL AND z_usul <= DATE '${AS_OF}' THEN z_usul ELSE DATE '${AS_OF}' END AS z_eval,
    regexp_full_match(z_nik, '[0-9]{16}') AS z_nik16,
    CASE WHEN regexp_full_match(z_kab, '[0-9]+') THEN z_kab
         WHEN regexp_full_match(z_kab, '[0-9]{2}\.[0-9]{2}(\.[0-9]{2})?') THEN replace(z_kab, '.', '') END AS z_kabdigits
  FROM parsed
),
looked AS (
  SELECT d.*,
    CASE WHEN z_lahir IS NOT NULL AND z_lahir <= z_eval THEN age_at(z_lahir, z_eval) END AS z_age,
    z_nik16 AND (TRY_CAST(substr(z_nik, 1, 2) AS INTEGER) NOT IN (SELECT code FROM provinces)
      OR NOT (TRY_CAST(substr(z_nik, 7, 2) AS INTEGER) BETWEEN 1 AND 31 OR TRY_CAST(substr(z_nik, 7, 2) AS INTEGER) BETWEEN 41 AND 71)
      OR NOT TRY_CAST(substr(z_nik, 9, 2) AS INTEGER) BETWEEN 1 AND 12
      OR substr(z_nik, 13, 4) = '0000') AS z_nikbad,
    o.code AS z_occ, o.agency AS z_agency, e.code AS z_occ_ektp, u.sen AS z_umk,
    (length(z_kabdigits) IN (4, 6) AND substr(z_kabdigits, 1, 4) = '6471')
      OR (coalesce(length(z_kabdigits), 0) NOT IN (4, 6) AND lower(z_kab) IN ('kota balikpapan', 'balikpapan')) AS z_inside
  FROM dated d
  LEFT JOIN occupation_names o ON o.key = normkey(d.pekerjaan)
  LEFT JOIN occupation_names e ON e.key = normkey(d.pekerjaan_ektp)
  LEFT JOIN umk u ON u.year = year(d.z_eval)
),
found AS (
  SELECT *,
    -- invalid: data that cannot be judged, in the contract's order
    list_filter([
      CASE WHEN z_nik = '' THEN 'missing:nik' END,
      CASE WHEN coalesce(trim(nama), '') = '' THEN 'missing:nama' END,
      CASE WHEN coalesce(trim(tanggal_lahir), '') = '' THEN 'missing:tanggal_lahir' END,
      CASE WHEN z_kab = '' THEN 'missing:kabkota_ktp' END,
      CASE WHEN coalesce(trim(domisili_sejak), '') = '' THEN 'missing:domisili_sejak' END,
      CASE WHEN coalesce(trim(pekerjaan), '') = '' THEN 'missing:pekerjaan' END,
      CASE WHEN coalesce(trim(penghasilan), '') = '' THEN 'missing:penghasilan' END,
      CASE WHEN coalesce(trim(kategori), '') = '' THEN 'missing:kategori' END,
      CASE WHEN coalesce(trim(punya_bpjstk), '') = '' THEN 'missing:punya_bpjstk' END,
      CASE WHEN z_nik <> '' AND NOT z_nik16 AND NOT regexp_full_match(z_nik, '[0-9]+([.,][0-9]+)?[Ee][+-]?[0-9]+') THEN 'nik_format' END,
      CASE WHEN z_nik <> '' AND NOT z_nik16 AND regexp_full_match(z_nik, '[0-9]+([.,][0-9]+)?[Ee][+-]?[0-9]+') THEN 'nik_scientific' END,
      CASE WHEN z_nikbad THEN 'nik_structure' END,
      CASE WHEN z_kk <> '' AND (NOT regexp_full_match(z_kk, '[0-9]{16}') OR z_kk = '0000000000000000') THEN 'kk_format' END,
      CASE WHEN coalesce(trim(tanggal_usulan), '') <> '' AND z_usul IS NULL THEN 'date_format:tanggal_usulan' END,
      CASE WHEN coalesce(trim(tanggal_lahir), '') <> '' AND z_lahir IS NULL THEN 'date_format:tanggal_lahir' END,
      CASE WHEN coalesce(trim(domisili_sejak), '') <> '' AND z_dom IS NULL THEN 'date_format:domisili_sejak' END,
      CASE WHEN z_usul > DATE '${AS_OF}' THEN 'date_future:tanggal_usulan' END,
      CASE WHEN z_lahir > z_eval THEN 'date_future:tanggal_lahir' END,
      CASE WHEN z_dom > z_eval THEN 'date_future:domisili_sejak' END,
      CASE WHEN coalesce(trim(penghasilan), '') <> '' AND z_income IS NULL THEN 'number_format:penghasilan' END,
      CASE WHEN coalesce(trim(punya_bpjstk), '') <> '' AND z_insured IS NULL THEN 'value_format:punya_bpjstk' END,
      CASE WHEN coalesce(trim(p3ke), '') <> '' AND z_p3ke IS NULL THEN 'value_format:p3ke' END,
      CASE WHEN coalesce(trim(disabilitas), '') <> '' AND z_dis IS NULL THEN 'value_format:disabilitas' END
    ], x -> x IS NOT NULL) AS z_invalid,
    -- ineligible: a rule of Pasal 4 or 5 fails
    list_filter([
      CASE WHEN z_insured THEN 'already_insured' END,
      CASE WHEN coalesce(trim(kategori), '') <> '' AND z_cat IS NULL THEN 'category_not_covered' END,
      CASE WHEN z_age < 18 THEN 'age_below_min' END,
      CASE WHEN z_age >= 64 THEN 'age_above_max' END,
      CASE WHEN z_kab <> '' AND NOT z_inside THEN 'ektp_outside_region' END,
      CASE WHEN z_dom <= z_eval AND z_dom + INTERVAL 6 MONTH > z_eval THEN 'domicile_too_short' END,
      CASE WHEN z_income >= z_umk THEN 'income_not_below_umk' END,
      CASE WHEN coalesce(trim(pekerjaan), '') <> '' AND z_occ IS NULL THEN 'occupation_not_covered' END
    ], x -> x IS NOT NULL) AS z_ineligible,
    -- warnings: never change the status
    list_filter([
      CASE WHEN z_nik16 AND NOT z_nikbad AND z_lahir IS NOT NULL AND
        (TRY_CAST(substr(z_nik, 7, 2) AS INTEGER) % 40 <> day(z_lahir) OR TRY_CAST(substr(z_nik, 9, 2) AS INTEGER) <> month(z_lahir)
         OR TRY_CAST(substr(z_nik, 11, 2) AS INTEGER) <> year(z_lahir) % 100) THEN 'nik_birthdate_mismatch' END,
      CASE WHEN z_nik16 AND NOT z_nikbad AND upper(trim(jenis_kelamin)) IN ('L', 'P') AND
        upper(trim(jenis_kelamin)) <> CASE WHEN TRY_CAST(substr(z_nik, 7, 2) AS INTEGER) > 40 THEN 'P' ELSE 'L' END
        THEN 'nik_sex_mismatch' END,
      CASE WHEN z_nik16 AND NOT z_nikbad AND substr(z_nik, 1, 4) <> '6471' THEN 'nik_region_outside' END,
      CASE WHEN z_occ IS NOT NULL AND coalesce(trim(pekerjaan_ektp), '') <> '' AND z_occ_ektp IS DISTINCT FROM z_occ
        THEN 'occupation_differs_ektp' END
    ], x -> x IS NOT NULL) AS z_warnings
  FROM looked
)
SELECT * EXCLUDE (z_invalid, z_ineligible, z_warnings),
  CASE WHEN len(z_invalid) > 0 THEN 'invalid' WHEN len(z_ineligible) > 0 THEN 'ineligible' ELSE 'eligible' END AS status,
  nullif(array_to_string(list_concat(z_invalid, z_ineligible), ';'), '') AS alasan,
  nullif(array_to_string(z_warnings, ';'), '') AS peringatan,
  nullif(array_to_string(list_transform(list_concat(z_invalid, z_ineligible, z_warnings), c -> CASE
    WHEN c LIKE 'missing:%' THEN 'kolom ' || substr(c, 9) || ' kosong; wajib diisi'
    WHEN c = 'nik_format' THEN 'NIK harus 16 angka'
    WHEN c = 'nik_scientific' THEN 'NIK sudah diubah spreadsheet menjadi notasi ilmiah; format kolom NIK sebagai Teks'
    WHEN c = 'nik_structure' THEN 'NIK tidak mungkin: kode provinsi, tanggal, bulan atau nomor urut salah'
    WHEN c = 'kk_format' THEN 'nomor KK harus 16 angka'
    WHEN c LIKE 'date_format:%' THEN 'tanggal di kolom ' || substr(c, 13) || ' tidak terbaca; tulis YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY'
    WHEN c LIKE 'date_future:%' THEN 'tanggal di kolom ' || substr(c, 13) || ' sesudah tanggal penilaian ' || strftime(z_eval, '%Y-%m-%d')
    WHEN c LIKE 'number_format:%' THEN 'penghasilan tidak terbaca; tulis misalnya 3500000 atau 3.500.000'
    WHEN c LIKE 'value_format:%' THEN 'kolom ' || substr(c, 14) || ' bukan ya/tidak'
    WHEN c = 'already_insured' THEN 'sudah menjadi peserta BPJS Ketenagakerjaan (Pasal 5 ayat (1) huruf a)'
    WHEN c = 'category_not_covered' THEN 'kategori bukan fakir miskin (FM) atau orang tidak mampu (OTM) (Pasal 5 ayat (1) huruf b)'
    WHEN c = 'age_below_min' THEN printf('usia %d tahun pada %s, minimal 18 (Pasal 5 ayat (1) huruf c)', z_age, strftime(z_eval, '%Y-%m-%d'))
    WHEN c = 'age_above_max' THEN printf('usia %d tahun pada %s, harus belum 64 tahun (Pasal 5 ayat (1) huruf c)', z_age, strftime(z_eval, '%Y-%m-%d'))
    WHEN c = 'ektp_outside_region' THEN 'e-KTP bukan 6471 Kota Balikpapan (Pasal 5 ayat (1) huruf d)'
    WHEN c = 'domicile_too_short' THEN 'berdomisili belum 6 bulan (Pasal 5 ayat (1) huruf e)'
    WHEN c = 'income_not_below_umk' THEN 'penghasilan tidak di bawah UMK (Pasal 5 ayat (1) huruf f)'
    WHEN c = 'occupation_not_covered' THEN 'pekerjaan tidak termasuk yang dilindungi (Pasal 4)'
    WHEN c = 'nik_birthdate_mismatch' THEN 'tanggal lahir di NIK berbeda dengan tanggal_lahir'
    WHEN c = 'nik_sex_mismatch' THEN 'jenis kelamin di NIK berbeda'
    WHEN c = 'nik_region_outside' THEN 'NIK pertama terbit di luar daerah (NIK tidak berubah saat pindah)'
    ELSE 'pekerjaan di e-KTP berbeda; dipakai hasil pendataan (Pasal 6 ayat (4))' END), '; '), '') AS keterangan,
  z_age AS usia,
  CASE WHEN z_p3ke OR z_dis THEN 1 ELSE 2 END AS prioritas,
  z_agency AS penanggung_jawab,
  '${IN}:' || (z_rec + 1) AS asal
FROM found;
COPY (SELECT COLUMNS(c -> NOT starts_with(c, 'z_')) FROM judged WHERE status = 'eligible' ORDER BY z_rec)
  TO '${OUT_OK}' (HEADER, DELIMITER ',');
COPY (SELECT COLUMNS(c -> NOT starts_with(c, 'z_')) FROM judged WHERE status <> 'eligible' ORDER BY z_rec)
  TO '${OUT_REJ}' (HEADER, DELIMITER ',');
