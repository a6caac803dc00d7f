// The eligibility rules, one row at a time.
//
// Perwali Balikpapan 3/2025 Pasal 5 ayat (1): a. not yet insured; b. fakir miskin or
// orang tidak mampu; c. at least 18 and not yet 64 on the day of registering; d. e-KTP of
// the city; e. 6 months' unbroken domicile; f. income below the UMK of the year; Pasal 4:
// one of the listed occupations. Perbup Balangan 5/2024 Pasal 12 ayat (4) huruf b: at most 65.
// Which of these apply, with which figures and articles, comes from the profile.
//
// Worked boundary: born 2007-08-15, proposed 2025-08-14 -> 17 -> age_below_min;
// proposed 2025-08-15 -> 18 -> eligible on age (completed years, contract "Arithmetic").
#include <fmt/core.h>

#include <algorithm>
#include <iterator>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/core/regions.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/ops/validate.hpp"

namespace jamsos {

namespace {

std::string with_article(std::string text, const std::string& article) {
  if (!article.empty()) text += " (" + article + ")";
  return text;
}

Finding invalid(std::string code, std::string column, std::string text) {
  return Finding{std::move(code), Severity::invalid, std::move(column), "", std::move(text)};
}

Finding rule(std::string code, const RuleRef& ref, std::string column, const std::string& text) {
  return Finding{std::move(code), Severity::ineligible, std::move(column), ref.article, with_article(text, ref.article)};
}

Finding warning(std::string code, std::string column, const std::string& text, const std::string& article = "") {
  return Finding{std::move(code), Severity::warning, std::move(column), article, with_article(text, article)};
}

// "6471", "64.71", "647101" or "64.71.01" (a district of it) -> "6471"; anything else
// (a NIK pasted into the cell, "64711") -> "": the region is read from the cell, never
// guessed from a longer number.
std::string region_code_of(std::string_view text) {
  const auto code = normalize_region_code(text);
  return code && code->size() >= 4 ? code->substr(0, 4) : "";
}

bool names_region(std::string_view text, const Profile& p) {
  const std::string t = to_lower_ascii(trim(text));
  const std::string name = to_lower_ascii(p.region_name);
  if (t == name) return true;
  for (const char* prefix : {"kota ", "kabupaten "})
    if (name.rfind(prefix, 0) == 0 && t == name.substr(std::string_view(prefix).size())) return true;
  return false;
}

// Position of a code in the contract's tables (invalid, ineligible, warnings).
int code_rank(std::string_view code) {
  static constexpr std::string_view order[] = {
      "missing:", "field_count", "quote", "encoding", "nik_format", "nik_scientific", "nik_structure", "kk_format",
      "date_format:", "date_future:", "number_format:", "value_format:", "already_insured", "category_not_covered",
      "age_below_min", "age_above_max", "ektp_outside_region", "domicile_too_short", "income_not_below_umk",
      "occupation_not_covered", "nik_birthdate_mismatch", "nik_sex_mismatch", "nik_region_outside",
      "occupation_differs_ektp"};
  for (std::size_t i = 0; i < std::size(order); ++i) {
    const auto& o = order[i];
    if (o.back() == ':' ? code.rfind(o, 0) == 0 : code == o) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(order));
}

std::string region_label(const std::string& code) {
  const auto name = region_name(code);
  return name ? fmt::format("{} ({})", code, *name) : code;
}

}  // namespace

const char* status_code(Status s) {
  switch (s) {
    case Status::eligible: return "eligible";
    case Status::ineligible: return "ineligible";
    case Status::invalid: return "invalid";
  }
  return "invalid";
}

Validator::Validator(const Profile& profile, const ValidateOptions& options, const std::vector<std::string>& header)
    : m_profile(profile), m_options(options) {
  const auto index_of = [&](std::string_view name) {
    int index = -1;
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) index = static_cast<int>(i);
    return index;
  };
  m_col.nik = index_of("nik");
  m_col.no_kk = index_of("no_kk");
  m_col.tanggal_lahir = index_of("tanggal_lahir");
  m_col.jenis_kelamin = index_of("jenis_kelamin");
  m_col.kabkota_ktp = index_of("kabkota_ktp");
  m_col.domisili_sejak = index_of("domisili_sejak");
  m_col.pekerjaan = index_of("pekerjaan");
  m_col.pekerjaan_ektp = index_of("pekerjaan_ektp");
  m_col.penghasilan = index_of("penghasilan");
  m_col.kategori = index_of("kategori");
  m_col.punya_bpjstk = index_of("punya_bpjstk");
  m_col.p3ke = index_of("p3ke");
  m_col.disabilitas = index_of("disabilitas");
  m_col.tanggal_usulan = index_of("tanggal_usulan");
  // Every column the profile requires (a region's own profile may require `alamat`) gets
  // missing:<column> when empty.
  for (const auto& name : profile.required_columns)
    if (const int index = index_of(name); index >= 0) m_required.emplace_back(name, index);
}

// Real files repeat a few dozen spellings a million times; a hostile one with a million
// different texts stops filling the cache and is judged directly.
constexpr std::size_t kCacheLimit = 4096;

const Occupation* Validator::occupation(std::string_view text) const {
  if (const auto it = m_occupations.find(text); it != m_occupations.end()) return it->second;
  const Occupation* found = m_profile.find_occupation(text);
  if (m_occupations.size() < kCacheLimit) m_occupations.emplace(std::string(text), found);
  return found;
}

bool Validator::category_covered(std::string_view text) const {
  if (const auto it = m_categories.find(text); it != m_categories.end()) return it->second;
  const bool covered = !m_profile.find_category(text).empty();
  if (m_categories.size() < kCacheLimit) m_categories.emplace(std::string(text), covered);
  return covered;
}

Validator::RegionAnswer Validator::region(std::string_view text) const {
  if (const auto it = m_regions.find(text); it != m_regions.end()) return it->second;
  const std::string code = region_code_of(text);
  RegionAnswer answer;
  answer.inside = code == m_profile.region_code || (code.empty() && names_region(text, m_profile));
  if (!answer.inside) answer.label = code.empty() ? std::string(text) : region_label(code);
  if (m_regions.size() < kCacheLimit) m_regions.emplace(std::string(text), answer);
  return answer;
}

namespace {

const std::string& cell(const csv::Record& r, int column) {
  static const std::string empty;
  return column >= 0 && static_cast<std::size_t>(column) < r.fields.size() ? r.fields[static_cast<std::size_t>(column)]
                                                                            : empty;
}

}  // namespace

Verdict Validator::check(const csv::Record& r, std::string_view where) const {
  Verdict v;
  Findings& f = v.findings;
  const Profile& p = m_profile;

  // A broken record cannot be judged field by field: its cells may be shifted.
  if (r.fault != csv::RecordFault::none) {
    const std::string code = csv::fault_code(r.fault);
    std::string text;
    if (r.fault == csv::RecordFault::field_count)
      text = fmt::format(trf("baris berisi {} kolom, judul {} kolom; periksa pemisah atau tanda kutip",
                            "the row has {} fields, the header {}; check delimiters and quotes"),
                         r.raw_field_count,
                         r.source < m_source_widths.size() ? m_source_widths[r.source] : r.fields.size());
    else if (r.fault == csv::RecordFault::quote)
      text = tr("tanda kutip salah letak; kutip seluruh isi sel dan gandakan kutip di dalamnya",
                "misplaced quote; quote the whole cell and double the quotes inside it");
    else
      text = tr("bukan teks UTF-8; simpan ulang sebagai CSV UTF-8 atau pakai --encoding cp1252",
                "not UTF-8 text; save again as CSV UTF-8 or use --encoding cp1252");
    f.push_back(invalid(code, "", text));
    v.status = Status::invalid;
    return v;
  }

  const Columns& c = m_col;
  const auto value = [&](int column) -> std::string_view { return trim(cell(r, column)); };

  // missing:<column> for every needed column with an empty cell, in the profile's order.
  for (const auto& [column, index] : m_required) {
    if (trim(cell(r, index)).empty())
      f.push_back(invalid("missing:" + column, column,
                          fmt::format(trf("kolom {} kosong; wajib diisi", "column {} is empty; it is required"), column)));
  }

  // NIK (Lampiran II; Pasal 7 ayat (1) huruf a).
  std::optional<NikInfo> nik_info;
  if (const auto nik = value(c.nik); !nik.empty()) {
    switch (check_nik(nik)) {
      case NikProblem::none: nik_info = decode_nik(nik); break;
      case NikProblem::format:
        f.push_back(invalid("nik_format", "nik",
                            fmt::format(trf("NIK '{}' harus 16 angka", "NIK '{}' must be 16 digits"), mask_nik(nik))));
        break;
      case NikProblem::scientific:
        f.push_back(invalid("nik_scientific", "nik",
                            fmt::format(trf("NIK '{}' sudah diubah spreadsheet menjadi notasi ilmiah dan angkanya hilang; "
                                           "format kolom NIK sebagai Teks lalu isi ulang dari e-KTP",
                                           "NIK '{}' was turned into scientific notation by a spreadsheet and its digits are "
                                           "lost; format the NIK column as Text and enter it again from the e-KTP"),
                                        nik)));
        break;
      case NikProblem::structure: {
        // Name the part that is impossible, so the clerk knows which digits to check on the e-KTP.
        std::string part;
        switch (impossible_nik_part(nik)) {
          case NikPart::province:
            part = fmt::format(trf("kode provinsi {} tidak ada (digit 1-2)", "province code {} does not exist (digits 1-2)"),
                               nik.substr(0, 2));
            break;
          case NikPart::day:
            part = fmt::format(trf("tanggal lahir {} tidak mungkin (digit 7-8: 01-31, perempuan 41-71)",
                                   "birth day {} is impossible (digits 7-8: 01-31, women 41-71)"),
                               nik.substr(6, 2));
            break;
          case NikPart::month:
            part = fmt::format(trf("bulan lahir {} tidak mungkin (digit 9-10: 01-12)",
                                   "birth month {} is impossible (digits 9-10: 01-12)"),
                               nik.substr(8, 2));
            break;
          case NikPart::serial:
          case NikPart::none:
            part = tr("nomor urut 0000 tidak mungkin (digit 13-16)", "serial 0000 is impossible (digits 13-16)");
            break;
        }
        f.push_back(invalid("nik_structure", "nik",
                            fmt::format(trf("NIK {} tidak mungkin: {}", "NIK {} is impossible: {}"), mask_nik(nik), part)));
        break;
      }
    }
  }
  if (const auto kk = value(c.no_kk); !kk.empty() && !is_valid_kk(kk))
    f.push_back(invalid("kk_format", "no_kk",
                        tr("nomor KK harus 16 angka (format kolom sebagai Teks di spreadsheet)",
                           "the KK number must be 16 digits (format the column as Text in the spreadsheet)")));

  // Dates. The evaluation date is tanggal_usulan when given, else --as-of (contract).
  Date eval = m_options.as_of;
  const auto read_date = [&](const char* column, int index) -> std::optional<Date> {
    const auto text = value(index);
    if (text.empty()) return std::nullopt;
    auto d = parse_date(text);
    if (!d)
      f.push_back(invalid(std::string("date_format:") + column, column,
                          fmt::format(trf("tanggal '{}' di kolom {} tidak terbaca; tulis YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY",
                                         "date '{}' in column {} cannot be read; write YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY"),
                                      text, column)));
    return d;
  };
  const auto future = [&](const char* column, Date d, Date limit) {
    f.push_back(invalid(std::string("date_future:") + column, column,
                        fmt::format(trf("tanggal {} di kolom {} sesudah tanggal penilaian {}",
                                       "date {} in column {} is after the evaluation date {}"),
                                    format_date(d), column, format_date(limit))));
  };
  const auto proposed = read_date("tanggal_usulan", c.tanggal_usulan);
  if (proposed) {
    if (*proposed > m_options.as_of) future("tanggal_usulan", *proposed, m_options.as_of);
    else eval = *proposed;
  }
  const auto birth = read_date("tanggal_lahir", c.tanggal_lahir);
  if (birth && *birth > eval) future("tanggal_lahir", *birth, eval);
  const auto domicile = read_date("domisili_sejak", c.domisili_sejak);
  if (domicile && *domicile > eval) future("domisili_sejak", *domicile, eval);
  const bool birth_ok = birth && *birth <= eval;
  if (birth_ok) v.age = completed_years(*birth, eval);

  // Money and booleans.
  // A plain value and a flag, not std::optional: GCC 12 warns maybe-uninitialized on the latter.
  Sen income = 0;
  bool has_income = false;
  if (const auto text = value(c.penghasilan); !text.empty()) {
    const auto parsed = parse_money(text);
    has_income = parsed && *parsed >= 0;
    if (has_income) income = *parsed;
    else
      f.push_back(invalid("number_format:penghasilan", "penghasilan",
                          fmt::format(trf("penghasilan '{}' tidak terbaca; tulis misalnya 3500000 atau 3.500.000",
                                          "income '{}' cannot be read; write e.g. 3500000 or 3.500.000"),
                                      text)));
  }
  const auto read_bool = [&](const char* column, int index) -> Tristate {
    const auto text = value(index);
    if (text.empty()) return Tristate::unknown;
    const Tristate t = parse_bool(text);
    if (t == Tristate::unknown)
      f.push_back(invalid(std::string("value_format:") + column, column,
                          fmt::format(trf("'{}' di kolom {} bukan ya/tidak; tulis Y/N, YA/TIDAK, 1/0 atau TRUE/FALSE",
                                         "'{}' in column {} is not yes/no; write Y/N, YA/TIDAK, 1/0 or TRUE/FALSE"),
                                      text, column)));
    return t;
  };
  const Tristate insured = read_bool("punya_bpjstk", c.punya_bpjstk);
  const Tristate p3ke = read_bool("p3ke", c.p3ke);
  const Tristate disabled = read_bool("disabilitas", c.disabilitas);

  // Pasal 5 ayat (2): P3KE and disability come first (empty = no).
  v.priority = (p3ke == Tristate::yes || disabled == Tristate::yes) ? 1 : 2;

  // Ineligible: in the contract's table order.
  if (p.already_insured.enabled && insured == Tristate::yes)
    f.push_back(rule("already_insured", p.already_insured, "punya_bpjstk",
                     tr("sudah menjadi peserta BPJS Ketenagakerjaan", "already a BPJS Ketenagakerjaan member")));
  if (p.category_rule.enabled) {
    if (const auto text = value(c.kategori); !text.empty() && !category_covered(text))
      f.push_back(rule("category_not_covered", p.category_rule, "kategori",
                       fmt::format(trf("kategori '{}' bukan fakir miskin (FM) atau orang tidak mampu (OTM)",
                                      "category '{}' is neither fakir miskin (FM) nor orang tidak mampu (OTM)"),
                                   text)));
  }
  if (v.age && p.age_min_rule.enabled && *v.age < p.age_min)
    f.push_back(rule("age_below_min", p.age_min_rule, "tanggal_lahir",
                     fmt::format(trf("usia {} tahun pada {}, minimal {}", "age {} on {}, minimum {}"), *v.age,
                                 format_date(eval), p.age_min)));
  if (v.age && p.age_max_rule.enabled &&
      (p.age_max_inclusive ? *v.age > p.age_max : *v.age >= p.age_max))
    f.push_back(rule("age_above_max", p.age_max_rule, "tanggal_lahir",
                     p.age_max_inclusive
                         ? fmt::format(trf("usia {} tahun pada {}, maksimal {}", "age {} on {}, at most {}"), *v.age,
                                       format_date(eval), p.age_max)
                         : fmt::format(trf("usia {} tahun pada {}, harus belum {} tahun", "age {} on {}, must be under {}"),
                                       *v.age, format_date(eval), p.age_max)));
  if (p.region_rule.enabled) {
    if (const auto text = value(c.kabkota_ktp); !text.empty()) {
      if (const RegionAnswer answer = region(text); !answer.inside)
        f.push_back(rule("ektp_outside_region", p.region_rule, "kabkota_ktp",
                         fmt::format(trf("e-KTP dari {}, bukan {} {}", "e-KTP of {}, not {} {}"), answer.label,
                                     p.region_code, p.region_name)));
    }
  }
  if (p.domicile_rule.enabled && domicile && *domicile <= eval) {
    const Date enough = add_months(*domicile, p.domicile_months);
    if (enough > eval)
      f.push_back(rule("domicile_too_short", p.domicile_rule, "domisili_sejak",
                       fmt::format(trf("berdomisili sejak {}, belum {} bulan pada {} (cukup mulai {})",
                                      "domiciled since {}, not yet {} months on {} (enough from {})"),
                                   format_date(*domicile), p.domicile_months, format_date(eval), format_date(enough))));
  }
  if (p.income_rule.enabled && has_income) {
    const int year = static_cast<int>(eval.year());
    std::optional<Sen> umk = m_options.umk_override ? m_options.umk_override : p.umk_for(year);
    if (!umk)
      throw ConfigError(fmt::format(trf("{}: profil {} tidak punya UMK tahun {}; tambahkan di profil atau beri --umk RP",
                                       "{}: profile {} has no UMK for {}; add it to the profile or pass --umk RP"),
                                    where, p.id, year));
    if (income >= *umk)
      f.push_back(rule("income_not_below_umk", p.income_rule, "penghasilan",
                       fmt::format(trf("penghasilan {} tidak di bawah UMK {} {}", "income {} is not below the {} UMK {}"),
                                   format_rupiah(income), year, format_rupiah(*umk))));
  }
  const auto occupation_of = [this](std::string_view text) { return this->occupation(text); };
  const Occupation* occupation = nullptr;
  if (const auto text = value(c.pekerjaan); !text.empty()) {
    occupation = occupation_of(text);
    if (occupation) v.agency = occupation->agency;
    else if (p.occupation_rule.enabled)
      f.push_back(rule("occupation_not_covered", p.occupation_rule, "pekerjaan",
                       fmt::format(trf("pekerjaan '{}' tidak termasuk yang dilindungi", "occupation '{}' is not covered"),
                                   text)));
  }

  // Warnings: never change the status.
  if (nik_info) {
    if (birth && !nik_matches_birth_date(*nik_info, *birth))
      f.push_back(warning("nik_birthdate_mismatch", "nik",
                          fmt::format(trf("tanggal lahir di NIK ({:02}-{:02}-{:02}) berbeda dengan {}",
                                         "birth date in the NIK ({:02}-{:02}-{:02}) differs from {}"),
                                      nik_info->day, nik_info->month, nik_info->year2, format_date(*birth))));
    if (const auto sex = to_upper_ascii(value(c.jenis_kelamin)); (sex == "L" || sex == "P") && sex[0] != nik_info->sex)
      f.push_back(warning("nik_sex_mismatch", "nik",
                          fmt::format(trf("NIK menunjukkan jenis kelamin {}, tertulis {}", "the NIK says sex {}, the row says {}"),
                                      nik_info->sex, sex)));
    if (nik_info->region != p.region_code)
      f.push_back(warning("nik_region_outside", "nik",
                          fmt::format(trf("NIK pertama terbit di {} (NIK tidak berubah saat pindah)",
                                         "NIK first issued in {} (a NIK never changes on moving)"),
                                      region_label(nik_info->region))));
  }
  if (occupation && p.occupation_ektp_rule.enabled) {
    if (const auto ektp = value(c.pekerjaan_ektp); !ektp.empty()) {
      const Occupation* other = occupation_of(ektp);
      if (!other || other->code != occupation->code)
        f.push_back(warning("occupation_differs_ektp", "pekerjaan_ektp",
                            fmt::format(trf("pekerjaan di e-KTP '{}' berbeda; dipakai hasil pendataan '{}'",
                                           "occupation on the e-KTP '{}' differs; the data-collection one '{}' is used"),
                                        ektp, value(c.pekerjaan)),
                            p.occupation_ektp_rule.article));
    }
  }
  // alasan lists codes in the order of the contract's tables, whatever order they were found in.
  std::stable_sort(f.begin(), f.end(), [](const Finding& a, const Finding& b) { return code_rank(a.code) < code_rank(b.code); });

  bool any_invalid = false, any_ineligible = false;
  for (const auto& x : f) {
    any_invalid = any_invalid || x.severity == Severity::invalid;
    any_ineligible = any_ineligible || x.severity == Severity::ineligible;
  }
  v.status = any_invalid ? Status::invalid : any_ineligible ? Status::ineligible : Status::eligible;
  return v;
}

}  // namespace jamsos
