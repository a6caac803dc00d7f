-- Shared by every tools/bench DuckDB job (duckdb.mjs runs it first): the spellings the
-- contract reads ("CSV conventions") and the balikpapan-2025 profile's tables, written as
-- SQL macros and small tables. Where SQL is simpler than jamsos it says so.

-- Dates: YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY; anything else (and 31/02/1980) is NULL.
CREATE MACRO pdate(s) AS CASE
  WHEN length(trim(s)) <> 10 THEN NULL
  WHEN substr(trim(s), 5, 1) = '-' THEN try_strptime(trim(s), '%Y-%m-%d')::DATE
  WHEN substr(trim(s), 3, 1) = '-' THEN try_strptime(trim(s), '%d-%m-%Y')::DATE
  WHEN substr(trim(s), 3, 1) = '/' THEN try_strptime(trim(s), '%d/%m/%Y')::DATE
  ELSE NULL END;

-- Money as an exact count of sen (BIGINT): 3500000, 3.500.000, Rp 3.500.000,
-- 3.701.508,68, 3701508.68; anything else is NULL.
CREATE MACRO pmoney_v(v) AS CASE
  WHEN regexp_full_match(v, '[0-9]+') THEN try_cast(v AS BIGINT) * 100
  WHEN regexp_full_match(v, '[0-9]{1,3}(\.[0-9]{3})+') THEN try_cast(replace(v, '.', '') AS BIGINT) * 100
  WHEN regexp_full_match(v, '[0-9]{1,3}(\.[0-9]{3})*,[0-9]{1,2}')
    THEN CAST(try_cast(replace(replace(v, '.', ''), ',', '.') AS DECIMAL(18, 2)) * 100 AS BIGINT)
  WHEN regexp_full_match(v, '[0-9]+\.[0-9]{1,2}') THEN CAST(try_cast(v AS DECIMAL(18, 2)) * 100 AS BIGINT)
  ELSE NULL END;
CREATE MACRO pmoney(s) AS pmoney_v(regexp_replace(trim(s), '^[Rr][Pp]\.?\s*', ''));

-- Booleans: Y/N, YA/TIDAK, 1/0, TRUE/FALSE, any case; NULL = neither (or empty).
CREATE MACRO pbool(s) AS CASE
  WHEN lower(trim(s)) IN ('y', 'ya', '1', 'true') THEN true
  WHEN lower(trim(s)) IN ('n', 'tidak', '0', 'false') THEN false
  ELSE NULL END;

-- Names compared the way the profile's lists are (case, spaces, punctuation).
CREATE MACRO normkey(s) AS trim(regexp_replace(lower(s), '[^a-z0-9]+', ' ', 'g'));

-- Completed years at date d (a 29 February birthday counts from 1 March in common years).
CREATE MACRO age_at(birth, d) AS
  year(d) - year(birth) - CASE WHEN month(d) * 100 + day(d) < month(birth) * 100 + day(birth) THEN 1 ELSE 0 END;

-- Last premium month (Pasal 11 ayat (6): 64 years 11 months) as a month index year*12+month-1.
CREATE MACRO month_ix(d) AS year(d) * 12 + month(d) - 1;
CREATE MACRO last_premium_ix(birth) AS month_ix(birth) + 64 * 12 + 11;
CREATE MACRO ix_text(ix) AS printf('%04d-%02d', (ix) // 12, (ix) % 12 + 1);

-- Categories (Pasal 5 ayat (1) huruf b): FM, OTM or NULL.
CREATE MACRO category_code(s) AS CASE
  WHEN upper(trim(s)) = 'FM' THEN 'FM'
  WHEN upper(trim(s)) = 'OTM' THEN 'OTM'
  WHEN normkey(s) IN ('fm', 'fakir miskin') THEN 'FM'
  WHEN normkey(s) IN ('otm', 'orang tidak mampu') THEN 'OTM'
  ELSE NULL END;

-- The 38 provinces (Kemendagri 2025), for nik_structure.
CREATE TABLE provinces AS SELECT unnest([11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
  61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96]) AS code;

-- UMK per year (Pasal 5 ayat (1) huruf f), in sen.
CREATE TABLE umk AS SELECT * FROM (VALUES (2024, 347559500::BIGINT), (2025, 370150868::BIGINT),
  (2026, 385669443::BIGINT)) t(year, sen);

-- Occupations (Pasal 4) and the agency responsible (Lampiran I): one row per accepted
-- spelling (code, name, alias), normalised. The code alone picks the first entry.
CREATE TABLE occupation_names (key VARCHAR, code VARCHAR, agency VARCHAR);
INSERT INTO occupation_names
WITH occ(ord, code, name, aliases, agency) AS (VALUES
  (1, 'a', 'nelayan', [], 'Perangkat Daerah yang membidangi urusan pangan, pertanian dan perikanan'),
  (2, 'b', 'petani', [], 'Perangkat Daerah yang membidangi urusan pangan, pertanian dan perikanan'),
  (3, 'c', 'tukang ojek', ['ojek', 'ojek online', 'ojol'], 'Perangkat Daerah yang membidangi urusan perhubungan'),
  (4, 'd', 'sopir angkutan umum', ['sopir angkutan umum perkotaan', 'sopir angkutan umum lainnya', 'sopir angkot',
     'supir angkot', 'supir angkutan umum', 'motoris', 'motoris speed boat', 'motoris klotok',
     'motoris speed boat dan klotok'], 'Perangkat Daerah yang membidangi urusan perhubungan'),
  (5, 'e', 'juru parkir binaan pemerintah daerah', ['juru parkir', 'jukir', 'juru parkir binaan pemda'],
     'Perangkat Daerah yang membidangi urusan perhubungan'),
  (6, 'f', 'pedagang kaki lima', ['pkl'], 'Perangkat Daerah yang membidangi urusan perdagangan'),
  (7, 'f', 'pedagang keliling', [], 'Kecamatan dan Kelurahan'),
  (8, 'g', 'pekerja sektor informal (pelaku usaha mikro)', ['pekerja sektor informal', 'pelaku usaha mikro',
     'usaha mikro'], 'Perangkat Daerah yang membidangi urusan usaha mikro'),
  (9, 'h', 'relawan sosial', [], 'Perangkat Daerah yang membidangi urusan sosial'),
  (10, 'i', 'relawan kebencanaan', ['relawan bencana'], 'Perangkat Daerah yang membidangi urusan penanggulangan bencana'),
  (11, 'j', 'petugas rumah/tempat ibadah', ['petugas rumah ibadah', 'petugas tempat ibadah', 'marbot', 'marbut'],
     'unit kerja bidang kesejahteraan rakyat pada Sekretariat Daerah'),
  (12, 'k', 'buruh harian', ['buruh harian lepas'], 'Kecamatan dan Kelurahan'),
  (13, 'l', 'tukang kayu, tukang batu, tukang bangunan dan sejenisnya yang bekerja secara mandiri',
     ['tukang kayu', 'tukang batu', 'tukang bangunan'], 'Kecamatan dan Kelurahan'),
  (14, 'm', 'asisten rumah tangga mandiri', ['asisten rumah tangga', 'pembantu rumah tangga'], 'Kecamatan dan Kelurahan'),
  (15, 'n', 'pekerja serabutan', ['serabutan'], 'Kecamatan dan Kelurahan'),
  (16, 'o', 'pemulung', [], 'Kecamatan dan Kelurahan')),
spellings AS (
  SELECT ord, 0 AS kind, code AS spelling, code, agency FROM occ
  UNION ALL SELECT ord, 1, name, code, agency FROM occ
  UNION ALL SELECT ord, 1, unnest(aliases::VARCHAR[]), code, agency FROM occ)
SELECT normkey(spelling), arg_min(code, kind * 100 + ord), arg_min(agency, kind * 100 + ord)
FROM spellings GROUP BY normkey(spelling);

-- Money written back: plain digits of Rupiah, ".NN" only where there are sen; and in words,
-- "Rp 3.500.000".
CREATE MACRO money_text(sen) AS CASE WHEN sen IS NULL THEN NULL WHEN sen % 100 = 0 THEN (sen // 100)::VARCHAR
  ELSE printf('%s%d.%02d', CASE WHEN sen < 0 THEN '-' ELSE '' END, abs(sen) // 100, abs(sen) % 100) END;
CREATE MACRO rupiah_text(sen) AS 'Rp ' || replace(format('{:,}', sen // 100), ',', '.');
