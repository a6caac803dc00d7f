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
-- Occupation spellings normalised once per distinct text, not once per row.
CREATE TEMP TABLE occupation_of AS
SELECT t.raw, o.code, o.agency
FROM (SELECT DISTINCT pekerjaan AS raw FROM src UNION SELECT DISTINCT pekerjaan_ektp FROM src) t
LEFT JOIN occupation_names o ON o.key = normkey(t.raw);
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
  LEFT JOIN occupation_of o ON o.raw = d.pekerjaan
  LEFT JOIN occupation_of e ON e.raw = d.pekerjaan_ektp
  LEFT JOIN umk u ON u.year = year(d.z_eval)
),
found AS (
  -- one flag per code, in the contract's order: invalid (data that cannot be judged),
  -- ineligible (a rule of Pasal 4 or 5 fails), warnings (never change the status)
  SELECT *,
    coalesce(z_nik = '', false) AS z_f0,  -- missing:nik
    coalesce(coalesce(trim(nama), '') = '', false) AS z_f1,  -- missing:nama
    coalesce(coalesce(trim(tanggal_lahir), '') = '', false) AS z_f2,  -- missing:tanggal_lahir
    coalesce(z_kab = '', false) AS z_f3,  -- missing:kabkota_ktp
    coalesce(coalesce(trim(domisili_sejak), '') = '', false) AS z_f4,  -- missing:domisili_sejak
    coalesce(coalesce(trim(pekerjaan), '') = '', false) AS z_f5,  -- missing:pekerjaan
    coalesce(coalesce(trim(penghasilan), '') = '', false) AS z_f6,  -- missing:penghasilan
    coalesce(coalesce(trim(kategori), '') = '', false) AS z_f7,  -- missing:kategori
    coalesce(coalesce(trim(punya_bpjstk), '') = '', false) AS z_f8,  -- missing:punya_bpjstk
    coalesce(z_nik <> '' AND NOT z_nik16 AND NOT regexp_full_match(z_nik, '[0-9]+([.,][0-9]+)?[Ee][+-]?[0-9]+'), false) AS z_f9,  -- nik_format
    coalesce(z_nik <> '' AND NOT z_nik16 AND regexp_full_match(z_nik, '[0-9]+([.,][0-9]+)?[Ee][+-]?[0-9]+'), false) AS z_f10,  -- nik_scientific
    coalesce(z_nikbad, false) AS z_f11,  -- nik_structure
    coalesce(z_kk <> '' AND (NOT regexp_full_match(z_kk, '[0-9]{16}') OR z_kk = '0000000000000000'), false) AS z_f12,  -- kk_format
    coalesce(coalesce(trim(tanggal_usulan), '') <> '' AND z_usul IS NULL, false) AS z_f13,  -- date_format:tanggal_usulan
    coalesce(coalesce(trim(tanggal_lahir), '') <> '' AND z_lahir IS NULL, false) AS z_f14,  -- date_format:tanggal_lahir
    coalesce(coalesce(trim(domisili_sejak), '') <> '' AND z_dom IS NULL, false) AS z_f15,  -- date_format:domisili_sejak
    coalesce(z_usul > DATE '${AS_OF}', false) AS z_f16,  -- date_future:tanggal_usulan
    coalesce(z_lahir > z_eval, false) AS z_f17,  -- date_future:tanggal_lahir
    coalesce(z_dom > z_eval, false) AS z_f18,  -- date_future:domisili_sejak
    coalesce(coalesce(trim(penghasilan), '') <> '' AND z_income IS NULL, false) AS z_f19,  -- number_format:penghasilan
    coalesce(coalesce(trim(punya_bpjstk), '') <> '' AND z_insured IS NULL, false) AS z_f20,  -- value_format:punya_bpjstk
    coalesce(coalesce(trim(p3ke), '') <> '' AND z_p3ke IS NULL, false) AS z_f21,  -- value_format:p3ke
    coalesce(coalesce(trim(disabilitas), '') <> '' AND z_dis IS NULL, false) AS z_f22,  -- value_format:disabilitas
    coalesce(z_insured, false) AS z_f23,  -- already_insured
    coalesce(coalesce(trim(kategori), '') <> '' AND z_cat IS NULL, false) AS z_f24,  -- category_not_covered
    coalesce(z_age < 18, false) AS z_f25,  -- age_below_min
    coalesce(z_age >= 64, false) AS z_f26,  -- age_above_max
    coalesce(z_kab <> '' AND NOT z_inside, false) AS z_f27,  -- ektp_outside_region
    coalesce(z_dom <= z_eval AND z_dom + INTERVAL 6 MONTH > z_eval, false) AS z_f28,  -- domicile_too_short
    coalesce(z_income >= z_umk, false) AS z_f29,  -- income_not_below_umk
    coalesce(coalesce(trim(pekerjaan), '') <> '' AND z_occ IS NULL, false) AS z_f30,  -- occupation_not_covered
    coalesce(z_nik16 AND NOT z_nikbad AND z_lahir IS NOT NULL AND
      (TRY_CAST(substr(z_nik, 7, 2) AS INTEGER) % 40 <> day(z_lahir) OR TRY_CAST(substr(z_nik, 9, 2) AS INTEGER) <> month(z_lahir)
       OR TRY_CAST(substr(z_nik, 11, 2) AS INTEGER) <> year(z_lahir) % 100), false) AS z_f31,  -- nik_birthdate_mismatch
    coalesce(z_nik16 AND NOT z_nikbad AND upper(trim(jenis_kelamin)) IN ('L', 'P') AND
      upper(trim(jenis_kelamin)) <> CASE WHEN TRY_CAST(substr(z_nik, 7, 2) AS INTEGER) > 40 THEN 'P' ELSE 'L' END, false) AS z_f32,  -- nik_sex_mismatch
    coalesce(z_nik16 AND NOT z_nikbad AND substr(z_nik, 1, 4) <> '6471', false) AS z_f33,  -- nik_region_outside
    coalesce(z_occ IS NOT NULL AND coalesce(trim(pekerjaan_ektp), '') <> '' AND z_occ_ektp IS DISTINCT FROM z_occ, false) AS z_f34  -- occupation_differs_ektp
  FROM looked
)
SELECT COLUMNS(c -> NOT starts_with(c, 'z_')), z_rec,
  CASE WHEN z_f0 OR z_f1 OR z_f2 OR z_f3 OR z_f4 OR z_f5 OR z_f6 OR z_f7 OR z_f8 OR z_f9 OR z_f10 OR z_f11 OR z_f12 OR z_f13 OR z_f14 OR z_f15 OR z_f16 OR z_f17 OR z_f18 OR z_f19 OR z_f20 OR z_f21 OR z_f22
         THEN 'invalid'
       WHEN z_f23 OR z_f24 OR z_f25 OR z_f26 OR z_f27 OR z_f28 OR z_f29 OR z_f30 THEN 'ineligible' ELSE 'eligible' END AS status,
  nullif(concat_ws(';',
    CASE WHEN z_f0 THEN 'missing:nik' END,
    CASE WHEN z_f1 THEN 'missing:nama' END,
    CASE WHEN z_f2 THEN 'missing:tanggal_lahir' END,
    CASE WHEN z_f3 THEN 'missing:kabkota_ktp' END,
    CASE WHEN z_f4 THEN 'missing:domisili_sejak' END,
    CASE WHEN z_f5 THEN 'missing:pekerjaan' END,
    CASE WHEN z_f6 THEN 'missing:penghasilan' END,
    CASE WHEN z_f7 THEN 'missing:kategori' END,
    CASE WHEN z_f8 THEN 'missing:punya_bpjstk' END,
    CASE WHEN z_f9 THEN 'nik_format' END,
    CASE WHEN z_f10 THEN 'nik_scientific' END,
    CASE WHEN z_f11 THEN 'nik_structure' END,
    CASE WHEN z_f12 THEN 'kk_format' END,
    CASE WHEN z_f13 THEN 'date_format:tanggal_usulan' END,
    CASE WHEN z_f14 THEN 'date_format:tanggal_lahir' END,
    CASE WHEN z_f15 THEN 'date_format:domisili_sejak' END,
    CASE WHEN z_f16 THEN 'date_future:tanggal_usulan' END,
    CASE WHEN z_f17 THEN 'date_future:tanggal_lahir' END,
    CASE WHEN z_f18 THEN 'date_future:domisili_sejak' END,
    CASE WHEN z_f19 THEN 'number_format:penghasilan' END,
    CASE WHEN z_f20 THEN 'value_format:punya_bpjstk' END,
    CASE WHEN z_f21 THEN 'value_format:p3ke' END,
    CASE WHEN z_f22 THEN 'value_format:disabilitas' END,
    CASE WHEN z_f23 THEN 'already_insured' END,
    CASE WHEN z_f24 THEN 'category_not_covered' END,
    CASE WHEN z_f25 THEN 'age_below_min' END,
    CASE WHEN z_f26 THEN 'age_above_max' END,
    CASE WHEN z_f27 THEN 'ektp_outside_region' END,
    CASE WHEN z_f28 THEN 'domicile_too_short' END,
    CASE WHEN z_f29 THEN 'income_not_below_umk' END,
    CASE WHEN z_f30 THEN 'occupation_not_covered' END), '') AS alasan,
  nullif(concat_ws(';',
    CASE WHEN z_f31 THEN 'nik_birthdate_mismatch' END,
    CASE WHEN z_f32 THEN 'nik_sex_mismatch' END,
    CASE WHEN z_f33 THEN 'nik_region_outside' END,
    CASE WHEN z_f34 THEN 'occupation_differs_ektp' END), '') AS peringatan,
  nullif(concat_ws('; ',
    CASE WHEN z_f0 THEN 'kolom nik kosong; wajib diisi' END,
    CASE WHEN z_f1 THEN 'kolom nama kosong; wajib diisi' END,
    CASE WHEN z_f2 THEN 'kolom tanggal_lahir kosong; wajib diisi' END,
    CASE WHEN z_f3 THEN 'kolom kabkota_ktp kosong; wajib diisi' END,
    CASE WHEN z_f4 THEN 'kolom domisili_sejak kosong; wajib diisi' END,
    CASE WHEN z_f5 THEN 'kolom pekerjaan kosong; wajib diisi' END,
    CASE WHEN z_f6 THEN 'kolom penghasilan kosong; wajib diisi' END,
    CASE WHEN z_f7 THEN 'kolom kategori kosong; wajib diisi' END,
    CASE WHEN z_f8 THEN 'kolom punya_bpjstk kosong; wajib diisi' END,
    CASE WHEN z_f9 THEN 'NIK harus 16 angka' END,
    CASE WHEN z_f10 THEN 'NIK sudah diubah spreadsheet menjadi notasi ilmiah; format kolom NIK sebagai Teks' END,
    CASE WHEN z_f11 THEN 'NIK tidak mungkin: kode provinsi, tanggal, bulan atau nomor urut salah' END,
    CASE WHEN z_f12 THEN 'nomor KK harus 16 angka' END,
    CASE WHEN z_f13 THEN 'tanggal di kolom tanggal_usulan tidak terbaca; tulis YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY' END,
    CASE WHEN z_f14 THEN 'tanggal di kolom tanggal_lahir tidak terbaca; tulis YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY' END,
    CASE WHEN z_f15 THEN 'tanggal di kolom domisili_sejak tidak terbaca; tulis YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY' END,
    CASE WHEN z_f16 THEN 'tanggal di kolom tanggal_usulan sesudah tanggal penilaian ' || strftime(z_eval, '%Y-%m-%d') END,
    CASE WHEN z_f17 THEN 'tanggal di kolom tanggal_lahir sesudah tanggal penilaian ' || strftime(z_eval, '%Y-%m-%d') END,
    CASE WHEN z_f18 THEN 'tanggal di kolom domisili_sejak sesudah tanggal penilaian ' || strftime(z_eval, '%Y-%m-%d') END,
    CASE WHEN z_f19 THEN 'penghasilan tidak terbaca; tulis misalnya 3500000 atau 3.500.000' END,
    CASE WHEN z_f20 THEN 'kolom punya_bpjstk bukan ya/tidak' END,
    CASE WHEN z_f21 THEN 'kolom p3ke bukan ya/tidak' END,
    CASE WHEN z_f22 THEN 'kolom disabilitas bukan ya/tidak' END,
    CASE WHEN z_f23 THEN 'sudah menjadi peserta BPJS Ketenagakerjaan (Pasal 5 ayat (1) huruf a)' END,
    CASE WHEN z_f24 THEN 'kategori bukan fakir miskin (FM) atau orang tidak mampu (OTM) (Pasal 5 ayat (1) huruf b)' END,
    CASE WHEN z_f25 THEN printf('usia %d tahun pada %s, minimal 18 (Pasal 5 ayat (1) huruf c)', z_age, strftime(z_eval, '%Y-%m-%d')) END,
    CASE WHEN z_f26 THEN printf('usia %d tahun pada %s, harus belum 64 tahun (Pasal 5 ayat (1) huruf c)', z_age, strftime(z_eval, '%Y-%m-%d')) END,
    CASE WHEN z_f27 THEN 'e-KTP bukan 6471 Kota Balikpapan (Pasal 5 ayat (1) huruf d)' END,
    CASE WHEN z_f28 THEN 'berdomisili belum 6 bulan (Pasal 5 ayat (1) huruf e)' END,
    CASE WHEN z_f29 THEN 'penghasilan tidak di bawah UMK (Pasal 5 ayat (1) huruf f)' END,
    CASE WHEN z_f30 THEN 'pekerjaan tidak termasuk yang dilindungi (Pasal 4)' END,
    CASE WHEN z_f31 THEN 'tanggal lahir di NIK berbeda dengan tanggal_lahir' END,
    CASE WHEN z_f32 THEN 'jenis kelamin di NIK berbeda' END,
    CASE WHEN z_f33 THEN 'NIK pertama terbit di luar daerah (NIK tidak berubah saat pindah)' END,
    CASE WHEN z_f34 THEN 'pekerjaan di e-KTP berbeda; dipakai hasil pendataan (Pasal 6 ayat (4))' END), '') AS keterangan,
  z_age AS usia,
  CASE WHEN z_p3ke OR z_dis THEN 1 ELSE 2 END AS prioritas,
  z_agency AS penanggung_jawab,
  '${IN}:' || (z_rec + 1) AS asal
FROM found;
COPY (SELECT COLUMNS(c -> NOT starts_with(c, 'z_')) FROM judged WHERE status = 'eligible' ORDER BY z_rec)
  TO '${OUT_OK}' (HEADER, DELIMITER ',');
COPY (SELECT COLUMNS(c -> NOT starts_with(c, 'z_')) FROM judged WHERE status <> 'eligible' ORDER BY z_rec)
  TO '${OUT_REJ}' (HEADER, DELIMITER ',');
