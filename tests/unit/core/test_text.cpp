// Text helpers of src/core/text.cpp: booleans (contract, "CSV conventions") and trimming.
#include <catch2/catch.hpp>

#include "jamsos/core/text.hpp"

using namespace jamsos;

TEST_CASE("text::parse_bool", "[text]") {
  SECTION("yes: Y, YA, 1, TRUE in any case") {
    for (const char* s : {"Y", "y", "YA", "ya", "Ya", "1", "TRUE", "true", "True", " ya ", "\tY\r"}) {
      INFO('"' << s << '"');
      CHECK(parse_bool(s) == Tristate::yes);
    }
  }
  SECTION("no: N, TIDAK, 0, FALSE in any case") {
    for (const char* s : {"N", "n", "TIDAK", "tidak", "Tidak", "0", "FALSE", "false", "False", " tidak "}) {
      INFO('"' << s << '"');
      CHECK(parse_bool(s) == Tristate::no);
    }
  }
  SECTION("anything else is unknown, the empty cell included") {
    for (const char* s : {"", "  ", "yes", "no", "T", "F", "2", "-1", "ya ya", "tidak ada", "YAA", "benar", "00", "1.0"}) {
      INFO('"' << s << '"');
      CHECK(parse_bool(s) == Tristate::unknown);
    }
  }
}

TEST_CASE("text::trim", "[text]") {
  CHECK(trim("  abc  ") == "abc");
  CHECK(trim("\t\r\nabc\r\n") == "abc");
  CHECK(trim("a b") == "a b");
  CHECK(trim(" a b ") == "a b");
  CHECK(trim("   ").empty());
  CHECK(trim("").empty());
  CHECK(trim("abc") == "abc");
}

TEST_CASE("text::case and digits helpers", "[text]") {
  CHECK(to_lower_ascii("Kota BALIKPAPAN") == "kota balikpapan");
  CHECK(to_upper_ascii("fm") == "FM");
  CHECK(to_lower_ascii("\xC3\x89") == "\xC3\x89");  // non-ASCII bytes untouched
  CHECK(iequals("OTM", "otm"));
  CHECK_FALSE(iequals("OTM", "OT"));
  CHECK(is_all_digits("0123456789"));
  CHECK_FALSE(is_all_digits(""));
  CHECK_FALSE(is_all_digits("12a"));
  CHECK_FALSE(is_all_digits(" 12"));
}
