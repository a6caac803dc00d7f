// The built-in regulation profiles carry the figures of their regulations: Perwali
// Balikpapan 3/2025 (Pasal 4, 5, 8 ayat (6), 11 ayat (6); UMK Kota Balikpapan) and Perbup
// Balangan 5/2024 (Pasal 12 ayat (4) huruf b), and the profile methods compute with them.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/profile.hpp"

using namespace jamsos;

namespace {

Month ym(int y, unsigned m) { return Month{date::year{y}, date::month{m}}; }
Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

const Profile& balikpapan() {
  static const Profile p = load_profile("balikpapan-2025");
  return p;
}
const Profile& balangan() {
  static const Profile p = load_profile("balangan-2024");
  return p;
}

// The built-in text with one piece replaced; the piece must be there.
std::string balikpapan_with(const std::string& from, const std::string& to) {
  std::string text = profile_text("balikpapan-2025");
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// A file in a fresh temporary folder, removed at the end of the test.
class TempFile {
public:
  TempFile(const std::string& name, const std::string& content) {
    char pattern[] = "/tmp/jamsos_profile_XXXXXX";
    REQUIRE(::mkdtemp(pattern) != nullptr);
    m_dir = pattern;
    m_path = m_dir + "/" + name;
    std::ofstream(m_path, std::ios::binary) << content;
  }
  ~TempFile() { std::filesystem::remove_all(m_dir); }
  const std::string& path() const { return m_path; }
  const std::string& dir() const { return m_dir; }

private:
  std::string m_dir, m_path;
};

std::string config_error_of(const std::string& name_or_path) {
  try {
    load_profile(name_or_path);
  } catch (const ConfigError& e) {
    CHECK(e.code() == ExitCode::config);
    return e.what();
  }
  FAIL("load_profile(" << name_or_path << ") did not throw ConfigError");
  return {};
}

}  // namespace

TEST_CASE("profile::built-ins load and name themselves", "[profile]") {
  REQUIRE(embedded_profiles().size() == 2);
  for (const auto& e : embedded_profiles()) {
    INFO(e.id);
    const Profile p = load_profile(e.id);
    CHECK(p.id == e.id);  // the file name and [profile].id agree
    CHECK(p.source == e.id);
    CHECK_FALSE(p.version.empty());
    CHECK_FALSE(p.legal_basis.empty());
    CHECK(profile_text(e.id) == e.toml);
  }
  SECTION("a built-in id in any case") { CHECK(load_profile("BALIKPAPAN-2025").id == "balikpapan-2025"); }
}

TEST_CASE("profile::balikpapan-2025 figures", "[profile]") {
  const Profile& p = balikpapan();
  CHECK(p.region_code == "6471");
  CHECK(p.region_name == "Kota Balikpapan");
  CHECK(p.place == "Balikpapan");
  CHECK(p.agency_name == "Dinas Tenaga Kerja Kota Balikpapan");
  CHECK(p.title == "Peraturan Wali Kota Balikpapan Nomor 3 Tahun 2025");
  CHECK(p.required_columns == std::vector<std::string>{"nik", "nama", "tanggal_lahir", "kabkota_ktp", "domisili_sejak",
                                                       "pekerjaan", "penghasilan", "kategori", "punya_bpjstk"});
  SECTION("eligibility, Pasal 5 ayat (1)") {
    CHECK(p.already_insured.enabled);
    CHECK(p.already_insured.article == "Pasal 5 ayat (1) huruf a");
    CHECK(p.category_rule.article == "Pasal 5 ayat (1) huruf b");
    CHECK(p.age_min_rule.enabled);
    CHECK(p.age_min == 18);
    CHECK(p.age_max_rule.enabled);
    CHECK(p.age_max == 64);
    CHECK_FALSE(p.age_max_inclusive);  // "belum mencapai usia 64 tahun"
    CHECK(p.age_max_rule.article == "Pasal 5 ayat (1) huruf c");
    CHECK(p.region_rule.article == "Pasal 5 ayat (1) huruf d");
    CHECK(p.domicile_months == 6);
    CHECK(p.domicile_rule.article == "Pasal 5 ayat (1) huruf e");
    CHECK(p.income_rule.article == "Pasal 5 ayat (1) huruf f");
    CHECK(p.occupation_rule.article == "Pasal 4");
    CHECK(p.occupation_ektp_rule.article == "Pasal 6 ayat (4)");
    CHECK(p.priority_rule.article == "Pasal 5 ayat (2)");
  }
  SECTION("UMK Kota Balikpapan by year, exact to the sen") {
    CHECK(p.umk_for(2024) == rupiah(3'475'595));
    CHECK(p.umk_for(2025) == 370150868);
    CHECK(p.umk_for(2026) == 385669443);
    CHECK_FALSE(p.umk_for(2023).has_value());
    CHECK_FALSE(p.umk_for(2027).has_value());
  }
  SECTION("premium JKK Rp 10.000 + JKM Rp 6.800 from 2025-01") {
    CHECK(p.premium_for(ym(2025, 1)) == 1680000);
    CHECK(p.premium_for(ym(2026, 3)) == 1680000);
    CHECK(p.premium_for(ym(2040, 12)) == 1680000);  // open-ended
    CHECK(p.premium_for(ym(2024, 12)) == 0);        // before the first period
    REQUIRE(p.premiums.size() == 2);
    CHECK(p.premiums[0].basis == "PP 44/2015 jo. PP 82/2019");
  }
  SECTION("premium cap 64 years 11 months, Pasal 11 ayat (6)") {
    CHECK(p.premium_cap_rule.article == "Pasal 11 ayat (6)");
    CHECK(p.last_premium_month(ymd(1961, 3, 15)) == ym(2026, 2));
    CHECK(p.last_premium_month(ymd(1961, 3, 31)) == ym(2026, 2));
    CHECK(p.last_premium_month(ymd(1961, 4, 1)) == ym(2026, 3));
  }
  SECTION("coverage, termination and reconciliation articles") {
    CHECK(p.coverage_start_rule.article == "Pasal 8 ayat (6)");
    CHECK(p.termination_rule.article == "Pasal 10");
    CHECK(p.reconciliation_rule.article == "Pasal 11 ayat (3)");
  }
  SECTION("Pasal 4 occupations a..o, each with its Lampiran I agency") {
    for (char c = 'a'; c <= 'o'; ++c) {
      INFO(c);
      const Occupation* o = p.find_occupation(std::string(1, c));
      REQUIRE(o != nullptr);
      CHECK(o->code == std::string(1, c));
      CHECK_FALSE(o->agency.empty());
    }
    CHECK(p.occupations.size() == 16);  // f twice: kaki lima and keliling
  }
}

TEST_CASE("profile::balangan-2024 figures", "[profile]") {
  const Profile& p = balangan();
  CHECK(p.region_code == "6311");
  CHECK(p.region_name == "Kabupaten Balangan");
  CHECK(p.place == "Paringin");
  CHECK(p.required_columns == std::vector<std::string>{"nik", "nama", "tanggal_lahir", "kabkota_ktp", "punya_bpjstk"});
  SECTION("only already_insured, region and age at most 65") {
    CHECK(p.already_insured.enabled);
    CHECK(p.region_rule.enabled);
    CHECK(p.region_rule.article == "Pasal 1 angka 1 dan angka 11");
    CHECK(p.age_max_rule.enabled);
    CHECK(p.age_max == 65);
    CHECK(p.age_max_inclusive);  // "setinggi-tingginya 65 tahun"
    CHECK(p.age_max_rule.article == "Pasal 12 ayat (4) huruf b");
    CHECK_FALSE(p.age_min_rule.enabled);
    CHECK_FALSE(p.category_rule.enabled);
    CHECK_FALSE(p.domicile_rule.enabled);
    CHECK_FALSE(p.income_rule.enabled);
    CHECK_FALSE(p.occupation_rule.enabled);
    CHECK_FALSE(p.occupation_ektp_rule.enabled);
    CHECK_FALSE(p.priority_rule.enabled);
  }
  SECTION("same national premium") {
    CHECK(p.premium_for(ym(2024, 1)) == 1680000);
    CHECK(p.premium_for(ym(2026, 3)) == 1680000);
  }
  SECTION("no premium cap in the perbup: no last month") {
    CHECK_FALSE(p.premium_cap_rule.enabled);
    CHECK_FALSE(p.last_premium_month(ymd(1940, 1, 1)).has_value());
  }
  SECTION("no occupations, no categories: nothing matches") {
    CHECK(p.find_occupation("f") == nullptr);
    CHECK(p.find_category("FM").empty());
  }
}

TEST_CASE("profile::premium_for sums the periods in force", "[profile]") {
  SECTION("a period starting in April 2026 is priced from April") {
    Profile p;
    p.premiums.push_back({"JKK", rupiah(5'000), ym(2026, 4), std::nullopt, "PP 50/2025"});
    CHECK(p.premium_for(ym(2026, 3)) == 0);
    CHECK(p.premium_for(ym(2026, 4)) == rupiah(5'000));
    CHECK(p.premium_for(ym(2027, 1)) == rupiah(5'000));
  }
  SECTION("a rate change written in the profile: JKK halved April-December 2026") {
    const std::string jkk = "[[premiums]]\ncomponent = \"JKK\"\namount = \"10.000\"\nfrom = \"2025-01\"\n";
    const Profile p = parse_profile(
        balikpapan_with(jkk, "[[premiums]]\ncomponent = \"JKK\"\namount = \"10.000\"\nfrom = \"2025-01\"\n"
                             "until = \"2026-03\"\nbasis = \"PP 44/2015 jo. PP 82/2019\"\n\n"
                             "[[premiums]]\ncomponent = \"JKK\"\namount = \"5.000\"\nfrom = \"2026-04\"\n"
                             "until = \"2026-12\"\nbasis = \"PP 50/2025\"\n\n"
                             "[[premiums]]\ncomponent = \"JKK\"\namount = \"10.000\"\nfrom = \"2027-01\"\n"),
        "cut.toml");
    CHECK(p.premium_for(ym(2026, 3)) == rupiah(16'800));
    CHECK(p.premium_for(ym(2026, 4)) == rupiah(11'800));
    CHECK(p.premium_for(ym(2026, 12)) == rupiah(11'800));
    CHECK(p.premium_for(ym(2027, 1)) == rupiah(16'800));
  }
}

TEST_CASE("profile::find_occupation", "[profile]") {
  const Profile& p = balikpapan();
  const std::string trade = "Perangkat Daerah yang membidangi urusan perdagangan";
  SECTION("code f alone is pedagang kaki lima (Lampiran I row 7)") {
    const Occupation* o = p.find_occupation("f");
    REQUIRE(o != nullptr);
    CHECK(o->name == "pedagang kaki lima");
    CHECK(o->agency == trade);
  }
  SECTION("codes in any case, spaces trimmed") {
    REQUIRE(p.find_occupation("F") != nullptr);
    CHECK(p.find_occupation("F")->agency == trade);
    REQUIRE(p.find_occupation(" a ") != nullptr);
    CHECK(p.find_occupation(" a ")->name == "nelayan");
  }
  SECTION("the name pedagang keliling selects its own agency (Lampiran I row 8)") {
    const Occupation* o = p.find_occupation("pedagang keliling");
    REQUIRE(o != nullptr);
    CHECK(o->code == "f");
    CHECK(o->agency == "Kecamatan dan Kelurahan");
  }
  SECTION("names compared normalised: case, outer and inner spaces") {
    const Occupation* o = p.find_occupation("  Pedagang  Kaki\tLima ");
    REQUIRE(o != nullptr);
    CHECK(o->agency == trade);
  }
  SECTION("aliases") {
    REQUIRE(p.find_occupation("PKL") != nullptr);
    CHECK(p.find_occupation("PKL")->name == "pedagang kaki lima");
    REQUIRE(p.find_occupation("Buruh Harian Lepas") != nullptr);
    CHECK(p.find_occupation("Buruh Harian Lepas")->code == "k");
  }
  SECTION("unknown and empty") {
    CHECK(p.find_occupation("pilot") == nullptr);
    CHECK(p.find_occupation("p") == nullptr);
    CHECK(p.find_occupation("pedagang") == nullptr);
    CHECK(p.find_occupation("") == nullptr);
    CHECK(p.find_occupation("   ") == nullptr);
  }
}

TEST_CASE("profile::find_category", "[profile]") {
  const Profile& p = balikpapan();
  CHECK(p.find_category("FM") == "FM");
  CHECK(p.find_category("otm") == "OTM");
  CHECK(p.find_category(" Fakir  Miskin ") == "FM");
  CHECK(p.find_category("ORANG TIDAK MAMPU") == "OTM");
  CHECK(p.find_category("mampu").empty());
  CHECK(p.find_category("").empty());
}

TEST_CASE("profile::normalize_name", "[profile]") {
  CHECK(normalize_name("  Pedagang  Kaki\t Lima ") == "pedagang kaki lima");
  CHECK(normalize_name("PKL") == "pkl");
  CHECK(normalize_name("") == "");
  CHECK(normalize_name(" \t ") == "");
}

TEST_CASE("profile::load_profile resolves names and files", "[profile]") {
  SECTION("an unknown name: 78, listing the built-ins") {
    const std::string m = config_error_of("jakarta-2025");
    CHECK_THAT(m, Catch::Contains("jakarta-2025"));
    CHECK_THAT(m, Catch::Contains("balikpapan-2025"));
    CHECK_THAT(m, Catch::Contains("balangan-2024"));
  }
  SECTION("a file that does not exist: 78, not 66") {
    const std::string m = config_error_of("/nonexistent/daerahku.toml");
    CHECK_THAT(m, Catch::Contains("/nonexistent/daerahku.toml"));
  }
  SECTION("a folder: 78") {
    TempFile f("x.toml", "");
    CHECK_THAT(config_error_of(f.dir() + "/"), Catch::Contains(f.dir()));
  }
  SECTION("a valid file loads, its path is its source") {
    TempFile f("daerahku.toml", profile_text("balikpapan-2025"));
    const Profile p = load_profile(f.path());
    CHECK(p.id == "balikpapan-2025");
    CHECK(p.source == f.path());
    CHECK(profile_text(f.path()) == profile_text("balikpapan-2025"));
  }
  SECTION("a file saved by Windows Notepad: BOM and CRLF") {
    std::string text = "\xEF\xBB\xBF";
    for (char c : profile_text("balangan-2024")) {
      if (c == '\n') text += '\r';
      text += c;
    }
    TempFile f("balangan.toml", text);
    CHECK(load_profile(f.path()).region_code == "6311");
  }
  SECTION("a path is a file even without .toml when it holds a '/'") {
    CHECK(is_profile_path("./daerahku"));
    CHECK(is_profile_path("daerahku.TOML"));
    CHECK_FALSE(is_profile_path("daerahku"));
    CHECK_FALSE(is_profile_path(".toml"));
  }
}
