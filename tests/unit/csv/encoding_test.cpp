// UTF-8 validation and CP1252 conversion at their boundaries.
#include <catch2/catch.hpp>

#include "jamsos/csv/encoding.hpp"

using namespace jamsos::csv;

TEST_CASE("csv::is_valid_utf8", "[csv][encoding]") {
  SECTION("ASCII, 2-, 3- and 4-byte forms up to U+10FFFF") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("Siti Aminah, RT 03 -- a long ASCII run past one word"));
    CHECK(is_valid_utf8("\xC2\x80"));          // U+0080, smallest 2-byte
    CHECK(is_valid_utf8("\xE0\xA0\x80"));      // U+0800, smallest 3-byte
    CHECK(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
    CHECK(is_valid_utf8("\xF0\x90\x80\x80"));  // U+10000, smallest 4-byte
    CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the largest
  }
  SECTION("overlong forms, surrogates, beyond U+10FFFF, stray and truncated bytes") {
    CHECK_FALSE(is_valid_utf8("\xC1\xBF"));
    CHECK_FALSE(is_valid_utf8("\xE0\x9F\xBF"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
    CHECK_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
    CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
    CHECK_FALSE(is_valid_utf8("abc\x80"));
    CHECK_FALSE(is_valid_utf8("caf\xE9"));             // CP1252 é
    CHECK_FALSE(is_valid_utf8("\xE2\x82"));            // € cut short
    CHECK_FALSE(is_valid_utf8("12345678\xC3(abcdefg"));  // bad continuation after a word of ASCII
  }
}

TEST_CASE("csv::append_cp1252_as_utf8", "[csv][encoding]") {
  std::string out = "x";
  append_cp1252_as_utf8("caf\xE9 \x80 \x93ok\x94 \xA0\xFF \x81", out);
  CHECK(out == "xcaf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cok\xE2\x80\x9D \xC2\xA0\xC3\xBF \xC2\x81");
  CHECK(is_valid_utf8(out));
}
