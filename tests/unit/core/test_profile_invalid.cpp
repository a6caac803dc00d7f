// A wrong profile stops the run with exit 78 before any row is judged, and its message
// names the file, the line and the key, so a civil servant can fix it alone. Each case
// takes the built-in balikpapan-2025 text and breaks one thing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/profile.hpp"

using namespace jamsos;

namespace {

std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}
std::string balikpapan_with(const std::string& from, const std::string& to) {
  return with(profile_text("balikpapan-2025"), from, to);
}

// The 1-based line of the first occurrence of `needle` in `text`.
std::size_t line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string error_of(const std::string& text) {
  try {
    parse_profile(text, "daerahku.toml");
  } catch (const ConfigError& e) {
    CHECK(e.code() == ExitCode::config);
    return e.what();
  }
  FAIL("parse_profile did not throw ConfigError");
  return {};
}

// Restores Indonesian after a test that switched to English.
struct EnglishForThisTest {
  EnglishForThisTest() { set_lang(Lang::en); }
  ~EnglishForThisTest() { set_lang(Lang::id); }
};

}  // namespace

TEST_CASE("profile::invalid TOML syntax names file:line:column", "[profile]") {
  const std::string text = balikpapan_with("version = \"2025.1\"", "version = \"2025.1");
  const std::string m = error_of(text);
  CHECK_THAT(m, Catch::StartsWith("daerahku.toml:" + std::to_string(line_of(text, "version = ")) + ":"));
  CHECK_THAT(m, Catch::Contains("TOML tidak sah"));
}

TEST_CASE("profile::semantic checks name the key", "[profile]") {
  // The JKK period's first month (not the commented example above it).
  const std::string jkk_from = "amount = \"10.000\"\nfrom = \"2025-01\"";
  SECTION("missing key") {
    const std::string m = error_of(balikpapan_with("title = \"Peraturan Wali Kota Balikpapan Nomor 3 Tahun 2025\"\n", ""));
    CHECK_THAT(m, Catch::Contains("profile.title: kunci wajib tidak ada"));
  }
  SECTION("missing rule section") {
    const std::string m = error_of(balikpapan_with("[rules.domicile]", "[rules.domicile_dummy]"));
    CHECK_THAT(m, Catch::Contains("rules.domicile: bagian [rules.domicile] tidak ada"));
    CHECK_THAT(m, Catch::Contains("rules.domicile_dummy: aturan tidak dikenal"));
  }
  SECTION("bad money") {
    const std::string text = balikpapan_with("2025 = \"3.701.508,68\"", "2025 = \"3,701,508.68\"");
    const std::string m = error_of(text);
    CHECK_THAT(m, Catch::Contains("daerahku.toml:" + std::to_string(line_of(text, "2025 = ")) +
                                  ": rules.income.umk.2025: bukan jumlah uang yang sah"));
  }
  SECTION("money as a bare number: Rupiah or sen would be a guess") {
    const std::string m = error_of(balikpapan_with("amount = \"6.800\"", "amount = 6800"));
    CHECK_THAT(m, Catch::Contains("premiums[2].amount"));
  }
  SECTION("a UMK key that is not a year") {
    const std::string m = error_of(balikpapan_with("2026 = \"3.856.694,43\"", "th2026 = \"3.856.694,43\""));
    CHECK_THAT(m, Catch::Contains("rules.income.umk.th2026"));
  }
  SECTION("bad month") {
    const std::string m = error_of(balikpapan_with(jkk_from, "amount = \"10.000\"\nfrom = \"2025-13\""));
    CHECK_THAT(m, Catch::Contains("premiums[1].from: bukan bulan yang sah"));
  }
  SECTION("until before from") {
    const std::string m = error_of(balikpapan_with(jkk_from, "amount = \"10.000\"\nfrom = \"2025-01\"\nuntil = \"2024-12\""));
    CHECK_THAT(m, Catch::Contains("premiums[1].until: 2024-12 sebelum from 2025-01"));
  }
  SECTION("overlapping premium periods for one component") {
    const std::string m = error_of(profile_text("balikpapan-2025") +
                                   "\n[[premiums]]\ncomponent = \"JKK\"\namount = \"5.000\"\nfrom = \"2026-04\"\n"
                                   "until = \"2026-12\"\nbasis = \"PP 50/2025\"\n");
    CHECK_THAT(m, Catch::Contains("premiums[3]: JKK 2026-04..2026-12 tumpang tindih dengan premiums[1] 2025-01..(terbuka)"));
  }
  SECTION("periods of different components may overlap") {
    CHECK_NOTHROW(parse_profile(profile_text("balikpapan-2025") +
                                    "\n[[premiums]]\ncomponent = \"JHT\"\namount = \"20.000\"\nfrom = \"2026-04\"\n"
                                    "basis = \"contoh\"\n",
                                "daerahku.toml"));
  }
  SECTION("age_min > age_max") {
    const std::string m = error_of(balikpapan_with("years = 18", "years = 70"));
    CHECK_THAT(m, Catch::Contains("rules.age_min.years: usia minimal 70 tidak cocok dengan usia maksimal 64"));
  }
  SECTION("an age that is not a number") {
    const std::string m = error_of(balikpapan_with("years = 18", "years = \"18\""));
    CHECK_THAT(m, Catch::Contains("rules.age_min.years: harus bilangan bulat"));
  }
  SECTION("premium cap months beyond 11") {
    const std::string m = error_of(balikpapan_with("months = 11", "months = 12"));
    CHECK_THAT(m, Catch::Contains("rules.premium_cap.months"));
  }
  SECTION("unknown column in required_columns") {
    const std::string m = error_of(balikpapan_with("\"kategori\", \"punya_bpjstk\",", "\"kategori\", \"punya_bpjstk\", \"gaji\","));
    CHECK_THAT(m, Catch::Contains("columns.required[10]: kolom 'gaji' tidak dikenal"));
  }
  SECTION("a rule that is on needs its column") {
    const std::string m = error_of(balikpapan_with("\"kabkota_ktp\", \"domisili_sejak\",", "\"kabkota_ktp\","));
    CHECK_THAT(m, Catch::Contains("columns.required: aturan rules.domicile berlaku, maka kolom \"domisili_sejak\""));
  }
  SECTION("an occupation without agency") {
    const std::string m = error_of(balikpapan_with("name = \"pemulung\"\nagency = \"Kecamatan dan Kelurahan\"\n",
                                                   "name = \"pemulung\"\n"));
    CHECK_THAT(m, Catch::Contains("occupations[16].agency: kunci wajib tidak ada"));
  }
  SECTION("one alias for two occupations") {
    const std::string m = error_of(balikpapan_with("aliases = [\"serabutan\"]", "aliases = [\"serabutan\", \"PKL\"]"));
    CHECK_THAT(m, Catch::Contains("occupations[15]: nama/alias 'pkl' sudah dipakai occupations[6]"));
  }
  SECTION("a rule that is on without its article") {
    const std::string m = error_of(balikpapan_with("article = \"Pasal 4\"\n", ""));
    CHECK_THAT(m, Catch::Contains("rules.occupation.article: aturan ini berlaku"));
  }
  SECTION("a typo in a key") {
    const std::string m = error_of(balikpapan_with("article = \"Pasal 4\"", "artikel = \"Pasal 4\""));
    CHECK_THAT(m, Catch::Contains("rules.occupation.artikel: kunci tidak dikenal"));
  }
  SECTION("an unknown format version") {
    const std::string m = error_of(balikpapan_with("format = 1", "format = 2"));
    CHECK_THAT(m, Catch::Contains("format: versi format tidak didukung"));
  }
  SECTION("a region code that is not a Kemendagri regency") {
    const std::string m = error_of(balikpapan_with("region_code = \"6471\"", "region_code = \"9971\""));
    CHECK_THAT(m, Catch::Contains("profile.region_code: '9971'"));
  }
  SECTION("a region code of a province, not a regency") {
    const std::string m = error_of(balikpapan_with("region_code = \"6471\"", "region_code = \"64\""));
    CHECK_THAT(m, Catch::Contains("profile.region_code: '64'"));
  }
  SECTION("a regency code that is not in the list") {
    const std::string m = error_of(balikpapan_with("region_code = \"6471\"", "region_code = \"6499\""));
    CHECK_THAT(m, Catch::Contains("profile.region_code: '6499'"));
  }
  SECTION("region code written 64.71 is read as 6471") {
    CHECK(parse_profile(balikpapan_with("region_code = \"6471\"", "region_code = \"64.71\""), "x.toml").region_code ==
          "6471");
  }
  SECTION("no premiums at all") {
    std::string text = profile_text("balikpapan-2025");
    text = text.substr(0, text.rfind("[[premiums]]\ncomponent = \"JKK\""));
    CHECK_THAT(error_of(text), Catch::Contains("premiums: tidak ada [[premiums]]"));
  }
  SECTION("every problem is reported at once") {
    const std::string m =
        error_of(with(balikpapan_with("years = 18", "years = 70"), jkk_from, "amount = \"10.000\"\nfrom = \"2025-13\""));
    CHECK_THAT(m, Catch::Contains("(2 masalah)"));
    CHECK_THAT(m, Catch::Contains("rules.age_min.years"));
    CHECK_THAT(m, Catch::Contains("premiums[1].from"));
  }
}

TEST_CASE("profile::messages in English with --lang en", "[profile]") {
  EnglishForThisTest english;
  SECTION("semantic") {
    const std::string m = error_of(balikpapan_with("years = 18", "years = 70"));
    CHECK_THAT(m, Catch::Contains("profile daerahku.toml is invalid (1 problem)"));
    CHECK_THAT(m, Catch::Contains("rules.age_min.years: minimum age 70 does not fit the maximum age 64 (exclusive)"));
  }
  SECTION("syntax") {
    CHECK_THAT(error_of(balikpapan_with("format = 1", "format = ")), Catch::Contains("invalid TOML"));
  }
  SECTION("unknown name") {
    try {
      load_profile("jakarta");
      FAIL("no error");
    } catch (const ConfigError& e) {
      CHECK_THAT(e.what(), Catch::StartsWith("unknown profile: 'jakarta'. Built-in profiles:"));
    }
  }
}
