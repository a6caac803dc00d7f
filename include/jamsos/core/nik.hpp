#pragma once
// NIK: 16 digits = province(2) regency(2) district(2) DDMMYY (day + 40 for women)
// serial(4). The region and birth digits are set at first issue and never corrected,
// so a NIK can warn about age, sex or region but never decide them
// (shared/regulations/README.md, "NIK layout"; Pasal 7 ayat (1) huruf a).
#include <cstdint>
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

// NIK as a 64-bit key for sets and maps; nullopt unless 16 digits.
std::optional<std::uint64_t> nik_key(std::string_view nik);

// For stderr and reports (contract: first 6 and last 4 digits): 647101******0001.
// Text that is not a 16-digit NIK is masked all but its first 2 characters.
std::string mask_nik(std::string_view nik);

// The province codes of Kemendagri 2025 (data/kemendagri-wilayah-2025.csv).
bool is_known_province(unsigned code);

}  // namespace jamsos
