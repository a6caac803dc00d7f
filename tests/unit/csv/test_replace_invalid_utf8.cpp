// replace_invalid_utf8: what validate writes for a row rejected as `encoding`.
#include <catch2/catch.hpp>

#include "jamsos/csv/encoding.hpp"

using jamsos::csv::is_valid_utf8;
using jamsos::csv::replace_invalid_utf8;

TEST_CASE("csv::replace_invalid_utf8", "[csv][encoding]") {
  const std::string fffd = "\xEF\xBF\xBD";
  SECTION("valid text is unchanged") {
    CHECK(replace_invalid_utf8("Désirée – Rp 3.500.000 🙂") == "Désirée – Rp 3.500.000 🙂");
    CHECK(replace_invalid_utf8("") == "");
  }
  SECTION("each stray byte becomes one U+FFFD") {
    CHECK(replace_invalid_utf8("D\xE9sir\xE9" "e") == "D" + fffd + "sir" + fffd + "e");  // CP1252 é
    CHECK(replace_invalid_utf8("\x80") == fffd);
  }
  SECTION("truncated, overlong and surrogate sequences") {
    CHECK(replace_invalid_utf8("a\xE2\x82") == "a" + fffd + fffd);         // cut-off 3-byte sequence
    CHECK(replace_invalid_utf8("\xC0\xAF") == fffd + fffd);               // overlong '/'
    CHECK(replace_invalid_utf8("\xED\xA0\x80") == fffd + fffd + fffd);    // UTF-16 surrogate
    CHECK(replace_invalid_utf8("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd);  // above U+10FFFF
  }
  SECTION("the result is always valid UTF-8") {
    std::string bytes;
    for (int b = 0; b < 256; ++b) bytes.push_back(static_cast<char>(b));
    CHECK_FALSE(is_valid_utf8(bytes));
    CHECK(is_valid_utf8(replace_invalid_utf8(bytes)));
  }
}
