// validate's rules at their boundaries, through the Validator with the built-in profiles.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/ops/validate.hpp"

using namespace jamsos;

namespace {

// A Balikpapan candidate that passes every rule on 2025-08-15 (NIK: man born 1980-05-12).
std::map<std::string, std::string> good_row() {
  return {{"nik", "6471011205800001"},      {"no_kk", "6471010101200001"},
          {"nama", "Budi Santoso"},         {"tanggal_lahir", "1980-05-12"},
          {"jenis_kelamin", "L"},           {"kabkota_ktp", "6471"},
          {"domisili_sejak", "2010-01-01"}, {"pekerjaan", "c"},
          {"penghasilan", "2.500.000"},     {"kategori", "FM"},
          {"punya_bpjstk", "N"},            {"p3ke", ""},
          {"disabilitas", ""},              {"tanggal_usulan", ""}};
}

struct Judged {
  Verdict verdict;
  std::string codes;  // failing codes, ';'-joined
  std::string warnings;
  std::string text;
};

Judged judge(const std::map<std::string, std::string>& row, const std::string& profile_id = "balikpapan-2025",
             const std::string& as_of = "2025-08-15") {
  static std::map<std::string, Profile> profiles;
  if (!profiles.count(profile_id)) profiles.emplace(profile_id, load_profile(profile_id));
  std::vector<std::string> header;
  csv::Record record;
  for (const auto& [k, v] : row) header.push_back(k), record.fields.push_back(v);
  record.line = 2;
  ValidateOptions options;
  options.as_of = *parse_date(as_of);
  const Validator validator(profiles.at(profile_id), options, header);
  Judged j{validator.check(record, "t.csv:2"), "", "", ""};
  for (const auto& f : j.verdict.findings) {
    std::string& s = f.severity == Severity::warning ? j.warnings : j.codes;
    s += (s.empty() ? "" : ";") + f.code;
    j.text += f.text + "|";
  }
  return j;
}

std::map<std::string, std::string> with(std::map<std::string, std::string> row,
                                        const std::map<std::string, std::string>& changes) {
  for (const auto& [k, v] : changes) row[k] = v;
  return row;
}

}  // namespace

TEST_CASE("validate::eligible_baseline", "[validate]") {
  const auto j = judge(good_row());
  CHECK(j.verdict.status == Status::eligible);
  CHECK(j.codes.empty());
  CHECK(j.warnings.empty());
  CHECK(j.verdict.age == 45);
  CHECK(j.verdict.priority == 2);
  CHECK_FALSE(j.verdict.agency.empty());
}

TEST_CASE("validate::age_window_balikpapan", "[validate][boundary]") {
  // Pasal 5 ayat (1) huruf c: at least 18 and not yet 64 on the day of registering.
  SECTION("the day before the 18th birthday") {
    const auto j = judge(with(good_row(), {{"tanggal_lahir", "2007-08-16"}, {"nik", "6471011608070001"}}));
    CHECK(j.codes == "age_below_min");
    CHECK(j.verdict.age == 17);
    CHECK(j.text.find("Pasal 5 ayat (1) huruf c") != std::string::npos);
  }
  SECTION("on the 18th birthday") {
    const auto j = judge(with(good_row(), {{"tanggal_lahir", "2007-08-15"}, {"nik", "6471011508070001"}}));
    CHECK(j.verdict.status == Status::eligible);
    CHECK(j.verdict.age == 18);
  }
  SECTION("the day after the 18th birthday") {
    const auto j = judge(with(good_row(), {{"tanggal_lahir", "2007-08-14"}, {"nik", "6471011408070001"}}));
    CHECK(j.verdict.status == Status::eligible);
  }
  SECTION("the day before the 64th birthday") {
    const auto j = judge(with(good_row(), {{"tanggal_lahir", "1961-08-16"}, {"nik", "6471011608610001"}}));
    CHECK(j.verdict.status == Status::eligible);
    CHECK(j.verdict.age == 63);
  }
  SECTION("on the 64th birthday") {
    const auto j = judge(with(good_row(), {{"tanggal_lahir", "1961-08-15"}, {"nik", "6471011508610001"}}));
    CHECK(j.codes == "age_above_max");
    CHECK(j.verdict.age == 64);
  }
  SECTION("the day after the 64th birthday") {
    const auto j = judge(with(good_row(), {{"tanggal_lahir", "1961-08-14"}, {"nik", "6471011408610001"}}));
    CHECK(j.codes == "age_above_max");
  }
}

TEST_CASE("validate::leap_day_birth", "[validate][boundary]") {
  // Born 29 February: a year older on 1 March of a common year (contract, "Age").
  const auto row = with(good_row(), {{"tanggal_lahir", "2008-02-29"}, {"nik", "6471012902080001"}});
  SECTION("28 February 2026: still 17") {
    const auto j = judge(row, "balikpapan-2025", "2026-02-28");
    CHECK(j.verdict.age == 17);
    CHECK(j.codes == "age_below_min");
  }
  SECTION("1 March 2026: 18") {
    const auto j = judge(row, "balikpapan-2025", "2026-03-01");
    CHECK(j.verdict.age == 18);
    CHECK(j.codes.find("age_below_min") == std::string::npos);
  }
}

TEST_CASE("validate::domicile_six_months", "[validate][boundary]") {
  // Pasal 5 ayat (1) huruf e: 2025-02-28 + 6 months = 2025-08-28.
  SECTION("31 August + 6 months is the end of February") {
    const auto since = with(good_row(), {{"domisili_sejak", "2024-08-31"}, {"tanggal_usulan", "2025-02-27"}});
    CHECK(judge(since).codes == "domicile_too_short");
    const auto enough = with(good_row(), {{"domisili_sejak", "2024-08-31"}, {"tanggal_usulan", "2025-02-28"}});
    CHECK(judge(enough).verdict.status == Status::eligible);
  }
  SECTION("one day short, then exactly six months") {
    CHECK(judge(with(good_row(), {{"domisili_sejak", "2025-02-16"}})).codes == "domicile_too_short");
    CHECK(judge(with(good_row(), {{"domisili_sejak", "2025-02-15"}})).verdict.status == Status::eligible);
  }
}

TEST_CASE("validate::income_against_umk_with_sen", "[validate][boundary]") {
  // Pasal 5 ayat (1) huruf f; UMK Balikpapan 2025 = Rp 3.701.508,68.
  SECTION("one sen below") {
    CHECK(judge(with(good_row(), {{"penghasilan", "3.701.508,67"}})).verdict.status == Status::eligible);
  }
  SECTION("one Rupiah below") {
    CHECK(judge(with(good_row(), {{"penghasilan", "3701507.68"}})).verdict.status == Status::eligible);
  }
  SECTION("exactly the UMK") {
    const auto j = judge(with(good_row(), {{"penghasilan", "3.701.508,68"}}));
    CHECK(j.codes == "income_not_below_umk");
    CHECK(j.text.find("Pasal 5 ayat (1) huruf f") != std::string::npos);
  }
  SECTION("unreadable amount") {
    CHECK(judge(with(good_row(), {{"penghasilan", "3,5jt"}})).codes == "number_format:penghasilan");
  }
  SECTION("a year with no UMK stops the run with 78") {
    CHECK_THROWS_AS(judge(with(good_row(), {{"tanggal_usulan", "2019-08-01"}})), ConfigError);
  }
}

TEST_CASE("validate::balangan_age_limit", "[validate][boundary]") {
  // Perbup Balangan 5/2024 Pasal 12 ayat (4) huruf b: at most 65; no minimum age, no UMK.
  auto row = with(good_row(), {{"kabkota_ktp", "6311"}, {"nik", "6311010209590001"}});
  SECTION("65 is allowed") {
    const auto j = judge(with(row, {{"tanggal_lahir", "1959-09-02"}}), "balangan-2024", "2024-09-02");
    CHECK(j.verdict.age == 65);
    CHECK(j.verdict.status == Status::eligible);
  }
  SECTION("66 is not") {
    const auto j = judge(with(row, {{"tanggal_lahir", "1958-09-02"}, {"nik", "6311010209580001"}}), "balangan-2024",
                         "2024-09-02");
    CHECK(j.codes == "age_above_max");
    CHECK(j.text.find("Pasal 12") != std::string::npos);
  }
  SECTION("rules Balangan does not have are never applied") {
    const auto j = judge(with(row, {{"tanggal_lahir", "2009-01-05"}, {"nik", "6311010501090001"}, {"kategori", "Mampu"},
                                    {"penghasilan", "9000000"}, {"pekerjaan", "wiraswasta"}}),
                         "balangan-2024", "2024-09-02");
    CHECK(j.verdict.status == Status::eligible);
  }
}

TEST_CASE("validate::nik_checks", "[validate]") {
  SECTION("scientific notation is named as such, not as a format error") {
    CHECK(judge(with(good_row(), {{"nik", "6.47101E+15"}})).codes == "nik_scientific");
  }
  SECTION("15 digits") { CHECK(judge(with(good_row(), {{"nik", "647101120580000"}})).codes == "nik_format"); }
  SECTION("serial 0000") { CHECK(judge(with(good_row(), {{"nik", "6471011205800000"}})).codes == "nik_structure"); }
  SECTION("a woman's NIK (day + 40) for a row marked L warns, never rejects") {
    const auto j = judge(with(good_row(), {{"nik", "6471015205800001"}}));
    CHECK(j.verdict.status == Status::eligible);
    CHECK(j.warnings == "nik_sex_mismatch");
  }
  SECTION("birth digits that disagree warn") {
    const auto j = judge(with(good_row(), {{"nik", "6471011305800001"}}));
    CHECK(j.warnings == "nik_birthdate_mismatch");
  }
  SECTION("a NIK first issued elsewhere warns: it never follows a move") {
    const auto j = judge(with(good_row(), {{"nik", "6472011205800001"}}));
    CHECK(j.verdict.status == Status::eligible);
    CHECK(j.warnings == "nik_region_outside");
  }
  SECTION("KK in scientific notation") {
    CHECK(judge(with(good_row(), {{"no_kk", "6.47101E+15"}})).codes == "kk_format");
  }
}

TEST_CASE("validate::codes_in_contract_order", "[validate]") {
  // Several failures: invalid codes first, then ineligible ones in the table's order.
  const auto j = judge(with(good_row(), {{"nama", ""}, {"punya_bpjstk", "Y"}, {"kategori", "Mampu"},
                                         {"kabkota_ktp", "64.72"}, {"pekerjaan", "wiraswasta"},
                                         {"tanggal_lahir", "31/02/1980"}}));
  CHECK(j.verdict.status == Status::invalid);
  CHECK(j.codes ==
        "missing:nama;date_format:tanggal_lahir;already_insured;category_not_covered;ektp_outside_region;"
        "occupation_not_covered");
}

TEST_CASE("validate::other_rules", "[validate]") {
  SECTION("already insured") { CHECK(judge(with(good_row(), {{"punya_bpjstk", "ya"}})).codes == "already_insured"); }
  SECTION("long category names") {
    CHECK(judge(with(good_row(), {{"kategori", "Fakir Miskin"}})).verdict.status == Status::eligible);
    CHECK(judge(with(good_row(), {{"kategori", "orang tidak mampu"}})).verdict.status == Status::eligible);
  }
  SECTION("region written 64.71 or as a district code") {
    CHECK(judge(with(good_row(), {{"kabkota_ktp", "64.71"}})).verdict.status == Status::eligible);
    CHECK(judge(with(good_row(), {{"kabkota_ktp", "647103"}})).verdict.status == Status::eligible);
  }
  SECTION("a NIK pasted into kabkota_ktp does not decide the region") {
    CHECK(judge(with(good_row(), {{"kabkota_ktp", "6471011205800001"}})).codes == "ektp_outside_region");
    CHECK(judge(with(good_row(), {{"kabkota_ktp", "64711"}})).codes == "ektp_outside_region");
    CHECK(judge(with(good_row(), {{"kabkota_ktp", "64.71.01"}})).verdict.status == Status::eligible);
  }
  SECTION("occupation names typed with punctuation are the same occupation") {
    CHECK(judge(with(good_row(), {{"pekerjaan", "Pedagang Kaki-Lima"}})).verdict.status == Status::eligible);
    CHECK(judge(with(good_row(), {{"pekerjaan", "Pemulung."}})).verdict.status == Status::eligible);
    CHECK(judge(with(good_row(), {{"pekerjaan", "pedagang kaki limas"}})).codes == "occupation_not_covered");
  }
  SECTION("a boolean that is neither yes nor no") {
    CHECK(judge(with(good_row(), {{"p3ke", "mungkin"}})).codes == "value_format:p3ke");
  }
  SECTION("priority for P3KE or disability (Pasal 5 ayat (2))") {
    CHECK(judge(with(good_row(), {{"p3ke", "Y"}})).verdict.priority == 1);
    CHECK(judge(with(good_row(), {{"disabilitas", "1"}})).verdict.priority == 1);
    CHECK(judge(with(good_row(), {{"disabilitas", "TIDAK"}})).verdict.priority == 2);
  }
  SECTION("proposal dated after --as-of") {
    CHECK(judge(with(good_row(), {{"tanggal_usulan", "2025-08-16"}})).codes == "date_future:tanggal_usulan");
  }
  SECTION("data-collection occupation wins over the e-KTP (Pasal 6 ayat (4))") {
    const auto j = judge(with(good_row(), {{"pekerjaan_ektp", "karyawan swasta"}}));
    CHECK(j.verdict.status == Status::eligible);
    CHECK(j.warnings == "occupation_differs_ektp");
  }
  SECTION("pedagang keliling has its own agency (Lampiran I)") {
    const auto stall = judge(with(good_row(), {{"pekerjaan", "f"}}));
    const auto itinerant = judge(with(good_row(), {{"pekerjaan", "pedagang keliling"}}));
    CHECK(stall.verdict.status == Status::eligible);
    CHECK(itinerant.verdict.status == Status::eligible);
    CHECK(stall.verdict.agency != itinerant.verdict.agency);
  }
}

TEST_CASE("validate::record_faults", "[validate]") {
  csv::Record record;
  record.fields = {"6471011205800001", "x"};
  record.fault = csv::RecordFault::field_count;
  record.raw_field_count = 3;
  const Profile p = load_profile("balikpapan-2025");
  ValidateOptions options;
  options.as_of = *parse_date("2025-08-15");
  const Validator v(p, options, {"nik", "nama"});
  const Verdict verdict = v.check(record, "t.csv:9");
  CHECK(verdict.status == Status::invalid);
  REQUIRE(verdict.findings.size() == 1);
  CHECK(verdict.findings[0].code == "field_count");
}

TEST_CASE("validate::texts_in_both_languages", "[validate][i18n]") {
  const auto row = with(good_row(), {{"tanggal_lahir", "2007-08-16"}, {"nik", "6471011608070001"}});
  set_lang(Lang::en);
  const auto en = judge(row);
  set_lang(Lang::id);
  const auto id = judge(row);
  CHECK(en.codes == id.codes);
  CHECK(en.text.find("age 17 on 2025-08-15, minimum 18") != std::string::npos);
  CHECK(id.text.find("usia 17 tahun pada 2025-08-15, minimal 18") != std::string::npos);
}
