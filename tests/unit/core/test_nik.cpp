// NIK and KK checks (contract, `validate`: nik_format, nik_scientific, nik_structure,
// kk_format; warnings nik_birthdate_mismatch, nik_sex_mismatch) and masking for stderr.
#include <catch2/catch.hpp>

#include "jamsos/core/nik.hpp"

using namespace jamsos;

namespace {
Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }
}  // namespace

TEST_CASE("nik::check_nik accepts well-formed NIKs", "[nik]") {
  SECTION("a man born 15 August (19)90 in Balikpapan Timur") { CHECK(check_nik("6471011508900001") == NikProblem::none); }
  SECTION("surrounding spaces") { CHECK(check_nik("  6471011508900001\t") == NikProblem::none); }
  SECTION("Balangan, and the first and last provinces") {
    CHECK(check_nik("6311011508900001") == NikProblem::none);
    CHECK(check_nik("1101011508900001") == NikProblem::none);  // 11 Aceh
    CHECK(check_nik("9601011508900001") == NikProblem::none);  // 96 Papua Barat Daya
  }
  SECTION("a regency or district no longer in the list is no fault (old NIKs keep theirs)") {
    CHECK(check_nik("6499991508900001") == NikProblem::none);
  }
}

TEST_CASE("nik::check_nik day boundaries", "[nik]") {
  SECTION("01-31 men, 41-71 women") {
    CHECK(check_nik("6471010101900001") == NikProblem::none);  // day 01
    CHECK(check_nik("6471013101900001") == NikProblem::none);  // day 31
    CHECK(check_nik("6471014101900001") == NikProblem::none);  // day 41
    CHECK(check_nik("6471017101900001") == NikProblem::none);  // day 71
  }
  SECTION("00, 32, 40 and 72 are impossible") {
    CHECK(check_nik("6471010001900001") == NikProblem::structure);
    CHECK(check_nik("6471013201900001") == NikProblem::structure);
    CHECK(check_nik("6471014001900001") == NikProblem::structure);
    CHECK(check_nik("6471017201900001") == NikProblem::structure);
    CHECK(check_nik("6471019901900001") == NikProblem::structure);
  }
  SECTION("the day is not checked against the month (birth digits are never corrected)") {
    CHECK(check_nik("6471013102900001") == NikProblem::none);  // 31 February
  }
}

TEST_CASE("nik::check_nik month, serial and province", "[nik]") {
  SECTION("month") {
    CHECK(check_nik("6471011501900001") == NikProblem::none);
    CHECK(check_nik("6471011512900001") == NikProblem::none);
    CHECK(check_nik("6471011500900001") == NikProblem::structure);
    CHECK(check_nik("6471011513900001") == NikProblem::structure);
  }
  SECTION("serial 0000 is impossible, 0001 and 9999 are fine") {
    CHECK(check_nik("6471011508900000") == NikProblem::structure);
    CHECK(check_nik("6471011508909999") == NikProblem::none);
  }
  SECTION("province not in Kemendagri 2025") {
    for (const char* nik : {"0071011508900001", "1071011508900001", "2071011508900001", "9771011508900001",
                            "9971011508900001"}) {
      INFO(nik);
      CHECK(check_nik(nik) == NikProblem::structure);
    }
  }
}

TEST_CASE("nik::check_nik scientific notation from spreadsheets", "[nik]") {
  for (const char* nik : {"6.47101E+15", "6,47101E+15", "6.47101e15", "6.47101E15", "6E+15", " 6.47101E+15 ",
                          "6.471011508900E+15", "6.47101e+015"}) {
    INFO(nik);
    CHECK(check_nik(nik) == NikProblem::scientific);
  }
}

TEST_CASE("nik::check_nik format", "[nik]") {
  for (const char* nik : {"", "   ", "647101150890001", "64710115089000011", "6471-0115-0890-0001", "6471 0115 0890 0001",
                          "647101150890000A", "'6471011508900001", "6.47101E", "E+15", "6.47101E+", "6..4E+15",
                          "6.E+15", "-6.47101E+15", "6471011508900001.0", "NIK"}) {
    INFO('"' << nik << '"');
    CHECK(check_nik(nik) == NikProblem::format);
  }
}

TEST_CASE("nik::decode_nik", "[nik]") {
  SECTION("a man") {
    const auto info = decode_nik("6471011508900001");
    REQUIRE(info);
    CHECK(info->region == "6471");
    CHECK(info->day == 15);
    CHECK(info->month == 8);
    CHECK(info->year2 == 90);
    CHECK(info->sex == 'L');
  }
  SECTION("a woman: 40 added to the day") {
    const auto first = decode_nik("6311014107050002");
    REQUIRE(first);
    CHECK(first->day == 1);
    CHECK(first->month == 7);
    CHECK(first->year2 == 5);
    CHECK(first->sex == 'P');
    const auto last = decode_nik("6311017107050002");
    REQUIRE(last);
    CHECK(last->day == 31);
    CHECK(last->sex == 'P');
  }
  SECTION("nothing for a NIK that fails check_nik") {
    CHECK_FALSE(decode_nik("6471017201900001"));
    CHECK_FALSE(decode_nik("6.47101E+15"));
    CHECK_FALSE(decode_nik(""));
  }
}

TEST_CASE("nik::nik_matches_birth_date", "[nik]") {
  const auto man = *decode_nik("6471011508900001");
  CHECK(nik_matches_birth_date(man, ymd(1990, 8, 15)));
  CHECK(nik_matches_birth_date(man, ymd(2090, 8, 15)));  // the year is compared modulo 100
  CHECK_FALSE(nik_matches_birth_date(man, ymd(1990, 8, 16)));
  CHECK_FALSE(nik_matches_birth_date(man, ymd(1990, 9, 15)));
  CHECK_FALSE(nik_matches_birth_date(man, ymd(1991, 8, 15)));
  const auto woman = *decode_nik("6311014107050002");
  CHECK(nik_matches_birth_date(woman, ymd(2005, 7, 1)));
  CHECK_FALSE(nik_matches_birth_date(woman, ymd(2005, 7, 2)));
  CHECK_FALSE(nik_matches_birth_date(woman, ymd(1905, 7, 11)));  // day 41 is the 1st, not the 11th
}

TEST_CASE("nik::is_valid_kk", "[nik]") {
  CHECK(is_valid_kk("6471010101200001"));
  CHECK(is_valid_kk(" 6471010101200001 "));
  for (const char* kk : {"", "647101010120000", "64710101012000011", "6.47101E+15", "6471-0101-0120-0001",
                         "647101010120000X", "0000000000000000"}) {
    INFO('"' << kk << '"');
    CHECK_FALSE(is_valid_kk(kk));
  }
}

TEST_CASE("nik::nik_key", "[nik]") {
  CHECK(nik_key("6471011508900001") == 6471011508900001ULL);
  CHECK(nik_key(" 6471011508900001 ") == 6471011508900001ULL);
  CHECK(nik_key("9999999999999999") == 9999999999999999ULL);
  CHECK(nik_key("0000000000000001") == 1ULL);
  CHECK(nik_key("6471011508900001") != nik_key("6471011508900002"));
  CHECK_FALSE(nik_key("647101150890001"));
  CHECK_FALSE(nik_key("6.47101E+15"));
  CHECK_FALSE(nik_key(""));
}

TEST_CASE("nik::mask_nik", "[nik]") {
  SECTION("a NIK shows its first 6 and last 4 digits") {
    CHECK(mask_nik("6471011508900001") == "647101******0001");
    CHECK(mask_nik(" 6471011508900001 ") == "647101******0001");
  }
  SECTION("anything else shows its first 2 characters") {
    CHECK(mask_nik("647101150890001") == "64*************");
    CHECK(mask_nik("6.47101E+15") == "6.*********");
    CHECK(mask_nik("Siti Aminah") == "Si*********");
    CHECK(mask_nik("12") == "12");
    CHECK(mask_nik("") == "");
  }
  SECTION("UTF-8 characters count as one") {
    CHECK(mask_nik("\xC3\x89\xC3\xA9\xC3\x80\xC3\x80") == "\xC3\x89\xC3\xA9**");  // ÉéÀÀ
  }
}

TEST_CASE("nik::impossible_nik_part names the first impossible part", "[nik]") {
  CHECK(impossible_nik_part("6471011205800001") == NikPart::none);
  CHECK(impossible_nik_part("9971011205800001") == NikPart::province);  // no province 99
  CHECK(impossible_nik_part("6471013205800001") == NikPart::day);       // day 32
  CHECK(impossible_nik_part("6471017205800001") == NikPart::day);       // day 72 (women: 41-71)
  CHECK(impossible_nik_part("6471014113800001") == NikPart::month);     // month 13
  CHECK(impossible_nik_part("6471011205800000") == NikPart::serial);
  CHECK(impossible_nik_part("6.47101E+15") == NikPart::none);           // not a structure problem
  // Province first: 99 with day 00 names the province.
  CHECK(impossible_nik_part("9971010005800001") == NikPart::province);
}
