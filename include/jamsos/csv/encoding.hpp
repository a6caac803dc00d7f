#pragma once
// Text encoding of CSV input (contract, "CSV conventions": input must be UTF-8;
// `--encoding cp1252` / `latin1` converts older spreadsheet exports).
//
// Why CP1252 also serves latin1: the two agree on 0xA0-0xFF; in 0x80-0x9F latin1 has
// only control characters nobody types, where CP1252 has € ‘ ’ “ ” – —, which is what an
// old Indonesian Excel export holds. 0xE9 -> "é" (C3 A9), 0x80 -> "€" (E2 82 AC).
#include <string>
#include <string_view>

namespace jamsos::csv {

// True when `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Appends `text`, read as Windows-1252, to `out` as UTF-8. Every byte maps to something:
// the five bytes CP1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) become the C1 control
// of the same number, as the WHATWG encoding standard does, so nothing is lost.
void append_cp1252_as_utf8(std::string_view text, std::string& out);

// `text` with every byte that is not part of a valid UTF-8 sequence replaced by U+FFFD:
// what validate writes for a row it rejects as `encoding`, so its outputs stay UTF-8
// (contract, "Write") while the reader still sees where the bad bytes were.
std::string replace_invalid_utf8(std::string_view text);

}  // namespace jamsos::csv
