// Region codes of Kepmendagri No. 300.2.2-2138 Tahun 2025, embedded from data/ (data/README.md).
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "jamsos/core/nik.hpp"
#include "jamsos/core/regions.hpp"

using namespace jamsos;

TEST_CASE("regions::region_name for the two profiles' regions", "[regions]") {
  SECTION("regency / city, plain and dotted") {
    CHECK(region_name("6471") == "Kota Balikpapan");
    CHECK(region_name("64.71") == "Kota Balikpapan");
    CHECK(region_name(" 64.71 ") == "Kota Balikpapan");
    CHECK(region_name("6311") == "Kabupaten Balangan");
  }
  SECTION("province") {
    CHECK(region_name("64") == "Kalimantan Timur");
    CHECK(region_name("63") == "Kalimantan Selatan");
  }
  SECTION("district") {
    CHECK(region_name("647101") == "Balikpapan Timur");
    CHECK(region_name("64.71.01") == "Balikpapan Timur");
    CHECK(region_name("631101") == "Juai");
  }
  SECTION("malformed or unknown codes") {
    for (const char* code : {"", "6", "647", "64711", "6471.01", "64-71", "64.7.1", "64..71", "64.71.", ".64.71", "kode",
                             "6499", "97", "00", "64710101", "6471010001"}) {
      INFO('"' << code << '"');
      CHECK_FALSE(region_name(code));
    }
  }
}

TEST_CASE("regions::normalize_region_code", "[regions]") {
  CHECK(normalize_region_code("64.71") == "6471");
  CHECK(normalize_region_code("6471") == "6471");
  CHECK(normalize_region_code("64") == "64");
  CHECK(normalize_region_code(" 64.71.01 ") == "647101");
  CHECK(normalize_region_code("6499") == "6499");  // well formed, even if not in the list
  CHECK_FALSE(normalize_region_code("647"));
  CHECK_FALSE(normalize_region_code("64 71"));
  CHECK_FALSE(normalize_region_code("64,71"));
  CHECK_FALSE(normalize_region_code("6471.01"));
  CHECK_FALSE(normalize_region_code("64.71.01.1001"));
  CHECK_FALSE(normalize_region_code(""));
}

TEST_CASE("regions::is_known_province: the 38 provinces of 2025", "[regions]") {
  int count = 0;
  for (unsigned code = 0; code < 100; ++code)
    if (is_known_province(code)) ++count;
  CHECK(count == 38);
  CHECK(is_known_province(11));  // Aceh
  CHECK(is_known_province(21));  // Kepulauan Riau
  CHECK(is_known_province(63));
  CHECK(is_known_province(64));
  CHECK(is_known_province(96));  // Papua Barat Daya, formed 2022
  CHECK_FALSE(is_known_province(0));
  CHECK_FALSE(is_known_province(10));
  CHECK_FALSE(is_known_province(20));
  CHECK_FALSE(is_known_province(97));
  CHECK_FALSE(is_known_province(100));
  CHECK_FALSE(is_known_province(6471));
}

TEST_CASE("regions::the embedded table equals data/kemendagri-wilayah-2025.csv", "[regions]") {
  std::ifstream in(JAMSOS_SOURCE_DIR "/data/kemendagri-wilayah-2025.csv");
  REQUIRE(in);
  std::string line;
  REQUIRE(std::getline(in, line));
  CHECK(line == "kode,tingkat,nama");
  int rows = 0;
  while (std::getline(in, line)) {
    const auto first = line.find(',');
    const auto second = line.find(',', first + 1);
    REQUIRE(second != std::string::npos);
    const std::string code = line.substr(0, first);
    INFO(line);
    REQUIRE(region_name(code) == line.substr(second + 1));
    ++rows;
  }
  CHECK(rows == 38 + 514 + 7285);
}
