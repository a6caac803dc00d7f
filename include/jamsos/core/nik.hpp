#pragma once
// NIK: 16 digits = province(2) regency(2) district(2) DDMMYY (day + 40 for women)
// serial(4). The region and birth digits are set at first issue and never corrected,
// so a NIK can warn about age, sex or region but never decide them
// (shared/regulations/README.md, "NIK layout"; Pasal 7 ayat (1) huruf a).
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "jamsos/core/dates.hpp"

namespace jamsos {

enum class NikProblem {
  none,
  format,      // not 16 digits
  scientific,  // a spreadsheet turned it into 6.47101E+15: digits are lost for good
  structure,   // impossible province, day (01-31 / 41-71), month, or serial 0000
};

// Leading/trailing spaces are ignored; nothing else is forgiven.
NikProblem check_nik(std::string_view nik);

// For a `structure` problem: the first impossible part, so the message can name it.
enum class NikPart { none, province, day, month, serial };
NikPart impossible_nik_part(std::string_view nik);

struct NikInfo {
  std::string region;    // first 4 digits, e.g. "6471"
  unsigned day = 0;      // 1..31 (already minus 40 for women)
  unsigned month = 0;    // 1..12
  unsigned year2 = 0;    // YY, 0..99
  char sex = 'L';        // 'L' or 'P' (day > 40)
};
// Decodes a NIK that passed check_nik.
std::optional<NikInfo> decode_nik(std::string_view nik);

// True when the NIK's DDMMYY agrees with the birth date (year compared modulo 100).
bool nik_matches_birth_date(const NikInfo& info, Date birth);

// 16 digits (Pasal 7 ayat (1) huruf b: a copy of the KK is attached).
bool is_valid_kk(std::string_view kk);

// NIK as a 64-bit key for sets and maps; nullopt unless 16 digits (blanks around trimmed).
std::optional<std::uint64_t> nik_key(std::string_view nik);

// The key of a cell of exactly 16 ASCII digits, eight at a time (SWAR): a roster of millions
// reads one per row, and the digit loop was 150 instructions a NIK (callgrind). False for
// anything else (nik_key then decides, trimming included).
inline bool sixteen_digit_key(std::string_view cell, std::uint64_t& key) {
  if constexpr (std::endian::native != std::endian::little) return false;
  if (cell.size() != 16) return false;
  std::uint64_t hi = 0, lo = 0;
  std::memcpy(&hi, cell.data(), 8);
  std::memcpy(&lo, cell.data() + 8, 8);
  const auto digits = [](std::uint64_t v) {  // every byte '0'..'9'
    return (((v + 0x4646464646464646ULL) | (v - 0x3030303030303030ULL)) & 0x8080808080808080ULL) == 0;
  };
  const auto value = [](std::uint64_t v) {  // eight ASCII digits, the first in the low byte
    v -= 0x3030303030303030ULL;
    v = v * 10 + (v >> 8);
    return (((v & 0x000000FF000000FFULL) * 0x000F424000000064ULL) +
            (((v >> 16) & 0x000000FF000000FFULL) * 0x0000271000000001ULL)) >> 32;
  };
  if (!digits(hi) || !digits(lo)) return false;
  key = value(hi) * 100000000ULL + value(lo);
  return true;
}

// For stderr and reports (contract: first 6 and last 4 digits): 647101******0001.
// Text that is not a 16-digit NIK is masked all but its first 2 characters.
std::string mask_nik(std::string_view nik);

// The province codes of Kemendagri 2025 (data/kemendagri-wilayah-2025.csv).
bool is_known_province(unsigned code);

}  // namespace jamsos
