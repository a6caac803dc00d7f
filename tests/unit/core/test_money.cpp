// Exact money, contract "CSV conventions": every spelling it lists, the malformed ones it
// turns into number_format, the UMK boundary of Pasal 5 ayat (1) huruf f, and overflow.
#include <catch2/catch.hpp>

#include <limits>
#include <random>
#include <string>

#include "jamsos/core/money.hpp"

using namespace jamsos;

TEST_CASE("money::parse_money reads the contract's spellings", "[money]") {
  SECTION("whole Rupiah") {
    const Sen expected = rupiah(3'500'000);
    for (const char* text : {"3500000", "3.500.000", "Rp 3.500.000", "Rp3.500.000", "RP 3.500.000", "rp 3.500.000",
                             "Rp. 3.500.000", "Rp  3.500.000", "Rp\xC2\xA0" "3.500.000", " 3.500.000 ", "3500000.00",
                             "3.500.000,00", "Rp 3500000"}) {
      INFO(text);
      CHECK(parse_money(text) == expected);
    }
  }
  SECTION("with sen") {
    const Sen umk = 370'150'868;  // Balikpapan 2025: Rp 3.701.508,68
    for (const char* text : {"3.701.508,68", "3701508.68", "3701508,68", "Rp 3.701.508,68"}) {
      INFO(text);
      CHECK(parse_money(text) == umk);
    }
    CHECK(parse_money("3.701.508,6") == 370'150'860);  // one decimal is tenths
    CHECK(parse_money("3701508.6") == 370'150'860);
    CHECK(parse_money("0,05") == 5);
    CHECK(parse_money("0.5") == 50);
  }
  SECTION("a dot before three digits is a group, before one or two it is decimals") {
    CHECK(parse_money("3.500") == rupiah(3'500));
    CHECK(parse_money("3.50") == 350);
    CHECK(parse_money("999") == rupiah(999));
    CHECK(parse_money("1.000") == rupiah(1'000));
    CHECK(parse_money("16.800") == rupiah(16'800));
    CHECK(parse_money("100.000.000.000") == rupiah(100'000'000'000));
  }
  SECTION("negative amounts (billing corrections)") {
    CHECK(parse_money("-16800") == -rupiah(16'800));
    CHECK(parse_money("-16.800") == -rupiah(16'800));
    CHECK(parse_money("-Rp 16.800") == -rupiah(16'800));
    CHECK(parse_money("Rp -16.800") == -rupiah(16'800));
    CHECK(parse_money("-0,50") == -50);
    CHECK(parse_money("-0") == 0);
  }
  SECTION("zero") {
    CHECK(parse_money("0") == 0);
    CHECK(parse_money("Rp 0") == 0);
  }
}

TEST_CASE("money::parse_money rejects everything else", "[money]") {
  for (const char* text :
       {"3,500,000", "3.50.000", "1.2345", "Rp", "", "--5", "3.500.000,", "3.5jt", "3 500 000", "3.500.000,123",
        "3.500,000", "1,000.50", "3.500.000.50", "12.34.567", "1234.567.890", "0.500", "012.345", ".5", ",5", "5.",
        "5,", "-", "+5", "Rp -", "Rp Rp 5", "-Rp -5", "5-", "3500000 Rp", "3.500.000,-", "Rp.", "abc", "1e6",
        "3.500.000 rupiah", "Rp3.500.000x", "3..500", "3,,50", "IDR 3500000", "   "}) {
    INFO('"' << text << '"');
    CHECK_FALSE(parse_money(text));
  }
}

TEST_CASE("money::UMK boundary (Pasal 5 ayat (1) huruf f)", "[money]") {
  const Sen umk = *parse_money("3.701.508,68");
  SECTION("one sen below, in both spellings") {
    const auto indonesian = parse_money("3.701.508,67");
    const auto plain = parse_money("3701508.67");
    REQUIRE(indonesian);
    REQUIRE(plain);
    CHECK(*indonesian == *plain);
    CHECK(*indonesian < umk);
    CHECK(umk - *indonesian == 1);
  }
  SECTION("at the UMK, in both spellings: not below it") {
    CHECK(parse_money("3701508.68") == umk);
    CHECK_FALSE(*parse_money("3701508.68") < umk);
  }
}

TEST_CASE("money::parse_money refuses amounts past max_money", "[money]") {
  CHECK(parse_money("900000000000000") == max_money);
  CHECK(parse_money("900.000.000.000.000") == max_money);
  CHECK(parse_money("-900000000000000") == -max_money);
  CHECK_FALSE(parse_money("900000000000000,01"));
  CHECK_FALSE(parse_money("900.000.000.000.001"));
  CHECK_FALSE(parse_money("92233720368547758"));            // INT64_MAX sen in Rupiah
  CHECK_FALSE(parse_money("123456789012345678901234567890"));  // would wrap a uint64
  CHECK(parse_money("0000000000000000000000000000016800") == rupiah(16'800));  // zeros are no overflow
}

TEST_CASE("money::format_money_plain", "[money]") {
  CHECK(format_money_plain(0) == "0");
  CHECK(format_money_plain(rupiah(3'500'000)) == "3500000");
  CHECK(format_money_plain(370'150'868) == "3701508.68");
  CHECK(format_money_plain(370'150'860) == "3701508.60");
  CHECK(format_money_plain(5) == "0.05");
  CHECK(format_money_plain(-rupiah(16'800)) == "-16800");
  CHECK(format_money_plain(-5) == "-0.05");
  CHECK(format_money_plain(std::numeric_limits<Sen>::min()) == "-92233720368547758.08");
}

TEST_CASE("money::format_rupiah", "[money]") {
  CHECK(format_rupiah(rupiah(3'500'000)) == "Rp 3.500.000");
  CHECK(format_rupiah(370'150'868) == "Rp 3.701.508,68");
  CHECK(format_rupiah(-rupiah(16'800)) == "-Rp 16.800");
  CHECK(format_rupiah(0) == "Rp 0");
  CHECK(format_rupiah(rupiah(999)) == "Rp 999");
  CHECK(format_rupiah(rupiah(1'000)) == "Rp 1.000");
  CHECK(format_rupiah(rupiah(100'000)) == "Rp 100.000");
  CHECK(format_rupiah(5) == "Rp 0,05");
  CHECK(format_rupiah(max_money) == "Rp 900.000.000.000.000");
}

TEST_CASE("money::format then parse round-trips (seeded)", "[money]") {
  std::mt19937_64 rng(370150868);
  std::uniform_int_distribution<int> digits(1, 17);
  for (int i = 0; i < 20000; ++i) {
    // Spread over every magnitude: pick a digit count, then a value below 10^count.
    Sen limit = 1;
    for (int d = digits(rng); d > 0; --d) limit *= 10;
    if (limit > max_money) limit = max_money;
    Sen amount = std::uniform_int_distribution<Sen>(0, limit)(rng);
    if (i % 3 == 0) amount = -amount;
    if (i % 5 == 0) amount -= amount % 100;  // whole Rupiah, written without sen
    INFO(amount);
    REQUIRE(parse_money(format_money_plain(amount)) == amount);
    REQUIRE(parse_money(format_rupiah(amount)) == amount);
  }
}
